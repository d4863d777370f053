"""Ingest layer: the one set of readers (CSV, XLSX, JSON) every format uses, with one size limit and one formula rule.

Every reader takes a size limit (``EXPLORER_MAX_INGEST_MB``) and raises :class:`FileFormatError`
naming the file and what is wrong with it (empty, binary, too large, the wrong separator, a
ragged row...), so a report can say it in plain English and nothing is published.

**The formula rule**, for every format: a workbook's formulas are read as their text
(``=SUM(A1:A3)``), never as the value Excel last cached, and any value that a spreadsheet would
run as a formula (:data:`FORMULA`) is refused with :data:`RULE_FORMULA`: a register holds values,
not calculations, and a formula handed on in an export is an injection risk.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from explorer.domain.limits import json_depth_exceeds

ENCODINGS = ("utf-8-sig", "cp1252")

#: The key under which readers keep each row's number as a spreadsheet user sees it.
ROW_KEY = "_row"

#: The default largest file accepted (bytes); settings may lower or raise it.
MAX_BYTES = 50 * 1024 * 1024

#: The widest table accepted (the register's widest has about 30 columns, a flattened 360Giving
#: file about 100); counted from the header before any row is read.
MAX_COLUMNS = 500
#: The deepest nesting of arrays and objects a JSON file may have (Open Referral UK needs about
#: 8); measured before the file is parsed, so a hostile file cannot exhaust the parser's stack.
MAX_JSON_DEPTH = 64
#: How the rule of a "could not read" problem starts: the file was not read at all, so
#: ``explorer ingest`` and ``sync`` exit 2 rather than 1 (read, and refused).
COULD_NOT_READ = "could not be read: "

_OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ZIP_MAGIC = b"PK\x03\x04"


#: Text a spreadsheet would run as a formula (CSV injection); +/- followed by a digit is a number.
FORMULA = re.compile(r"^\s*(?:=|@|[+\-](?![\d.\s])|\t|\r)")

RULE_FORMULA = "must be a value, not a spreadsheet formula: it starts with = + - or @"


def is_formula(value: Any) -> bool:
    """True when ``value`` is text a spreadsheet would run as a formula (the one formula rule)."""
    return isinstance(value, str) and bool(FORMULA.search(value))


class FileFormatError(ValueError):
    """A file cannot be read as a table; says which file, where and why.

    Attributes:
        file: The file's name.
        rule: What is wrong, in plain English.
        row: The row the problem is on (0 for the whole file, 1 for the header).
        field: The column concerned, if any.
        value: The offending text, if any (shortened).
    """

    def __init__(self, file: str, rule: str, *, row: int = 0, field: str = "", value: str = ""):
        super().__init__(f"{file}: {rule}" if file else rule)
        self.file = file
        self.rule = rule
        self.row = row
        self.field = field
        self.value = value


class UnreadableFileError(FileFormatError):
    """A file past a reading limit (too wide, nested too deep): not read at all.

    Its rule starts with :data:`COULD_NOT_READ`, so a report says so and the command exits 2.
    """

    def __init__(self, file: str, rule: str, **where: Any):
        super().__init__(file, COULD_NOT_READ + rule, **where)


def could_not_read(problems) -> bool:
    """Whether any of the problems says a file could not be read at all (exit 2)."""
    return any(p.rule.startswith(COULD_NOT_READ) for p in problems)


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Reads a file whole, refusing it when it is missing or larger than ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FileFormatError(
                path.name,
                f"is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)}; split it or raise "
                "EXPLORER_MAX_INGEST_MB",
            )
        return path.read_bytes()
    except OSError as exc:
        raise FileFormatError(path.name, f"cannot be read ({exc.strerror})") from exc


def read_csv(path: Path, *, max_bytes: int = MAX_BYTES) -> list[dict[str, str]]:
    """Reads a CSV file with a header row into a list of dicts of text.

    Each row also carries its line number under :data:`ROW_KEY` (the header is row 1), so
    reports name the row a spreadsheet shows even when blank lines were skipped.

    Accepts UTF-8 (with or without a byte-order mark) and Windows-1252 as Excel writes it.
    Column names are trimmed and lower-cased; blank trailing columns that Excel adds are dropped.

    Raises:
        FileFormatError: The file is missing, too large, empty, binary, separated by something
            other than commas, has a row with more values than the header, or repeats a column.
    """
    path = Path(path)
    return read_csv_bytes(read_bytes(path, max_bytes=max_bytes), path.name)


class _Repeats:
    """Makes a column's repeated values one string object (statuses, dates, codes, URLs repeat down a
    register of 100,000 rows); a column whose values are mostly different stops being looked up."""

    #: Rows after which each column's distinct values are counted, and stop being shared when many.
    CHECK_EVERY = 2_000

    def __init__(self, width: int):
        self._memos: list[dict[str, str] | None] = [{} for _ in range(width)]
        self._adds = [m.setdefault for m in self._memos]  # type: ignore[union-attr]

    def __call__(self, values: list[str], number: int) -> list[str]:
        if number % self.CHECK_EVERY == 0:
            for i, memo in enumerate(self._memos):
                if memo is not None and len(memo) > number // 2:
                    self._memos[i] = None
                    self._adds[i] = _same
        if len(values) != len(self._adds):
            return values
        return [add(v, v) for add, v in zip(self._adds, values)]


def _same(value: str, _default: str) -> str:
    return value


#: One line of text and its ending, as universal-newline reading splits them.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def read_csv_bytes(data: bytes, name: str) -> list[dict[str, str]]:
    """Reads CSV content (see :func:`read_csv`); ``name`` labels errors."""
    if data.startswith(_ZIP_MAGIC):
        raise FileFormatError(name, "is a zipped file (an XLSX workbook?), not CSV text: save it as .xlsx or as CSV")
    if b"\x00" in data:
        raise FileFormatError(name, "is not a text file (it contains binary data)")
    text = decode(data, name)
    if _CONTROL.search(text[:4096]):
        raise FileFormatError(name, "is not a text file (it contains control characters)")
    if not text.strip():
        raise FileFormatError(name, "is empty; expected a header row and rows of data")
    # Lines as io.StringIO(text, newline="") gives them (ending at \r\n, \r or \n, endings kept), but
    # made one at a time: a StringIO of the text holds four bytes a character (140 MB for 35 MB of CSV).
    reader = csv.reader(m.group() for m in _LINE.finditer(text))
    try:
        header = next(reader)
        _check_width(len(header), name)
        header = [h.strip().lower() for h in header]
        _check_header(header, name)
        width = len(header)
        rows = []
        named = [(i, h) for i, h in enumerate(header) if h]
        nameless = len(named) < width
        shared = _Repeats(width)
        for number, values in enumerate(reader, start=2):
            values = shared(values, number)
            if len(values) != width or nameless:
                if not "".join(values).strip():
                    continue  # blank lines (Excel leaves some at the end)
                if len(values) > width and "".join(values[width:]).strip():
                    raise FileFormatError(
                        name,
                        f"has {len(values)} values but the header has {width} columns: check the "
                        "quoting of values that contain commas",
                        row=number,
                    )
                for i, value in enumerate(values[:width]):
                    if not header[i] and value.strip():
                        raise FileFormatError(name, f"has a value in column {i + 1}, which has no name", row=number)
                values = values + [""] * (width - len(values))
            elif not "".join(values).strip():
                continue
            row = {h: values[i] for i, h in named} if nameless else dict(zip(header, values))
            row[ROW_KEY] = number
            rows.append(row)
    except csv.Error as exc:
        raise FileFormatError(name, f"is not well-formed CSV ({exc})") from exc
    return rows


def read_xlsx(path: Path, *, max_bytes: int = MAX_BYTES) -> dict[str, list[dict[str, str]]]:
    """Reads every sheet of an XLSX workbook: sheet name to rows of text (first row = header).

    Formulas are read as their text (``=SUM(A1:A3)``), so validation can refuse them: a
    register holds values, not calculations.

    Raises:
        FileFormatError: The file is not a readable workbook, or a sheet's header is unusable.
    """
    path = Path(path)
    book = _open_workbook(read_bytes(path, max_bytes=max_bytes), path.name)
    sheets: dict[str, list[dict[str, str]]] = {}
    try:
        for sheet in book.worksheets:
            label = f"{path.name} › {sheet.title}"
            values = sheet.iter_rows(values_only=True)
            header_cells = next(values, None)
            if header_cells is None:
                sheets[sheet.title] = []
                continue
            header = [cell_text(c).strip().lower() for c in header_cells]
            while header and not header[-1]:
                header.pop()
            _check_width(len(header), label)
            _check_header(header, label)
            rows = []
            for number, cells in enumerate(values, start=2):
                texts = [cell_text(c) for c in cells]
                if not any(t.strip() for t in texts):
                    continue
                if any(t.strip() for t in texts[len(header):]):
                    raise FileFormatError(label, "has values beyond the last named column", row=number)
                row = {header[i]: (texts[i] if i < len(texts) else "") for i in range(len(header)) if header[i]}
                row[ROW_KEY] = number
                rows.append(row)
            sheets[sheet.title] = rows
    finally:
        book.close()
    return sheets


def read_grid(path: Path, *, max_bytes: int = MAX_BYTES) -> list[tuple[int, list[Any]]]:
    """Reads a CSV file or an XLSX workbook's first sheet as numbered rows of cells, header not yet found.

    For formats whose header row is not always the first (GOV.UK Find a Grant exports) or whose
    columns are not known in advance (the MPS crime file's month columns). CSV cells are text;
    XLSX cells keep their types, and formulas are their text (the formula rule above).

    Raises:
        FileFormatError: The file is missing, too large, binary, not text or not a workbook.
    """
    path = Path(path)
    data = read_bytes(path, max_bytes=max_bytes)
    if path.suffix.lower() == ".xlsx":
        book = _open_workbook(data, path.name)
        try:
            sheet = next((ws for ws in book.worksheets if ws.max_row), book.worksheets[0])
            return [(i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            book.close()
    if data.startswith(_ZIP_MAGIC):
        raise FileFormatError(path.name, "is a zipped file (an XLSX workbook?), not CSV text: save it as .xlsx or as CSV")
    if b"\x00" in data:
        raise FileFormatError(path.name, "is not a text file (it contains binary data)")
    text = decode(data, path.name)
    try:
        return list(enumerate(csv.reader(io.StringIO(text, newline="")), start=1))
    except csv.Error as exc:
        raise FileFormatError(path.name, f"is not well-formed CSV ({exc})") from exc


def _open_workbook(data: bytes, name: str):
    from openpyxl import load_workbook

    if not data.startswith(_ZIP_MAGIC):
        raise FileFormatError(name, "is not an XLSX workbook (save it from Excel as .xlsx)")
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileFormatError(name, f"is not a readable XLSX workbook ({exc})") from exc


def read_json(path: Path, *, max_bytes: int = MAX_BYTES) -> Any:
    """Reads a JSON file (UTF-8, with or without a byte-order mark).

    Raises:
        FileFormatError: The file is too large, not UTF-8, or not valid JSON.
    """
    path = Path(path)
    return read_json_bytes(read_bytes(path, max_bytes=max_bytes), path.name)


def read_json_bytes(data: bytes, name: str) -> Any:
    """Parses JSON content (see :func:`read_json`); ``name`` labels errors."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(name, "is not UTF-8 text, as JSON must be") from exc
    if not text.strip():
        raise FileFormatError(name, "is empty; expected JSON")
    if json_depth_exceeds(text, MAX_JSON_DEPTH):
        raise UnreadableFileError(
            name, f"nests arrays and objects more than {MAX_JSON_DEPTH} levels deep; no register file needs that"
        )
    try:
        return json.loads(text)
    except RecursionError as exc:  # the depth check above should make this unreachable
        raise UnreadableFileError(name, "is nested too deeply to read") from exc
    except json.JSONDecodeError as exc:
        raise FileFormatError(name, f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc


def cell_text(value: Any) -> str:
    """A spreadsheet or JSON value as the text a CSV would hold.

    Dates become ISO dates, whole numbers lose their ``.0``, booleans become true/false,
    lists are ``;``-joined and empty cells become empty text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (list, tuple)):
        return ";".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        raise ValueError("must be a single value, not an object")
    return str(value)


def decode(data: bytes, name: str) -> str:
    """Decodes text as UTF-8 (with or without BOM), else as Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError(name, "is not UTF-8 or Windows-1252 text")


def _check_width(width: int, name: str) -> None:
    if width > MAX_COLUMNS:
        raise UnreadableFileError(
            name, f"has {width:,} columns, over the limit of {MAX_COLUMNS}; a register table has far fewer", row=1
        )


def _check_header(header: list[str], name: str) -> None:
    if not any(header):
        raise FileFormatError(name, "has no header row naming its columns", row=1)
    if len([h for h in header if h]) == 1:
        only = next(h for h in header if h)
        for separator, word in _OTHER_SEPARATORS.items():
            if separator in only:
                raise FileFormatError(
                    name,
                    f"separates its columns with {word}, not commas: save it as CSV (comma delimited)",
                    row=1,
                    value=only[:60],
                )
    seen = set()
    for column in header:
        if column and column in seen:
            raise FileFormatError(name, f"names the column {column!r} twice", row=1, field=column)
        seen.add(column)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"

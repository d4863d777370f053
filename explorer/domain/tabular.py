"""Domain: the one safe tabular writer: CSV text and XLSX rows whose text a spreadsheet never runs as a formula.

Every CSV or XLSX the explorer writes (downloads, the LCPF scenario, the six-monthly report,
ingest reports) goes through here, so formula neutralising lives in one place. JSON and
GeoJSON are not spreadsheets: they carry text exactly as it is and never come through here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, Iterable, Sequence

#: Text starting with these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """Makes a text cell safe to open in a spreadsheet (a leading apostrophe); other values are left alone.

    >>> inert("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, true/false, whole floats without ``.0``, ISO dates, inert text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return inert(value)


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header row, then each row's cells (through :func:`csv_cell`), as CSV text with CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([inert(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """:func:`csv_text` as UTF-8 with a byte-order mark, so spreadsheets read £ and accents."""
    return ("\ufeff" + csv_text(columns, rows)).encode("utf-8")


def append_xlsx_row(sheet: Any, values: Sequence[Any]) -> None:
    """Appends a row to an openpyxl worksheet; text that looks like a formula stays text, never a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"

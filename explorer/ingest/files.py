"""Ingest layer: reading register tables from CSV files into rows of text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

ENCODINGS = ("utf-8-sig", "cp1252")


class FileFormatError(ValueError):
    """A file cannot be read as a table; says which file and why."""


def read_csv(path: Path) -> list[dict[str, str]]:
    """Reads a CSV file with a header row into a list of dicts of text.

    Accepts UTF-8 (with or without a byte-order mark) and Windows-1252 as Excel writes it.

    Raises:
        FileFormatError: The file is missing, empty, binary or has no header.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if b"\x00" in data:
        raise FileFormatError(f"{path.name}: is not a text file (it contains binary data)")
    text = _decode(data, path.name)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise FileFormatError(f"{path.name}: is empty; expected a header row")
    return [
        {(k or "").strip(): (v if isinstance(v, str) else "") for k, v in row.items()}
        for row in reader
    ]


def _decode(data: bytes, name: str) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError(f"{name}: is not UTF-8 or Windows-1252 text")

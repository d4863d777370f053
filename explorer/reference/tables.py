"""Reference layer: reading the bundled CSV reference tables (boroughs, places), one way for each.

Each table names the columns it accepts (its current header first, then older ones still read),
parses a row at a time and says which file, row and column is wrong.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Sequence, TypeVar

Row = TypeVar("Row")


def read_table(
    path: Path,
    headers: Sequence[tuple[str, ...]],
    parse: Callable[[dict[str, str], int], Row],
    error: Callable[[str], Exception],
    missing: str,
) -> tuple[Row, ...]:
    """The rows of the CSV file at ``path``, each parsed by ``parse(row, line_number)``.

    Args:
        path: The table.
        headers: The headers accepted, the current one first (it is the one an error names).
        parse: Turns a row (and its line number, the header being line 1) into a record.
        error: The table's error type.
        missing: The message when the file does not exist.

    Raises:
        Exception: ``error`` when the file is missing or its header is not one of ``headers``
            (and whatever ``parse`` raises for a bad row).
    """
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            reader = csv.DictReader(stream)
            found = tuple(reader.fieldnames or ())
            if found not in headers:
                raise error(f"{path}: the columns must be {', '.join(headers[0])}; found {', '.join(found)}")
            return tuple(parse(row, number) for number, row in enumerate(reader, start=2))
    except FileNotFoundError as exc:
        raise error(missing) from exc

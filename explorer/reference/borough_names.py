"""Reference layer: the other names of London's boroughs that councils and their partners write
("LBTH", "RBKC", "H&F"), so that a search naming one finds the borough.

Authored in ``data/reference/borough_names.csv``, one name a row with its borough and where the
name comes from. Only names that mean one borough are listed: "LBH" (Hackney, Haringey, Harrow,
Havering, Hillingdon or Hounslow) is not. A project without the file has none (the borough names
themselves and their short forms, :func:`explorer.services.search.building.borough_names`, still
work).
"""

from __future__ import annotations

from pathlib import Path

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.domain.query import clean
from explorer.reference.tables import read_table

BOROUGH_NAMES_FILE = Path("reference") / "borough_names.csv"
"""Where the table lives, relative to the data directory."""

COLUMNS = ("name", "borough_code", "source")
"""The columns the table has, in this order."""


class BoroughNameError(ValueError):
    """Raised when the table is malformed; the message names the file, row, column, value and rule."""


def load_borough_names(data_dir: Path) -> tuple[tuple[str, str], ...]:
    """Reads and checks the table of boroughs' other names.

    Returns:
        ``(name, borough code)`` pairs in file order; none when there is no file.

    Raises:
        BoroughNameError: A column or value is wrong, or a name appears twice.
    """
    path = Path(data_dir) / BOROUGH_NAMES_FILE
    if not path.is_file():
        return ()
    rows = read_table(path, (COLUMNS,), lambda row, number: _parse_row(row, number, path), BoroughNameError,
                      f"the table of boroughs' other names {path} does not exist")
    seen: dict[str, int] = {}
    for number, (name, _code) in enumerate(rows, start=2):
        key = clean(name)
        if key in seen:
            raise BoroughNameError(f"{path} row {number}, name={name!r}: repeats row {seen[key]}")
        seen[key] = number
    return rows


def _parse_row(row: dict[str, str], number: int, path: Path) -> tuple[str, str]:
    def fail(column: str, rule: str) -> BoroughNameError:
        return BoroughNameError(f"{path} row {number}, {column}={row.get(column)!r}: {rule}")

    name = (row.get("name") or "").strip()
    if not clean(name):
        raise fail("name", "must have at least one letter or digit")
    code = (row.get("borough_code") or "").strip()
    if code not in LONDON_BOROUGH_CODES:
        raise fail("borough_code", "must be a London borough code, E09000001 to E09000033")
    if not (row.get("source") or "").strip():
        raise fail("source", "must say where the name comes from")
    return name, code

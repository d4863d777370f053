"""Reference layer: places outside London that people name in a search ("moved from Croydon to
Leeds", "my family's in Liverpool", "I live in Kent now"), so that the search can tell a person who
is outside London so, rather than read the nearest London name ("in Liverpool" is not Liverpool
Street, "Leicester" not Leicester Square).

Authored in ``data/reference/places_outside_london.csv``: one name a row, its kind (city, town or
county) and where it comes from. No name is also the name of a place in London's gazetteer or of a
borough (a test checks); a project without the file has none.
"""

from __future__ import annotations

from pathlib import Path

from explorer.domain.query import clean
from explorer.reference.tables import read_table

PLACES_OUTSIDE_FILE = Path("reference") / "places_outside_london.csv"
"""Where the table lives, relative to the data directory."""

COLUMNS = ("name", "kind", "source")
"""The columns the table has, in this order."""

KINDS = ("city", "town", "county")
"""What a row may be."""


class PlacesOutsideError(ValueError):
    """Raised when the table is malformed; the message names the file, row, column, value and rule."""


def load_places_outside(data_dir: Path) -> frozenset[str]:
    """Reads and checks the table of places outside London.

    Returns:
        The names, cleaned (lower case, as :func:`explorer.domain.query.clean` gives them); none
        when there is no file.

    Raises:
        PlacesOutsideError: A column or value is wrong, or a name appears twice.
    """
    path = Path(data_dir) / PLACES_OUTSIDE_FILE
    if not path.is_file():
        return frozenset()
    rows = read_table(path, (COLUMNS,), lambda row, number: _parse_row(row, number, path), PlacesOutsideError,
                      f"the table of places outside London {path} does not exist")
    seen: dict[str, int] = {}
    for number, name in enumerate(rows, start=2):
        if name in seen:
            raise PlacesOutsideError(f"{path} row {number}, name={name!r}: repeats row {seen[name]}")
        seen[name] = number
    return frozenset(seen)


def _parse_row(row: dict[str, str], number: int, path: Path) -> str:
    def fail(column: str, rule: str) -> PlacesOutsideError:
        return PlacesOutsideError(f"{path} row {number}, {column}={row.get(column)!r}: {rule}")

    name = clean((row.get("name") or "").strip())
    if not name:
        raise fail("name", "must have at least one letter or digit")
    if (row.get("kind") or "").strip() not in KINDS:
        raise fail("kind", f"must be one of {', '.join(KINDS)}")
    if not (row.get("source") or "").strip():
        raise fail("source", "must say where the name comes from")
    return name

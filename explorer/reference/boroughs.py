"""Reference layer: the table of the 33 London boroughs (code, name, inner/outer, population, area).

The table is authored in ``data/reference/boroughs.csv``: names, inner/outer London (ONS
statistical definition) and usual resident population from the Census 2021 first results (ONS,
rounded to the nearest 100) and, optionally, Census 2011 (exact); areas in hectares as given with
the London Datastore's statistical boundary files.
"""

from __future__ import annotations

import re
from pathlib import Path

from explorer.domain.geography import LONDON_BOROUGH_CODES, Borough
from explorer.reference.tables import read_table

BOROUGHS_FILE = Path("reference") / "boroughs.csv"
"""Where the table lives, relative to the data directory."""

COLUMNS = ("code", "name", "inner_outer", "population_2021", "population_2011", "hectares", "source_url")
"""The columns the table must have, in this order."""
COLUMNS_WITHOUT_2011 = tuple(c for c in COLUMNS if c != "population_2011")
"""An older table without the Census 2011 column is read too (every year then uses Census 2021)."""

_SPACES = re.compile(r"\s+")


class BoroughTableError(ValueError):
    """Raised when the borough table is malformed; the message names the file, row and rule."""


def load_boroughs(data_dir: Path) -> tuple[Borough, ...]:
    """Reads and checks the borough table.

    Args:
        data_dir: The project's data directory (the one holding ``reference/boroughs.csv``).

    Returns:
        The 33 boroughs in code order (E09000001 City of London first).

    Raises:
        BoroughTableError: The file is missing, a column or value is wrong, or the codes are
            not exactly E09000001 to E09000033, once each.
    """
    path = Path(data_dir) / BOROUGHS_FILE
    boroughs = read_table(path, (COLUMNS, COLUMNS_WITHOUT_2011), lambda row, number: _parse_row(row, number, path),
                          BoroughTableError, f"the borough table {path} does not exist")
    _check_set(boroughs, path)
    return tuple(sorted(boroughs, key=lambda borough: borough.code))


def borough_by_code(boroughs: tuple[Borough, ...], code: str) -> Borough | None:
    """Finds a borough by its ONS code, ignoring case and surrounding spaces.

    Args:
        boroughs: The borough table.
        code: An ONS code such as ``e09000028``.

    Returns:
        The borough, or None when no borough has that code.
    """
    wanted = code.strip().upper() if isinstance(code, str) else ""
    return next((borough for borough in boroughs if borough.code == wanted), None)


def borough_by_name(boroughs: tuple[Borough, ...], name: str) -> Borough | None:
    """Finds a borough by its name, ignoring case, spacing and ``&`` for ``and``.

    Args:
        boroughs: The borough table.
        name: A name such as ``hammersmith & fulham`` or ``City of London``.

    Returns:
        The borough, or None when no borough has that name.
    """
    wanted = _name_key(name) if isinstance(name, str) else ""
    return next((borough for borough in boroughs if _name_key(borough.name) == wanted), None)


# --- private helpers -------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return _SPACES.sub(" ", name.replace("&", " and ")).strip().casefold()


def _parse_row(row: dict[str, str], number: int, path: Path) -> Borough:
    def fail(column: str, rule: str) -> BoroughTableError:
        return BoroughTableError(f"{path} row {number}, {column}={row.get(column)!r}: {rule}")

    code = (row.get("code") or "").strip()
    if code not in LONDON_BOROUGH_CODES:
        raise fail("code", "must be a London borough code, E09000001 to E09000033")
    name = (row.get("name") or "").strip()
    if not name:
        raise fail("name", "must not be empty")
    inner_outer = (row.get("inner_outer") or "").strip()
    if inner_outer not in ("Inner", "Outer"):
        raise fail("inner_outer", "must be Inner or Outer")
    try:
        population = int(row.get("population_2021") or "")
    except ValueError:
        raise fail("population_2021", "must be a whole number") from None
    if population <= 0:
        raise fail("population_2021", "must be more than 0")
    population_2011 = None
    if (row.get("population_2011") or "").strip():
        try:
            population_2011 = int(row["population_2011"])
        except ValueError:
            raise fail("population_2011", "must be a whole number or empty") from None
        if population_2011 <= 0:
            raise fail("population_2011", "must be more than 0")
    try:
        hectares = float(row.get("hectares") or "")
    except ValueError:
        raise fail("hectares", "must be a number") from None
    if not hectares > 0:
        raise fail("hectares", "must be more than 0")
    source_url = (row.get("source_url") or "").strip()
    if not source_url.startswith(("https://", "http://")):
        raise fail("source_url", "must be a web address (http or https)")
    return Borough(code, name, inner_outer, population, hectares, source_url,  # type: ignore[arg-type]
                   population_2011=population_2011)


def _check_set(boroughs: tuple[Borough, ...], path: Path) -> None:
    codes = [borough.code for borough in boroughs]
    duplicated = sorted({code for code in codes if codes.count(code) > 1})
    if duplicated:
        raise BoroughTableError(f"{path}: these codes appear more than once: {', '.join(duplicated)}")
    missing = [code for code in LONDON_BOROUGH_CODES if code not in codes]
    if missing:
        raise BoroughTableError(f"{path}: these London boroughs are missing: {', '.join(missing)}")
    names = [_name_key(borough.name) for borough in boroughs]
    if len(set(names)) != len(names):
        raise BoroughTableError(f"{path}: two boroughs have the same name")

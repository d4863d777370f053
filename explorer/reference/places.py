"""Reference layer: the gazetteer of London place names, located by the centroid of their postcode district.

The gazetteer is authored in ``data/reference/places.csv`` as facts with their source named per
row: the place, its borough and its postcode district (from Wikipedia's "List of areas of
London", doogal.co.uk's postcode districts, and the ONS names of the boroughs themselves). It
holds no coordinates: each place is put at the centroid of its district's London postcodes,
from the postcode index, when loaded.
"""

from __future__ import annotations

from pathlib import Path

from explorer.domain.geography import LONDON_BOROUGH_CODES, Place, PostcodeMatch
from explorer.reference.postcodes import PostcodeIndex
from explorer.reference.tables import read_table

PLACES_FILE = Path("reference") / "places.csv"
"""Where the gazetteer lives, relative to the data directory."""

COLUMNS = ("name", "borough_code", "outcode", "sector", "source")
"""The columns the gazetteer has, in this order. ``sector`` (``"SE5 9"``) is optional: it is
given where the place's district straddles boroughs, and then places it more exactly. Where the
sector straddles boroughs too (an estate on the boundary), it may be the place's own full
postcode (``"EC1Y 0RN"``), which places it exactly."""
LEGACY_COLUMNS = ("name", "borough_code", "outcode", "source")
"""An older gazetteer without sectors is still read."""


class PlaceTableError(ValueError):
    """Raised when the gazetteer is malformed; the message names the file, row and rule."""


def load_places(data_dir: Path, index: PostcodeIndex) -> tuple[Place, ...]:
    """Reads and checks the gazetteer, placing each name at its postcode district's centroid.

    Args:
        data_dir: The project's data directory (the one holding ``reference/places.csv``).
        index: The London postcode index, for the district centroids.

    Returns:
        The places in file order.

    Raises:
        PlaceTableError: The file is missing, a column or value is wrong, a district is not a
            London postcode district, or a (name, borough) pair appears twice.
    """
    path = Path(data_dir) / PLACES_FILE
    places = read_table(path, (COLUMNS, LEGACY_COLUMNS), lambda row, number: _parse_row(row, number, path, index),
                        PlaceTableError, f"the gazetteer {path} does not exist")
    seen: set[tuple[str, str]] = set()
    for place in places:
        key = (place.name.casefold(), place.borough_code)
        if key in seen:
            raise PlaceTableError(f"{path}: {place.name!r} in {place.borough_code} appears more than once")
        seen.add(key)
    return places


def _parse_row(row: dict[str, str], number: int, path: Path, index: PostcodeIndex) -> Place:
    def fail(column: str, rule: str) -> PlaceTableError:
        return PlaceTableError(f"{path} row {number}, {column}={row.get(column)!r}: {rule}")

    name = (row.get("name") or "").strip()
    if not name:
        raise fail("name", "must not be empty")
    borough_code = (row.get("borough_code") or "").strip()
    if borough_code not in LONDON_BOROUGH_CODES:
        raise fail("borough_code", "must be a London borough code, E09000001 to E09000033")
    outcode = (row.get("outcode") or "").strip().upper()
    centroid = index.district_centroid(outcode)
    if centroid is None:
        raise fail("outcode", "must be a London postcode district, such as SE15")
    sector = " ".join((row.get("sector") or "").upper().split())
    if sector:
        match = index.sectors.get(sector) if len(sector) <= len(outcode) + 2 else _postcode(index, sector)
        if match is None or not sector.startswith(outcode + " "):
            raise fail("sector", f"must be a London postcode sector of {outcode}, such as {outcode} 4, "
                                 f"or a London postcode in it, such as {outcode} 4AB")
        centroid = (match.latitude, match.longitude)
    source = (row.get("source") or "").strip()
    if not source:
        raise fail("source", "must name where the row's facts come from")
    return Place(name, borough_code, outcode, centroid[0], centroid[1], source)


def _postcode(index: PostcodeIndex, label: str) -> PostcodeMatch | None:
    """The full London postcode ``label`` ("EC1Y 0RN") as written, or None."""
    try:
        match = index.lookup(label)
    except ValueError:
        return None
    return match if match.kind == "postcode" and match.label == label else None

"""Unit tests: places outside London that searches name ("moved to Leeds", "in Liverpool")."""

from __future__ import annotations

import csv

import pytest

from explorer.domain.query import clean
from explorer.reference.places_outside import PLACES_OUTSIDE_FILE, PlacesOutsideError, load_places_outside
from tests.unit.reference.conftest import write_table

HEADER = "name,kind,source\n"


def _table(tmp_path, rows: str):
    return write_table(tmp_path, PLACES_OUTSIDE_FILE, HEADER + rows)


def test_the_bundled_table_has_towns_cities_and_counties(paths):
    names = load_places_outside(paths.data)
    assert {"leeds", "liverpool", "leicester", "kent", "milton keynes", "southend on sea"} <= names


def test_no_name_outside_london_is_a_london_place_or_borough(paths):
    """A name of the table is never read as a London place: none may be one ("Preston", a Brent
    neighbourhood, and "Heathrow" are left out), nor a borough's ("Richmond", "Sutton")."""
    names = load_places_outside(paths.data)
    with open(paths.data / "reference" / "places.csv", newline="", encoding="utf-8") as f:
        london = {clean(row["name"]) for row in csv.DictReader(f)}
    with open(paths.data / "reference" / "boroughs.csv", newline="", encoding="utf-8") as f:
        boroughs = {clean(word) for row in csv.DictReader(f) for word in (row["name"], row["name"].split()[0])}
    assert not names & london and not names & boroughs


def test_no_file_means_no_places(tmp_path):
    assert load_places_outside(tmp_path) == frozenset()


@pytest.mark.parametrize("rows, message", [
    ("Leeds,village,src\n", "row 2, kind='village': must be one of city, town, county"),
    ("!!,city,src\n", "row 2, name='!!': must have at least one letter or digit"),
    ("Leeds,city,\n", "row 2, source='': must say where the name comes from"),
    ("Leeds,city,src\nLEEDS,city,src\n", "row 3, name='leeds': repeats row 2"),
])
def test_a_bad_row_is_refused_with_its_row_column_and_value(tmp_path, rows, message):
    with pytest.raises(PlacesOutsideError, match=message):
        load_places_outside(_table(tmp_path, rows))

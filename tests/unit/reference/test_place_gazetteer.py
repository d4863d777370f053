"""Unit tests: the gazetteer of London place names and where it puts them."""

from __future__ import annotations

import csv
from collections import Counter

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.places import COLUMNS, LEGACY_COLUMNS, PLACES_FILE, PlaceTableError, load_places

SOURCES = ("Wikipedia: List of areas of London", "doogal.co.uk postcode districts", "ONS local authority name",
           "A landmark's published address", "ONS ward name")


@pytest.fixture(scope="module")
def places(reference_geography):
    return reference_geography.places


def test_there_are_hundreds_of_places(places):
    assert len(places) >= 300


def test_the_file_holds_facts_and_sources_but_no_coordinates(paths):
    with (paths.data / PLACES_FILE).open(newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS
    assert all(row["source"].startswith(SOURCES) for row in rows)


def test_every_place_has_a_london_borough_and_a_point_in_london(places):
    for place in places:
        assert place.borough_code in LONDON_BOROUGH_CODES, place
        assert 51.28 < place.latitude < 51.70 and -0.52 < place.longitude < 0.34, place


def test_every_borough_has_places_and_its_own_name(places, reference_geography):
    per_borough = Counter(place.borough_code for place in places)
    assert all(per_borough[code] >= 3 for code in LONDON_BOROUGH_CODES), per_borough
    named = {(place.name, place.borough_code) for place in places}
    for borough in reference_geography.boroughs:
        assert (borough.name, borough.code) in named, borough.name


def test_every_place_district_reaches_into_its_borough(places, postcodes):
    """A place's postcode district must hold postcodes of the place's borough."""
    keys = postcodes.keys.astype(str)
    districts = np.array([key[:-3] for key in keys])
    codes = np.array(postcodes.borough_codes)[postcodes.borough_index]
    present = set(zip(districts.tolist(), codes.tolist(), strict=True))
    # Undivided districts such as SW1 reach wherever their sub-districts (SW1A, SW1E…) do.
    present |= {(district[:-1], code) for district, code in present if district[-1].isalpha()}
    missing = [place for place in places if (place.outcode, place.borough_code) not in present]
    assert not missing, missing[:5]


def test_every_place_is_within_a_kilometre_of_its_borough(places, official_boundaries):
    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    far = []
    for place in places:
        x, y = to_grid.transform(place.longitude, place.latitude)
        distance = shapely.distance(official_boundaries.geometry[place.borough_code], shapely.Point(x, y))
        if distance > 1_000:
            far.append((place.name, place.outcode, round(distance)))
    assert not far, far


@pytest.mark.parametrize(
    ("name", "borough_code", "outcode"),
    [
        ("Peckham", "E09000028", "SE15"),
        ("Brixton", "E09000022", "SW2"),
        ("Tottenham", "E09000014", "N17"),
        ("Wembley", "E09000005", "HA9"),
        ("Belgravia", "E09000033", "SW1W"),
        ("Westminster", "E09000033", "SW1P"),  # issue 16: "SW1" is not a district (SW1A, SW1E ... are)
        ("Romford", "E09000016", "RM1"),
        ("Lambeth", "E09000022", None),
    ],
)
def test_well_known_places(places, name, borough_code, outcode):
    found = [p for p in places if p.name == name and p.borough_code == borough_code]
    assert len(found) == 1
    if outcode:
        assert found[0].outcode == outcode


def test_places_are_put_at_their_sector_or_district_centroid(places, paths, postcodes):
    with (paths.data / PLACES_FILE).open(newline="", encoding="utf-8") as stream:
        sectors = {(r["name"], r["borough_code"]): r["sector"] for r in csv.DictReader(stream)}
    assert any(sectors.values())
    for place in places:
        sector = sectors[(place.name, place.borough_code)]
        if sector:
            match = postcodes.sectors[sector] if len(sector.split()[1]) == 1 else postcodes.lookup(sector)
            assert (place.latitude, place.longitude) == (match.latitude, match.longitude)
        else:
            assert (place.latitude, place.longitude) == postcodes.district_centroid(place.outcode)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Atlantis,E09000028,ZZ9,Invented", r"row 2, outcode='ZZ9': must be a London postcode district"),
        ("Manchester,E09000028,M1,Invented", r"outcode='M1'"),
        ("Peckham,E08000028,SE15,Invented", r"row 2, borough_code='E08000028'"),
        (",E09000028,SE15,Invented", r"row 2, name='': must not be empty"),
        ("Peckham,E09000028,SE15,", r"source='': must name where"),
        ("Peckham,E09000028,SE15,A\nPECKHAM,E09000028,SE15,B", r"'PECKHAM' in E09000028 appears more than once"),
    ],
)
def test_a_bad_gazetteer_is_refused_with_a_clear_message(tmp_path, postcodes, row, message):
    target = tmp_path / PLACES_FILE
    target.parent.mkdir(parents=True)
    target.write_text(",".join(LEGACY_COLUMNS) + "\n" + row + "\n", encoding="utf-8")

    with pytest.raises(PlaceTableError, match=message):
        load_places(tmp_path, postcodes)


@pytest.mark.parametrize("sector", ["SE15 X", "SE14 4", "SE15 0"])
def test_a_sector_must_be_a_london_sector_of_the_district(tmp_path, postcodes, sector):
    target = tmp_path / PLACES_FILE
    target.parent.mkdir(parents=True)
    target.write_text(",".join(COLUMNS) + f"\nPeckham,E09000028,SE15,{sector},Invented\n", encoding="utf-8")
    with pytest.raises(PlaceTableError, match=r"sector=.*must be a London postcode sector of SE15"):
        load_places(tmp_path, postcodes)


def test_a_place_on_a_boundary_may_be_put_at_its_own_postcode(tmp_path, postcodes):
    """The Golden Lane Estate is in the City, but most of its sector EC1Y 0 is Islington's."""
    target = tmp_path / PLACES_FILE
    target.parent.mkdir(parents=True)
    row = "Golden Lane Estate,E09000001,EC1Y, ec1y  0rn ,Invented"  # (any case and spacing)
    target.write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    (place,) = load_places(tmp_path, postcodes)
    match = postcodes.lookup("EC1Y 0RN")
    assert (place.latitude, place.longitude) == (match.latitude, match.longitude)
    assert match.borough_code == place.borough_code


@pytest.mark.parametrize("postcode", ["EC1Y 0ZZ", "EC2Y 0RN", "EC1Y0RN"])
def test_a_postcode_in_place_of_a_sector_must_be_a_london_postcode_of_the_district(tmp_path, postcodes, postcode):
    target = tmp_path / PLACES_FILE
    target.parent.mkdir(parents=True)
    target.write_text(",".join(COLUMNS) + f"\nGolden Lane Estate,E09000001,EC1Y,{postcode},Invented\n",
                      encoding="utf-8")
    with pytest.raises(PlaceTableError, match=r"sector=.*or a London postcode in it, such as EC1Y 4AB"):
        load_places(tmp_path, postcodes)


def test_a_gazetteer_with_coordinates_is_refused(tmp_path, postcodes):
    target = tmp_path / PLACES_FILE
    target.parent.mkdir(parents=True)
    target.write_text("name,borough_code,outcode,source,latitude,longitude\n", encoding="utf-8")

    with pytest.raises(PlaceTableError, match="the columns must be"):
        load_places(tmp_path, postcodes)

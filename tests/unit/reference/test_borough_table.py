"""Unit tests: the table of the 33 London boroughs, its checks, and finding a borough by code or name."""

from __future__ import annotations

import csv
import shutil

import pytest

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.boroughs import (
    BOROUGHS_FILE,
    BoroughTableError,
    borough_by_code,
    borough_by_name,
    load_boroughs,
)


@pytest.fixture(scope="module")
def boroughs(paths):
    return load_boroughs(paths.data)


def test_the_table_has_the_33_boroughs_in_code_order(boroughs):
    assert tuple(b.code for b in boroughs) == LONDON_BOROUGH_CODES
    assert boroughs[0].name == "City of London" and boroughs[-1].name == "Westminster"


def test_inner_and_outer_london_follow_the_ons_definition(boroughs):
    inner = {b.name for b in boroughs if b.inner_outer == "Inner"}
    assert len(inner) == 14
    assert {"Haringey", "Newham", "City of London", "Westminster"} <= inner
    assert "Greenwich" not in inner  # Inner by statute, Outer in the ONS statistical definition


def test_population_and_area_are_plausible(boroughs):
    assert 8_700_000 < sum(b.population for b in boroughs) < 8_900_000  # Census 2021: 8.8 million
    assert 155_000 < sum(b.hectares for b in boroughs) < 160_000  # Greater London: 1,572 km²
    assert all(b.source_url.startswith("https://www.ons.gov.uk/") for b in boroughs)


def test_the_figures_are_the_published_ones(boroughs, paths):
    published = paths.fixtures / "london_borough_population.csv"
    with published.open(newline="", encoding="utf-8") as stream:
        rows = {row["borough_code"]: row for row in csv.DictReader(stream)}
    for borough in boroughs:
        row = rows[borough.code]
        assert borough.name == row["borough_name"]
        assert borough.inner_outer == row["inner_outer_ons"]
        assert borough.population == int(row["population_census2021_rounded"])
        assert borough.hectares == float(row["hectares"])


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("E09000028", "Southwark"),
        ("e09000001", "City of London"),
        ("  E09000033 ", "Westminster"),
        ("E09000034", None),
        ("E08000001", None),
        ("", None),
        ("Southwark", None),
    ],
)
def test_borough_by_code(boroughs, code, name):
    found = borough_by_code(boroughs, code)
    assert (found.name if found else None) == name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Southwark", "E09000028"),
        ("southwark", "E09000028"),
        ("  HAMMERSMITH   AND FULHAM ", "E09000013"),
        ("Hammersmith & Fulham", "E09000013"),
        ("city of london", "E09000001"),
        ("Kingston upon Thames", "E09000021"),
        ("Narnia", None),
        ("", None),
        ("Peckham", None),
    ],
)
def test_borough_by_name(boroughs, name, code):
    found = borough_by_name(boroughs, name)
    assert (found.code if found else None) == code


def _drop_last_row(text: str) -> str:
    return "\n".join(text.strip().splitlines()[:-1]) + "\n"


def _duplicate_first_row(text: str) -> str:
    lines = text.strip().splitlines()
    return "\n".join([lines[0], lines[1], *lines[1:-1]]) + "\n"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_drop_last_row, r"missing: E09000033"),
        (_duplicate_first_row, r"more than once: E09000001"),
        (lambda t: t.replace("E09000028,Southwark", "E07000028,Southwark"), r"row 29, code='E07000028'.*London borough code"),
        (lambda t: t.replace("Southwark,Inner", "Southwark,inner london"), r"row 29, inner_outer='inner london'"),
        (lambda t: t.replace("Southwark,Inner,307100", "Southwark,Inner,lots"), r"population_2021='lots': must be a whole number"),
        (lambda t: t.replace("Southwark,Inner,307100", "Southwark,Inner,-5"), r"population_2021='-5': must be more than 0"),
        (lambda t: t.replace("2991.34", "big"), r"hectares='big': must be a number"),
        (lambda t: t.replace("E09000028,Southwark", "E09000028,"), r"name='': must not be empty"),
        (lambda t: t.replace("E09000028,Southwark", "E09000028,Lambeth"), r"two boroughs have the same name"),
        (lambda t: t.replace("population_2021", "population"), r"the columns must be"),
        (lambda t: "", r"the columns must be"),
    ],
)
def test_a_bad_table_is_refused_with_a_clear_message(paths, tmp_path, edit, message):
    original = (paths.data / BOROUGHS_FILE).read_text(encoding="utf-8")
    target = tmp_path / BOROUGHS_FILE
    target.parent.mkdir(parents=True)
    target.write_text(edit(original), encoding="utf-8")

    with pytest.raises(BoroughTableError, match=message):
        load_boroughs(tmp_path)


def test_a_missing_table_is_refused(tmp_path):
    with pytest.raises(BoroughTableError, match="does not exist"):
        load_boroughs(tmp_path)


def test_a_copy_of_the_table_loads(paths, tmp_path):
    target = tmp_path / BOROUGHS_FILE
    target.parent.mkdir(parents=True)
    shutil.copy(paths.data / BOROUGHS_FILE, target)
    assert len(load_boroughs(tmp_path)) == 33

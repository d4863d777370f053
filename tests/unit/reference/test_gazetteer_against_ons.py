"""The gazetteer checked row by row against the ONS postcode directory.

Each row of ``data/reference/places.csv`` must name a postcode district that exists (a real
district of the directory, not an undivided name like "SW1" or "EC1") and still has live
postcodes (retired districts such as W1V have none), and its borough must hold most of the
postcodes of the place's sector when the row gives one, else of its district; a row may give the
place's own postcode instead of a sector, and that postcode must then be in its borough.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import numpy as np
import pytest

from explorer.reference.places import PLACES_FILE

LIVE = "reference/london_postcode_districts.csv"


@pytest.fixture(scope="module")
def holdings(postcodes) -> dict[str, Counter]:
    """Postcodes of each borough in each real district and sector of the ONS directory."""
    keys = np.char.decode(postcodes.keys)
    boroughs = np.array(postcodes.borough_codes)[postcodes.borough_index]
    held: dict[str, Counter] = defaultdict(Counter)
    for key, borough in zip(keys.tolist(), boroughs.tolist(), strict=True):
        held[key[:-3]][borough] += 1
        held[f"{key[:-3]} {key[-3]}"][borough] += 1
        held[f"{key[:-3]} {key[-3:]}"][borough] += 1  # (a place on a boundary may give its own postcode)
    return held


@pytest.fixture(scope="module")
def live(paths) -> dict[str, int]:
    with (paths.fixtures.parent / LIVE).open(newline="", encoding="utf-8") as stream:
        return {r["outcode"]: int(r["active_postcodes"] or 0) for r in csv.DictReader(stream)}


def gazetteer_problems(rows, holdings, live) -> list[str]:
    problems = []
    for number, row in enumerate(rows, start=2):
        outcode, sector, borough = row["outcode"], row.get("sector") or "", row["borough_code"]
        where = f"places.csv row {number} ({row['name']}), outcode={outcode!r}"
        if outcode not in holdings:
            problems.append(f"{where}: not a postcode district of the ONS directory")
            continue
        if live.get(outcode, 0) == 0:
            problems.append(f"{where}: has no live postcodes (retired)")
            continue
        area = sector or outcode
        held = holdings.get(area, Counter())
        if held[borough] * 2 <= sum(held.values()):
            top, count = held.most_common(1)[0] if held else ("none", 0)
            problems.append(
                f"{where}, borough_code={borough!r}: the borough holds {held[borough]} of {sum(held.values())} "
                f"postcodes of {area}; most are in {top} ({count})"
            )
    return problems


def test_every_gazetteer_row_matches_the_postcode_directory(paths, holdings, live):
    with (paths.data / PLACES_FILE).open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    problems = gazetteer_problems(rows, holdings, live)
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize(
    ("row", "found"),
    [
        # The faults the audit found: each must be caught.
        ({"name": "Soho", "borough_code": "E09000033", "outcode": "W1V"}, "no live postcodes"),
        ({"name": "Mayfair", "borough_code": "E09000033", "outcode": "W1X"}, "no live postcodes"),
        ({"name": "Angel", "borough_code": "E09000019", "outcode": "EC1"}, "not a postcode district"),
        ({"name": "Westminster", "borough_code": "E09000033", "outcode": "SW1"}, "not a postcode district"),
        ({"name": "Dulwich", "borough_code": "E09000022", "outcode": "SE21"}, "most are in E09000028"),
        ({"name": "Rush Green", "borough_code": "E09000002", "outcode": "RM7"}, "most are in E09000016"),
        ({"name": "Loughborough Junction", "borough_code": "E09000028", "outcode": "SE5", "sector": "SE5 9"},
         "most are in E09000022"),
        ({"name": "Golden Lane Estate", "borough_code": "E09000001", "outcode": "EC1Y", "sector": "EC1Y 0"},
         "most are in E09000019"),
        ({"name": "Tower of London", "borough_code": "E09000001", "outcode": "EC3N", "sector": "EC3N 4AB"},
         "most are in E09000030"),
    ],
)
def test_the_check_catches_the_audits_faults(holdings, live, row, found):
    (problem,) = gazetteer_problems([row], holdings, live)
    assert found in problem and row["name"] in problem


def test_the_audits_places_are_now_right(reference_geography):
    where = {p.name: (p.borough_code, p.outcode) for p in reference_geography.places}
    assert where["Loughborough Junction"] == ("E09000022", "SE5")
    assert where["Dulwich"] == ("E09000028", "SE21")
    assert where["Rush Green"] == ("E09000016", "RM7")

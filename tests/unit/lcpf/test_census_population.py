"""Issue 16 item 4: each year's residents are the census nearest it (2011 or 2021), labelled as such."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import plotly
import pytest

from explorer.domain.geography import censuses_held, nearest_census
from explorer.layout.lcpf_need import build_need_figure, build_need_table
from explorer.services.lcpf import LcpfQuery, build_view, scenario_csv
from explorer.services.lcpf_need import need_over_time

#: Census 2011 counts for the four test boroughs (made up for the test; the real ones are in data/reference).
IN_2011 = {"E09000001": 7_000, "E09000003": 300_000, "E09000027": 100_000, "E09000033": 300_000}


@pytest.mark.parametrize(
    ("year", "held", "expected"),
    [
        ("2010-11", (2011, 2021), 2011),
        ("2015-16", (2011, 2021), 2011),  # 1 Oct 2015 is 4.5 years from March 2011, 5.5 from March 2021
        ("2016-17", (2011, 2021), 2021),
        ("2024-25", (2011, 2021), 2021),
        ("2012-13", (2021,), 2021),  # a table without Census 2011 uses what it holds, and says which
        ("12m_to_2025-11", (2011, 2021), None),
        (None, (2011, 2021), None),
    ],
)
def test_the_census_nearest_a_financial_year(year, held, expected):
    assert nearest_census(year, held) == expected


def _with_2011(small, crime_rows):
    snap = small.snapshot(crime_rows=crime_rows)
    boroughs = tuple(dataclasses.replace(b, population_2011=IN_2011[b.code]) for b in snap.boroughs)
    return dataclasses.replace(snap, boroughs=boroughs)


def _old_and_new(small):
    old = tuple(c.model_copy(update={"financial_year": "2013-14"}) for c in small.crime if c.financial_year == "2024-25")
    return old + tuple(small.crime)


def test_censuses_held_needs_every_borough(small):
    snap = _with_2011(small, small.crime)
    assert censuses_held(snap.boroughs) == (2011, 2021)
    assert censuses_held(small.snapshot().boroughs) == (2021,)


def test_an_early_year_uses_census_2011_and_says_so(small):
    snap = _with_2011(small, _old_and_new(small))
    old = build_view(snap, LcpfQuery(year="2013-14"))
    new = build_view(snap, LcpfQuery(year="2024-25"))
    assert (old.census, old.population_label) == (2011, "Census 2011 population")
    assert (new.census, new.population_label) == (2021, "Census 2021 population")
    barnet = {v.year: next(r for r in v.rows if r.code == "E09000003") for v in (old, new)}
    assert (barnet["2013-14"].population, barnet["2024-25"].population) == (300_000, 400_000)
    # the simulator shares by the same census: Barnet 300k of 700k residents in 2013-14
    assert float(barnet["2013-14"].allocation_share) == pytest.approx(300 / 700)
    rows = list(csv.DictReader(io.StringIO(scenario_csv(old))))
    assert {r["population_census"] for r in rows} == {"Census 2011"}
    assert next(r for r in rows if r["borough_code"] == "E09000003")["population"] == "300000"


def test_need_over_time_counts_each_years_residents_at_its_nearest_census(small):
    need = need_over_time(_with_2011(small, _old_and_new(small)))
    by_year = {y.year: y for y in need.years}
    assert (by_year["2013-14"].census, by_year["2024-25"].census) == (2011, 2021)
    assert (by_year["2013-14"].inner_population, by_year["2013-14"].outer_population) == (300_000, 400_000)
    assert (by_year["2024-25"].inner_population, by_year["2024-25"].outer_population) == (200_000, 600_000)
    assert need.censuses == (2011, 2021)
    figure = build_need_figure(need)
    residents = next(t for t in figure.data if "residents" in t.name)
    assert residents.name == "Outer London: share of residents (Census 2011 then Census 2021)"
    assert list(residents.y) == [pytest.approx(57.1), 75.0, 75.0]  # 2013-14, 2023-24, 2024-25
    table = json.dumps(build_need_table(need).to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    assert "Census 2011 population" in table and "Census 2021 population" in table

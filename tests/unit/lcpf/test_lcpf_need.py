"""The LCPF page's main view: need over time for inner and outer London, with the money where published."""

from __future__ import annotations

import json

import plotly
import pytest

from explorer.layout.lcpf_need import build_need_figure, build_need_section, build_need_table
from explorer.services.lcpf_need import covers, need_over_time


def test_need_is_split_inner_and_outer_each_year_without_the_city(small):
    need = need_over_time(small.snapshot())
    assert [y.year for y in need.years] == ["2023-24", "2024-25"]
    latest = need.latest
    assert (latest.inner_crime, latest.outer_crime) == (60_000, 40_000)
    assert (latest.inner_violence, latest.outer_violence) == (10_000, 10_000)
    assert latest.outer_crime_share == pytest.approx(0.4)
    assert latest.outer_violence_share == pytest.approx(0.5)
    assert (need.inner_population, need.outer_population) == (200_000, 600_000)  # the City left out
    assert need.outer_population_share == pytest.approx(0.75)


def test_a_year_with_missing_figures_says_so_rather_than_zero(small):
    earlier = need_over_time(small.snapshot()).years[0]
    assert earlier.inner_crime is None and earlier.outer_crime == 29_000
    assert earlier.outer_crime_share is None and earlier.outer_violence is None
    table = json.dumps(build_need_table(need_over_time(small.snapshot())).to_plotly_json(),
                       cls=plotly.utils.PlotlyJSONEncoder)
    assert "not loaded" in table and "not known" in table


def test_money_is_shown_where_published_and_not_published_elsewhere(small):
    need = need_over_time(small.snapshot(allocations=[small.richmond], totals=[small.total]))
    by_year = {y.year: y for y in need.years}
    assert [m.label for m in by_year["2024-25"].allocations] == ["Richmond upon Thames"]
    assert [m.amount_gbp for m in by_year["2024-25"].totals] == [3_000_000]
    assert by_year["2023-24"].allocations == () and by_year["2023-24"].money_published  # the 3-year total covers it
    bare = need_over_time(small.snapshot())
    text = json.dumps(build_need_table(bare).to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    assert text.count("not published") == 2 and "£0" not in text


@pytest.mark.parametrize(
    ("period", "year", "expected"),
    [
        ("2013-14", "2013-14", True),
        ("2013-14", "2014-15", False),
        ("2017-18 to 2020-21", "2018-19", True),
        ("2017-18 to 2020-21", "2021-22", False),
        ("not a period", "2018-19", False),
    ],
)
def test_a_published_period_covers_its_years(period, year, expected):
    assert covers(period, year) is expected


def test_the_chart_has_a_line_per_need_and_marks_years_with_money(small):
    figure = build_need_figure(need_over_time(small.snapshot(allocations=[small.richmond])))
    names = [trace.name for trace in figure.data]
    assert names[:3] == ["Outer London: share of recorded crime", "Outer London: share of violence",
                         "Outer London: share of residents (Census 2021)"]
    assert list(figure.data[3].x) == ["2024-25"]
    assert figure.layout.xaxis.type == "category"


def test_without_crime_the_section_says_what_to_load(small):
    section = json.dumps(build_need_section(need_over_time(small.snapshot(crime_rows=()))).to_plotly_json(),
                         cls=plotly.utils.PlotlyJSONEncoder)
    assert "explorer ingest crime FILE" in section

"""Layout: the performance panels, page and report carry words, icons, tables and sample labels."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from dash import dcc, html

from explorer import ids
from explorer.layout import performance as layout
from explorer.layout.static import StaticHtml
from explorer.pages.performance import performance_page, portfolio_page, report_page
from explorer.pages.service import service_performance
from explorer.services.performance import PortfolioFilters, PublishedOutcome

TODAY = dt.date(2025, 11, 19)


def text_of(component) -> str:
    """All the text a component tree shows, in order, with runs of spaces made one."""
    return " ".join(_raw_text(component).split())


def _raw_text(component) -> str:
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(_raw_text(c) for c in component)
    if isinstance(component, StaticHtml):  # a block of HTML: its text, tags left out
        return re.sub(r"<[^>]+>", " ", component.children)
    return _raw_text(getattr(component, "children", None))


def find(component, predicate) -> list:
    """Every component in the tree for which ``predicate`` is true."""
    found = []
    if isinstance(component, (list, tuple)):
        for c in component:
            found += find(c, predicate)
        return found
    if component is None or isinstance(component, (str, int, float)):
        return found
    if predicate(component):
        found.append(component)
    return found + find(getattr(component, "children", None), predicate)


def test_service_panels(portfolio_snapshot):
    sections = layout.build_service_performance(service_performance(portfolio_snapshot, portfolio_snapshot.service("svc-red"), TODAY), TODAY)
    titles = [text_of(s.children[0]) for s in sections]
    assert titles == ["Overall rating", "Funding", "Duration", "Spend", "Performance", "Reach",
                      "Cost per person helped"]
    text = text_of(sections)
    assert "✖ Red" in text  # word and icon, not colour alone
    assert "Green at 100 people or more; Amber from 90 people to under 100 people" in text
    assert "ends in 1 year" in text or "ends in 16 months" in text
    assert "Today, 19 Nov 2025" in text
    assert "£400 per person helped" in text
    assert "not published" in text  # the missing Q3 actual spend
    graphs = find(sections, lambda c: isinstance(c, dcc.Graph))
    assert graphs and all(g.config["displaylogo"] is False for g in graphs)
    # Every chart is followed by a table with the same numbers.
    assert "The same figures as a table" in text


def test_sample_values_are_labelled(portfolio_snapshot):
    sections = layout.build_service_performance(service_performance(portfolio_snapshot, portfolio_snapshot.service("svc-green"), TODAY), TODAY)
    text = text_of(sections)
    assert text.count("sample value") >= 4


def test_service_without_measures_says_so(portfolio_snapshot):
    sections = layout.build_service_performance(service_performance(portfolio_snapshot, portfolio_snapshot.service("svc-none"), TODAY), TODAY)
    text = text_of(sections)
    assert "– No measure" in text
    assert "No performance measure is recorded" in text
    assert "No quarterly spend is published" in text


def test_performance_page_filters_come_from_the_address(portfolio_snapshot):
    page = layout.build_performance_page(performance_page(portfolio_snapshot, {"programme": ["DIVERT"]}, TODAY))
    (dropdown,) = find(page, lambda c: getattr(c, "id", None) == ids.PERF_PROGRAMME)
    assert dropdown.value == "DIVERT"
    assert find(page, lambda c: getattr(c, "id", None) == ids.PERF_RESULTS)


def test_results_show_counts_table_endings_gaps_and_dashboard(portfolio_snapshot):
    outcomes = (PublishedOutcome("DIVERT", "VRU", None, None, "", "2021", "A finding.", "https://example.org/x", ""),)
    view = layout.build_performance_view(portfolio_page(portfolio_snapshot, PortfolioFilters(), TODAY, outcomes))
    results = view.results
    text = text_of(list(view))
    assert "At a glance: 2025-Q3" in text
    assert "Contracts ending within six months" in text and "Svc None" in text
    assert "No measure at all (1)" in text
    assert "No figure for 2025-Q3 (1)" in text
    assert "These figures cover the services chosen above" in text
    assert "A finding." in text
    (table,) = find(results, lambda c: getattr(c, "id", None) == ids.PERF_TABLE)
    assert [row["rating"] for row in table.data][:2] == ["✖ Red", "✔ Green"]
    assert table.data[0]["spend"] == 24_000
    # The map gets only people per borough (2025-Q3 window: Q4 2024 to Q3 2025).
    assert view.reach_hideout["values"] == {"E09000012": 70, "E09000028": 20, "E09000022": 100}
    assert "Hackney 70 published" in text_of(view.reach_key)


def test_no_match_is_a_designed_empty_state(portfolio_snapshot):
    view = layout.build_performance_view(portfolio_page(portfolio_snapshot, PortfolioFilters(programme="Nope"), TODAY))
    assert "No services match these filters" in text_of(view.results)
    assert view.reach_hideout["values"] == {}


def test_bad_period_filter_falls_back_with_a_message(portfolio_snapshot):
    view = layout.build_performance_view(portfolio_page(portfolio_snapshot, PortfolioFilters(period="2025-Q9"), TODAY))
    assert "is not a calendar quarter" in text_of(view.results)


@pytest.mark.parametrize(
    ("values", "breaks"),
    [([], []), ([5], [5]), ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), ([10, 20, 30, 1234], [10, 20, 30, 1300])],
)
def test_reach_breaks(values, breaks):
    assert layout.reach_breaks(values) == breaks


def test_report_page(portfolio_snapshot):
    page = layout.build_report_page(report_page(portfolio_snapshot, {"period": ["2025-H2"]}, TODAY))
    text = text_of(page)
    assert "Six-monthly performance report: July to December 2025" in text
    assert "Produced on 19 Nov 2025" in text and "version 7" in text
    links = [a.href for a in find(page, lambda c: isinstance(c, html.A))]
    assert "/performance/report.csv?period=2025-H2" in links
    assert "/performance/report.xlsx?period=2025-H2" in links


def test_report_page_bad_period(portfolio_snapshot):
    text = text_of(layout.build_report_page(report_page(portfolio_snapshot, {"period": ["2025-H3"]}, TODAY)))
    assert "is not a half-year" in text and "2025-H2" in text


def test_report_html_escapes_record_text(portfolio_snapshot):
    from dataclasses import replace

    from tests.unit.performance.conftest import make_snapshot

    evil = replace(portfolio_snapshot.service("svc-red"), name='<img src=x onerror="alert(1)">')
    snapshot = make_snapshot(
        services=[evil], measures=portfolio_snapshot.measures, values=portfolio_snapshot.measure_values
    )
    page = layout.build_report_page(report_page(snapshot, {"period": ["2025-H2"]}, TODAY))
    (block,) = find(page, lambda c: isinstance(c, StaticHtml))
    assert "<img" not in block.children
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in block.children  # escaped by the template engine
    assert 'class="rag rag-grey"' in block.children and "Not reported" in block.children  # no Q4 figure


def test_the_reach_map_is_drawn_on_the_server_classed_with_none_dashed_and_sample_said(portfolio_snapshot):
    from dataclasses import replace

    from explorer.layout.performance.vru import reach_colour, reach_hideout, reach_map

    def square(code, x):
        ring = [[x, 51.5], [x + 0.05, 51.5], [x + 0.05, 51.55], [x, 51.55], [x, 51.5]]
        return {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    codes = sorted(b.code for b in portfolio_snapshot.boroughs)
    shapes = {"type": "FeatureCollection", "features": [square(c, -0.5 + 0.06 * i) for i, c in enumerate(codes)]}
    snapshot = replace(portfolio_snapshot, boundaries_geojson=shapes)
    hideout = reach_hideout({"E09000012": 70, "E09000022": 100})
    svg = reach_map(snapshot, hideout, sample=True).children
    assert svg.count('class="reach-shape"') == len(codes)
    hackney = re.search(r'fill="(#\w+)" stroke="#0b0c0c" stroke-width="1" data-code="E09000012"', svg)
    assert hackney and hackney.group(1) == reach_colour(70, hideout) != hideout["none"]
    none = [c for c in codes if c not in ("E09000012", "E09000022")][0]
    assert re.search(rf'stroke-dasharray="3 3" data-code="{none}"', svg)  # none reported: dashed, not colour alone
    assert "Sample values, not published figures" in svg and "70 people helped (sample value)" in svg

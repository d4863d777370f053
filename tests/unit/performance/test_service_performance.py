"""The performance read model: one service, the portfolio, the dashboard and the report."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain.periods import HalfYear, Quarter
from explorer.domain.rag import Rag
from explorer.services import performance as perf

TODAY = dt.date(2025, 11, 19)


def test_latest_period_ignores_future_quarters(portfolio_snapshot):
    assert perf.reporting_period(portfolio_snapshot, TODAY) == Quarter(2025, 3)


def test_service_ratings_trend_spend_reach_and_cost(portfolio_snapshot):
    s = portfolio_snapshot.service("svc-red")
    p = perf.service_performance(portfolio_snapshot, s, Quarter(2025, 3))
    (m,) = p.measures
    assert m.current.actual == 80 and m.current.rating is Rag.RED
    assert m.trend.text == "↓ worse"
    assert [f.period.code for f in m.history] == ["2025-Q2", "2025-Q3"]  # not the future 2026-Q1
    assert p.overall is Rag.RED
    assert p.spend_to_date == 24_000  # the missing actual stays missing, not zero
    assert p.budget_to_date == 50_000
    assert [(r.name, r.people) for r in p.reach] == [("Hackney", 70), ("Southwark", 20)]
    # Cost per person only over quarters with both spend and reach: Q2 (£24,000 / 60 people).
    assert p.cost_per_person.value == 400
    assert p.cost_per_person.periods == (Quarter(2025, 2),)


def test_gap_does_not_lift_or_lower_the_overall(portfolio_snapshot):
    s = portfolio_snapshot.service("svc-green")
    p = perf.service_performance(portfolio_snapshot, s, Quarter(2025, 3))
    ratings = {m.measure.id: m.current.rating for m in p.measures}
    assert ratings == {"m-green-1": Rag.GREEN, "m-green-2": Rag.NOT_REPORTED}
    assert p.overall is Rag.GREEN
    assert [m.measure.id for m in p.gaps] == ["m-green-2"]
    assert p.performance_illustrative and p.spend_illustrative and p.reach_illustrative


def test_an_ended_service_gets_no_current_rating(portfolio_snapshot):
    ended = portfolio_snapshot.service("svc-ended")
    assert perf.service_performance(portfolio_snapshot, ended, Quarter(2025, 3)).overall is Rag.ENDED
    assert perf.service_performance(portfolio_snapshot, ended, Quarter(2025, 2)).overall is not Rag.ENDED


def test_service_without_measures(portfolio_snapshot):
    p = perf.service_performance(portfolio_snapshot, portfolio_snapshot.service("svc-none"), Quarter(2025, 3))
    assert p.overall is Rag.NO_MEASURE
    assert p.spend_to_date is None and p.people_helped is None and p.cost_per_person is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # Issue 16: an ended service has no current rating and sorts after every running one.
        ({}, ["svc-red", "svc-green", "svc-none", "svc-ended"]),
        ({"commissioner": "MOPAC"}, ["svc-green", "svc-none"]),
        ({"programme": "DIVERT"}, ["svc-red", "svc-ended"]),
        ({"borough": "E09000022"}, ["svc-green"]),
        ({"area": "nothing-here"}, []),
    ],
)
def test_portfolio_filters_and_orders_worst_first(portfolio_snapshot, filters, expected):
    result = perf.portfolio(portfolio_snapshot, perf.PortfolioFilters(**filters), TODAY)
    assert [r.service.id for r in result.rows] == expected


def test_portfolio_counts_and_lists(portfolio_snapshot):
    result = perf.portfolio(portfolio_snapshot, perf.PortfolioFilters(), TODAY)
    counts = result.counts
    # svc-ended ended before 2025-Q3, so it is listed but neither counted nor a gap.
    assert [r.service.id for r in result.not_current] == ["svc-ended"]
    assert (counts[Rag.RED], counts[Rag.GREEN], counts[Rag.NO_MEASURE], counts[Rag.AMBER]) == (1, 1, 1, 0)
    assert counts[Rag.NOT_REPORTED] == 0
    assert result.measure_counts[Rag.NOT_REPORTED] == 1
    assert [r.service.id for r in result.ending_soon] == ["svc-none"]
    assert {r.service.id for r in result.without_measures} == {"svc-none"}
    assert [r.service.id for r in result.without_figures] == ["svc-green"]


def test_ratings_over_time_counts_only_running_services(portfolio_snapshot):
    result = perf.portfolio(portfolio_snapshot, perf.PortfolioFilters(), TODAY)
    over_time = perf.ratings_over_time(result.rows, [Quarter(2025, 2), Quarter(2025, 3)])
    q2, q3 = over_time
    # Q2: m-red 95 of 100 is Amber; m-green-1 12 against 10 (lower, Amber to 11) is Red; m-green-2 is Green.
    assert (q2.counts[Rag.RED], q2.counts[Rag.AMBER], q2.counts[Rag.GREEN]) == (1, 1, 1)
    assert q3.counts[Rag.RED] == 1 and q3.counts[Rag.GREEN] == 1 and q3.counts[Rag.NOT_REPORTED] == 1
    assert q3.reported == 2


def test_reach_summary_by_programme_and_cost(portfolio_snapshot):
    result = perf.portfolio(portfolio_snapshot, perf.PortfolioFilters(), TODAY)
    window = perf.dashboard_window(Quarter(2025, 3))
    assert [q.code for q in window] == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
    summary = perf.reach_summary(portfolio_snapshot, result.rows, window, result.index)
    assert summary.people == 190
    by = {p.programme: p for p in summary.by_programme}
    assert by["DIVERT"].people == 90 and by["DIVERT"].spend == 24_000
    assert by["DIVERT"].cost_per_person.value == 400  # only Q2 has both spend and reach
    assert by["MyEnds"].cost_per_person.value == 120 and by["MyEnds"].illustrative


@pytest.mark.parametrize(
    ("filters", "search"),
    [
        (perf.PortfolioFilters(), ""),
        (perf.PortfolioFilters(commissioner="VRU", borough="E09000012"), "?commissioner=VRU&borough=E09000012"),
        (perf.PortfolioFilters(programme="Young Londoners Fund"), "?programme=Young+Londoners+Fund"),
    ],
)
def test_filters_round_trip_through_the_address(filters, search):
    from urllib.parse import parse_qs

    assert filters.to_search() == search
    assert perf.PortfolioFilters.from_query(parse_qs(search.lstrip("?"))) == filters


def test_report_rows(portfolio_snapshot):
    report = perf.six_monthly_report(portfolio_snapshot, HalfYear(2025, 2), TODAY)
    assert report.services == 4
    rows = {(r.service_id, r.measure_id): r for r in report.rows}
    red = rows[("svc-red", "m-red")]
    assert (red.first_quarter_actual, red.second_quarter_actual, red.rag) == (80, None, "Not reported")
    assert red.illustrative == "published" and red.sample_parts is None
    green = rows[("svc-green", "m-green-1")]
    assert green.illustrative == "sample value"
    assert "measure" in green.sample_parts and "figures" in green.sample_parts
    assert rows[("svc-none", None)].rag == "No measure"
    assert red.produced_on == TODAY and red.data_version.startswith("version 7")


def test_report_opens_on_the_latest_finished_half_year(portfolio_snapshot):
    assert [h.code for h in perf.report_half_years(portfolio_snapshot, TODAY)] == ["2025-H2", "2025-H1"]
    assert perf.default_report_half(portfolio_snapshot, TODAY) == HalfYear(2025, 1)
    assert perf.default_report_half(portfolio_snapshot, dt.date(2026, 1, 5)) == HalfYear(2025, 2)

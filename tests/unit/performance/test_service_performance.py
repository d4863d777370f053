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


def test_service_without_measures(portfolio_snapshot):
    p = perf.service_performance(portfolio_snapshot, portfolio_snapshot.service("svc-none"), Quarter(2025, 3))
    assert p.overall is Rag.NO_MEASURE
    assert p.spend_to_date is None and p.people_helped is None and p.cost_per_person is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["svc-red", "svc-green", "svc-ended", "svc-none"]),
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

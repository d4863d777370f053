"""Pages layer: the performance screens (service panels, portfolio and dashboard, measure detail, report)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping, Sequence

from explorer.domain.periods import HalfYear, Quarter, parse_half_year
from explorer.domain.records import Measure
from explorer.pages.context import first
from explorer.services import performance as perf
from explorer.services.evidence import ProgrammeEvidence, programme_evidence
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class PerformancePage:
    """The performance page: its filters (from the address), their choices, and what they show.

    ``portfolio`` and ``detail`` (the first measure's figures) are drawn with the page, so the
    browser draws it once rather than a frame that a callback fills on load.
    """

    snapshot: Snapshot
    filters: perf.PortfolioFilters
    options: perf.FilterOptions
    latest: Quarter | None
    portfolio: "PortfolioPage | None" = None
    detail: "MeasureDetail | None" = None


@dataclass(frozen=True)
class PortfolioPage:
    """Everything the performance page's filters change: the portfolio and its dashboard.

    ``summary`` is None when no service matches the filters.
    """

    snapshot: Snapshot
    result: perf.Portfolio
    window: tuple[Quarter, ...] = ()
    summary: perf.ReachSummary | None = None
    over_time: tuple = ()
    kpi_periods: tuple[Quarter, ...] = ()
    outcomes: tuple[perf.PublishedOutcome, ...] = ()
    evidence: tuple[ProgrammeEvidence, ...] = ()


@dataclass(frozen=True)
class MeasureDetail:
    """One measure's figures over time, with the service it belongs to (None if unknown)."""

    measure: Measure
    view: perf.MeasureView
    service_name: str | None


@dataclass(frozen=True)
class ReportPage:
    """The six-monthly report for the half-year in the address, or why there is none."""

    halves: tuple[HalfYear, ...]
    today: dt.date
    half: HalfYear | None = None
    report: perf.Report | None = None
    error: str | None = None


def performance_page(snapshot: Snapshot, query: Mapping[str, Sequence[str]], today: dt.date) -> PerformancePage:
    """The performance page with the filters read from the URL's query, and what they show."""
    filters = perf.PortfolioFilters.from_query(query)
    portfolio = portfolio_page(snapshot, filters, today)
    return PerformancePage(
        snapshot, filters, perf.filter_options(snapshot, today), perf.reporting_period(snapshot, today),
        portfolio=portfolio, detail=measure_detail(snapshot, first_measure_id(portfolio.result), today),
    )


def first_measure_id(result: perf.Portfolio) -> str | None:
    """The measure the page opens on: the first measure of the worst-rated running service."""
    return next((view.measure.id for row in result.current for view in row.measures), None)


def portfolio_page(
    snapshot: Snapshot,
    filters: perf.PortfolioFilters,
    today: dt.date,
    outcomes: Sequence[perf.PublishedOutcome] | None = None,
) -> PortfolioPage:
    """The portfolio for the filters, with the dashboard's reach and measures over time.

    ``outcomes`` are the programmes' published figures (by default the snapshot's ``outcomes``).
    """
    outcomes = perf.published_outcomes(snapshot) if outcomes is None else outcomes
    result = perf.portfolio(snapshot, filters, today)
    if not result.rows:
        return PortfolioPage(snapshot, result, outcomes=tuple(outcomes))
    window = tuple(perf.dashboard_window(result.period))
    quarters = result.index.measure_quarters if result.index else ()
    periods = tuple(q for q in quarters if result.period is None or q <= result.period)[-8:]
    summary = perf.reach_summary(snapshot, result.rows, window, result.index)
    return PortfolioPage(
        snapshot, result, window=window, summary=summary,
        over_time=tuple(perf.ratings_over_time(result.rows, periods)), kpi_periods=periods, outcomes=tuple(outcomes),
        evidence=programme_evidence(snapshot, [r.service for r in result.rows], summary.by_programme, today),
    )


def measure_detail(snapshot: Snapshot, measure_id: str | None, today: dt.date) -> MeasureDetail | None:
    """One measure's figures against its target over time; None when no such measure exists."""
    measure = next((m for m in snapshot.measures if m.id == measure_id), None)
    if measure is None:
        return None
    index = perf.build_index(snapshot)
    period = perf.reporting_period(snapshot, today, index)
    service = snapshot.service(measure.service_id)
    return MeasureDetail(
        measure, perf.measure_view(measure, index.values_by_measure.get(measure.id, {}), period),
        service.name if service else None,
    )


def report_page(snapshot: Snapshot, query: Mapping[str, Sequence[str]], today: dt.date) -> ReportPage:
    """The report for ``?period=2025-H2`` (the latest half-year with figures when none is asked for)."""
    halves = tuple(perf.report_half_years(snapshot, today))
    requested = first(dict(query), "period").strip()
    if not requested:
        half = perf.default_report_half(snapshot, today)
        if half is None:
            return ReportPage(halves, today)
    else:
        try:
            half = parse_half_year(requested)
        except ValueError as exc:
            return ReportPage(halves, today, error=str(exc))
    return ReportPage(halves, today, half=half, report=perf.six_monthly_report(snapshot, half, today))

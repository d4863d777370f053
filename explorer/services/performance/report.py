"""Services layer: the six-monthly report for the Police and Crime Committee (one row per measure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from explorer.domain import rag
from explorer.domain.periods import (
    HalfYear,
    Quarter,
    time_left,
)
from explorer.domain.rag import Rag
from explorer.services.performance.service import (
    PUBLISHED,
    SAMPLE,
    MeasureView,
    build_index,
    reporting_period,
    running_in,
    service_performance,
)
from explorer.services.snapshot import Snapshot

# -- the six-monthly report -------------------------------------------------------------------


REPORT_COLUMNS = (
    "Service ID",
    "Service",
    "Provider",
    "Commissioner",
    "Programme",
    "Funding stream",
    "Status",
    "Contract value (GBP)",
    "Start date",
    "End date",
    "Time left",
    "Running in half-year",
    "Overall RAG",
    "Measure ID",
    "Measure",
    "Unit",
    "Better when",
    "Target",
    "Thresholds",
    "First quarter",
    "First quarter actual",
    "Second quarter",
    "Second quarter actual",
    "RAG",
    "Trend",
    "Narrative",
    "Budget in half-year (GBP)",
    "Spend in half-year (GBP)",
    "People helped in half-year",
    "Illustrative",
    "Sample parts",
    "Source",
    "Report period",
    "Produced on",
    "Data version",
)

REPORT_RULES = (
    f"{rag.DEFAULT_RULE} The half-year's rating of a measure is the rating of its figure for the "
    "half's second quarter (Q2 for H1, Q4 for H2); with no figure for that quarter it is Not "
    "reported. A service's overall rating is the worst of its measures' half-year ratings (Red is "
    "worse than Amber, Amber worse than Green); measures with no figure do not lift or lower it. A "
    "service with no rated measure is shown as Not reported, No target set or No measure. Money and "
    "people are summed over the half's two quarters; a person helped in both quarters counts "
    "twice. Blank cells are figures that were not "
    "published, never zero. Rows marked 'sample value' in the Illustrative column contain "
    "illustrative figures, not published ones."
)


@dataclass(frozen=True)
class Report:
    """The Committee's six-monthly report: one row per measure (one per service without any)."""

    half: HalfYear
    produced: dt.date
    data_version: str
    rows: tuple[dict[str, Any], ...]
    columns: tuple[str, ...] = REPORT_COLUMNS
    rules: str = REPORT_RULES

    @property
    def services(self) -> int:
        """Distinct services in the report."""
        return len({row["Service ID"] for row in self.rows})

    @property
    def illustrative_rows(self) -> int:
        """Rows that contain a sample value."""
        return sum(1 for row in self.rows if row["Illustrative"] == SAMPLE)


def data_version(snapshot: Snapshot) -> str:
    """The published version a page or report came from, in one line."""
    parts = ", ".join(f"{name} v{number}" for name, number in sorted(snapshot.versions.items()))
    text = f"version {snapshot.version_key}"
    return f"{text} ({parts})" if parts else text


def six_monthly_report(snapshot: Snapshot, half: HalfYear, today: dt.date) -> Report:
    """Every service with its measures, ratings, funding and duration for one half-year."""
    index = build_index(snapshot)
    first, second = half.quarters
    version = data_version(snapshot)
    rows: list[dict[str, Any]] = []
    for service in snapshot.services:
        perf = service_performance(snapshot, service, second, index)
        spend_lines = [line for line in perf.spend if line.period in half.quarters]
        budgets = [line.budget for line in spend_lines if line.budget is not None]
        actuals = [line.actual for line in spend_lines if line.actual is not None]
        people_rows = [r for q, r in index.reach_by_service.get(service.id, ()) if q in half.quarters]
        shared = {
            "Service ID": service.id,
            "Service": service.name,
            "Provider": service.provider_name,
            "Commissioner": " and ".join(service.commissioners),
            "Programme": service.programme,
            "Funding stream": service.funding_stream,
            "Status": service.status,
            "Contract value (GBP)": service.contract_value_gbp,
            "Start date": service.start_date,
            "End date": service.end_date,
            "Time left": time_left(service.end_date, today),
            "Running in half-year": "yes" if any(running_in(service, q) for q in half.quarters) else "no",
            "Overall RAG": rag.style(perf.overall).word,
            "Budget in half-year (GBP)": sum(budgets) if budgets else None,
            "Spend in half-year (GBP)": sum(actuals) if actuals else None,
            "People helped in half-year": sum(r.people for r in people_rows) if people_rows else None,
            "Source": service.source_url,
            "Report period": f"{half.code} ({half.label})",
            "Produced on": today,
            "Data version": version,
        }
        service_parts = []
        if service.illustrative:
            service_parts.append("service details")
        if any(line.illustrative for line in spend_lines):
            service_parts.append("spend")
        if any(r.illustrative for r in people_rows):
            service_parts.append("people helped")
        if not perf.measures:
            rows.append(_report_row(shared, None, first, second, service_parts))
        for view in perf.measures:
            rows.append(_report_row(shared, view, first, second, service_parts))
    return Report(half=half, produced=today, data_version=version, rows=tuple(rows))


def report_half_years(snapshot: Snapshot, today: dt.date) -> tuple[HalfYear, ...]:
    """Half-years that have performance figures, newest first, never one that has not started."""
    index = build_index(snapshot)
    current = reporting_period(snapshot, today, index)
    halves = sorted({q.half for q in index.measure_quarters if current is None or q <= current}, reverse=True)
    return tuple(halves)


def default_report_half(snapshot: Snapshot, today: dt.date) -> HalfYear | None:
    """The half-year the report opens on: the latest finished one with figures, else the latest."""
    halves = report_half_years(snapshot, today)
    finished = [h for h in halves if h.end < today]
    if finished:
        return finished[0]
    return halves[0] if halves else None



# -- private helpers --------------------------------------------------------------------------


def _report_row(
    shared: Mapping[str, Any],
    view: MeasureView | None,
    first: Quarter,
    second: Quarter,
    service_parts: list[str],
) -> dict[str, Any]:
    row = dict(shared)
    parts = list(service_parts)
    if view is None:
        row.update({
            "Measure ID": None, "Measure": "No measure set", "Unit": None, "Better when": None,
            "Target": None, "Thresholds": None, "First quarter": first.code, "First quarter actual": None,
            "Second quarter": second.code, "Second quarter actual": None,
            "RAG": rag.style(Rag.NO_MEASURE).word, "Trend": None, "Narrative": None,
        })
    else:
        a, b = view.figure(first), view.figure(second)
        if view.measure.illustrative:
            parts.append("measure")
        if a.illustrative or b.illustrative:
            parts.append("figures")
        row.update({
            "Measure ID": view.measure.id,
            "Measure": view.measure.name,
            "Unit": view.measure.unit,
            "Better when": f"{view.measure.direction} is better",
            "Target": view.measure.target,
            "Thresholds": view.threshold_text,
            "First quarter": first.code,
            "First quarter actual": a.actual,
            "Second quarter": second.code,
            "Second quarter actual": b.actual,
            "RAG": rag.style(b.rating).word,
            "Trend": view.trend.text,
            "Narrative": b.narrative or a.narrative,
        })
    row["Illustrative"] = SAMPLE if parts else PUBLISHED
    row["Sample parts"] = ", ".join(parts) or None
    return {column: row.get(column) for column in REPORT_COLUMNS}

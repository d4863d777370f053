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
from explorer.services.contracts import contract_line, headline_contracts, service_contracts, with_published_figures
from explorer.services.snapshot import Snapshot

# -- the six-monthly report -------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One row of the report: a service with one of its measures (or with none).

    Column headings are given only where the CSV and XLSX files are written
    (:data:`explorer.api.reports.REPORT_COLUMNS`).
    """

    service_id: str
    service: str
    provider: str
    commissioner: str
    programme: str | None
    funding_stream: str | None
    status: str
    contract_value_gbp: float | None
    start_date: dt.date | None
    end_date: dt.date | None
    published_contracts: str | None
    contract_notice: str | None
    time_left: str
    running_in_half_year: str
    overall_rag: str
    measure_id: str | None
    measure: str
    unit: str | None
    better_when: str | None
    target: float | None
    thresholds: str | None
    first_quarter: str
    first_quarter_actual: float | None
    second_quarter: str
    second_quarter_actual: float | None
    rag: str
    trend: str | None
    narrative: str | None
    budget_in_half_year_gbp: float | None
    spend_in_half_year_gbp: float | None
    people_helped_in_half_year: int | None
    illustrative: str
    sample_parts: str | None
    source: str
    report_period: str
    produced_on: dt.date
    data_version: str

REPORT_RULES = (
    f"{rag.DEFAULT_RULE} The half-year's rating of a measure is the rating of its figure for the "
    "half's second quarter (Q2 for H1, Q4 for H2); with no figure for that quarter it is Not "
    "reported. A service's overall rating is the worst of its measures' half-year ratings (Red is "
    "worse than Amber, Amber worse than Green); measures with no figure do not lift or lower it. A "
    "service with no rated measure is shown as Not reported, No target set or No measure. Money and "
    "people are summed over the half's two quarters; a person helped in both quarters counts "
    "twice. A contract value or period the register lacks is taken from the service's public contract "
    "notice (OCDS) where one is matched, and the notice is named in the Published contracts and "
    "Contract notice columns; a variation of a contract is listed but never added to it. "
    "Blank cells are figures that were not "
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
    rules: str = REPORT_RULES

    @property
    def services(self) -> int:
        """Distinct services in the report."""
        return len({row.service_id for row in self.rows})

    @property
    def illustrative_rows(self) -> int:
        """Rows that contain a sample value."""
        return sum(1 for row in self.rows if row.illustrative == SAMPLE)


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
    rows: list[ReportRow] = []
    for service in snapshot.services:
        contracts = service_contracts(snapshot, service.id)
        service = with_published_figures(service, contracts)  # a notice's value and period, where the register has none
        headline = headline_contracts(contracts)
        perf = service_performance(snapshot, service, second, index)
        spend_lines = [line for line in perf.spend if line.period in half.quarters]
        budgets = [line.budget for line in spend_lines if line.budget is not None]
        actuals = [line.actual for line in spend_lines if line.actual is not None]
        people_rows = [r for q, r in index.reach_by_service.get(service.id, ()) if q in half.quarters]
        shared = {
            "service_id": service.id,
            "service": service.name,
            "provider": service.provider_name,
            "commissioner": " and ".join(service.commissioners),
            "programme": service.programme,
            "funding_stream": service.funding_stream,
            "status": service.status,
            "contract_value_gbp": service.contract_value_gbp,
            "start_date": service.start_date,
            "end_date": service.end_date,
            "published_contracts": "; ".join(contract_line(c) for c in headline) or None,
            "contract_notice": "; ".join(dict.fromkeys(c.source_url for c in headline)) or None,
            "time_left": time_left(service.end_date, today),
            "running_in_half_year": "yes" if any(running_in(service, q) for q in half.quarters) else "no",
            "overall_rag": rag.style(perf.overall).word,
            "budget_in_half_year_gbp": sum(budgets) if budgets else None,
            "spend_in_half_year_gbp": sum(actuals) if actuals else None,
            "people_helped_in_half_year": sum(r.people for r in people_rows) if people_rows else None,
            "source": service.source_url,
            "report_period": f"{half.code} ({half.label})",
            "produced_on": today,
            "data_version": version,
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
) -> ReportRow:
    row = dict(shared)
    parts = list(service_parts)
    if view is None:
        row.update({
            "measure_id": None, "measure": "No measure set", "unit": None, "better_when": None,
            "target": None, "thresholds": None, "first_quarter": first.code, "first_quarter_actual": None,
            "second_quarter": second.code, "second_quarter_actual": None,
            "rag": rag.style(Rag.NO_MEASURE).word, "trend": None, "narrative": None,
        })
    else:
        a, b = view.figure(first), view.figure(second)
        if view.measure.illustrative:
            parts.append("measure")
        if a.illustrative or b.illustrative:
            parts.append("figures")
        row.update({
            "measure_id": view.measure.id,
            "measure": view.measure.name,
            "unit": view.measure.unit,
            "better_when": f"{view.measure.direction} is better",
            "target": view.measure.target,
            "thresholds": view.threshold_text,
            "first_quarter": first.code,
            "first_quarter_actual": a.actual,
            "second_quarter": second.code,
            "second_quarter_actual": b.actual,
            "rag": rag.style(b.rating).word,
            "trend": view.trend.text,
            "narrative": b.narrative or a.narrative,
        })
    row["illustrative"] = SAMPLE if parts else PUBLISHED
    row["sample_parts"] = ", ".join(parts) or None
    return ReportRow(**row)

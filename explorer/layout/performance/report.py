"""Layout layer: the printable six-monthly report for the Police and Crime Committee."""

from __future__ import annotations

from typing import Sequence

from dash import html

from explorer import ids
from explorer.domain import formatting, rag
from explorer.domain.periods import HalfYear
from explorer.domain.rag import Rag
from explorer.layout.components import (
    amount_text,
    exact_money,
    panel,
    people_count,
    rag_badge,
    simple_table,
)
from explorer.layout.performance.service import stream_name
from explorer.layout.static import StaticHtml
from explorer.pages.performance import ReportPage
from explorer.services import performance as perf
from explorer.templates import render

# -- the six-monthly report -------------------------------------------------------------------


def build_report_page(page: ReportPage) -> html.Div:
    """The printable six-monthly report for the half-year in ``?period=2025-H2``."""
    other = _period_links(page.halves)
    if page.error is not None:
        return html.Div(
            [
                html.H1("Six-monthly performance report", className="h2"),
                html.P(page.error, className="alert alert-danger", role="alert"),
                html.P("Choose a half-year:"),
                other,
            ]
        )
    if page.report is None:
        return html.Div([html.H1("Six-monthly performance report", className="h2"),
                         html.P("No figures have been published yet.", className="empty")])
    half, report, today = page.half, page.report, page.today
    query_string = f"?period={half.code}"
    return html.Div(
        [
            html.H1(f"Six-monthly performance report: {half.label}", className="h2"),
            html.P(
                [
                    f"Half-year {half.code} ({half.quarters[0].code} and {half.quarters[1].code}). "
                    f"Produced on {formatting.date(report.produced)} from data {report.data_version}. "
                    f"{report.services} services; {len(report.rows)} rows; "
                    f"{report.illustrative_rows} rows contain sample values.",
                ],
                className="lead report-meta",
            ),
            html.Div(
                [
                    html.A("Download as CSV", href=f"/performance/report.csv{query_string}",
                           className="btn btn-primary me-2", id="report-csv"),
                    html.A("Download as a spreadsheet (XLSX)", href=f"/performance/report.xlsx{query_string}",
                           className="btn btn-outline-primary me-2", id="report-xlsx"),
                    html.Button("Print", id=ids.PERF_PRINT, className="btn btn-outline-secondary", n_clicks=0),
                    html.Span(id=ids.PERF_PRINT_DONE, hidden=True),
                    html.Div(["Other half-years: ", other], className="mt-2"),
                ],
                className="report-actions no-print",
            ),
            html.P(
                f"This half-year is not over: it ends on {formatting.date(half.end)}, so some figures are not "
                "due yet and show as Not reported.",
                className="alert alert-warning",
                role="note",
            )
            if half.end >= today
            else None,
            html.P(report.rules, className="small report-rules"),
            _report_counts(report),
            _report_services(report),
        ],
        className="report-page",
    )


def _period_links(halves: Sequence[HalfYear]) -> html.Ul:
    return html.Ul(
        [html.Li(html.A(f"{h.code} ({h.label})", href=f"/performance/report?period={h.code}")) for h in halves]
        or [html.Li("No half-year has figures yet.")],
        className="period-links",
    )


def _report_counts(report: perf.Report) -> html.Section:
    overall: dict[str, str] = {}
    for row in report.rows:
        overall[row.service_id] = row.overall_rag
    words = [rag.style(r).word for r in Rag]
    figures = "sample value" if report.illustrative_rows else "published"
    return panel(
        "Services by overall rating",
        [simple_table(["Rating", "Services", "Figures"], [(rag_badge(r), str(list(overall.values()).count(w)), figures)
                                                          for r, w in zip(Rag, words)])],
        section_id="report-counts",
    )


def _report_services(report: perf.Report) -> StaticHtml:
    """Every service's section of the report, as one block of HTML from an autoescaping template.

    The report has thousands of cells; as Dash components they take many seconds to draw, as one
    HTML block they take milliseconds. The template escapes every value from the register.
    """
    by_service: dict[str, list[perf.ReportRow]] = {}
    for row in report.rows:
        by_service.setdefault(row.service_id, []).append(row)
    by_word = {rag.style(r).word: rag.style(r) for r in Rag}
    services = [
        {
            "name": rows[0].service,
            "overall": by_word[rows[0].overall_rag],
            "facts": _service_facts(rows[0]),
            "contracts": rows[0].published_contracts,
            "notices": (rows[0].contract_notice or "").split("; ") if rows[0].contract_notice else [],
            "sample": any(r.illustrative == perf.SAMPLE for r in rows),
            "head": ["Measure", "Target", rows[0].first_quarter, rows[0].second_quarter, "Rating", "Trend",
                     "Thresholds", "Provider's note", "Figures"],
            "rows": [_measure_cells(r, by_word) for r in rows],
        }
        for rows in by_service.values()
    ]
    # Raw HTML on purpose: as Dash components the block draws in 2.3 s instead of 1.0 s and blocks the
    # main thread 1.9 s instead of 0.3 s (`make bench-report`, README "Performance"). Every record
    # value goes through the autoescaping template (explorer/templates), so no markup from the
    # register reaches the page (tests: test_report_html_escapes_record_text, and test_xss on
    # /performance/report in a browser with the CSP on).
    return StaticHtml(render("report_services.html", services=services), className="report-services")


def _service_facts(first: perf.ReportRow) -> str:
    spent, budget = first.spend_in_half_year_gbp, first.budget_in_half_year_gbp
    money = (
        "no spend published for the half"
        if spent is None and budget is None
        else f"spent {exact_money(spent)} of {exact_money(budget)} budgeted in the half"
    )
    return (
        f"{first.provider} · {first.commissioner} · {first.programme} · "
        f"{stream_name(first.funding_stream)} · contract {formatting.money(first.contract_value_gbp)} · "
        f"{formatting.date(first.start_date)} to {formatting.date(first.end_date)} "
        f"({first.time_left}"
        + ("" if first.running_in_half_year == "yes" else "; not running in this half-year")
        + f") · {money} · people helped {people_count(first.people_helped_in_half_year)}"
    )


def _measure_cells(r: perf.ReportRow, by_word: dict) -> dict:
    return {
        "measure": r.measure,
        "target": "—" if r.target is None else rag.format_amount(r.target, r.unit),
        "first": amount_text(r.first_quarter_actual, r.unit) if r.measure_id else "—",
        "second": amount_text(r.second_quarter_actual, r.unit) if r.measure_id else "—",
        "rating": by_word[r.rag],
        "trend": r.trend or "",
        "thresholds": r.thresholds or "",
        "narrative": r.narrative or "",
        "sample": r.illustrative == perf.SAMPLE,
    }

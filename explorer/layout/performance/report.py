"""Layout layer: the printable six-monthly report for the Police and Crime Committee."""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

from dash import dcc, html

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
from explorer.pages.performance import ReportPage
from explorer.services import performance as perf

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
    return panel(
        "Services by overall rating",
        [simple_table(["Rating", "Services"], [(rag_badge(r), str(list(overall.values()).count(w)))
                                          for r, w in zip(Rag, words)])],
        section_id="report-counts",
    )


def _report_services(report: perf.Report) -> dcc.Markdown:
    """Every service's section of the report, as one block of escaped HTML.

    The report has thousands of cells; as Dash components they take many seconds to draw, as one
    HTML block they take milliseconds. Every value from the register is escaped.
    """
    by_service: dict[str, list[dict]] = {}
    for row in report.rows:
        by_service.setdefault(row.service_id, []).append(row)
    by_word = {rag.style(r).word: r for r in Rag}
    parts = []
    for rows in by_service.values():
        first = rows[0]
        sample = any(r.illustrative == perf.SAMPLE for r in rows)
        spent, budget = first.spend_in_half_year_gbp, first.budget_in_half_year_gbp
        money = (
            "no spend published for the half"
            if spent is None and budget is None
            else f"spent {exact_money(spent)} of {exact_money(budget)} budgeted in the half"
        )
        facts = (
            f"{first.provider} · {first.commissioner} · {first.programme} · "
            f"{stream_name(first.funding_stream)} · contract {formatting.money(first.contract_value_gbp)} · "
            f"{formatting.date(first.start_date)} to {formatting.date(first.end_date)} "
            f"({first.time_left}"
            + ("" if first.running_in_half_year == "yes" else "; not running in this half-year")
            + f") · {money} · people helped {people_count(first.people_helped_in_half_year)}"
        )
        head = ["Measure", "Target", first.first_quarter, first.second_quarter, "Rating", "Trend",
                "Thresholds", "Provider's note", "Figures"]
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{cell}</td>"
                for cell in (
                    _esc(r.measure),
                    _esc("—" if r.target is None else rag.format_amount(r.target, r.unit)),
                    _esc(amount_text(r.first_quarter_actual, r.unit) if r.measure_id else "—"),
                    _esc(amount_text(r.second_quarter_actual, r.unit) if r.measure_id else "—"),
                    _badge_html(by_word[r.rag], r.thresholds),
                    _esc(r.trend or ""),
                    _esc(r.thresholds or ""),
                    _esc(r.narrative or ""),
                    _SAMPLE_HTML if r.illustrative == perf.SAMPLE else "published",
                )
            )
            + "</tr>"
            for r in rows
        )
        parts.append(
            '<section class="report-service">'
            f'<h2 class="h5">{_esc(first.service)} {_badge_html(by_word[first.overall_rag])}</h2>'
            f'<p class="small mb-1">{_esc(facts)}{" " + _SAMPLE_HTML if sample else ""}</p>'
            '<table class="table table-sm perf-table report-measures"><thead><tr>'
            + "".join(f'<th scope="col">{_esc(h)}</th>' for h in head)
            + f"</tr></thead><tbody>{body}</tbody></table></section>"
        )
    return dcc.Markdown("".join(parts), dangerously_allow_html=True, className="report-services")


_SAMPLE_HTML = '<span class="badge text-bg-warning sample">sample value</span>'


def _esc(value: Any) -> str:
    return escape(str(value), quote=True)


def _badge_html(rating: Rag, detail: str | None = None) -> str:
    """The same badge as :func:`rag_badge`, as HTML (colours from the CSS class)."""
    s = rag.style(rating)
    return (
        f'<span class="{s.css}" title="{_esc(detail or s.word)}">'
        f'<span class="rag-icon" aria-hidden="true">{s.icon}</span> {_esc(s.word)}</span>'
    )

"""Layout layer: the performance page (filters, the portfolio table, endings, gaps, measures over time)."""

from __future__ import annotations

from typing import NamedTuple, Sequence

import plotly.graph_objects as go
from dash import dash_table, html
from dash.dash_table.Format import Format, Group, Scheme, Symbol

from explorer import ids
from explorer.domain import formatting, rag
from explorer.domain.periods import Quarter, time_left
from explorer.domain.rag import Rag
from explorer.layout import controls
from explorer.layout.evidence import build_programme_evidence
from explorer.layout.static import static_block
from explorer.layout.svg_chart import chart_with_table_svg
from explorer.services.evidence import EVIDENCE_FILTER_OPTIONS
from explorer.layout.components import (
    page_intro,
    ACCENT,
    FONT,
    MOPAC,
    TARGET_COLOUR,
    VRU,
    amount_text,
    chart_layout,
    panel,
    period_text,
    rag_badge,
    sample_badge,
    simple_table,
)
from explorer.layout.performance.vru import (
    dashboard_frame,
    dashboard_intro,
    money_reach_block,
    outcomes_block,
    programme_block,
    reach_hideout,
    reach_map,
    reach_key,
)
from explorer.pages.performance import MeasureDetail, PerformancePage, PortfolioPage
from explorer.services import performance as perf

# -- the performance page ---------------------------------------------------------------------


def build_performance_page(page: PerformancePage) -> html.Div:
    """The performance page: filters (from the address) and a results area the callbacks fill."""
    snapshot, filters, options, latest = page.snapshot, page.filters, page.options, page.latest
    view = build_performance_view(page.portfolio) if page.portfolio is not None else None
    filled = {**view._asdict(), "detail": build_measure_detail(page.detail)} if view is not None else None
    return html.Div(
        [
            *page_intro(
                "Performance",
                [
                    "How every service commissioned by the ", MOPAC, " and the ", VRU,
                    " is doing against its measures, what it costs and when its contract ends. "
                    "Each measure is rated Red, Amber or Green (RAG). ",
                    rag.DEFAULT_RULE,
                ],
            ),
            html.P(
                [
                    html.A("Six-monthly report for the Police and Crime Committee", href="/performance/report"),
                    " (printable, and as a spreadsheet).",
                ]
            ),
            html.Div(
                [
                    _dropdown("Commissioner", ids.PERF_COMMISSIONER, options.commissioners, filters.commissioner,
                              "All commissioners"),
                    _dropdown("Programme", ids.PERF_PROGRAMME, options.programmes, filters.programme, "All programmes"),
                    _dropdown("Borough", ids.PERF_BOROUGH, options.boroughs, filters.borough, "All boroughs"),
                    _dropdown("Service area", ids.PERF_AREA, options.areas, filters.area, "All service areas"),
                    _dropdown("Period", ids.PERF_PERIOD, options.periods, filters.period,
                              f"Latest ({latest.code})" if latest else "Latest"),
                    _dropdown("Evaluation", ids.PERF_EVIDENCE, EVIDENCE_FILTER_OPTIONS, filters.evidence,
                              "Any evidence"),
                ],
                className="perf-filters no-print",
                role="search",
                **{"aria-label": "Filter the services"},
            ),
            html.Div(
                view.results if view is not None else html.P("Loading the performance figures…", className="empty"),
                id=ids.PERF_RESULTS,
                **{"aria-live": "polite"},
            ),
            dashboard_frame(snapshot, filled),
        ],
        className="performance-page",
    )


def _dropdown(label: str, component_id: str, options, value: str, placeholder: str) -> html.Div:
    """A native select (axe-clean, unlike Dash's dropdown); its first choice means "all"."""
    return html.Div(
        controls.select(component_id, label, [{"label": text, "value": v} for v, text in options], value or None,
                        placeholder),
        className="perf-filter",
    )


class PerformanceView(NamedTuple):
    """What the performance page's filters change: each part goes to one container."""

    results: list
    dashboard_intro: list
    reach_hideout: dict
    reach_key: list
    dashboard: list
    measure_options: list
    measure_value: str | None
    #: The borough map drawn for ``reach_hideout`` (an SVG from the server).
    reach_map: object = None

    def outputs(self) -> tuple:
        """The parts in the order of the page's callback outputs."""
        return (self.results, self.dashboard_intro, self.reach_map, self.reach_key, self.dashboard,
                self.measure_options, self.measure_value)


def build_performance_view(page: PortfolioPage) -> PerformanceView:
    """Everything the filters change: counts, the table, endings, gaps and the dashboard.

    The borough shapes are sent once with the page; a change of filters sends only the
    people per borough (the map layer's ``hideout``), so the map is not redrawn from scratch.
    """
    snapshot, result, outcomes = page.snapshot, page.result, page.outcomes
    notes = [html.P(n, className="alert alert-warning", role="alert") for n in result.notes]
    if not result.rows:
        empty = html.P(
            "No services match these filters. Clear a filter or choose another programme, borough or "
            "service area.",
            className="empty",
        )
        return PerformanceView(
            notes + [empty], ["No services match these filters."], reach_hideout({}), [], [], [], None,
            reach_map(snapshot, reach_hideout({})),
        )
    window, summary = page.window, page.summary
    people = {r.code: r.people for r in summary.by_borough}
    options = _measure_options(result)
    return PerformanceView(
        # Static parts as blocks of HTML (one element each, not hundreds); the table stays a component.
        results=notes + [static_block(_summary_block(result)), _portfolio_table(result),
                         static_block([_ending_block(result), _gaps_block(result)])],
        dashboard_intro=dashboard_intro(result, summary, window),
        reach_hideout=reach_hideout(people),
        reach_key=reach_key(snapshot, summary),
        dashboard=[
            programme_block(summary),
            money_reach_block(summary),
            static_block(outcomes_block(outcomes)),
            static_block(build_programme_evidence(page.evidence, filtered=result.filters.evidence)),
            _kpi_block(page.over_time, page.kpi_periods,
                       any(f.illustrative for row in result.rows for m in row.measures for f in m.history)),
        ],
        measure_options=options,
        measure_value=options[0]["value"] if options else None,
        reach_map=reach_map(snapshot, reach_hideout(people), sample=summary.illustrative),
    )


def _summary_block(result: perf.Portfolio) -> html.Section:
    counts = result.counts
    current = len(result.current)
    sample = sample_badge(any(r.performance_illustrative for r in result.current))
    tiles = [
        html.Li(
            [html.Span(f"{counts[r]}", className="rag-count"), " ", rag_badge(r)] + sample,
            className="rag-tile",
        )
        for r in Rag
    ]
    measure_counts = result.measure_counts
    measure_line = ", ".join(f"{measure_counts[r]} {rag.style(r).word}" for r in measure_counts)
    ended = len(result.not_current)
    return panel(
        f"At a glance: {period_text(result.period)}",
        [
            html.P(
                f"{current} service{'s' if current != 1 else ''} ran in this period"
                + (f" ({ended} more had ended or not begun, and are in the table but not counted)." if ended else ".")
            ),
            html.Ul(tiles, className="rag-tiles list-unstyled", **{"aria-label": "Services by overall rating"}),
            html.P(
                [f"Measures: {measure_line}."]
                + (
                    [" The ratings rest on sample figures."] + sample_badge(True)
                    if any(r.performance_illustrative for r in result.current)
                    else []
                ),
                className="small",
            ),
            html.P(rag.OVERALL_RULE, className="small"),
        ],
        section_id="perf-summary",
    )


#: The portfolio table's height: it scrolls, and draws only the rows in view.
TABLE_HEIGHT = "36rem"

MONEY = Format(group=Group.yes, precision=0, scheme=Scheme.fixed, symbol=Symbol.yes, symbol_prefix="£").nully(
    "not published"
)


def _portfolio_table(result: perf.Portfolio) -> html.Section:
    data = []
    for row in result.rows:
        s = row.service
        rated = f"{len(row.rated)} of {len(row.measures)}" if row.measures else "none"
        sample = (
            s.illustrative or row.performance_illustrative or row.spend_illustrative
        )
        data.append(
            {
                "service": f"[{_md(s.name)}](/service/{s.id})",
                "provider": s.provider_name,
                "commissioner": " and ".join(s.commissioners),
                "programme": s.programme,
                "rating": rag.style(row.overall).text,
                "rated": rated,
                "spend": row.spend_to_date,
                "value": s.contract_value_gbp,
                "end": s.end_date.isoformat() if s.end_date else "not known",
                "left": time_left(s.end_date, result.today),
                "running": "yes" if row.in_period else "no",
                "sample": "sample value" if sample else "published",
            }
        )
    columns = [
        {"name": "Service", "id": "service", "presentation": "markdown"},
        {"name": "Provider", "id": "provider"},
        {"name": "Commissioner", "id": "commissioner"},
        {"name": "Programme", "id": "programme"},
        {"name": "Rating", "id": "rating"},
        {"name": "Measures rated", "id": "rated"},
        {"name": "Spend to date", "id": "spend", "type": "numeric", "format": MONEY},
        {"name": "Contract value", "id": "value", "type": "numeric", "format": MONEY},
        {"name": "Contract ends", "id": "end"},
        {"name": "Time left", "id": "left"},
        {"name": "Running in period", "id": "running"},
        {"name": "Figures", "id": "sample"},
    ]
    conditional = [
        {
            "if": {"filter_query": f'{{rating}} = "{rag.style(r).text}"', "column_id": "rating"},
            "backgroundColor": rag.style(r).background,
            "color": rag.style(r).foreground,
            "fontWeight": "700",
        }
        for r in Rag
    ]
    return panel(
        "Every service",
        [
            html.P(
                "Worst rating first; the table scrolls. Select a column heading to sort by it. "
                "'Figures' says whether a row holds sample values.",
                className="small",
            ),
            controls.table_region("Every service, one row each (scrolls sideways on a small screen)", dash_table.DataTable(
                id=ids.PERF_TABLE,
                data=data,
                columns=columns,
                sort_action="native",
                page_action="none",
                # Only the rows in view are drawn (every row at once cost seconds on a mid-range phone).
                virtualization=True,
                markdown_options={"link_target": "_self"},
                style_table={"overflowX": "auto", "height": TABLE_HEIGHT, "overflowY": "auto"},
                style_cell={"textAlign": "left", "whiteSpace": "normal", "height": "auto", "fontFamily": FONT,
                            "fontSize": "0.9rem", "padding": "6px", "minWidth": "5.5rem"},
                style_cell_conditional=[
                    {"if": {"column_id": "service"}, "minWidth": "16rem"},
                    {"if": {"column_id": "provider"}, "minWidth": "10rem"},
                    {"if": {"column_id": "programme"}, "minWidth": "10rem"},
                    {"if": {"column_id": "rating"}, "minWidth": "7.5rem"},
                ],
                style_header={"fontWeight": "700", "backgroundColor": "#f3f2f1", "fontFamily": FONT},
                style_data_conditional=conditional,
                css=[{"selector": ".dash-spreadsheet", "rule": "font-size: .95rem"},
                     {"selector": "p", "rule": "margin: 0"}],
            )),
        ],
        section_id="perf-all",
    )


def _md(text: str) -> str:
    for ch in "\\[]()*_`#<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _service_link(row: perf.ServicePerformance) -> html.A:
    return html.A(row.service.name, href=f"/service/{row.service.id}")


def _ending_block(result: perf.Portfolio) -> html.Section:
    soon = result.ending_soon
    if not soon:
        body = [html.P("No contract ends within the next six months.", className="empty")]
    else:
        body = [
            simple_table(
                ["Service", "Ends", "Time left", "Contract value", "Rating", "Figures"],
                [
                    (
                        _service_link(row),
                        formatting.date(row.service.end_date),
                        time_left(row.service.end_date, result.today),
                        formatting.money(row.service.contract_value_gbp),
                        rag_badge(row.overall),
                        "sample value" if row.service.illustrative else "published",
                    )
                    for row in soon
                ],
                class_name="ending-table",
            )
        ]
    return panel(
        f"Contracts ending within six months of {formatting.date(result.today)} ({len(soon)})",
        body,
        section_id="perf-ending",
    )


def _gaps_block(result: perf.Portfolio) -> html.Section:
    none = result.without_measures
    missing = result.without_figures
    period = result.period.code if result.period else "this period"
    body = [
        html.P("Missing figures matter as much as Red ratings: a service cannot be held to account "
               "for what is not reported.", className="small"),
        html.H3(f"No measure at all ({len(none)})", className="h6"),
        html.Ul([html.Li(_service_link(r)) for r in none], className="gap-list")
        if none
        else html.P("Every running service has at least one measure.", className="empty"),
        html.H3(f"No figure for {period} ({len(missing)})", className="h6"),
        html.Ul(
            [
                html.Li([_service_link(r), ": " + "; ".join(m.measure.name for m in r.gaps)])
                for r in missing
            ],
            className="gap-list",
        )
        if missing
        else html.P(f"Every measure of every running service has a figure for {period}.", className="empty"),
    ]
    return panel("Gaps in reporting", body, section_id="perf-gaps")


def _kpi_block(over_time: Sequence[perf.RatingsInPeriod], periods: Sequence[Quarter], sample: bool) -> html.Section:
    """Measures by rating over time; ``sample``: the counts rest on sample figures, so they are sample values."""
    shown = (*rag.COLOURED, Rag.NO_TARGET, Rag.NOT_REPORTED)
    patterns = {Rag.RED: "x", Rag.AMBER: "/", Rag.GREEN: "", Rag.NO_TARGET: ".", Rag.NOT_REPORTED: "-"}
    fig = go.Figure(
        [
            go.Bar(
                name=rag.style(r).text,
                x=[t.period.code for t in over_time],
                y=[t.counts[r] for t in over_time],
                marker={"color": rag.style(r).background, "line": {"color": "#0b0c0c", "width": 0.5},
                        "pattern": {"shape": patterns[r], "fgcolor": "#0b0c0c", "size": 6}},
                hovertemplate=f"%{{x}}: %{{y}} {rag.style(r).word}<extra></extra>",
            )
            for r in shown
        ]
    )
    chart_layout(fig, height=340).update_layout(barmode="stack")
    fig.update_yaxes(title_text="Measures")
    table = simple_table(
        ["Quarter"] + [rag.style(r).word for r in shown] + ["Figures"],
        [[t.period.code] + [str(t.counts[r]) for r in shown] + ["sample value" if sample else "published"]
         for t in over_time],
    )
    latest = over_time[-1] if over_time else None
    summary_text = (
        f"Measures against their targets over time, {periods[0].code} to {periods[-1].code}. In "
        f"{latest.period.code}: {latest.counts[Rag.GREEN]} Green, {latest.counts[Rag.AMBER]} Amber, "
        f"{latest.counts[Rag.RED]} Red, {latest.counts[Rag.NOT_REPORTED]} not reported."
        if latest
        else "No measure has a figure yet."
    )
    return panel(
        "Measures against targets over time",
        [chart_with_table_svg(summary_text, fig, table, sample=sample) if over_time
         else html.P(summary_text, className="empty")],
        section_id="perf-kpis",
    )


def _measure_options(result: perf.Portfolio) -> list[dict]:
    """The measures of the running services, worst-rated service first."""
    return [
        {"label": f"{row.service.name}: {view.measure.name}", "value": view.measure.id}
        for row in result.current
        for view in row.measures
    ]


def build_measure_detail(detail: MeasureDetail | None) -> list:
    """One measure's figures against its target over time, as a chart and a table."""
    if detail is None:
        return [html.P("Choose a measure to see its figures over time.", className="empty")]
    measure, view, service_name = detail.measure, detail.view, detail.service_name
    if not view.history:
        return [html.P("No figure has been reported for this measure.", className="empty")]
    x = [f.period.code for f in view.history]
    fig = go.Figure(
        [
            go.Scatter(
                name="Actual", x=x, y=[f.actual for f in view.history], mode="lines+markers+text",
                text=[rag.style(f.rating).icon for f in view.history], textposition="top center",
                marker={"size": 10, "color": [rag.style(f.rating).background for f in view.history],
                        "line": {"color": "#0b0c0c", "width": 1}},
                line={"color": ACCENT},
                hovertemplate="%{x}: %{y:,}<extra>Actual</extra>",
            )
        ]
    )
    if view.thresholds is not None:
        fig.add_trace(go.Scatter(name="Green at", x=x, y=[view.thresholds.green_at] * len(x), mode="lines",
                                 line={"color": TARGET_COLOUR, "dash": "dash"}, hoverinfo="skip"))
        if view.thresholds.amber_at != view.thresholds.green_at:
            fig.add_trace(go.Scatter(name="Amber from" if measure.direction == "higher" else "Amber up to",
                                     x=x, y=[view.thresholds.amber_at] * len(x), mode="lines",
                                     line={"color": "#6f777b", "dash": "dot"}, hoverinfo="skip"))
    chart_layout(fig, height=320)
    fig.update_yaxes(title_text=measure.unit or "")
    rows = [
        (f.period.code, amount_text(f.actual, measure.unit), rag_badge(f.rating, view.threshold_text),
         "sample value" if f.illustrative else "published")
        for f in view.history
    ]
    name = f"{service_name or measure.service_id}: {measure.name}"
    summary = (
        f"{name}, {x[0]} to {x[-1]}. Latest: {amount_text(view.current.actual, measure.unit)}, "
        f"{rag.style(view.current.rating).word}. {view.threshold_text}."
    )
    return [
        chart_with_table_svg(summary, fig, simple_table(["Quarter", "Actual", "Rating", "Figure"], rows),
                         sample=any(f.illustrative for f in view.history)),
        html.P(html.A(f"Open {service_name or 'the service'}", href=f"/service/{measure.service_id}")),
    ]

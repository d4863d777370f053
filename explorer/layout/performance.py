"""Layout layer: the performance panels of a service page, the performance page with the VRU
dashboard, and the printable six-monthly report.

Every chart comes with the same numbers as a table (its text alternative), every rating with
a word and an icon, and every illustrative figure with a visible "sample value" label.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

import dash_leaflet as dl
import plotly.graph_objects as go
import dash_bootstrap_components as dbc
from dash import dash_table, dcc, html
from dash.dash_table.Format import Format, Group, Scheme, Symbol

from explorer import ids
from explorer.layout import controls
from explorer.domain import formatting, rag
from explorer.domain.periods import HalfYear, Quarter, elapsed_share, time_left
from explorer.domain.rag import Rag
from explorer.pages.performance import MeasureDetail, PerformancePage, PortfolioPage, ReportPage
from explorer.services import performance as perf
from explorer.services.snapshot import ServiceEntry, Snapshot

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}
FONT = "Helvetica Neue, Arial, Liberation Sans, sans-serif"
ACCENT = "#1d4f91"
BUDGET_COLOUR = "#8fa9c8"
TARGET_COLOUR = "#0b0c0c"
#: Sequential blues for people helped, light to dark, with a grey for "none reported".
REACH_COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#08306b")
NO_REACH_COLOUR = "#f3f2f1"
LONDON_CENTRE = (51.49, -0.09)
LCPF = "London Crime Prevention Fund (LCPF)"
VRU = "Violence Reduction Unit (VRU)"
MOPAC = "Mayor's Office for Policing and Crime (MOPAC)"


# -- small shared pieces ----------------------------------------------------------------------


def rag_badge(rating: Rag, detail: str | None = None) -> html.Span:
    """A rating as a badge: icon and word on its colour; ``detail`` becomes its tooltip."""
    s = rag.style(rating)
    return html.Span(
        [html.Span(s.icon, className="rag-icon", **{"aria-hidden": "true"}), " ", s.word],
        className=s.css,
        style={"backgroundColor": s.background, "color": s.foreground},
        title=detail or s.word,
    )


def sample_badge(illustrative: bool) -> list:
    """The visible marker of a sample value (empty for a published figure)."""
    return [" ", html.Span("sample value", className="badge text-bg-warning sample")] if illustrative else []


def _money(value: float | None) -> str:
    return formatting.money(value)


def _exact_money(value: float | None) -> str:
    return "not published" if value is None else f"£{value:,.0f}"


def _people(value: int | None) -> str:
    return "none reported" if value is None else f"{value:,}"


def _amount(value: float | None, unit: str | None) -> str:
    return "not reported" if value is None else rag.format_amount(value, unit)


def _period_text(period: Quarter | None) -> str:
    return f"{period.code} ({period.label})" if period else "no period has figures yet"


def _section(title: str, children: list, *, section_id: str | None = None, class_name: str = "") -> html.Section:
    heading_id = f"h-{section_id}" if section_id else None
    return html.Section(
        [html.H2(title, className="h4", id=heading_id)] + children,
        className=f"perf-panel {class_name}".strip(),
        **({"aria-labelledby": heading_id} if heading_id else {}),
    )


def _table(head: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str | None = None,
           class_name: str = "") -> html.Table:
    return html.Table(
        ([html.Caption(caption)] if caption else [])
        + [
            html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        className=f"table table-sm perf-table {class_name}".strip(),
    )


def _graph(figure: go.Figure, *, graph_id: str | None = None) -> html.Div:
    # No role="img" here: the chart's toolbar buttons must stay reachable. The figure's caption
    # and the table that follows carry the chart's meaning.
    props = {"id": graph_id} if graph_id else {}
    return html.Div(
        dcc.Graph(figure=figure, config=GRAPH_CONFIG, className="perf-graph", **props),
        className="perf-graph-wrap",
    )


def _chart_with_table(summary: str, figure: go.Figure, table, *, graph_id: str | None = None) -> html.Figure:
    """A chart, a sentence saying what it shows, and the same numbers as a table."""
    return html.Figure(
        [
            html.Figcaption(summary, className="chart-summary"),
            _graph(figure, graph_id=graph_id),
            html.Details(
                [html.Summary("The same figures as a table"), table],
                open=True,
                className="chart-table",
            ),
        ],
        className="perf-figure",
    )


def _layout(fig: go.Figure, *, height: int = 320, money_axis: str | None = None) -> go.Figure:
    fig.update_layout(
        template="simple_white",
        height=height,
        margin={"l": 60, "r": 20, "t": 20, "b": 50},
        font={"family": FONT, "size": 13, "color": "#0b0c0c"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
    if money_axis == "y":
        fig.update_yaxes(tickprefix="£", tickformat="~s")
    if money_axis == "x":
        fig.update_xaxes(tickprefix="£", tickformat="~s")
    return fig


# -- the service page -------------------------------------------------------------------------


def build_service_performance(p: perf.ServicePerformance, today: dt.date) -> list[html.Section]:
    """The performance panels of a service page: overall rating, funding, duration, spend,
    performance measures, reach and cost per person.

    Args:
        p: The service's performance (:func:`explorer.pages.service.service_performance`).
        today: The date "today" is marked at and time left is counted from.
    """
    service = p.service
    return [
        _overall_panel(p),
        _funding_panel(service),
        _duration_panel(service, today),
        _spend_panel(p),
        _measures_panel(p),
        _reach_panel(p),
        _cost_panel(p),
    ]


def build_service_performance_block(p: perf.ServicePerformance, today: dt.date) -> html.Div:
    """The service page's performance panels in one block (for the page's list of sections)."""
    return html.Div(
        build_service_performance(p, today),
        id=ids.SERVICE_PERFORMANCE,
        className="service-performance",
    )


def _overall_panel(p: perf.ServicePerformance) -> html.Section:
    total = len(p.measures)
    if total:
        counted = (
            f"{len(p.rated)} of {total} measure{'s' if total != 1 else ''} rated for {_period_text(p.period)}"
            + (f"; {len(p.gaps)} not reported." if p.gaps else ".")
        )
    else:
        counted = "This service has no performance measure in the register."
    return _section(
        "Overall rating",
        [
            html.P([rag_badge(p.overall, rag.OVERALL_RULE), " ", html.Span(counted)], className="overall-line"),
            html.Details(
                [html.Summary("How the rating is worked out"), html.P(rag.OVERALL_RULE), html.P(rag.DEFAULT_RULE)],
                className="small",
            ),
        ],
        section_id="perf-overall",
    )


def _funding_panel(service: ServiceEntry) -> html.Section:
    sample = sample_badge(service.illustrative)
    rows = [
        ("Contract value", [_money(service.contract_value_gbp)] + sample),
        ("Funding stream", [_stream(service.funding_stream)]),
        ("Commissioner", [" and ".join(_commissioner(c) for c in service.commissioners)]),
        ("Programme", [service.programme]),
        ("Provider", [service.provider_name]),
    ]
    return _section(
        "Funding",
        [html.Dl([item for label, value in rows for item in (html.Dt(label), html.Dd(value))], className="details-list")],
        section_id="perf-funding",
    )


def _duration_panel(service: ServiceEntry, today: dt.date) -> html.Section:
    start, end = service.start_date, service.end_date
    left = time_left(end, today)
    share = elapsed_share(start, end, today)
    children = [
        html.P(
            [
                html.Strong(f"{formatting.date(start)} to {formatting.date(end)}"),
                " · ",
                html.Span(left, className="time-left"),
            ]
            + sample_badge(service.illustrative)
        )
    ]
    if share is not None:
        percent = f"{share * 100:.1f}%"
        label = (
            f"Contract timeline from {formatting.date(start)} to {formatting.date(end)}. "
            f"Today, {formatting.date(today)}, is {share * 100:.0f}% of the way through; {left}."
        )
        children.append(
            html.Div(
                [
                    html.Div(
                        [
                            html.Div(className="timeline-elapsed", style={"width": percent}),
                            html.Div(
                                html.Span(
                                    f"Today, {formatting.date(today)}",
                                    # Past the middle the label sits left of the mark, so it stays on screen.
                                    className="timeline-today-label" + (" end" if share > 0.5 else ""),
                                ),
                                className="timeline-today",
                                style={"left": percent},
                            ),
                        ],
                        className="timeline-bar",
                    ),
                    html.Div(
                        [html.Span(formatting.date(start)), html.Span(formatting.date(end))],
                        className="timeline-ends",
                    ),
                ],
                className="timeline",
                role="img",
                **{"aria-label": label},
            )
        )
    else:
        children.append(html.P("The start or end date is not recorded, so no timeline is drawn.", className="small"))
    return _section("Duration", children, section_id="perf-duration")


def _spend_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.spend:
        return _section("Spend", [html.P("No quarterly spend is published for this service.", className="empty")],
                        section_id="perf-spend")
    lines = p.spend
    table = _table(
        ["Quarter", "Budget", "Actual spend", "Difference", "Figures"],
        [
            (
                line.period.code,
                _exact_money(line.budget),
                _exact_money(line.actual),
                "—" if line.variance is None else _signed_money(line.variance),
                "sample value" if line.illustrative else "published",
            )
            for line in lines
        ],
    )
    fig = go.Figure(
        [
            go.Bar(
                name="Budget", x=[line.period.code for line in lines], y=[line.budget for line in lines],
                marker={"color": BUDGET_COLOUR, "pattern": {"shape": "/"}},
                hovertemplate="%{x}: budget £%{y:,.0f}<extra></extra>",
            ),
            go.Bar(
                name="Actual spend", x=[line.period.code for line in lines], y=[line.actual for line in lines],
                marker={"color": ACCENT},
                hovertemplate="%{x}: spent £%{y:,.0f}<extra></extra>",
            ),
        ]
    )
    _layout(fig, money_axis="y").update_layout(barmode="group")
    summary = (
        f"Budget and actual spend per quarter, {lines[0].period.code} to {lines[-1].period.code}: "
        f"{_exact_money(p.spend_to_date)} spent against a budget of {_exact_money(p.budget_to_date)}."
    )
    return _section(
        "Spend",
        [
            html.P(
                [f"Spent to date: {_money(p.spend_to_date)} of {_money(p.budget_to_date)} budgeted."]
                + sample_badge(p.spend_illustrative)
            ),
            _chart_with_table(summary, fig, table, graph_id=ids.SERVICE_SPEND_CHART),
        ],
        section_id="perf-spend",
    )


def _measures_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.measures:
        return _section(
            "Performance",
            [html.P("No performance measure is recorded for this service. That is a gap: the Police and "
                    "Crime Committee asked for a measure for every service.", className="empty")],
            section_id="perf-measures",
        )
    cards = [_measure_card(view, p.period) for view in p.measures]
    return _section("Performance", cards, section_id="perf-measures")


def _measure_card(view: perf.MeasureView, period: Quarter | None) -> html.Article:
    m = view.measure
    target = "no target set" if m.target is None else rag.format_amount(m.target, m.unit)
    current = view.current
    narrative = current.narrative
    rows = [
        (
            f.period.code,
            _amount(f.actual, m.unit),
            rag_badge(f.rating, view.threshold_text),
            f.narrative or "",
            "sample value" if f.illustrative else "published",
        )
        for f in reversed(view.history)
    ]
    return html.Article(
        [
            html.H3([m.name] + sample_badge(bool(m.illustrative)), className="h6 mb-1"),
            html.P(
                [f"{'Higher' if m.direction == 'higher' else 'Lower'} is better · target {target}. ",
                 html.Span(view.threshold_text, className="thresholds")],
                className="small mb-1",
            ),
            html.P(
                [
                    f"{period.code if period else 'Latest'}: ",
                    html.Strong(_amount(current.actual, m.unit)),
                    " ",
                    rag_badge(current.rating, view.threshold_text),
                    " ",
                    html.Span(view.trend.text + (" since the quarter before" if view.trend.arrow else ""),
                              className="trend"),
                ]
                + sample_badge(current.illustrative),
                className="mb-1",
            ),
            html.P(["Provider's note: ", html.Q(narrative)], className="narrative small") if narrative else None,
            _table(["Quarter", "Actual", "Rating", "Provider's note", "Figure"], rows, class_name="measure-history")
            if rows
            else html.P("No figure has been reported for this measure.", className="empty"),
        ],
        className="measure-card",
    )


def _reach_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.reach:
        return _section("Reach", [html.P("No count of people helped is published for this service.", className="empty")],
                        section_id="perf-reach")
    span = f"{p.reach_periods[0].code} to {p.reach_periods[-1].code}"
    rows = [(r.name, f"{r.people:,}", "sample value" if r.illustrative else "published") for r in p.reach]
    return _section(
        "Reach",
        [
            html.P(
                [f"People helped, by borough, {span}: {p.people_helped:,} in all."] + sample_badge(p.reach_illustrative)
            ),
            html.P("Counts are added up across quarters, so someone helped in two quarters counts twice.",
                   className="small"),
            _table(["Borough", "People helped", "Figure"], rows),
        ],
        section_id="perf-reach",
    )


def _cost_panel(p: perf.ServicePerformance) -> html.Section:
    cost = p.cost_per_person
    if cost is None:
        text = html.P(
            "Not worked out: it needs both the actual spend and the number of people helped for the same quarters.",
            className="empty",
        )
        return _section("Cost per person helped", [text], section_id="perf-cost")
    quarters = ", ".join(q.code for q in cost.periods)
    return _section(
        "Cost per person helped",
        [
            html.P([html.Strong(f"£{cost.value:,.0f} per person helped")] + sample_badge(cost.illustrative)),
            html.P(
                f"{_exact_money(cost.spend)} spent in {quarters}, divided by the {cost.people:,} people helped in "
                "those quarters. Only quarters with both figures count.",
                className="small",
            ),
        ],
        section_id="perf-cost",
    )


def _signed_money(value: float) -> str:
    if value == 0:
        return "£0"
    return f"{'+' if value > 0 else '−'}£{abs(value):,.0f}"


def _commissioner(code: str) -> str:
    return {"MOPAC": MOPAC, "VRU": VRU}.get(code, code)


def _stream(stream: str | None) -> str:
    if stream is None:
        return "not recorded"
    return LCPF if stream == "LCPF" else stream


# -- the performance page ---------------------------------------------------------------------


def build_performance_page(page: PerformancePage) -> html.Div:
    """The performance page: filters (from the address) and a results area the callbacks fill."""
    snapshot, filters, options, latest = page.snapshot, page.filters, page.options, page.latest
    return html.Div(
        [
            html.H1("Performance", className="h2"),
            html.P(
                [
                    "How every service commissioned by the ", MOPAC, " and the ", VRU,
                    " is doing against its measures, what it costs and when its contract ends. "
                    "Each measure is rated Red, Amber or Green (RAG). ",
                    rag.DEFAULT_RULE,
                ],
                className="lead",
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
                ],
                className="perf-filters no-print",
                role="search",
                **{"aria-label": "Filter the services"},
            ),
            html.Div(
                html.P("Loading the performance figures…", className="empty"),
                id=ids.PERF_RESULTS,
                **{"aria-live": "polite"},
            ),
            _dashboard_frame(snapshot),
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
            notes + [empty], ["No services match these filters."], _reach_hideout({}), [], [], [], None
        )
    window, summary = page.window, page.summary
    people = {r.code: r.people for r in summary.by_borough}
    options = _measure_options(result)
    return PerformanceView(
        results=notes + [_summary_block(result), _portfolio_table(result), _ending_block(result), _gaps_block(result)],
        dashboard_intro=_dashboard_intro(result, summary, window),
        reach_hideout=_reach_hideout(people),
        reach_key=_reach_key(snapshot, summary),
        dashboard=[
            _programme_block(summary),
            _money_reach_block(summary),
            _outcomes_block(outcomes),
            _kpi_block(page.over_time, page.kpi_periods),
        ],
        measure_options=options,
        measure_value=options[0]["value"] if options else None,
    )


def _summary_block(result: perf.Portfolio) -> html.Section:
    counts = result.counts
    current = len(result.current)
    tiles = [
        html.Li(
            [html.Span(f"{counts[r]}", className="rag-count"), " ", rag_badge(r)],
            className="rag-tile",
        )
        for r in Rag
    ]
    measure_counts = result.measure_counts
    measure_line = ", ".join(f"{measure_counts[r]} {rag.style(r).word}" for r in measure_counts)
    ended = len(result.not_current)
    return _section(
        f"At a glance: {_period_text(result.period)}",
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
    return _section(
        "Every service",
        [
            html.P(
                "Worst rating first. Select a column heading to sort by it. 'Figures' says whether a row "
                "holds sample values.",
                className="small",
            ),
            dash_table.DataTable(
                id=ids.PERF_TABLE,
                data=data,
                columns=columns,
                sort_action="native",
                page_action="none",
                markdown_options={"link_target": "_self"},
                style_table={"overflowX": "auto"},
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
            ),
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
            _table(
                ["Service", "Ends", "Time left", "Contract value", "Rating", "Figures"],
                [
                    (
                        _service_link(row),
                        formatting.date(row.service.end_date),
                        time_left(row.service.end_date, result.today),
                        _money(row.service.contract_value_gbp),
                        rag_badge(row.overall),
                        "sample value" if row.service.illustrative else "published",
                    )
                    for row in soon
                ],
                class_name="ending-table",
            )
        ]
    return _section(
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
    return _section("Gaps in reporting", body, section_id="perf-gaps")


# -- the VRU dashboard ------------------------------------------------------------------------


def _dashboard_frame(snapshot: Snapshot) -> html.Section:
    """The dashboard's fixed parts (heading, the borough map) and the containers the filters fill."""
    note = "Borough boundaries are approximate. " if snapshot.boundaries_approximate else ""
    return html.Section(
        [
            html.H2("Who is helped, where, and for how much", className="h3", id="h-perf-dashboard"),
            html.P(id=ids.PERF_DASHBOARD_INTRO),
            _section(
                "People helped, by borough",
                [
                    html.Div(
                        [
                            html.Div(
                                [
                                    html.P(
                                        "Map of London's boroughs shaded by the number of people helped; the "
                                        "table beside it has every number.",
                                        className="visually-hidden",
                                    ),
                                    _reach_map(snapshot),
                                    html.P(note + "Pan-London services report people by the borough they live in.",
                                           className="small"),
                                ],
                                className="reach-map-figure",
                            ),
                            html.Div(id=ids.PERF_REACH_KEY, className="reach-key"),
                        ],
                        className="reach-grid",
                    )
                ],
                section_id="perf-reach-map",
            ),
            html.Div(id=ids.PERF_DASHBOARD),
            _measure_picker(),
        ],
        className="perf-dashboard",
        **{"aria-labelledby": "h-perf-dashboard"},
    )


def _dashboard_intro(result: perf.Portfolio, summary: perf.ReachSummary, window: Sequence[Quarter]) -> list:
    span = f"the four quarters {window[0].code} to {window[-1].code}" if window else "no period (none has figures)"
    intro = [f"These figures cover the services chosen above, over {span}. This is the view the {VRU} "
             "keeps of who is helped, where, against which measure and for how much."]
    if result.filters.commissioner != "VRU":
        vru = perf.PortfolioFilters(**{**result.filters.__dict__, "commissioner": "VRU"})
        # A full load: the router re-renders on a new path, not on a new query string.
        intro += [" ", html.A("Show the VRU's services only", href="/performance" + vru.to_search()), "."]
    return intro + sample_badge(summary.illustrative)


def reach_breaks(values: Iterable[int], classes: int = len(REACH_COLOURS)) -> list[int]:
    """Upper limits of the map's colour classes: rounded, increasing, ending at the maximum."""
    found = sorted(v for v in values if v > 0)
    if not found:
        return []
    breaks = []
    for i in range(1, classes + 1):
        value = found[min(len(found) - 1, max(0, round(i * len(found) / classes) - 1))]
        value = _round_up(value)
        if not breaks or value > breaks[-1]:
            breaks.append(value)
    return breaks


def _round_up(value: int) -> int:
    if value <= 10:
        return value
    magnitude = 10 ** (len(str(value)) - 2)
    return -(-value // magnitude) * magnitude


def _reach_hideout(people: Mapping[str, int]) -> dict:
    """What the map's style function needs: people per borough, class limits and colours."""
    breaks = reach_breaks(people.values())
    colours = list(REACH_COLOURS[-len(breaks):]) if breaks else []
    return {"values": dict(people), "breaks": breaks, "colours": colours, "none": NO_REACH_COLOUR}


def _reach_map(snapshot: Snapshot) -> dl.Map:
    return dl.Map(
        [
            dl.GeoJSON(
                id=ids.PERF_REACH_LAYER,
                data=snapshot.boundaries_geojson,
                style={"variable": "explorerPerformance.reachStyle"},
                onEachFeature={"variable": "explorerPerformance.reachFeature"},
                hideout=_reach_hideout({}),
                hoverStyle={"weight": 3},
            )
        ],
        id=ids.PERF_REACH_MAP,
        center=LONDON_CENTRE,
        zoom=9.75,
        zoomSnap=0.25,
        minZoom=8,
        maxZoom=13,
        scrollWheelZoom=False,
        attributionControl=False,
        className="reach-map",
    )


def _reach_key(snapshot: Snapshot, summary: perf.ReachSummary) -> list:
    """The map's caption, its key, and every borough's number (the map's text alternative)."""
    people = {r.code: r.people for r in summary.by_borough}
    sample = {r.code for r in summary.by_borough if r.illustrative}
    hideout = _reach_hideout(people)
    legend = [html.Li([html.Span(className="swatch swatch-none", style={"backgroundColor": NO_REACH_COLOUR}),
                       "None reported (dashed outline)"])]
    lower = 1
    for limit, colour in zip(hideout["breaks"], hideout["colours"]):
        legend.append(html.Li([html.Span(className="swatch", style={"backgroundColor": colour}),
                               f"{lower:,} to {limit:,}"]))
        lower = limit + 1
    rows = [
        (b.name, _people(people.get(b.code)),
         "sample value" if b.code in sample else ("published" if b.code in people else "—"))
        for b in sorted(snapshot.boroughs, key=lambda b: b.name)
    ]
    total = summary.people
    text = (
        f"People helped by borough: {total:,} in all. Darker boroughs had more people helped."
        if total is not None
        else "No count of people helped is published for these services in this period."
    )
    return [
        html.P(text, className="chart-summary"),
        html.Ul(legend, className="reach-legend list-unstyled", **{"aria-label": "Map key"}),
        # The box scrolls, so it takes keyboard focus and has a name (WCAG 2.1.1).
        html.Div(_table(["Borough", "People helped", "Figure"], rows, class_name="reach-table"),
                 className="reach-table-wrap", tabIndex="0", role="region",
                 **{"aria-label": "People helped in every borough"}),
    ]


def _programme_block(summary: perf.ReachSummary) -> html.Section:
    programmes = [p for p in summary.by_programme if p.people is not None]
    if not programmes:
        return _section("People helped, by programme",
                        [html.P("No count of people helped is published for these services.", className="empty")],
                        section_id="perf-programme")
    programmes.sort(key=lambda p: p.people)
    fig = go.Figure(
        go.Bar(
            x=[p.people for p in programmes], y=[p.programme for p in programmes], orientation="h",
            marker={"color": ACCENT}, hovertemplate="%{y}: %{x:,} people<extra></extra>",
        )
    )
    _layout(fig, height=max(240, 28 * len(programmes) + 80)).update_layout(margin={"l": 220})
    fig.update_yaxes(automargin=True)
    table = _programme_table(summary.by_programme)
    biggest = programmes[-1]
    return _section(
        "People helped, by programme",
        [_chart_with_table(f"People helped by programme; the most was {biggest.programme} "
                           f"with {biggest.people:,}.", fig, table)],
        section_id="perf-programme",
    )


def _programme_table(rows: Sequence[perf.ProgrammeReach]) -> html.Table:
    return _table(
        ["Programme", "Services", "People helped", "Spend", "Cost per person helped", "Figures"],
        [
            (
                p.programme,
                str(p.services),
                _people(p.people),
                _exact_money(p.spend),
                f"£{p.cost_per_person.value:,.0f}" if p.cost_per_person else "not worked out",
                "sample value" if p.illustrative else "published",
            )
            for p in rows
        ],
    )


def _money_reach_block(summary: perf.ReachSummary) -> html.Section:
    costed = [p for p in summary.by_programme if p.cost_per_person is not None]
    if not costed:
        return _section(
            "Money invested against reach",
            [html.P("No programme has both spend and people helped for the same quarters.", className="empty")],
            section_id="perf-money-reach",
        )
    fig = go.Figure(
        go.Scatter(
            x=[p.cost_per_person.spend for p in costed],
            y=[p.cost_per_person.people for p in costed],
            mode="markers+text",
            text=[p.programme for p in costed],
            textposition="top center",
            marker={"size": 12, "color": ACCENT, "symbol": "diamond"},
            customdata=[p.cost_per_person.value for p in costed],
            hovertemplate="%{text}: £%{x:,.0f} for %{y:,} people (£%{customdata:,.0f} each)<extra></extra>",
        )
    )
    _layout(fig, height=380, money_axis="x")
    fig.update_xaxes(title_text="Spend in quarters with both figures")
    fig.update_yaxes(title_text="People helped")
    cheapest = min(costed, key=lambda p: p.cost_per_person.value)
    dearest = max(costed, key=lambda p: p.cost_per_person.value)
    table = _table(
        ["Programme", "Spend", "People helped", "Cost per person helped", "Figures"],
        [
            (p.programme, _exact_money(p.cost_per_person.spend), f"{p.cost_per_person.people:,}",
             f"£{p.cost_per_person.value:,.0f}", "sample value" if p.cost_per_person.illustrative else "published")
            for p in sorted(costed, key=lambda p: p.cost_per_person.value)
        ],
    )
    summary_text = (
        f"Spend against people helped, by programme: from £{cheapest.cost_per_person.value:,.0f} a person "
        f"({cheapest.programme}) to £{dearest.cost_per_person.value:,.0f} ({dearest.programme})."
    )
    return _section(
        "Money invested against reach",
        [
            html.P("Cost per person helped is spend divided by people helped, over the quarters where both are "
                   "known. Services differ: an hour's advice and a year's casework both count as one person.",
                   className="small"),
            _chart_with_table(summary_text, fig, table),
        ],
        section_id="perf-money-reach",
    )


def _kpi_block(over_time: Sequence[perf.RatingsInPeriod], periods: Sequence[Quarter]) -> html.Section:
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
    _layout(fig, height=340).update_layout(barmode="stack")
    fig.update_yaxes(title_text="Measures")
    table = _table(
        ["Quarter"] + [rag.style(r).word for r in shown],
        [[t.period.code] + [str(t.counts[r]) for r in shown] for t in over_time],
    )
    latest = over_time[-1] if over_time else None
    summary_text = (
        f"Measures against their targets over time, {periods[0].code} to {periods[-1].code}. In "
        f"{latest.period.code}: {latest.counts[Rag.GREEN]} Green, {latest.counts[Rag.AMBER]} Amber, "
        f"{latest.counts[Rag.RED]} Red, {latest.counts[Rag.NOT_REPORTED]} not reported."
        if latest
        else "No measure has a figure yet."
    )
    return _section(
        "Measures against targets over time",
        [_chart_with_table(summary_text, fig, table) if over_time else html.P(summary_text, className="empty")],
        section_id="perf-kpis",
    )


def _measure_options(result: perf.Portfolio) -> list[dict]:
    """The measures of the running services, worst-rated service first."""
    return [
        {"label": f"{row.service.name}: {view.measure.name}", "value": view.measure.id}
        for row in result.current
        for view in row.measures
    ]


def _measure_picker() -> html.Section:
    return _section(
        "One measure over time",
        [
            html.Label("Measure", htmlFor=ids.PERF_MEASURE_PICK, className="form-label"),
            dbc.Select(id=ids.PERF_MEASURE_PICK, options=[], value=None, className="form-select no-print"),
            html.Div(id=ids.PERF_MEASURE_DETAIL, **{"aria-live": "polite"}),
        ],
        section_id="perf-one-measure",
    )


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
    _layout(fig, height=320)
    fig.update_yaxes(title_text=measure.unit or "")
    rows = [
        (f.period.code, _amount(f.actual, measure.unit), rag_badge(f.rating, view.threshold_text),
         "sample value" if f.illustrative else "published")
        for f in view.history
    ]
    name = f"{service_name or measure.service_id}: {measure.name}"
    summary = (
        f"{name}, {x[0]} to {x[-1]}. Latest: {_amount(view.current.actual, measure.unit)}, "
        f"{rag.style(view.current.rating).word}. {view.threshold_text}."
    )
    return [
        _chart_with_table(summary, fig, _table(["Quarter", "Actual", "Rating", "Figure"], rows)),
        html.P(html.A(f"Open {service_name or 'the service'}", href=f"/service/{measure.service_id}")),
    ]


def _outcomes_block(outcomes: Sequence[perf.PublishedOutcome]) -> html.Section:
    note = html.P(
        "Figures programmes have published themselves, each with its source. Cost per person is worked out "
        "here by dividing the published money by the published number of people; where the people are a "
        "plan, so is the cost. No published cost-benefit ratio was found for any programme in the register "
        "(DIVERT's evaluation costed the programme but no ratio is in its published summary).",
        className="small",
    )
    if not outcomes:
        return _section("Published results and cost-benefit figures",
                        [note, html.P("No published programme figures are loaded.", className="empty")],
                        section_id="perf-outcomes")
    rows = [
        (
            o.programme,
            _exact_money(o.invested_gbp),
            f"{o.people:,} {o.people_basis}" if o.people is not None else "not published",
            f"£{o.cost_per_person:,.0f}" if o.cost_per_person is not None else "not worked out",
            o.period,
            o.finding or "",
            html.A("Source", href=o.source_url, rel="noopener", title=o.source_url),
        )
        for o in outcomes
    ]
    return _section(
        "Published results and cost-benefit figures",
        [note, _table(["Programme", "Money", "People", "Cost per person (worked out here)", "Period", "Finding",
                       "Source"], rows, class_name="outcomes-table")],
        section_id="perf-outcomes",
    )


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
        overall[row["Service ID"]] = row["Overall RAG"]
    words = [rag.style(r).word for r in Rag]
    return _section(
        "Services by overall rating",
        [_table(["Rating", "Services"], [(rag_badge(r), str(list(overall.values()).count(w)))
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
        by_service.setdefault(row["Service ID"], []).append(row)
    by_word = {rag.style(r).word: r for r in Rag}
    parts = []
    for rows in by_service.values():
        first = rows[0]
        sample = any(r["Illustrative"] == perf.SAMPLE for r in rows)
        spent, budget = first["Spend in half-year (GBP)"], first["Budget in half-year (GBP)"]
        money = (
            "no spend published for the half"
            if spent is None and budget is None
            else f"spent {_exact_money(spent)} of {_exact_money(budget)} budgeted in the half"
        )
        facts = (
            f"{first['Provider']} · {first['Commissioner']} · {first['Programme']} · "
            f"{_stream(first['Funding stream'])} · contract {_money(first['Contract value (GBP)'])} · "
            f"{formatting.date(first['Start date'])} to {formatting.date(first['End date'])} "
            f"({first['Time left']}"
            + ("" if first["Running in half-year"] == "yes" else "; not running in this half-year")
            + f") · {money} · people helped {_people(first['People helped in half-year'])}"
        )
        head = ["Measure", "Target", first["First quarter"], first["Second quarter"], "Rating", "Trend",
                "Thresholds", "Provider's note", "Figures"]
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{cell}</td>"
                for cell in (
                    _esc(r["Measure"]),
                    _esc("—" if r["Target"] is None else rag.format_amount(r["Target"], r["Unit"])),
                    _esc(_amount(r["First quarter actual"], r["Unit"]) if r["Measure ID"] else "—"),
                    _esc(_amount(r["Second quarter actual"], r["Unit"]) if r["Measure ID"] else "—"),
                    _badge_html(by_word[r["RAG"]], r["Thresholds"]),
                    _esc(r["Trend"] or ""),
                    _esc(r["Thresholds"] or ""),
                    _esc(r["Narrative"] or ""),
                    _SAMPLE_HTML if r["Illustrative"] == perf.SAMPLE else "published",
                )
            )
            + "</tr>"
            for r in rows
        )
        parts.append(
            '<section class="report-service">'
            f'<h2 class="h5">{_esc(first["Service"])} {_badge_html(by_word[first["Overall RAG"]])}</h2>'
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

"""Layout layer: the performance panels of a service page (rating, funding, duration, spend, measures, reach, cost)."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
from dash import html

from explorer import ids
from explorer.domain import formatting, rag
from explorer.domain.periods import Quarter, elapsed_share, time_left
from explorer.layout.components import (
    ACCENT,
    BUDGET_COLOUR,
    LCPF,
    MOPAC,
    VRU,
    amount_text,
    chart_layout,
    chart_with_table,
    exact_money,
    panel,
    period_text,
    rag_badge,
    sample_badge,
    simple_table,
)
from explorer.services import performance as perf
from explorer.services.snapshot import ServiceEntry

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
            f"{len(p.rated)} of {total} measure{'s' if total != 1 else ''} rated for {period_text(p.period)}"
            + (f"; {len(p.gaps)} not reported." if p.gaps else ".")
        )
    else:
        counted = "This service has no performance measure in the register."
    return panel(
        "Overall rating",
        [
            html.P([rag_badge(p.overall, rag.OVERALL_RULE), " ", html.Span(counted)]
                   + sample_badge(p.performance_illustrative and bool(p.rated)), className="overall-line"),
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
        ("Contract value", [formatting.money(service.contract_value_gbp)] + sample),
        ("Funding stream", [stream_name(service.funding_stream)]),
        ("Commissioner", [" and ".join(_commissioner(c) for c in service.commissioners)]),
        ("Programme", [service.programme]),
        ("Provider", [service.provider_name]),
    ]
    return panel(
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
    return panel("Duration", children, section_id="perf-duration")


def _spend_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.spend:
        return panel("Spend", [html.P("No quarterly spend is published for this service.", className="empty")],
                        section_id="perf-spend")
    lines = p.spend
    table = simple_table(
        ["Quarter", "Budget", "Actual spend", "Difference", "Figures"],
        [
            (
                line.period.code,
                exact_money(line.budget),
                exact_money(line.actual),
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
    chart_layout(fig, money_axis="y").update_layout(barmode="group")
    summary = (
        f"Budget and actual spend per quarter, {lines[0].period.code} to {lines[-1].period.code}: "
        f"{exact_money(p.spend_to_date)} spent against a budget of {exact_money(p.budget_to_date)}."
    )
    return panel(
        "Spend",
        [
            html.P(
                [f"Spent to date: {formatting.money(p.spend_to_date)} of {formatting.money(p.budget_to_date)} budgeted."]
                + sample_badge(p.spend_illustrative)
            ),
            chart_with_table(summary, fig, table, graph_id=ids.SERVICE_SPEND_CHART, sample=p.spend_illustrative),
        ],
        section_id="perf-spend",
    )


def _measures_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.measures:
        return panel(
            "Performance",
            [html.P("No performance measure is recorded for this service. That is a gap: the Police and "
                    "Crime Committee asked for a measure for every service.", className="empty")],
            section_id="perf-measures",
        )
    cards = [_measure_card(view, p.period) for view in p.measures]
    return panel("Performance", cards, section_id="perf-measures")


def _measure_card(view: perf.MeasureView, period: Quarter | None) -> html.Article:
    m = view.measure
    target = "no target set" if m.target is None else rag.format_amount(m.target, m.unit)
    current = view.current
    narrative = current.narrative
    rows = [
        (
            f.period.code,
            amount_text(f.actual, m.unit),
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
                    html.Strong(amount_text(current.actual, m.unit)),
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
            simple_table(["Quarter", "Actual", "Rating", "Provider's note", "Figure"], rows, class_name="measure-history")
            if rows
            else html.P("No figure has been reported for this measure.", className="empty"),
        ],
        className="measure-card",
    )


def _reach_panel(p: perf.ServicePerformance) -> html.Section:
    if not p.reach:
        return panel("Reach", [html.P("No count of people helped is published for this service.", className="empty")],
                        section_id="perf-reach")
    span = f"{p.reach_periods[0].code} to {p.reach_periods[-1].code}"
    rows = [(r.name, f"{r.people:,}", "sample value" if r.illustrative else "published") for r in p.reach]
    return panel(
        "Reach",
        [
            html.P(
                [f"People helped, by borough, {span}: {p.people_helped:,} in all."] + sample_badge(p.reach_illustrative)
            ),
            html.P("Counts are added up across quarters, so someone helped in two quarters counts twice.",
                   className="small"),
            simple_table(["Borough", "People helped", "Figure"], rows),
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
        return panel("Cost per person helped", [text], section_id="perf-cost")
    quarters = ", ".join(q.code for q in cost.periods)
    return panel(
        "Cost per person helped",
        [
            html.P([html.Strong(f"{formatting.money(cost.value, exact=True)} per person helped")] + sample_badge(cost.illustrative)),
            html.P(
                [f"{exact_money(cost.spend)} spent in {quarters}, divided by the {cost.people:,} people helped in "
                 "those quarters. Only quarters with both figures count."] + sample_badge(cost.illustrative),
                className="small",
            ),
        ],
        section_id="perf-cost",
    )


def _signed_money(value: float) -> str:
    if value == 0:
        return "£0"
    return ('+' if value > 0 else '−') + formatting.money(abs(value), exact=True)


def _commissioner(code: str) -> str:
    return {"MOPAC": MOPAC, "VRU": VRU}.get(code, code)


def stream_name(stream: str | None) -> str:
    if stream is None:
        return "not recorded"
    return LCPF if stream == "LCPF" else stream

"""Layout layer: the LCPF page's main view, need over time (inner and outer London), with published money.

Built from :class:`~explorer.services.lcpf_need.NeedOverTime`; every figure names its source,
and a year without published LCPF money says "not published", never zero.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import html

from explorer import ids
from explorer.domain import formatting
from explorer.layout.static import static_block
from explorer.layout.svg_chart import figure_svg
from explorer.services.lcpf_need import NeedOverTime, YearNeed

OUTER_COLOUR, VIOLENCE_COLOUR, RESIDENTS_COLOUR = "#b54a00", "#6b2c91", "#505a5f"
NOT_PUBLISHED = "not published"


def build_need_section(need: NeedOverTime) -> html.Section:
    """Need over time: the chart, one sentence on the latest year, and the year-by-year table."""
    return html.Section(
        [
            html.H2("Need over time: inner and outer London", className="h4"),
            html.P(need_sentence(need), id=ids.LCPF_NEED_SUMMARY, className="lcpf-need-summary"),
            html.Figure(
                [
                    html.Div(figure_svg(build_need_figure(need)), id=ids.LCPF_NEED_CHART, className="lcpf-graph"),
                    html.Figcaption(
                        [
                            "Outer London's share of the 32 boroughs' recorded crime and violence, year by year, "
                            "against its share of residents. Sources: ",
                            html.A("MPS recorded crime (London Datastore)", href=need.crime_source, rel="noopener"),
                            "; ",
                            *_census_links(need),
                            ". Filled diamonds mark years with LCPF money published (listed in the table).",
                        ],
                        className="small text-muted",
                    ),
                ],
                className="lcpf-figure lcpf-need-figure",
            ),
            html.Details(
                [
                    html.Summary("Year by year, with the LCPF money published for each year"),
                    html.Div(static_block(build_need_table(need)), id=ids.LCPF_NEED_TABLE, className="table-responsive"),
                ],
                className="lcpf-need-details",
            ),
        ],
        className="lcpf-need",
        **{"aria-label": "Need over time"},
    )


def need_sentence(need: NeedOverTime) -> list:
    """The latest year's split in words, or what is missing."""
    latest = need.latest
    if latest is None:
        return ["No recorded crime figures are loaded, so need over time cannot be shown. Load the MPS "
                "borough crime file with `explorer ingest crime FILE`."]
    published = [y.year for y in need.years if y.money_published]
    money = (f"LCPF money is published for {', '.join(published)}; for the other years it is not published."
             if published else "No LCPF money is published for any of these years.")
    return [
        f"In {latest.year} outer London's 19 boroughs had ",
        html.Strong(_pct(latest.outer_crime_share)), " of recorded crime and ",
        html.Strong(_pct(latest.outer_violence_share)), " of violence against the person, and ",
        html.Strong(_pct(latest.outer_population_share)), f" of residents ({latest.population_label}). ", money,
    ]


def build_need_figure(need: NeedOverTime) -> go.Figure:
    """Outer London's shares over the years (inner London's are the rest of 100%)."""
    years = [y.year for y in need.years]
    fig = go.Figure()
    for name, values, colour, dash in (
        ("Outer London: share of recorded crime", [y.outer_crime_share for y in need.years], OUTER_COLOUR, "solid"),
        ("Outer London: share of violence", [y.outer_violence_share for y in need.years], VIOLENCE_COLOUR, "dot"),
    ):
        fig.add_trace(go.Scatter(
            x=years, y=[None if v is None else round(100 * v, 1) for v in values], name=name, mode="lines+markers",
            line={"color": colour, "dash": dash, "width": 2.5}, marker={"size": 6},
            hovertemplate="%{x}: %{y:.1f}%<extra>" + name + "</extra>",
        ))
    residents = [y.outer_population_share for y in need.years]
    if years and any(v is not None for v in residents):
        name = f"Outer London: share of residents ({' then '.join(f'Census {c}' for c in need.censuses)})"
        fig.add_trace(go.Scatter(
            x=years, y=[None if v is None else round(100 * v, 1) for v in residents], name=name,
            mode="lines", line={"color": RESIDENTS_COLOUR, "dash": "dash", "width": 1.5, "shape": "hv"},
            text=[y.population_label for y in need.years], hovertemplate="%{x}: %{y:.1f}% (%{text})<extra></extra>",
        ))
    money = [y for y in need.years if y.money_published and y.outer_crime_share is not None]
    if money:
        fig.add_trace(go.Scatter(
            x=[y.year for y in money], y=[round(100 * y.outer_crime_share, 1) for y in money],
            name="LCPF money published for the year", mode="markers",
            marker={"symbol": "diamond", "size": 12, "color": "#0b0c0c"},
            text=[money_text(y) for y in money], hovertemplate="%{x}: %{text}<extra></extra>",
        ))
    fig.update_layout(
        height=380, margin={"l": 50, "r": 10, "t": 40, "b": 40}, paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
        title={"text": f"Outer London's share, {years[0]} to {years[-1]}" if years else "Need over time",
               "font": {"size": 15}, "x": 0.01},
        yaxis={"title": {"text": "Share of the 32 boroughs (%)"}, "range": [30, 75], "gridcolor": "#e5e8ea"},
        xaxis={"type": "category", "tickangle": -45},
        legend={"orientation": "h", "y": -0.35, "x": 0},
    )
    return fig


def build_need_table(need: NeedOverTime) -> html.Table:
    """Every year: inner and outer crime and violence with outer London's share, and the money published."""
    headings = ("Year", "Inner London crime", "Outer London crime", "Outer share of crime",
                "Inner London violence", "Outer London violence", "Outer share of violence",
                "Outer share of residents (census nearest the year)", "LCPF money published for the year")
    body = [
        html.Tr(
            [
                html.Th(y.year, scope="row"),
                html.Td(_count(y.inner_crime), className="num"),
                html.Td(_count(y.outer_crime), className="num"),
                html.Td(_pct(y.outer_crime_share), className="num"),
                html.Td(_count(y.inner_violence), className="num"),
                html.Td(_count(y.outer_violence), className="num"),
                html.Td(_pct(y.outer_violence_share), className="num"),
                html.Td([html.Span(_pct(y.outer_population_share), className="d-block"),
                         html.Span(y.population_label, className="d-block small text-muted")], className="num"),
                html.Td(_money_cell(y)),
            ],
            id=f"lcpf-need-{y.year}",
        )
        for y in reversed(need.years)
    ]
    return html.Table(
        [
            html.Caption("Recorded crime (MPS) by financial year; residents are counted at the census nearest "
                         "each year (Census 2011 up to 2015-16, Census 2021 from 2016-17), never estimated "
                         "between censuses."),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headings])),
            html.Tbody(body),
        ],
        className="table table-sm lcpf-need-table",
    )


def money_text(year: YearNeed) -> str:
    """The money published for a year, in words (for hover text)."""
    parts = [f"{m.label} {formatting.money(m.amount_gbp)}" for m in year.allocations]
    parts += [f"London, {m.label}: {formatting.money(m.amount_gbp)} ({m.period})" for m in year.totals]
    return "; ".join(parts) or NOT_PUBLISHED


def _money_cell(year: YearNeed):
    if not year.money_published:
        return html.Span(NOT_PUBLISHED, className="missing")
    items = [html.Li(html.A(f"{m.label}: {formatting.money(m.amount_gbp)}", href=m.source_url, rel="noopener"))
             for m in year.allocations]
    items += [html.Li(html.A(f"London, {m.label}: {formatting.money(m.amount_gbp)} ({m.period})",
                             href=m.source_url, rel="noopener")) for m in year.totals]
    return html.Ul(items, className="list-unstyled mb-0 small")


def _census_links(need: NeedOverTime) -> list:
    sources = dict(need.census_sources) or {2021: need.population_source}
    links = [html.A(f"Census {c} (ONS)", href=sources.get(c, need.population_source), rel="noopener")
             for c in (need.censuses or (need.census,))]
    return [part for i, link in enumerate(links) for part in ((" and ", link) if i else (link,))]


def _count(value: int | None):
    return html.Span("not loaded", className="missing") if value is None else f"{value:,}"


def _pct(share: float | None) -> str:
    return "not known" if share is None else f"{100 * share:.1f}%"

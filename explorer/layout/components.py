"""Layout layer: presentation pieces every page uses (badges, money, section headings, tables, charts).

Every chart comes with the same numbers as a table (its text alternative), every rating with
a word and an icon, and every illustrative figure with a visible "sample value" label.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import plotly.graph_objects as go
from dash import dcc, html

from explorer.domain import rag
from explorer.domain import formatting
from explorer.domain.periods import Quarter
from explorer.domain.rag import Rag

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}
FONT = "Helvetica Neue, Arial, Liberation Sans, sans-serif"
ACCENT = "#1d4f91"
BUDGET_COLOUR = "#8fa9c8"
TARGET_COLOUR = "#0b0c0c"
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


def sample_label() -> html.Span:
    """The one "sample value" badge every page shows beside an illustrative figure."""
    return html.Span("sample value", className="badge text-bg-warning sample")


def sample_badge(illustrative: bool) -> list:
    """The visible marker of a sample value, after a space (empty for a published figure)."""
    return [" ", sample_label()] if illustrative else []



def exact_money(value: float | None) -> str:
    return formatting.money(value, exact=True)


def people_count(value: int | None) -> str:
    return "none reported" if value is None else f"{value:,}"


def amount_text(value: float | None, unit: str | None) -> str:
    return "not reported" if value is None else rag.format_amount(value, unit)


def period_text(period: Quarter | None) -> str:
    return f"{period.code} ({period.label})" if period else "no period has figures yet"


def page_intro(title: Any, lead: Any, *, lead_class: str = "") -> list:
    """A page's heading and the paragraph under it that says what the page is for (pages open so)."""
    return [html.H1(title, className="h2"), html.P(lead, className=f"lead {lead_class}".strip())]


def panel(title: str, children: list, *, section_id: str | None = None, class_name: str = "") -> html.Section:
    heading_id = f"h-{section_id}" if section_id else None
    return html.Section(
        [html.H2(title, className="h4", id=heading_id)] + children,
        className=f"perf-panel {class_name}".strip(),
        **({"aria-labelledby": heading_id} if heading_id else {}),
    )


def simple_table(head: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str | None = None,
           class_name: str = "") -> html.Table:
    return html.Table(
        ([html.Caption(caption)] if caption else [])
        + [
            html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        className=f"table table-sm perf-table {class_name}".strip(),
    )


def graph(figure: go.Figure, *, graph_id: str | None = None) -> html.Div:
    # No role="img" here: the chart's toolbar buttons must stay reachable. The figure's caption
    # and the table that follows carry the chart's meaning.
    props = {"id": graph_id} if graph_id else {}
    return html.Div(
        dcc.Graph(figure=figure, config=GRAPH_CONFIG, className="perf-graph", **props),
        className="perf-graph-wrap",
    )


def mark_sample(figure: go.Figure, sample: bool) -> go.Figure:
    """Says in a chart's own title and legend that its figures are sample values (issue 16)."""
    if not sample:
        return figure
    for trace in figure.data:
        trace.name = f"{trace.name or 'Figures'} (sample values)"
        trace.showlegend = True
    title = figure.layout.title.text if figure.layout.title and figure.layout.title.text else ""
    figure.update_layout(title={"text": (title + " · " if title else "") + "Sample values, not published figures",
                                "font": {"size": 13}, "x": 0.01})
    return figure


def chart_with_table(summary: str, figure: go.Figure, table, *, graph_id: str | None = None,
                     sample: bool = False) -> html.Figure:
    """A chart, a sentence saying what it shows, and the same numbers as a table."""
    mark_sample(figure, sample)
    return html.Figure(
        [
            html.Figcaption([summary] + sample_badge(sample), className="chart-summary"),
            graph(figure, graph_id=graph_id),
            html.Details(
                [html.Summary("The same figures as a table"), table],
                open=True,
                className="chart-table",
            ),
        ],
        className="perf-figure",
    )


def chart_layout(fig: go.Figure, *, height: int = 320, money_axis: str | None = None) -> go.Figure:
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

"""Layout layer: the VRU dashboard on the performance page (reach map, programmes, money and reach, outcomes)."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import html

from explorer import ids
from explorer.domain import formatting
from explorer.domain.periods import Quarter
from explorer.layout.components import (
    ACCENT,
    VRU,
    chart_layout,
    exact_money,
    panel,
    people_count,
    sample_badge,
    simple_table,
)
from explorer.layout.static import static_block
from explorer.layout.svg_chart import chart_with_table_svg, shapes_svg
from explorer.services import performance as perf
from explorer.services.snapshot import Snapshot

#: Sequential blues for people helped, light to dark, with a grey for "none reported".
REACH_COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#08306b")
NO_REACH_COLOUR = "#f3f2f1"


# -- the VRU dashboard ------------------------------------------------------------------------


def dashboard_frame(snapshot: Snapshot, filled: Mapping | None = None) -> html.Section:
    """The dashboard's fixed parts (heading, the borough map) and the containers the filters fill.

    ``filled``: what the containers hold first (a :class:`PerformanceView` as a dict, and ``detail``).
    """
    filled = filled or {}
    note = "Borough boundaries are approximate. " if snapshot.boundaries_approximate else ""
    return html.Section(
        [
            html.H2("Who is helped, where, and for how much", className="h3", id="h-perf-dashboard"),
            html.P(filled.get("dashboard_intro"), id=ids.PERF_DASHBOARD_INTRO),
            panel(
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
                                    html.Div(filled.get("reach_map") or reach_map(snapshot, reach_hideout({})),
                                             id=ids.PERF_REACH_MAP, className="reach-map"),
                                    html.P(note + "Pan-London services report people by the borough they live in.",
                                           className="small"),
                                ],
                                className="reach-map-figure",
                            ),
                            html.Div(filled.get("reach_key"), id=ids.PERF_REACH_KEY, className="reach-key"),
                        ],
                        className="reach-grid",
                    )
                ],
                section_id="perf-reach-map",
            ),
            html.Div(filled.get("dashboard"), id=ids.PERF_DASHBOARD),
            _measure_picker(filled.get("measure_options") or [], filled.get("measure_value"), filled.get("detail")),
        ],
        className="perf-dashboard",
        **{"aria-labelledby": "h-perf-dashboard"},
    )


def dashboard_intro(result: perf.Portfolio, summary: perf.ReachSummary, window: Sequence[Quarter]) -> list:
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


def reach_hideout(people: Mapping[str, int]) -> dict:
    """What the map's style function needs: people per borough, class limits and colours."""
    breaks = reach_breaks(people.values())
    colours = list(REACH_COLOURS[-len(breaks):]) if breaks else []
    return {"values": dict(people), "breaks": breaks, "colours": colours, "none": NO_REACH_COLOUR}


def reach_colour(value: int | None, hideout: Mapping) -> str:
    """A borough's colour on the reach map: its class's colour, or the "none reported" grey."""
    if not value or value <= 0:
        return hideout["none"]
    for limit, colour in zip(hideout["breaks"], hideout["colours"]):
        if value <= limit:
            return colour
    return hideout["colours"][-1]


def reach_map(snapshot: Snapshot, hideout: Mapping, *, sample: bool = False):
    """The boroughs shaded by people helped, drawn on the server as SVG (a tooltip on each borough).

    ``sample``: the counts are sample values, and the map says so in its title.
    """
    values = hideout["values"]
    mark = " (sample value)" if sample else ""
    styles = {
        b.code: {
            "fill": reach_colour(values.get(b.code), hideout),
            "dashed": not values.get(b.code),
            "z": values.get(b.code) or 0,
            "tip": f"{b.name}: " + (f"{values[b.code]:,} people helped{mark}" if values.get(b.code) else "none reported"),
        }
        for b in snapshot.boroughs
    }
    return shapes_svg(snapshot.boundaries_geojson, styles, label="People helped, by borough",
                      title="Sample values, not published figures" if sample else "", class_name="reach-shape")


def reach_key(snapshot: Snapshot, summary: perf.ReachSummary) -> list:
    """The map's caption, its key, and every borough's number (the map's text alternative)."""
    people = {r.code: r.people for r in summary.by_borough}
    sample = {r.code for r in summary.by_borough if r.illustrative}
    hideout = reach_hideout(people)
    legend = [html.Li([html.Span(className="swatch swatch-none", style={"backgroundColor": NO_REACH_COLOUR}),
                       "None reported (dashed outline)"])]
    lower = 1
    for limit, colour in zip(hideout["breaks"], hideout["colours"]):
        legend.append(html.Li([html.Span(className="swatch", style={"backgroundColor": colour}),
                               f"{lower:,} to {limit:,}"] + sample_badge(summary.illustrative)))
        lower = limit + 1
    rows = [
        (b.name, people_count(people.get(b.code)),
         "sample value" if b.code in sample else ("published" if b.code in people else "—"))
        for b in sorted(snapshot.boroughs, key=lambda b: b.name)
    ]
    total = summary.people
    text = (
        f"People helped by borough: {total:,} in all. Darker boroughs had more people helped."
        if total is not None
        else "No count of people helped is published for these services in this period."
    )
    return [static_block([
        html.P([text] + sample_badge(summary.illustrative and total is not None), className="chart-summary"),
        html.Ul(legend, className="reach-legend list-unstyled", **{"aria-label": "Map key"}),
        # The box scrolls, so it takes keyboard focus and has a name (WCAG 2.1.1).
        html.Div(simple_table(["Borough", "People helped", "Figure"], rows, class_name="reach-table"),
                 className="reach-table-wrap", tabIndex="0", role="region",
                 **{"aria-label": "People helped in every borough"}),
    ])]


def programme_block(summary: perf.ReachSummary) -> html.Section:
    programmes = [p for p in summary.by_programme if p.people is not None]
    if not programmes:
        return panel("People helped, by programme",
                        [html.P("No count of people helped is published for these services.", className="empty")],
                        section_id="perf-programme")
    programmes.sort(key=lambda p: p.people)
    fig = go.Figure(
        go.Bar(
            x=[p.people for p in programmes], y=[p.programme for p in programmes], orientation="h",
            marker={"color": ACCENT}, hovertemplate="%{y}: %{x:,} people<extra></extra>",
        )
    )
    chart_layout(fig, height=max(240, 28 * len(programmes) + 80)).update_layout(margin={"l": 220})
    fig.update_yaxes(automargin=True)
    table = _programme_table(summary.by_programme)
    biggest = programmes[-1]
    return panel(
        "People helped, by programme",
        [chart_with_table_svg(f"People helped by programme; the most was {biggest.programme} "
                           f"with {biggest.people:,}.", fig, table,
                           sample=any(p.illustrative for p in programmes))],
        section_id="perf-programme",
    )


def _programme_table(rows: Sequence[perf.ProgrammeReach]) -> html.Table:
    return simple_table(
        ["Programme", "Services", "People helped", "Spend", "Cost per person helped", "Figures"],
        [
            (
                p.programme,
                str(p.services),
                people_count(p.people),
                exact_money(p.spend),
                formatting.money(p.cost_per_person.value, exact=True) if p.cost_per_person else "not worked out",
                "sample value" if p.illustrative else "published",
            )
            for p in rows
        ],
    )


def money_reach_block(summary: perf.ReachSummary) -> html.Section:
    costed = [p for p in summary.by_programme if p.cost_per_person is not None]
    if not costed:
        return panel(
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
    chart_layout(fig, height=380, money_axis="x")
    fig.update_xaxes(title_text="Spend in quarters with both figures")
    fig.update_yaxes(title_text="People helped")
    cheapest = min(costed, key=lambda p: p.cost_per_person.value)
    dearest = max(costed, key=lambda p: p.cost_per_person.value)
    table = simple_table(
        ["Programme", "Spend", "People helped", "Cost per person helped", "Figures"],
        [
            (p.programme, exact_money(p.cost_per_person.spend), f"{p.cost_per_person.people:,}",
             formatting.money(p.cost_per_person.value, exact=True), "sample value" if p.cost_per_person.illustrative else "published")
            for p in sorted(costed, key=lambda p: p.cost_per_person.value)
        ],
    )
    summary_text = (
        f"Spend against people helped, by programme: from {formatting.money(cheapest.cost_per_person.value, exact=True)} a person "
        f"({cheapest.programme}) to {formatting.money(dearest.cost_per_person.value, exact=True)} ({dearest.programme})."
    )
    return panel(
        "Money invested against reach",
        [
            html.P("Cost per person helped is spend divided by people helped, over the quarters where both are "
                   "known. Services differ: an hour's advice and a year's casework both count as one person.",
                   className="small"),
            chart_with_table_svg(summary_text, fig, table,
                             sample=any(p.cost_per_person.illustrative for p in costed)),
        ],
        section_id="perf-money-reach",
    )


def outcomes_block(outcomes: Sequence[perf.PublishedOutcome]) -> html.Section:
    note = html.P(
        "Figures programmes have published themselves, each with its source. Cost per person is worked out "
        "here by dividing the published money by the published number of people; where the people are a "
        "plan, so is the cost. Whether any cost-benefit ratio is published is said once, under "
        "\u201cMoney beside evidence, by programme\u201d.",
        className="small",
    )
    if not outcomes:
        return panel("Published results and cost-benefit figures",
                        [note, html.P("No published programme figures are loaded.", className="empty")],
                        section_id="perf-outcomes")
    rows = [
        (
            o.programme,
            exact_money(o.invested_gbp),
            f"{o.people:,} {o.people_basis}" if o.people is not None else "not published",
            formatting.money(o.cost_per_person, exact=True) if o.cost_per_person is not None else "not worked out",
            o.period,
            o.finding or "",
            html.A("Source", href=o.source_url, rel="noopener", title=o.source_url),
        )
        for o in outcomes
    ]
    return panel(
        "Published results and cost-benefit figures",
        [note, simple_table(["Programme", "Money", "People", "Cost per person (worked out here)", "Period", "Finding",
                       "Source"], rows, class_name="outcomes-table")],
        section_id="perf-outcomes",
    )


def _measure_picker(options: list, value: str | None, detail) -> html.Section:
    return panel(
        "One measure over time",
        [
            html.Label("Measure", htmlFor=ids.PERF_MEASURE_PICK, className="form-label"),
            dbc.Select(id=ids.PERF_MEASURE_PICK, options=options, value=value, className="form-select no-print"),
            html.Div(detail, id=ids.PERF_MEASURE_DETAIL, **{"aria-live": "polite"}),
        ],
        section_id="perf-one-measure",
    )

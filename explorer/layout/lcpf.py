"""Layout layer: the London Crime Prevention Fund (LCPF) page (map, scatter, table, formula simulator, notes).

Everything here builds components or figures from an :class:`~explorer.services.lcpf.LcpfView`;
the page is built from the URL, so a shared address opens on the same scenario. The borough table,
notes and sources are in :mod:`explorer.layout.lcpf_table`, need over time in
:mod:`explorer.layout.lcpf_need`; the charts are plotly figures drawn on the server as SVG
(:mod:`explorer.layout.svg_chart`).
"""

from __future__ import annotations

from typing import Mapping, Sequence

import plotly.graph_objects as go
import dash_bootstrap_components as dbc
from dash import dcc, html

from explorer import ids
from explorer.layout import controls
from explorer.layout.components import page_intro
from explorer.layout.static import static_block
from explorer.layout.svg_chart import figure_svg
from explorer.domain import formatting
from explorer.domain.lcpf import FACTOR_LABELS, MAX_WEIGHT, PRESET_LABELS
from explorer.services.lcpf import (
    CATEGORY_LABELS,
    MEASURES,
    LcpfQuery,
    LcpfView,
    preset_of,
)
from explorer.pages.lcpf import LcpfPage
from explorer.services.snapshot import Snapshot
from explorer.layout.lcpf_need import build_need_section
from explorer.layout.lcpf_table import (  # noqa: F401 - build_table stays importable from here
    SIMULATION,
    SOURCES,
    build_notes,
    build_table,
    gbp,
    pct,
    table_block,
)

LCPF = "London Crime Prevention Fund (LCPF)"
INNER_COLOUR, OUTER_COLOUR, ACTUAL_COLOUR = "#1d4f91", "#b54a00", "#0b0c0c"
MISSING_COLOUR = "#d8dde0"
COLOURSCALE = [[0.0, "#eef3fa"], [0.5, "#6f9bd1"], [1.0, "#0f2f5c"]]
#: The order of the formula's number boxes (deprivation last: no index is loaded).
WEIGHT_ORDER = ("population", "crime", "violence", "equal", "deprivation")



def build_lcpf_page(page: LcpfPage) -> html.Div:
    """The whole LCPF page for the state in the URL's query."""
    snapshot, view = page.snapshot, page.view
    return html.Div(
        [
            *page_intro(
                LCPF,
                [
                    "The London Crime Prevention Fund (LCPF) is the money the Mayor's Office for Policing "
                    "and Crime (MOPAC) gives London's 32 boroughs for crime prevention; since 2018 it has been "
                    "shared by a needs-and-demand formula (",
                    html.A("PCD 79", href=SOURCES[2][1], rel="noopener"),
                    "). Does the money follow need, in inner and outer London? This page shows need over "
                    "time first, then the money wherever it is published, and lets you try other formulas.",
                ],
            ),
            build_need_section(page.need),
            dcc.Store(id=ids.LCPF_BASIS, data=view.query.basis),
            html.Div(build_messages(view), id=ids.LCPF_MESSAGES),
            build_controls(view),
            html.P(build_summary(view), id=ids.LCPF_SUMMARY, className="result-summary lcpf-summary",
                   role="status", **{"aria-live": "polite"}),
            html.Div(build_totals(view), id=ids.LCPF_TOTALS, className="lcpf-totals"),
            html.Div(
                [
                    html.Figure(
                        [
                            html.Div(figure_svg(build_map_figure(view, snapshot.boundaries_geojson)),
                                     id=ids.LCPF_MAP, className="lcpf-graph"),
                            html.Figcaption(build_map_caption(snapshot), className="small text-muted"),
                        ],
                        className="lcpf-figure",
                    ),
                    html.Figure(
                        [
                            html.Div(figure_svg(build_scatter_figure(view)), id=ids.LCPF_SCATTER,
                                     className="lcpf-graph"),
                            html.Figcaption(
                                "Each borough's share of the money against its share of crime. On the "
                                "dashed line a borough's share of the money equals its share of crime; "
                                "above it, it gets more than its crime share. Circles are inner London, "
                                "squares outer London.",
                                className="small text-muted",
                            ),
                        ],
                        className="lcpf-figure",
                    ),
                ],
                className="lcpf-grid",
            ),
            html.H2("Borough by borough", className="h4 mt-4"),
            html.Div(table_block(view), id=ids.LCPF_TABLE, className="table-responsive"),
            html.P(
                html.A("Download this scenario (CSV)", id=ids.LCPF_DOWNLOAD,
                       href=download_href(view.query), className="btn btn-outline-primary"),
                className="mt-3",
            ),
            static_block(build_notes(view)),
        ],
        className="lcpf-page",
    )


def download_href(query: LcpfQuery) -> str:
    """The address of the CSV of a scenario."""
    return "/lcpf/scenario.csv" + query.to_search()


def build_controls(view: LcpfView) -> html.Section:
    """The year, crime measure and map measure choosers, and the formula simulator."""
    q = view.query
    weights = q.weights.as_dict()
    active = preset_of(q)
    return html.Section(
        [
            html.Div(
                [
                    html.Div(
                        controls.select(ids.LCPF_YEAR, "Financial year",
                                        [{"label": y, "value": y} for y in view.years], view.year),
                        className="lcpf-control",
                    ),
                    html.Div(
                        controls.select(ids.LCPF_CATEGORY, "Crime measure",
                                        [{"label": v, "value": k} for k, v in CATEGORY_LABELS.items()], q.category),
                        className="lcpf-control",
                    ),
                    html.Div(
                        controls.radio_group(ids.LCPF_MEASURE, "The map shows (£: what the formula would give)",
                                             [{"label": v, "value": k} for k, v in MEASURES.items()], q.measure,
                                             inline=True),
                        className="lcpf-control lcpf-control-wide",
                    ),
                ],
                className="lcpf-controls",
            ),
            html.H2(SIMULATION, className="h5 mt-3"),
            html.P(
                "A simulation, not MOPAC's allocation: give each factor a weight from 0 to 100; only their "
                "proportions matter, and 0 leaves a factor out. The map, the chart and the table below show "
                "what the formula would give. The address of this page keeps your choices, so you can share "
                "a scenario.",
                className="small",
            ),
            html.Div(
                [
                    html.Button(
                        label,
                        id={"type": ids.LCPF_PRESET, "index": name},
                        n_clicks=0,
                        type="button",
                        className=preset_class(name == active),
                    )
                    for name, label in PRESET_LABELS.items()
                ],
                className="lcpf-presets",
                role="group",
                **{"aria-label": "Presets"},
            ),
            html.Div(
                [_weight_box(factor, weights[factor]) for factor in WEIGHT_ORDER]
                + [
                    html.Div(
                        [
                            html.Label("Pot to share (£ a year)", htmlFor=ids.LCPF_POT, className="form-label"),
                            dbc.Input(id=ids.LCPF_POT, type="number", min=0, step=1000, debounce=True,
                                      value=float(view.pot_gbp), className="form-control"),
                            html.Small(pot_hint(view), className="text-muted d-block"),
                        ],
                        className="lcpf-control lcpf-pot",
                    )
                ],
                className="lcpf-weights",
            ),
        ],
        className="lcpf-controls-card",
        **{"aria-label": "Choose what to show"},
    )


def preset_class(active: bool) -> str:
    """The look of a preset button: filled when the scenario matches it."""
    return "btn btn-sm " + ("btn-primary" if active else "btn-outline-primary")


def render_update(view: LcpfView, geojson: Mapping, factors: Sequence[str], presets: Sequence[str]) -> tuple:
    """Everything the page's one callback outputs for a new state, in its output order."""
    weights = view.query.weights.as_dict()
    active = preset_of(view.query)
    return (
        [_plain(weights[f]) for f in factors],
        [preset_class(name == active) for name in presets],
        view.query.basis,
        build_messages(view),
        build_summary(view),
        build_totals(view),
        figure_svg(build_map_figure(view, geojson)),
        figure_svg(build_scatter_figure(view)),
        table_block(view),
        download_href(view.query),
        view.query.to_search(),
    )


def pot_hint(view: LcpfView) -> str:
    """Where the default pot comes from."""
    if view.pot_choice is None:
        return "No published total is loaded; £10m is a round figure to start from."
    return f"Default {formatting.money(float(view.pot_choice.amount_gbp))}: {view.pot_choice.explanation}."


def _weight_box(factor: str, value: float) -> html.Div:
    disabled = factor == "deprivation"
    return html.Div(
        [
            html.Label(
                [
                    html.Span(FACTOR_LABELS[factor], className="form-label d-block"),
                    dbc.Input(id={"type": ids.LCPF_WEIGHT, "index": factor}, type="number", min=0,
                              max=MAX_WEIGHT, step="any", debounce=True, value=_plain(value),
                              disabled=disabled, className="form-control"),
                ],
                className="d-block",
            ),
            html.Small("No deprivation index is loaded, so this weight is off.",
                       className="text-muted d-block") if disabled else None,
        ],
        className="lcpf-control lcpf-weight",
    )


def build_summary(view: LcpfView) -> list:
    """One sentence saying which scenario, pot and year are shown, with the inner/outer split."""
    inner, outer = view.groups
    if view.error:
        return [view.error]
    parts = [html.Strong(view.scenario_label), f" · {view.year or 'no year'}"]
    if view.query.basis == "formula":
        parts.append(f" · pot {formatting.money(float(view.pot_gbp))}")
        if inner.scenario_share is not None and outer.scenario_share is not None:
            parts.append(f" · inner London {pct(inner.scenario_share)}, outer London {pct(outer.scenario_share)}")
    else:
        parts.append(f" · published for {view.actual_count} of {view.lcpf_boroughs} boroughs")
    return parts


def build_messages(view: LcpfView) -> list:
    """Notices and warnings about the state shown (missing figures, ignored URL values)."""
    items = list(view.notices) + list(view.messages)
    if view.error:
        items.append(view.error)
    if view.year and view.actual_count == 0:
        published = ", ".join(f"{name} {year}" for name, year in view.published) or "none"
        items.append(
            f"No borough's LCPF allocation is published for {view.year}, so the formula cannot be set "
            f"against actual allocations for that year. Published borough allocations: {published}."
        )
    if not items:
        return []
    return [html.Div(html.Ul([html.Li(text) for text in items], className="mb-0"),
                     className="alert alert-warning lcpf-alert", role="note")]


def build_totals(view: LcpfView) -> list:
    """Inner and outer London side by side: residents, crime, the formula's money, published money."""
    cards = []
    for g in view.groups:
        if g.actual_count == 0:
            actual = f"not published for any of its {g.boroughs} boroughs"
        elif g.actual_count < g.boroughs:
            actual = f"{gbp(g.actual_gbp)} for the {g.actual_count} of {g.boroughs} boroughs published (not a total)"
        else:
            actual = gbp(g.actual_gbp)
        scenario = "cannot be worked out" if g.scenario_gbp is None else (
            f"{gbp(g.scenario_gbp)} ({pct(g.scenario_share)} of the pot)"
        )
        if view.query.basis == "current":
            scenario = actual
        rows = [
            (f"Residents ({view.population_label})", f"{g.population:,} ({pct(g.population_share)} of the 32 boroughs)"),
            (f"{view.category_label}, {view.year}",
             "no figures loaded" if g.crime is None else f"{g.crime:,} ({pct(g.crime_share)})"),
            (view.scenario_label if view.query.basis == "current" else f"{SIMULATION} ({view.scenario_label})",
             scenario),
            ("Published LCPF allocation", actual),
        ]
        cards.append(
            html.Section(
                [
                    html.H2(f"{g.label} ({g.boroughs} boroughs)", className="h5"),
                    html.Dl([item for label, value in rows for item in (html.Dt(label), html.Dd(value))],
                            className="details-list mb-0"),
                ],
                className=f"lcpf-total lcpf-total-{g.label.split()[0].lower()}",
            )
        )
    return cards


def build_map_caption(snapshot: Snapshot) -> str:
    """What the map shows, and that grey means no figure."""
    shapes = ("approximate borough shapes derived from postcodes" if snapshot.boundaries_approximate
              else "official borough boundaries")
    return (
        "The darker the borough, the higher the figure. Grey: no figure (the City of London is not part "
        f"of the LCPF; other boroughs may have no published figure). Drawn on {shapes}."
    )


def map_traces(view: LcpfView, geojson: Mapping) -> tuple[dict, dict]:
    """The values the map's two traces show: boroughs with a figure, and those without one.

    The second trace carries only the shapes of the boroughs without a figure (usually just the
    City), so the page sends the full borough shapes once, with the first trace.
    """
    name = view.measure_label
    have, missing = [], []
    for r in view.rows:
        value = r.measure(view.query.measure)
        (missing if value is None else have).append((r, value))
    with_figure = {
        "locations": [r.code for r, _ in have],
        "z": [round(v, 2) for _, v in have],
        "text": [f"{r.name}<br>{name}: {_measure_text(view.query.measure, v)}" for r, v in have],
        "colorbar": {"title": {"text": _colourbar_title(view)}},
    }
    codes = {r.code for r, _ in missing}
    without = {
        "geojson": {"type": "FeatureCollection",
                    "features": [f for f in geojson.get("features", ()) if f["properties"]["code"] in codes]},
        "locations": [r.code for r, _ in missing],
        "z": [0 for _ in missing],
        "text": [f"{r.name}<br>{name}: {_missing_reason(view, r)}" for r, _ in missing],
    }
    return with_figure, without


def build_map_figure(view: LcpfView, geojson: Mapping) -> go.Figure:
    """The choropleth of the chosen measure on the borough shapes (no basemap: works offline)."""
    with_figure, without = map_traces(view, geojson)
    common = dict(featureidkey="properties.code", hoverinfo="text",
                  marker={"line": {"color": "#ffffff", "width": 0.8}})
    fig = go.Figure(
        [
            go.Choropleth(**common, **with_figure, geojson=geojson, colorscale=COLOURSCALE, name="figure"),
            go.Choropleth(**common, **without, colorscale=[[0, MISSING_COLOUR], [1, MISSING_COLOUR]],
                          showscale=False, name="no figure"),
        ]
    )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(margin={"l": 0, "r": 0, "t": 50, "b": 0}, height=460,
                      title={"text": _map_title(view), "font": {"size": 15}, "x": 0.01},
                      paper_bgcolor="#ffffff", geo={"bgcolor": "#ffffff"})
    return fig


def build_scatter_figure(view: LcpfView) -> go.Figure:
    """Allocation share against crime share, inner and outer marked, with the line of proportionality."""
    fig = go.Figure()
    top = 0.0
    for side, colour, symbol in (("Inner", INNER_COLOUR, "circle"), ("Outer", OUTER_COLOUR, "square")):
        points = [r for r in view.rows
                  if r.inner_outer == side and r.crime_share is not None and r.allocation_share is not None]
        xs, ys = [100 * r.crime_share for r in points], [100 * r.allocation_share for r in points]
        top = max([top, *xs, *ys])
        label = view.scenario_label.removeprefix("Formula: ") if view.query.basis == "formula" else "published"
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers", name=f"{side} London ({label})",
            marker={"color": colour, "symbol": symbol, "size": 10, "line": {"color": "#ffffff", "width": 1}},
            text=[r.name for r in points],
            hovertemplate="%{text}<br>crime share %{x:.1f}%<br>allocation share %{y:.1f}%<extra></extra>",
        ))
    if view.query.basis == "formula":
        actual = [r for r in view.rows if r.actual_share is not None and r.crime_share is not None]
        if actual:
            xs, ys = [100 * r.crime_share for r in actual], [100 * r.actual_share for r in actual]
            top = max([top, *xs, *ys])
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="markers", name="Published allocation",
                marker={"color": ACTUAL_COLOUR, "symbol": "diamond-open", "size": 12, "line": {"width": 2}},
                text=[r.name for r in actual],
                hovertemplate=("%{text} (published)<br>crime share %{x:.1f}%<br>"
                               "allocation share %{y:.1f}%<extra></extra>"),
            ))
    top = (top or 10) * 1.08
    fig.add_trace(go.Scatter(x=[0, top], y=[0, top], mode="lines", name="Share of money = share of crime",
                             line={"color": "#505a5f", "dash": "dash", "width": 1.5}, hoverinfo="skip"))
    fig.update_layout(
        height=460, margin={"l": 60, "r": 10, "t": 30, "b": 50}, paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
        title={"text": (f"{SIMULATION if view.query.basis == 'formula' else 'Published allocation'}, "
                         f"{view.year or ''}"),
               "font": {"size": 15}, "x": 0.01},
        xaxis={"title": {"text": f"Share of London's {view.category_label.lower()} (%)"}, "range": [0, top],
               "gridcolor": "#e5e8ea", "zeroline": False},
        yaxis={"title": {"text": "Share of the money (%)" if view.query.basis == "current"
                         else "Share under this formula (%)"}, "range": [0, top], "gridcolor": "#e5e8ea",
               "zeroline": False},
        legend={"orientation": "h", "y": -0.2, "x": 0},
    )
    return fig


# -- private helpers -----------------------------------------------------------------------


def _map_title(view: LcpfView) -> str:
    year = view.year or "no year"
    if view.query.measure == "crime-per-1000":
        return f"{view.measure_label} ({view.category_label.lower()}), {year}"
    label = view.measure_label
    if view.query.measure == "per-100-crimes" and view.query.category != "all-crime":
        label += f" ({view.category_label.lower()})"
    if view.query.basis == "current":
        return f"Published allocation: {label.lower()}, {year}"
    return f"{SIMULATION}:<br>{label.lower()}, {year}"


def _colourbar_title(view: LcpfView) -> str:
    return {"allocation": "£", "per-1000-residents": "£ per 1,000", "per-100-crimes": "£ per 100",
            "crime-per-1000": "per 1,000"}[view.query.measure]


def _measure_text(measure: str, value: float) -> str:
    return f"{value:,.1f}" if measure == "crime-per-1000" else formatting.money(value, exact=True)


def _missing_reason(view: LcpfView, row) -> str:
    if not row.in_lcpf:
        return "no figure (not part of the LCPF; City of London Police area)"
    if view.query.measure in ("per-100-crimes", "crime-per-1000") and row.crime is None:
        return f"no crime figure loaded for {view.year}"
    if view.query.basis == "current":
        return f"no published allocation for {row.name} {view.year}"
    return "cannot be worked out (a figure the formula needs is missing)"


def _plain(value: float):
    return int(value) if float(value).is_integer() else value

"""Callbacks: the explorer home page (search box, filters, map clicks, service areas)."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update

from callbacks.controls import each, register_show_area, register_summaries
from explorer import ids
from explorer.layout.controls import chosen
from explorer.layout.home import CHECKLISTS, asked_page, build_search_update
from explorer.pages.home import search_update


def register(app, provider, context) -> None:
    """Registers the home page's callbacks on ``app``; ``context.today`` is the clock."""

    @app.callback(
        Output(ids.SERVICE_LIST, "children"),
        Output(ids.SERVICE_LIST, "start"),
        Output(ids.RESULT_SUMMARY, "children"),
        Output(ids.RESULT_PAGES, "children"),
        Output(ids.FILTER_PANEL_SUMMARY, "children"),
        Output(ids.MAP_QUERY, "data"),
        Output(ids.MAP, "viewport"),
        Output(ids.PLACE_LAYER, "data"),
        Output(ids.BOROUGH_LAYER, "hideout"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        Input(ids.SEARCH_BUTTON, "n_clicks"),
        *each(Input, "value", ids.SEARCH_INPUT, ids.BOROUGH_SELECT, ids.AREA_SELECT, ids.COMMISSIONER_SELECT,
              ids.AGE_SELECT, ids.ACCESS_SELECT),
        Input({"type": ids.RESULT_PAGER, "index": ALL}, "n_clicks"),
        State(ids.EXPLORER_GRID, "className"),
        prevent_initial_call=True,
    )
    def on_search(_clicks, query, boroughs, areas, commissioners, age, access, _pages, grid):
        page = asked_page(ctx.triggered_id, ctx.triggered)
        if page is None:
            return (no_update,) * 10
        update = search_update(provider, query, context.today(), boroughs=boroughs, commissioners=commissioners,
                               areas=areas, age=chosen(age), access=chosen(access), page=page,
                               view="map" if "show-map" in (grid or "") else "list")
        return build_search_update(update)

    register_summaries(app, CHECKLISTS)

    @app.callback(
        Output(ids.BOROUGH_SELECT, "value"),
        Input(ids.BOROUGH_LAYER, "clickData"),
        State(ids.BOROUGH_SELECT, "value"),
        prevent_initial_call=True,
    )
    def on_borough_click(feature, selected):
        code = ((feature or {}).get("properties") or {}).get("code")
        if not code or code in (selected or []):
            return no_update
        return [*(selected or []), code]

    register_show_area(app, provider, allow_duplicate=True)
    app.clientside_callback(
        ClientsideFunction(namespace="explorerResident", function_name="showView"),
        Output(ids.EXPLORER_GRID, "className"),
        Output(ids.RESULTS_VIEW_LIST, "aria-pressed"),
        Output(ids.RESULTS_VIEW_MAP, "aria-pressed"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),  # the view goes into the address
        Input(ids.RESULTS_VIEW_LIST, "n_clicks"),
        Input(ids.RESULTS_VIEW_MAP, "n_clicks"),
        Input({"type": ids.SHOW_AREA, "index": ALL}, "n_clicks"),  # "Show area on map" shows the map
        State(ids.MAP, "viewport"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="explorerMap", function_name="drawShapes"),
        Output(ids.BOROUGH_LAYER, "data"),
        Output(ids.BOROUGH_LABELS, "data"),
        Input(ids.MAP_SHAPES, "data"),
        Input(ids.EXPLORER_GRID, "className"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="explorerResident", function_name="focusResults"),
        Output(ids.RESULT_SUMMARY, "title"),
        Input({"type": ids.RESULT_PAGER, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )

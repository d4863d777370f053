"""Callbacks: the explorer home page (borough selection)."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Input, Output

from explorer import ids
from explorer.layout.home import build_service_items, build_summary
from explorer.services.catalogue import parse_borough_codes, services_in_boroughs


def register(app, provider) -> None:
    """Registers the home page's callbacks on ``app``."""

    @app.callback(
        Output(ids.SERVICE_LIST, "children"),
        Output(ids.RESULT_SUMMARY, "children"),
        Output(ids.SERVICE_LAYER, "data"),
        Output(ids.BOROUGH_LAYER, "hideout"),
        Output(ids.URL, "search"),
        Input(ids.BOROUGH_SELECT, "value"),
        prevent_initial_call=True,
    )
    def on_borough_change(values):
        snapshot = provider.current()
        codes, _unknown = parse_borough_codes(snapshot, values or [])
        selection = services_in_boroughs(snapshot, codes)
        search = "?" + urlencode({"borough": ",".join(codes)}) if codes else ""
        return (
            build_service_items(snapshot, selection.services),
            build_summary(snapshot, selection),
            selection.points_geojson,
            {"selected": list(codes)},
            search,
        )

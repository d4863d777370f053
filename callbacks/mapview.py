"""Callbacks: the services map asks for the clusters and points of its view (home page and embed).

A clientside callback (``assets/map.js``): when the map's bounds or zoom change, or the search
does, it fetches ``/api/v1/map?…&bbox=…&zoom=…`` and sets the point layer's ``data`` with the
answer, dropping any answer for a view that is no longer the newest (a small pan still inside the
last answer's padded view asks for nothing, so an open card stays; a hidden map asks for nothing).
No service points travel with the page itself.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State

from explorer import ids


def register(app) -> None:
    """Registers the map's view callback on ``app``."""
    app.clientside_callback(
        ClientsideFunction(namespace="explorerMap", function_name="askView"),
        Output(ids.SERVICE_LAYER, "data"),
        Input(ids.MAP, "bounds"),
        Input(ids.MAP, "zoom"),
        Input(ids.MAP_QUERY, "data"),
        State(ids.SERVICE_LAYER, "data"),
    )

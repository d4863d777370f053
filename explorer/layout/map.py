"""Layout layer: the services map (home page and embed).

The map carries no service points in the page: once the browser knows the map's size, bounds and
zoom, ``assets/map.js`` asks ``/api/v1/map`` for the clusters and points of that view (and again on
each pan or zoom). What is drawn here: an optional basemap with its attribution, borough shapes with
their names written on the map (so it reads with no tiles), a marker for the searched place and the key.
"""

from __future__ import annotations

from typing import Sequence

import dash_leaflet as dl
from dash import dcc, html

from explorer import ids
from explorer.services.mapview import MapState

#: The borough layer's style and click behaviour live in assets/map.js.
MIN_ZOOM, MAX_ZOOM = 9, 18
EMPTY_COLLECTION = {"type": "FeatureCollection", "features": []}
LONDON_CENTRE = (51.49, -0.11)


def build_services_map(
    state: MapState,
    *,
    tile_url: str,
    tile_attribution: str,
    borough_data: dict,
    borough_hideout: dict,
    approximate: bool,
    shapes_when_shown: bool = False,
) -> html.Div:
    """The map, the key and a note on what it shows.

    With ``shapes_when_shown`` (the home page, where a phone shows the list and hides the map) the
    borough shapes and names wait in a store and are drawn once the map is on screen
    (``explorerMap.drawShapes`` in ``assets/map.js``): Leaflet's work on a hidden map was about a
    third of the script time of the home page on a phone.
    """
    labels = state.labels
    waiting = None
    if shapes_when_shown:
        waiting = dcc.Store(id=ids.MAP_SHAPES, data={"boroughs": borough_data, "labels": labels})
        borough_data = labels = EMPTY_COLLECTION
    layers = []
    if tile_url:
        layers.append(dl.TileLayer(id=ids.TILE_LAYER, url=tile_url, attribution=tile_attribution,
                                   maxZoom=MAX_ZOOM, eventHandlers={"tileerror": {"variable": "explorerMap.onTileError"}}))
    layers += [
        dl.GeoJSON(
            id=ids.BOROUGH_LAYER,
            data=borough_data,
            style={"variable": "explorerMap.boroughStyle"},
            hideout=borough_hideout,
        ),
        dl.GeoJSON(
            id=ids.BOROUGH_LABELS,
            data=labels,
            pointToLayer={"variable": "explorerMap.boroughLabel"},
            interactive=False,
        ),
        dl.GeoJSON(
            id=ids.PLACE_LAYER,
            data=_place_geojson(state.place),
            pointToLayer={"variable": "explorerMap.placeMarker"},
        ),
        dl.GeoJSON(
            id=ids.SERVICE_LAYER,
            pointToLayer={"variable": "explorerMap.pointToLayer"},
            hideout={"colours": {a: c for a, _n, c in state.legend}, "names": {a: n for a, n, _c in state.legend}},
        ),
    ]
    note = "Borough boundaries are approximate. " if approximate else ""
    return html.Div(
        [
            dcc.Store(id=ids.MAP_QUERY, data=state.query),
            waiting,
            # Said here when the pins of the view on screen could not be loaded (assets/map.js fills
            # it, with a "Try again" button, and empties it once they load).
            html.Div(id=ids.MAP_STATUS, className="map-status", role="status", **{"aria-live": "polite"}),
            dl.Map(
                layers,
                # dash-leaflet tracks the view against center and zoom: start below minZoom (Leaflet
                # clamps it) so the first fit always reports its bounds, and the points are asked for.
                center=LONDON_CENTRE,
                zoom=MIN_ZOOM - 1,
                viewport=fit_viewport(state),
                minZoom=MIN_ZOOM,
                zoomSnap=0.5,
                maxZoom=MAX_ZOOM,
                id=ids.MAP,
                className="explorer-map",
                attributionControl=bool(tile_url),
                keyboard=True,
            ),
            build_legend(state.legend),
            html.P(
                [note, "Select a pin for the service's details, or a numbered circle to zoom in. "
                 "Click a borough to filter by it. Services with a confidential location have no pin."],
                className="small text-muted mt-1",
            ),
        ]
    )


def map_outputs(state: MapState) -> tuple[str, dict, dict]:
    """What a new search changes on a drawn map: its search, the view to fit, the place marker."""
    return state.query, fit_viewport(state), _place_geojson(state.place)


def fit_viewport(state: MapState) -> dict:
    """The map's viewport change that fits the search's bounds."""
    return {"bounds": state.bounds.as_leaflet(), "transition": "fitBounds", "options": {"padding": [12, 12]}}


def _place_geojson(place: dict | None) -> dict:
    features = []
    if place:
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(place["lon"], 5), round(place["lat"], 5)]},
            "properties": {"label": place["label"]},
        })
    return {"type": "FeatureCollection", "features": features}


def build_legend(legend: Sequence[tuple[str, str, str]]) -> html.Div:
    """The map key: one swatch and name per main area, and the cluster and place symbols."""
    items = [
        html.Li([html.Span(className="swatch", style={"backgroundColor": colour}), name],
                className="legend-item", **{"data-area": area})
        for area, name, colour in legend
    ]
    items.append(html.Li([html.Span("12", className="swatch swatch-cluster", **{"aria-hidden": "true"}),
                          "Several services: select to zoom in"], className="legend-item"))
    items.append(html.Li([html.Span(className="swatch swatch-place", **{"aria-hidden": "true"}),
                          "The place you searched for"], className="legend-item"))
    return html.Div(
        [
            html.P("Pin colour: the service's main area", className="small fw-bold mb-1 mt-2", id="map-legend-title"),
            html.Ul(items, className="map-legend list-unstyled small", **{"aria-labelledby": "map-legend-title"}),
        ]
    )

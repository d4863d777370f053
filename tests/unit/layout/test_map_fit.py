"""Unit tests: the view change a search sends the home map."""

from __future__ import annotations

from explorer.domain.mapping import Bounds
from explorer.layout.map import fit_viewport
from explorer.services.mapview import MapState


def _state() -> MapState:
    return MapState(bounds=Bounds(51.45, -0.09, 51.49, -0.05), place=None, labels={}, query="q=x", legend=())


def test_the_fit_holds_the_search_bounds_south_west_then_north_east():
    viewport = fit_viewport(_state())
    assert viewport["transition"] == "fitBounds"
    assert viewport["bounds"] == [[51.45, -0.09], [51.49, -0.05]]


def test_the_fit_is_not_animated():
    # Leaflet drops a fit asked for while a zoom animation runs, so an animated first view left a search
    # made in its first quarter second on all of London (tests/browser/test_map.py failed about one run
    # in two). A fit that jumps leaves no animation running for the next one to fall into.
    assert fit_viewport(_state())["options"] == {"padding": [12, 12], "animate": False}

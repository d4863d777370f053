"""Pages layer: the home page (search box, filters, results and map) as a view model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from explorer.pages.context import PageContext, first
from explorer.services.mapview import MapState, home_map_state
from explorer.services.search import Filters, SearchResult, parse_filters, search_index
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class Exploration:
    """A search's result with the map's first view and the highlighted boroughs."""

    result: SearchResult
    map_state: MapState
    filters: Filters


@dataclass(frozen=True)
class HomePage:
    """The home page for one address: the search's answer and what the map shows."""

    snapshot: Snapshot
    result: SearchResult
    map_state: MapState
    selected_service: str | None
    today: dt.date
    tile_url: str = ""
    tile_attribution: str = ""


@dataclass(frozen=True)
class SearchUpdate:
    """What a new search or filter change sends back: the answer and the page's new query string."""

    snapshot: Snapshot
    found: Exploration
    query: str
    today: dt.date


def home_page(provider, query: dict[str, list[str]], context: PageContext) -> HomePage:
    """The home page with the search and filters read from the URL's query."""
    snapshot = provider.current()
    index = search_index(provider)
    result = index.search(first(query, "q"), parse_filters(query, snapshot))
    return HomePage(
        snapshot=snapshot, result=result, map_state=home_map_state(provider, index, result),
        selected_service=first(query, "service") or None, today=context.today(),
        tile_url=context.tile_url, tile_attribution=context.tile_attribution,
    )


def search_update(
    provider,
    query: str | None,
    today: dt.date,
    *,
    boroughs: Sequence[str] | None = None,
    commissioners: Sequence[str] | None = None,
    areas: Sequence[str] | None = None,
    age: str | None = None,
    access: str | None = None,
) -> SearchUpdate:
    """Runs a search from the widgets' raw values (unknown values are dropped, never an error)."""
    snapshot = provider.current()
    filters = parse_filters(
        {
            "borough": list(boroughs or []),
            "commissioner": list(commissioners or []),
            "area": list(areas or []),
            "age": [age] if age else [],
            "access": [access] if access else [],
        },
        snapshot,
    )
    index = search_index(provider)
    result = index.search(query, filters)
    found = Exploration(result=result, map_state=home_map_state(provider, index, result), filters=filters)
    return SearchUpdate(snapshot=snapshot, found=found, query=query or "", today=today)


def service_area(provider, service_id: str) -> tuple[str, ...]:
    """The boroughs a service covers (none when the id is unknown), for the map's highlight."""
    service = provider.current().service(service_id)
    return service.borough_codes if service is not None else ()

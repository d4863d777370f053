"""Services layer: one call that answers the explorer page's search box and filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from explorer.services.mapview import MapState, home_map_state
from explorer.services.search import Filters, SearchResult, parse_filters, search_index


@dataclass(frozen=True)
class Exploration:
    """A search's result with the map's first view and the highlighted boroughs."""

    result: SearchResult
    map_state: MapState
    filters: Filters


def explore(
    provider,
    query: str | None,
    *,
    boroughs: Sequence[str] | None = None,
    commissioners: Sequence[str] | None = None,
    areas: Sequence[str] | None = None,
    age: str | None = None,
    access: str | None = None,
) -> Exploration:
    """Runs a search from raw widget values (unknown values are dropped, never an error)."""
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
    return Exploration(result=result, map_state=home_map_state(provider, index, result), filters=filters)

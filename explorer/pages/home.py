"""Pages layer: the home page (search box, filters, page of results and map) as a view model."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Mapping, Sequence
from urllib.parse import urlencode

from explorer.domain.paging import PAGE_SIZE, PageWindow, page_window, parse_page
from explorer.pages.context import PageContext
from explorer.services.mapview import MapState, home_map_state
from explorer.services.search import Filters, ResultItem, SearchResult, TopicElsewhere, parse_filters, search_index
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class Exploration:
    """A search's result (``result.items`` is the page shown), the map's first view and where the page is."""

    result: SearchResult
    map_state: MapState
    filters: Filters
    window: PageWindow
    service: str = ""
    view: str = "list"
    #: When nothing covers the searched place: the nearest services elsewhere that match the rest
    #: of the search, nearest first (each says where it is and how far).
    nearby: tuple[ResultItem, ...] = ()
    #: When it found services, each of its topics that none covers at the place, with the nearest
    #: elsewhere (:meth:`SearchIndex.topics_elsewhere`).
    elsewhere: tuple[TopicElsewhere, ...] = ()

    @property
    def listed(self) -> tuple[ResultItem, ...]:
        """The services the list shows: this page of results, or else the nearest elsewhere."""
        return self.result.items or self.nearby

    @property
    def state(self) -> str:
        """The query string that brings this exact view back (query, filters, page, service, view)."""
        return state_query(self.result.query, self.filters, self.service, self.window.page, self.view)


#: The phone's two views of the results (a laptop shows both side by side).
VIEWS = ("list", "map")


def parse_view(text: str | None) -> str:
    """``map`` or ``list`` (the default; anything else is read as the list, never an error)."""
    return "map" if (text or "").strip().lower() == "map" else "list"


def state_query(query: str, filters: Filters, service: str | None = None, page: int = 1, view: str = "list") -> str:
    """The URL query string that reproduces a search (empty parts, page 1 and the list view left out)."""
    params = {
        "q": (query or "").strip(),
        "borough": ",".join(filters.boroughs),
        "commissioner": ",".join(filters.commissioners),
        "area": ",".join(filters.areas),
        "age": filters.age or "",
        "access": filters.access or "",
        "service": service or "",
        "page": str(page) if page > 1 else "",
        "ended": "1" if filters.include_ended else "",
        "view": "map" if view == "map" else "",
    }
    encoded = urlencode({k: v for k, v in params.items() if v})
    return f"?{encoded}" if encoded else ""


def explore_address(provider, values: Mapping[str, Sequence[str]]) -> Exploration:
    """The explorer's view for an address's query values (``q``, filters, ``page``, ``service``)."""
    def first(key: str) -> str:
        found = values.get(key) or [""]
        return found[0]

    filters = parse_filters(values, provider.current())
    service = first("service") if provider.current().service(first("service")) else ""
    return _run(provider, first("q"), filters, parse_page(first("page")), service, parse_view(first("view")))


def _run(provider, query: str | None, filters: Filters, page: int, service: str = "", view: str = "list") -> Exploration:
    index = search_index(provider)
    result = index.search(query, filters, limit=page * PAGE_SIZE)
    window = page_window(result.total, page)
    if window.end > len(result.items):
        result = index.search(query, filters, limit=window.end)
    shown = dataclasses.replace(result, items=result.items[window.start:window.end])
    return Exploration(result=shown, map_state=home_map_state(provider, index, result), filters=filters, window=window, service=service,
                       view=view, nearby=index.nearest_elsewhere(result), elsewhere=index.topics_elsewhere(result))


@dataclass(frozen=True)
class HomePage:
    """The home page for one address: the search's answer, its page of results and what the map shows."""

    snapshot: Snapshot
    found: Exploration
    today: dt.date
    tile_url: str = ""
    tile_attribution: str = ""


@dataclass(frozen=True)
class SearchUpdate:
    """What a new search, filter change or page turn sends back: the answer and the page's new state."""

    snapshot: Snapshot
    found: Exploration
    query: str
    today: dt.date


def home_page(provider, query: dict[str, list[str]], context: PageContext) -> HomePage:
    """The home page with the search, filters, page and selected service read from the URL's query."""
    return HomePage(
        snapshot=provider.current(), found=explore_address(provider, query), today=context.today(),
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
    page: int = 1,
    view: str = "list",
) -> SearchUpdate:
    """Runs a search from the widgets' raw values (unknown values are dropped, never an error)."""
    filters = parse_filters(
        {
            "borough": list(boroughs or []),
            "commissioner": list(commissioners or []),
            "area": list(areas or []),
            "age": [age] if age else [],
            "access": [access] if access else [],
        },
        provider.current(),
    )
    found = _run(provider, query, filters, page, view=parse_view(view))
    return SearchUpdate(snapshot=provider.current(), found=found, query=query or "", today=today)


def service_area(provider, service_id: str) -> tuple[str, ...]:
    """The boroughs a service covers (none when the id is unknown), for the map's highlight."""
    service = provider.current().service(service_id)
    return service.borough_codes if service is not None else ()

"""Pages layer: the embeddable explorer (``/embed``) and its builder (``/embed/builder``) as view models."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlencode

from explorer.pages.context import first, query_values
from explorer.services.mapview import MapState, home_map_state
from explorer.services.search import Filters, SearchResult, parse_filters, search_index
from explorer.services.snapshot import Snapshot

VIEWS = {"both": "Map and list", "list": "List only", "map": "Map only"}
EMBED_TITLE = "Services paid for by MOPAC and the VRU"


@dataclass(frozen=True)
class EmbedPage:
    """The embed for one address: a search's answer, shown as a list, a map or both."""

    snapshot: Snapshot
    result: SearchResult
    map_state: MapState
    view: str
    title: str
    tile_url: str = ""
    tile_attribution: str = ""
    query: str = ""
    filters: Filters = Filters()
    unknown_boroughs: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuilderChoice:
    """What a borough chose in the builder, and the embed address and title that follow from it."""

    snapshot: Snapshot
    borough: str | None
    areas: tuple[str, ...]
    view: str
    path: str
    title: str


def parse_view(value: str | None) -> str:
    """The view asked for (``map``, ``list`` or ``both``); anything else is ``both``."""
    return value if value in VIEWS else "both"


def embed_title(snapshot: Snapshot, filters: Filters) -> str:
    """The embed's heading: what it lists and where (``... in Hackney: youth violence``)."""
    title = EMBED_TITLE
    if filters.boroughs:
        title += " in " + _and(snapshot.borough_name(c) for c in filters.boroughs)
    if filters.areas:
        title += ": " + _and(snapshot.term_name(t) for t in filters.areas).lower()
    return title


def embed_query(borough: str | None, areas: list[str] | None, view: str | None) -> str:
    """The query string of an embed address (empty parts left out)."""
    params = {"borough": borough or "", "area": ",".join(areas or []), "view": view if view in ("map", "list") else ""}
    encoded = urlencode({k: v for k, v in params.items() if v}, safe=",")
    return f"?{encoded}" if encoded else ""


def embed_page(provider, search: str | None, *, tile_url: str = "", tile_attribution: str = "") -> EmbedPage:
    """The embed for an address's query string.

    A borough's embed lists services as the search orders them for that place: local services
    nearest first, pan-London ones after. A borough code the register does not know is reported
    (``unknown_boroughs``), never silently widened to all of London.
    """
    snapshot = provider.current()
    query = query_values(search)
    filters = parse_filters(query, snapshot)
    unknown = unknown_borough_codes(query, snapshot)
    index = search_index(provider)
    text = first(query, "q")
    result = index.search(text, filters)
    if len(filters.boroughs) == 1 and result.understood.location is None and not result.message:
        placed = index.search(f"{text} in {snapshot.borough_name(filters.boroughs[0])}".strip(), filters)
        result = placed if placed.understood.location is not None else result
    return EmbedPage(
        snapshot, result, home_map_state(provider, index, result), parse_view(first(query, "view")), embed_title(snapshot, filters),
        tile_url=tile_url, tile_attribution=tile_attribution, query=text, filters=filters,
        unknown_boroughs=unknown,
    )


def unknown_borough_codes(query: dict[str, list[str]], snapshot: Snapshot) -> tuple[str, ...]:
    """The borough codes in the address that are not London boroughs (shown back as typed)."""
    known = {b.code for b in snapshot.boroughs}
    asked = [code.strip() for value in query.get("borough", []) for code in re.split(r"[,;]", value)]
    return tuple(code for code in asked if code and code.upper() not in known)


def builder_choice(
    snapshot: Snapshot, borough: str | None, areas: Sequence[str] | None, view: str | None
) -> BuilderChoice:
    """The builder's choices checked against the register (unknown boroughs and areas are dropped)."""
    filters = parse_filters({"borough": [borough] if borough else [], "area": list(areas or [])}, snapshot)
    borough = filters.boroughs[0] if filters.boroughs else None
    view = parse_view(view)
    path = "/embed" + embed_query(borough, list(filters.areas), view)
    return BuilderChoice(snapshot, borough, tuple(filters.areas), view, path, embed_title(snapshot, filters))


def builder_page(snapshot: Snapshot, query: dict[str, list[str]]) -> BuilderChoice:
    """The builder page with its choices read from the URL's query."""
    filters = parse_filters(query, snapshot)
    return builder_choice(snapshot, filters.boroughs[0] if filters.boroughs else None, list(filters.areas),
                          first(query, "view"))


def _and(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

"""Layout layer: which page builder answers which address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs, unquote

from explorer.layout import accessibility, data, embed, funding, home, pages, performance
from explorer.layout import lcpf as lcpf_layout
from explorer.services.mapview import home_map_state
from explorer.services.search import parse_filters, search_index


@dataclass(frozen=True)
class PageContext:
    """What page builders need besides the snapshot."""

    tile_url: str = ""
    tile_attribution: str = ""
    today: Callable[[], dt.date] = field(default=dt.date.today)


#: One address of each kind of page, rendered once at start-up so Dash can validate callbacks.
VALIDATION_PATHS = (
    "/", "/service/", "/funding", "/performance", "/performance/report", "/lcpf", "/data", "/embed/builder"
)


def query_values(search: str | None) -> dict[str, list[str]]:
    """Parses a URL query string (``?borough=E09000028``) into lists of values."""
    return parse_qs((search or "").lstrip("?"), keep_blank_values=False)


def render_page(provider, pathname: str | None, search: str | None, context: PageContext):
    """The content of the page at ``pathname`` with the state in ``search``.

    Args:
        provider: The :class:`SnapshotProvider` (the current snapshot and its search index).
        pathname: The address's path.
        search: The address's query string.
        context: Settings and the clock.
    """
    snapshot = provider.current()
    path = (pathname or "/").rstrip("/") or "/"
    query = query_values(search)
    if path == "/":
        index = search_index(provider)
        result = index.search(_first(query, "q"), parse_filters(query, snapshot))
        return home.build_home(
            snapshot, result, tile_url=context.tile_url, tile_attribution=context.tile_attribution,
            map_state=home_map_state(provider, index, result), selected_service=_first(query, "service") or None,
            today=context.today(),
        )
    if path.startswith("/service/"):
        service_id = unquote(path.removeprefix("/service/"))
        service = snapshot.service(service_id)
        sections = []
        if service is not None:
            sections.append(performance.build_service_performance_block(snapshot, service, context.today()))
            sections.append(funding.build_service_opportunities(snapshot, service, context.today()))
        return pages.build_service_page(snapshot, service, _first(query, "back"), sections, today=context.today())
    if path == "/funding" or path.startswith("/funding/"):
        return funding.build_funding_route(provider, path, query, context.today())
    if path == "/performance":
        return performance.build_performance_page(snapshot, query, context.today())
    if path == "/performance/report":
        return performance.build_report_page(snapshot, query, context.today())
    if path == "/lcpf":
        return lcpf_layout.build_lcpf_page(snapshot, query)
    if path == "/embed/builder":
        return embed.build_embed_builder(snapshot, query)
    if path == "/data":
        return data.build_data_page(snapshot, context.today(), downloads=embed.build_downloads(snapshot))
    if path == "/accessibility":
        return accessibility.build_accessibility_page()
    return pages.build_not_found(path)


def _first(query: dict[str, list[str]], key: str) -> str:
    values = query.get(key)
    return values[0] if values else ""

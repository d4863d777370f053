"""Layout layer: which page builder answers which address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

from explorer.layout import data, home, pages
from explorer.services.search import parse_filters, search_index


@dataclass(frozen=True)
class PageContext:
    """What page builders need besides the snapshot."""

    tile_url: str = ""
    tile_attribution: str = ""
    today: Callable[[], dt.date] = field(default=dt.date.today)


#: One address of each kind of page, rendered once at start-up so Dash can validate callbacks.
VALIDATION_PATHS = ("/", "/service/", "/funding", "/performance", "/lcpf", "/data")


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
            points=index.points(result), selected_service=_first(query, "service") or None,
        )
    if path.startswith("/service/"):
        service_id = path.removeprefix("/service/")
        return pages.build_service_page(snapshot, snapshot.service(service_id), _first(query, "back"))
    if path == "/funding":
        return pages.build_funding_page(snapshot, context.today())
    if path == "/performance":
        return pages.build_performance_page(snapshot)
    if path == "/lcpf":
        return pages.build_lcpf_page(snapshot)
    if path == "/data":
        return data.build_data_page(snapshot, context.today())
    return pages.build_not_found(path)


def _first(query: dict[str, list[str]], key: str) -> str:
    values = query.get(key)
    return values[0] if values else ""

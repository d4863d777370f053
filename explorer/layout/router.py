"""Layout layer: which page builder answers which address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

from explorer.layout import home, pages, performance
from explorer.services.catalogue import parse_borough_codes, services_in_boroughs
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class PageContext:
    """What page builders need besides the snapshot."""

    tile_url: str = ""
    tile_attribution: str = ""
    today: Callable[[], dt.date] = field(default=dt.date.today)


def query_values(search: str | None) -> dict[str, list[str]]:
    """Parses a URL query string (``?borough=E09000028``) into lists of values."""
    return parse_qs((search or "").lstrip("?"), keep_blank_values=False)


def render_page(snapshot: Snapshot, pathname: str | None, search: str | None, context: PageContext):
    """The content of the page at ``pathname`` with the state in ``search``."""
    path = (pathname or "/").rstrip("/") or "/"
    query = query_values(search)
    if path == "/":
        codes, _unknown = parse_borough_codes(snapshot, ",".join(query.get("borough", [])))
        selection = services_in_boroughs(snapshot, codes)
        return home.build_home(
            snapshot, selection, tile_url=context.tile_url, tile_attribution=context.tile_attribution
        )
    if path.startswith("/service/"):
        service_id = path.removeprefix("/service/")
        return pages.build_service_page(snapshot, snapshot.service(service_id), today=context.today())
    if path == "/funding":
        return pages.build_funding_page(snapshot, context.today())
    if path == "/performance":
        return performance.build_performance_page(snapshot, query, context.today())
    if path == "/performance/report":
        return performance.build_report_page(snapshot, query, context.today())
    if path == "/lcpf":
        return pages.build_lcpf_page(snapshot)
    if path == "/data":
        return pages.build_data_page(snapshot, list(snapshot.history))
    return pages.build_not_found(path)

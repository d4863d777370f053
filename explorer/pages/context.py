"""Pages layer: what every page needs besides the snapshot (settings, the clock) and the URL's query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs


@dataclass(frozen=True)
class PageContext:
    """What page builders need besides the snapshot."""

    tile_url: str = ""
    tile_attribution: str = ""
    today: Callable[[], dt.date] = field(default=dt.date.today)


def query_values(search: str | None) -> dict[str, list[str]]:
    """Parses a URL query string (``?borough=E09000028``) into lists of values."""
    return parse_qs((search or "").lstrip("?"), keep_blank_values=False)


def first(query: dict[str, list[str]], key: str) -> str:
    """The first value of ``key`` in a parsed query, or an empty string."""
    values = query.get(key)
    return values[0] if values else ""

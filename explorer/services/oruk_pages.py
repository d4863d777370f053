"""Services layer: the API's pages of search results as JSON, remembered per published version.

A page of ``/api/v1/services`` is its paging fields, its service summaries and ``x_query``. A
service's summary depends only on the version, the service and the public base address, so its
JSON is written once (``orjson``) and kept; a page joins the kept fragments instead of building
and serialising every record again. A whole page depends only on the version, the request's
query string and the base address, so the latest pages are kept as well: a repeated request (the
next person asking the same, a directory polling) skips the search.

Both memories are bounded (least recently used first out) and belong to one version: they hang on
the snapshot provider's derived values, so a publish starts them afresh. The bytes are exactly
what ``orjson.dumps`` writes for the whole page (compact, keys in build order).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, Sequence

import orjson

from explorer.services import oruk
from explorer.services.exports import published_at
from explorer.services.snapshot import ServiceEntry, Snapshot

#: The name the memory is kept under among the provider's derived values.
SEARCH_PAGES = "oruk-search-pages"
#: How many service summaries are kept as JSON (about 1 KB each).
SUMMARY_CACHE = 4096
#: How many providers' organization records are kept as JSON (a register has a few hundred).
ORGANIZATION_CACHE = 4096
#: How many whole pages are kept, and the largest kept (a page of 10 is about 11 KB; larger pages
#: are built each time).
PAGE_CACHE = 256
MAX_KEPT_PAGE = 32 * 1024
#: How many base addresses (one per host name the site answers to) are kept.
BASE_CACHE = 64
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def _dumps(value: Any) -> bytes | None:
    """``value`` as orjson writes it; None when orjson refuses it (the caller then writes it whole)."""
    try:
        return orjson.dumps(value, option=_OPTIONS)
    except TypeError:
        return None


class SearchPages:
    """One version's memory of service summaries (as JSON) and of whole search pages."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.modified = published_at(snapshot)
        self.modified_iso = oruk.iso_datetime(self.modified)
        self._summary = functools.lru_cache(maxsize=SUMMARY_CACHE)(self._summary_json)
        self._organization = functools.lru_cache(maxsize=ORGANIZATION_CACHE)(self._organization_json)
        self._pages: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bases: dict[Hashable, str] = {}
        self._lock = threading.Lock()

    def base_url(self, key: Hashable, make: Callable[[], str]) -> str:
        """The public base address of the requests that share ``key`` (their scheme, host and root
        path): ``make()`` the first time, kept after (at most :data:`BASE_CACHE`, then afresh)."""
        base = self._bases.get(key)
        if base is None:
            base = make()
            with self._lock:
                if len(self._bases) >= BASE_CACHE:
                    self._bases.clear()
                self._bases[key] = base
        return base

    def summary_json(self, service: ServiceEntry, base_url: str) -> bytes | None:
        """A service's summary (:func:`oruk.service_summary`) as JSON, kept by its id."""
        return self._summary(service.id, base_url)

    def _summary_json(self, service_id: str, base_url: str) -> bytes | None:
        """:func:`oruk.service_summary` as JSON, with its organization (the same for every service
        of a provider) written once per provider and set in as written."""
        service = self.snapshot.service(service_id)
        organization_id, organization = self._organization(service.provider_id, service.provider_name)
        if organization is None:
            return None
        summary = oruk.summary_fields(service, self.modified_iso, organization_id)
        summary["organization"] = orjson.Fragment(organization)
        summary[oruk.EXTENSION] = oruk.commissioning(self.snapshot, service, base_url)
        return _dumps(summary)

    def _organization_json(self, provider_id: str, provider_name: str) -> tuple[str, bytes | None]:
        """A provider's :func:`oruk.oruk_id` and its :func:`oruk.organization_record` as JSON."""
        record = oruk.organization_record(self.snapshot, provider_id, provider_name)
        return record["id"], _dumps(record)

    def page_json(self, paging: dict, found: oruk.ServiceSearch, contents: Sequence[ServiceEntry],
                  base_url: str) -> bytes | None:
        """The page :func:`search_page` as JSON, the kept summaries set in as written; None when
        a part cannot be written by orjson."""
        page = search_page(paging, found, contents, lambda services: self._fragments(services, base_url))
        return None if page is None else _dumps(page)

    def _fragments(self, services: Sequence[ServiceEntry], base_url: str) -> list | None:
        """The services' kept summaries as orjson fragments; None when one cannot be written."""
        out = []
        for service in services:
            summary = self.summary_json(service, base_url)
            if summary is None:
                return None
            out.append(orjson.Fragment(summary))
        return out

    def kept(self, key: Hashable) -> bytes | None:
        """The page kept under ``key`` (the request's query string and base address), or None."""
        with self._lock:
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
            return body

    def keep(self, key: Hashable, body: bytes) -> None:
        """Keeps a page (unless it is larger than :data:`MAX_KEPT_PAGE`), forgetting the oldest."""
        if len(body) > MAX_KEPT_PAGE:
            return
        with self._lock:
            self._pages[key] = body
            self._pages.move_to_end(key)
            while len(self._pages) > PAGE_CACHE:
                self._pages.popitem(last=False)


def search_page(paging: dict, found: oruk.ServiceSearch, contents: Sequence[ServiceEntry],
                summarise: Callable[[Sequence[ServiceEntry]], list | None]) -> dict | None:
    """A page of ``/services?search=``: ``{**paging, "contents": [...], "x_query": ...,
    "x_nearest_elsewhere": [...], "x_topics_elsewhere": [...]}`` (no ``x_query`` when the search had
    no text, no ``x_nearest_elsewhere`` or ``x_topics_elsewhere`` when there are none). ``summarise``
    writes a list of services' summaries (as dicts, or as kept JSON fragments); None when it cannot,
    and then the page is None too."""
    summaries = summarise(contents)
    near = summarise([item.service for item in found.nearby])
    gaps = [summarise([item.service for item in gap.nearest]) for gap in found.elsewhere]
    if summaries is None or near is None or None in gaps:
        return None
    page = {**paging, "contents": summaries}
    if found.understood is not None:
        page["x_query"] = found.understood
    if found.nearby:
        page["x_nearest_elsewhere"] = [oruk.nearby_record(i, f) for i, f in zip(found.nearby, near)]
    if found.elsewhere:
        page["x_topics_elsewhere"] = [oruk.topic_elsewhere_record(g, f) for g, f in zip(found.elsewhere, gaps)]
    return page

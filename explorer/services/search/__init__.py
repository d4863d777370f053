"""Services layer: the service search (place + topic + filters), prepared once per version.

:class:`SearchIndex` turns a snapshot into arrays and fuzzy vocabularies once; each search
is then a few vectorised mask operations, so it stays fast at 100,000 services.

The package, by concern:

* :mod:`.model`: what a search takes and gives (filters, what it understood, results) and how
  that is described ("Showing: ...", the API's ``x_query``);
* :mod:`.building`: the BM25 index of every field, name forms, the thesaurus, place points;
* :mod:`.reading`: reading a query (place, typos, concepts, named services);
* :mod:`.scoring`: scores, filters, distances, audience;
* :mod:`.ranking`: the order of the matches and the first page;
* :mod:`.index`: :class:`SearchIndex`, which puts them together, and the entry points.
"""

from __future__ import annotations

from explorer.services.search.index import READ_CACHE_SIZE, SearchIndex, search_index, warmed
from explorer.services.search.model import (
    ACCESS_FILTERS,
    AGE_GROUPS,
    BAND_COVERS,
    BAND_NEARBY,
    BAND_PAN,
    DEFAULT_LIMIT,
    EXAMPLE,
    NEARBY,
    NEARBY_KM,
    Filters,
    Location,
    ResultItem,
    SearchGeography,
    SearchResult,
    TopicElsewhere,
    Understood,
    commissioner_options,
    describe,
    ended_line,
    parse_filters,
    understood_json,
)

__all__ = [
    "ACCESS_FILTERS", "AGE_GROUPS", "BAND_COVERS", "BAND_NEARBY", "BAND_PAN", "DEFAULT_LIMIT", "EXAMPLE", "NEARBY",
    "NEARBY_KM", "READ_CACHE_SIZE", "Filters", "Location", "ResultItem", "SearchGeography", "SearchIndex", "SearchResult",
    "TopicElsewhere", "Understood", "commissioner_options", "describe", "ended_line", "parse_filters", "search_index",
    "understood_json", "warmed",
]

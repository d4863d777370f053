"""Services layer: the service search (place + topic + filters), prepared once per version.

:class:`SearchIndex` turns a snapshot into arrays and fuzzy vocabularies once; each search
is then a few vectorised mask operations, so it stays fast at 100,000 services.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from explorer.domain.geography import haversine_km
from explorer.domain.query import (
    PLACE_CUTOFF,
    TOPIC_CUTOFF,
    PhraseMatch,
    build_vocabulary,
    clean,
    content_words,
    find_postcode,
    match_spans,
    split_query,
)
from explorer.services.snapshot import ServiceEntry, Snapshot, service_points_geojson

NEARBY_KM = 3.0
DEFAULT_LIMIT = 50
EXAMPLE = "domestic abuse Peckham"

#: Age groups people filter by: label, youngest, oldest (inclusive).
AGE_GROUPS: dict[str, tuple[str, int, int]] = {
    "children": ("Children (under 11)", 0, 10),
    "young-people": ("Young people (11 to 17)", 11, 17),
    "young-adults": ("Young adults (18 to 25)", 18, 25),
    "adults": ("Adults (18 and over)", 18, 120),
}
ACCESS_FILTERS = {
    "self-referral": "You can refer yourself",
    "professional-referral": "Referral by a professional",
}
COMMISSIONERS = ("MOPAC", "VRU")


@dataclass(frozen=True)
class Filters:
    """The filters next to the search box (all optional)."""

    boroughs: tuple[str, ...] = ()
    commissioners: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    age: str | None = None
    access: str | None = None

    @property
    def any(self) -> bool:
        """True when at least one filter is set."""
        return bool(self.boroughs or self.commissioners or self.areas or self.age or self.access)


@dataclass(frozen=True)
class Location:
    """Where the search is centred."""

    kind: str  # "postcode", "sector", "district", "place" or "borough"
    label: str
    latitude: float
    longitude: float
    borough_code: str


@dataclass(frozen=True)
class Understood:
    """What the search made of the query, to show back to the person."""

    terms: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    location: Location | None = None
    unmatched_place: str = ""
    unmatched_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResultItem:
    """One service in the results, with why and how far."""

    service: ServiceEntry
    score: float
    distance_km: float | None
    covers_place: bool


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search."""

    query: str
    filters: Filters
    understood: Understood
    items: tuple[ResultItem, ...]
    total: int
    message: str
    summary: str
    matched: tuple[ServiceEntry, ...] = field(default=(), repr=False)

    @property
    def matched_ids(self) -> tuple[str, ...]:
        """The ids of every matching service, best first (the list shows the first ``limit``)."""
        return tuple(s.id for s in self.matched)


class SearchIndex:
    """Everything a search needs, prepared once from a snapshot."""

    def __init__(self, snapshot: Snapshot, geography: Any):
        self.snapshot = snapshot
        self.geography = geography
        services = snapshot.services
        self.services = services
        n = len(services)
        self._ids = np.array([s.id for s in services], dtype=object)
        self._active = np.array([s.status == "active" for s in services], dtype=bool)
        self._pan = np.array([s.pan_london for s in services], dtype=bool)
        self._borough_codes = [b.code for b in snapshot.boroughs]
        self._borough_row = {c: i for i, c in enumerate(self._borough_codes)}
        self._covers = np.zeros((len(self._borough_codes), n), dtype=bool)
        self._term_ids = [t.id for t in snapshot.terms]
        self._term_row = {t: i for i, t in enumerate(self._term_ids)}
        self._has_term = np.zeros((len(self._term_ids), n), dtype=bool)
        self._commissioner = {c: np.zeros(n, dtype=bool) for c in COMMISSIONERS}
        self._access = np.array([s.access for s in services], dtype=object)
        self._min_age = np.array([s.minimum_age if s.minimum_age is not None else 0 for s in services])
        self._max_age = np.array([s.maximum_age if s.maximum_age is not None else 120 for s in services])
        point_lat, point_lon, point_owner = [], [], []
        for i, s in enumerate(services):
            for code in s.borough_codes:
                row = self._borough_row.get(code)
                if row is not None:
                    self._covers[row, i] = True
            for term in s.term_ids:
                row = self._term_row.get(term)
                if row is not None:
                    self._has_term[row, i] = True
            for c in s.commissioners:
                if c in self._commissioner:
                    self._commissioner[c][i] = True
            for p in s.points:
                point_lat.append(p.latitude)
                point_lon.append(p.longitude)
                point_owner.append(i)
        self._point_lat = np.radians(np.array(point_lat, dtype=float))
        self._point_lon = np.radians(np.array(point_lon, dtype=float))
        self._point_owner = np.array(point_owner, dtype=np.int64)

        synonyms = {t.id: (t.name, *t.synonyms, *_name_words(t, snapshot.terms)) for t in snapshot.terms}
        self.term_vocabulary = build_vocabulary(synonyms)
        place_pairs = [(name, f"borough:{b.code}") for b in snapshot.boroughs for name in borough_names(b.name)]
        place_pairs += [(p.name, f"place:{i}") for i, p in enumerate(geography.places)]
        self.place_vocabulary = build_vocabulary(place_pairs)
        self._word_postings, self._words = _word_postings(snapshot, services)

    # -- the search ------------------------------------------------------------------------

    def search(
        self, query: str | None, filters: Filters = Filters(), *, limit: int = DEFAULT_LIMIT, anywhere: bool = False
    ) -> SearchResult:
        """Finds services for a query and filters; never raises for any text.

        ``anywhere`` keeps the place for ranking and distances but does not restrict to it (the map
        shows a topic's services around the searched place, not only those covering it).
        """
        parts = split_query(query)
        if parts.too_long:
            return self._empty(query or "", filters, Understood(),
                               "That search is too long. Try a few words, like "
                               f"\u2018{EXAMPLE}\u2019.")
        words = parts.cleaned.split()
        if not words and (query or "").strip():
            return self._empty(query or "", filters, Understood(),
                               "We could not read any words in that search. Try a topic or a place, like "
                               f"\u2018{EXAMPLE}\u2019.")
        location, place_span, unmatched_place = self._find_location(parts, words)
        topic_words = _without(words, place_span) if not parts.explicit_place else parts.topic.split()
        term_matches, leftover = self._find_terms(topic_words)
        word_hits, matched_words, unmatched_words = self._find_words(leftover)
        understood = Understood(
            terms=tuple(m.target for m in term_matches),
            words=tuple(matched_words),
            location=location,
            unmatched_place=unmatched_place,
            unmatched_words=tuple(unmatched_words),
        )
        if unmatched_place and location is None:
            return self._empty(query or "", filters, understood,
                               f"We could not find a London place called \u2018{unmatched_place}\u2019. "
                               "Try a postcode, a neighbourhood or a borough name.")
        units = len(term_matches) + len(matched_words) + len(unmatched_words)
        mask = self._active.copy()
        score = np.full(len(self.services), 100.0)
        if units:
            hits = np.zeros(len(self.services), dtype=float)
            for m in term_matches:
                hits += self._has_term[self._term_row[m.target]]
            for posting in word_hits:
                hits += posting
            score = 100.0 * hits / units
            mask &= hits > 0
        mask &= self._filter_mask(filters)
        distances = self._distances(location)
        covers = np.zeros(len(self.services), dtype=bool)
        if location is not None:
            row = self._borough_row.get(location.borough_code)
            covers = self._covers[row] if row is not None else covers
            near = np.nan_to_num(distances, nan=math.inf) <= NEARBY_KM
            if not anywhere:
                mask &= covers | near
        chosen = np.flatnonzero(mask)
        order = _rank(chosen, score, self._pan, distances)
        items = tuple(
            ResultItem(
                service=self.services[i],
                score=float(score[i]),
                distance_km=None if np.isnan(distances[i]) else float(distances[i]),
                covers_place=bool(covers[i]),
            )
            for i in order[:limit]
        )
        summary = describe(understood, filters, self.snapshot)
        message = ""
        if not len(chosen):
            message = self._no_results_message(query or "", understood, filters)
        return SearchResult(
            query=query or "",
            filters=filters,
            understood=understood,
            items=items,
            total=int(len(chosen)),
            message=message,
            summary=summary,
            matched=_Matched(self.services, order),
        )

    def points(self, result: SearchResult) -> dict:
        """The map's point layer for every service that matched (not only the listed ones)."""
        return service_points_geojson(result.matched)

    # -- private helpers -------------------------------------------------------------------

    def _find_location(self, parts, words) -> tuple[Location | None, tuple[int, int] | None, str]:
        text = parts.place if parts.explicit_place else parts.cleaned
        found = find_postcode(text)
        if found is not None:
            label, start, end = found
            try:
                match = self.geography.postcodes.lookup(label)
            except ValueError:
                match = None
            if match is not None:
                location = Location(match.kind, match.label, match.latitude, match.longitude, match.borough_code)
                span = _char_span_to_words(text, start, end) if not parts.explicit_place else None
                return location, span, ""
            if parts.explicit_place:
                return None, None, label
        place_words = parts.place.split() if parts.explicit_place else words
        spans = match_spans(place_words, self.place_vocabulary, cutoff=PLACE_CUTOFF, max_span=4, min_chars=3)
        if parts.explicit_place:
            spans = [s for s in spans if s.start == 0 and s.end == len(place_words)] or spans
        if not spans:
            return None, None, parts.place if parts.explicit_place else ""
        best = max(spans, key=lambda m: (m.end - m.start, m.score))
        return self._location_for(best), (best.start, best.end), ""

    def _location_for(self, match: PhraseMatch) -> Location:
        kind, _, ref = match.target.partition(":")
        if kind == "borough":
            borough = self.geography.borough_by_code(ref)
            point = _borough_point(self.geography, ref)
            return Location("borough", borough.name, point[0], point[1], ref)
        place = self.geography.places[int(ref)]
        return Location("place", place.name, place.latitude, place.longitude, place.borough_code)

    def _find_terms(self, words: Sequence[str]) -> tuple[list[PhraseMatch], list[str]]:
        words = list(words)
        spans = match_spans(words, self.term_vocabulary, cutoff=TOPIC_CUTOFF, max_span=4, min_chars=2)
        leftover = content_words(_without(words, *[(m.start, m.end) for m in spans]))
        unique: dict[str, PhraseMatch] = {}
        for m in spans:
            unique.setdefault(m.target, m)
        return list(unique.values()), leftover

    def _find_words(self, words: Sequence[str]) -> tuple[list[np.ndarray], list[str], list[str]]:
        postings, matched, unmatched = [], [], []
        n = len(self.services)
        for word in words:
            if len(word) < 2:
                continue
            found = process.extract(
                word, self._words, scorer=fuzz.ratio, processor=None,
                score_cutoff=100 if len(word) <= 3 else TOPIC_CUTOFF, limit=20,
            )
            if not found:
                unmatched.append(word)
                continue
            hit = np.zeros(n, dtype=float)
            for _choice, _score, index in found:
                hit[self._word_postings[index]] = 1.0
            postings.append(hit)
            matched.append(word)
        return postings, matched, unmatched

    def _filter_mask(self, filters: Filters) -> np.ndarray:
        mask = np.ones(len(self.services), dtype=bool)
        if filters.boroughs:
            rows = [self._borough_row[c] for c in filters.boroughs if c in self._borough_row]
            mask &= self._covers[rows].any(axis=0) if rows else False
        if filters.commissioners:
            any_of = np.zeros(len(self.services), dtype=bool)
            for c in filters.commissioners:
                if c in self._commissioner:
                    any_of |= self._commissioner[c]
            mask &= any_of
        if filters.areas:
            rows = [self._term_row[t] for t in filters.areas if t in self._term_row]
            mask &= self._has_term[rows].any(axis=0) if rows else False
        if filters.age in AGE_GROUPS:
            _label, low, high = AGE_GROUPS[filters.age]
            mask &= (self._min_age <= high) & (self._max_age >= low)
        if filters.access in ACCESS_FILTERS:
            mask &= (self._access == filters.access) | (self._access == "both")
        return mask

    def _distances(self, location: Location | None) -> np.ndarray:
        distances = np.full(len(self.services), np.nan)
        if location is None or not len(self._point_owner):
            return distances
        km = haversine_km(math.radians(location.latitude), math.radians(location.longitude),
                          self._point_lat, self._point_lon, radians=True)
        nearest = np.full(len(self.services), np.inf)
        np.minimum.at(nearest, self._point_owner, km)
        return np.where(np.isinf(nearest), np.nan, nearest)

    def _empty(self, query: str, filters: Filters, understood: Understood, message: str) -> SearchResult:
        return SearchResult(query, filters, understood, (), 0, message, describe(understood, filters, self.snapshot))

    def _no_results_message(self, query: str, understood: Understood, filters: Filters) -> str:
        where = ""
        if understood.location is not None:
            where = f" in {self.snapshot.borough_name(understood.location.borough_code)}"
        elif filters.boroughs:
            where = " in " + ", ".join(self.snapshot.borough_name(c) for c in filters.boroughs)
        shown = query.strip()[:60] or "these filters"
        return f"No services match \u2018{shown}\u2019{where} \u2014 try a wider area or another word."


def describe(understood: Understood, filters: Filters, snapshot: Snapshot) -> str:
    """What the search understood, as shown above the results.

    >>> # "Showing: domestic abuse · within 3 km of Peckham (Southwark)"
    """
    parts = [snapshot.term_name(t) for t in understood.terms]
    parts += [f"\u201c{w}\u201d" for w in understood.words]
    loc = understood.location
    if loc is not None:
        borough = snapshot.borough_name(loc.borough_code)
        if loc.kind == "borough":
            parts.append(borough)
        else:
            parts.append(f"{loc.label} ({borough}): services covering {borough} or within {NEARBY_KM:g} km")
    if filters.boroughs:
        parts.append(", ".join(snapshot.borough_name(c) for c in filters.boroughs))
    if filters.commissioners:
        parts.append(" or ".join(filters.commissioners))
    if filters.areas:
        parts.append(" or ".join(snapshot.term_name(t) for t in filters.areas))
    if filters.age in AGE_GROUPS:
        parts.append(AGE_GROUPS[filters.age][0].lower())
    if filters.access in ACCESS_FILTERS:
        parts.append(ACCESS_FILTERS[filters.access].lower())
    return "Showing: " + (" \u00b7 ".join(parts) if parts else "all services")


class _Matched(Sequence):
    """The matching services, looked up only when read (a search may match 100,000)."""

    def __init__(self, services: Sequence[ServiceEntry], order: np.ndarray):
        self._services = services
        self._order = order

    def __len__(self) -> int:
        return int(len(self._order))

    @property
    def indices(self) -> np.ndarray:
        """The matching services' positions in the snapshot, best first."""
        return self._order

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._services[j] for j in self._order[i]]
        return self._services[int(self._order[i])]


#: Words of service-area names too general to stand for that area on their own.
GENERIC_WORDS = frozenset({"crime", "early", "reducing", "and", "help", "safety", "against"})


def _name_words(term, terms) -> tuple[str, ...]:
    """The words of a service area's name that no other area's name uses ("reoffending")."""
    counts: dict[str, int] = {}
    for other in terms:
        for word in set(clean(other.name).split()):
            counts[word] = counts.get(word, 0) + 1
    return tuple(
        w for w in clean(term.name).split()
        if counts.get(w) == 1 and w not in GENERIC_WORDS and len(w) > 3
    )


def borough_names(name: str) -> tuple[str, ...]:
    """A borough's name and the short names people use: "Kingston", "Hammersmith", "Fulham"."""
    names = [name]
    if " upon " in name:
        names.append(name.split(" upon ")[0])
    if " and " in name:
        names.extend(part.strip() for part in name.split(" and "))
    if name == "City of London":
        names.append("the City")
    return tuple(names)


def _rank(chosen: np.ndarray, score: np.ndarray, pan: np.ndarray, distances: np.ndarray) -> np.ndarray:
    if not len(chosen):
        return chosen
    dist = np.nan_to_num(distances[chosen], nan=1e9)
    # np.lexsort sorts by the last key first: pan-London last, then best score, then nearest.
    order = np.lexsort((dist, -score[chosen], pan[chosen]))
    return chosen[order]


def _word_postings(snapshot: Snapshot, services: Sequence[ServiceEntry]) -> tuple[list[np.ndarray], list[str]]:
    term_words = {
        t.id: set(clean(" ".join((t.name, *t.synonyms))).split()) for t in snapshot.terms
    }
    postings: dict[str, list[int]] = {}
    for i, s in enumerate(services):
        bag = set(clean(f"{s.name} {s.programme} {s.provider_name}").split())
        for t in s.term_ids:
            bag |= term_words.get(t, set())
        for word in bag:
            if len(word) >= 2:
                postings.setdefault(word, []).append(i)
    # Words with digits ("2025", "se15") are matched exactly, never fuzzily.
    words = sorted(w for w in postings if not any(ch.isdigit() for ch in w))
    return [np.array(postings[w], dtype=np.int64) for w in words], words


def _without(words: Sequence[str], *spans: tuple[int, int] | None) -> list[str]:
    drop = set()
    for span in spans:
        if span:
            drop.update(range(span[0], span[1]))
    return [w for i, w in enumerate(words) if i not in drop]


def _char_span_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    first = len(text[:start].split())
    count = len(text[start:end].split())
    return first, first + count


def _borough_point(geography: Any, code: str) -> tuple[float, float]:
    borough = geography.borough_by_code(code)
    for p in geography.places:
        if p.borough_code == code and borough is not None and clean(p.name) == clean(borough.name):
            return p.latitude, p.longitude
    same = [p for p in geography.places if p.borough_code == code]
    if same:
        return (sum(p.latitude for p in same) / len(same), sum(p.longitude for p in same) / len(same))
    return 51.5072, -0.1276


def warmed(index: SearchIndex) -> SearchIndex:
    """The index after one search through every path (topic, fuzzy word, place, postcode), so the
    libraries' one-off set-up is not paid by the first person to search."""
    index.search(f"{EXAMPLE} SE15 4 mentorin")
    return index


def search_index(provider) -> SearchIndex:
    """The search index of the provider's current version, built once per version."""
    return provider.derived("search", lambda snapshot: SearchIndex(snapshot, provider.geography))


def parse_filters(query: Mapping[str, Sequence[str]], snapshot: Snapshot) -> Filters:
    """Reads filters from URL query values, dropping values the register does not know."""
    def values(key: str) -> list[str]:
        out: list[str] = []
        for v in query.get(key, []):
            out.extend(x.strip() for x in re.split(r"[,;]", v) if x.strip())
        return out

    codes = {b.code for b in snapshot.boroughs}
    terms = {t.id for t in snapshot.terms}
    age = next(iter(values("age")), None)
    access = next(iter(values("access")), None)
    return Filters(
        boroughs=tuple(dict.fromkeys(c.upper() for c in values("borough") if c.upper() in codes)),
        commissioners=tuple(dict.fromkeys(c.upper() for c in values("commissioner") if c.upper() in COMMISSIONERS)),
        areas=tuple(dict.fromkeys(t for t in values("area") if t in terms)),
        age=age if age in AGE_GROUPS else None,
        access=access if access in ACCESS_FILTERS else None,
    )


__all__ = ["SearchIndex", "SearchResult", "Filters", "parse_filters", "describe", "search_index"]

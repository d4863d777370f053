"""Services layer: the service search (place + topic + filters), prepared once per version.

:class:`SearchIndex` turns a snapshot into arrays and fuzzy vocabularies once; each search
is then a few vectorised mask operations, so it stays fast at 100,000 services.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import bm25s
import numpy as np
from rapidfuzz import fuzz, process

from explorer.domain.text import Analyzer
from explorer.domain.thesaurus import AUDIENCES, RESTRICTED_AUDIENCES, Thesaurus, parse_thesaurus
from explorer.domain.query import (
    PLACE_CUTOFF,
    STOPWORDS,
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
#: Per-field weights of the ranking (BM25F by repetition): a word in a service's name counts
#: three times one in its description.
FIELD_WEIGHTS = {"name": 3, "provider": 2, "programme": 2, "areas": 2, "keywords": 1, "description": 1}
#: How much being tagged with a matched service area adds to a concept's score (its text gives 0..1).
TOPIC_WEIGHT = 0.5
#: How close (rapidfuzz ratio, 0-100) a query must be to a service's name to name it.
NAMED_CUTOFF = 88
#: Place bands: covering the place, pan-London, nearby in another borough (labelled).
BAND_COVERS, BAND_PAN, BAND_NEARBY = 0, 1, 2
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


def commissioner_options(snapshot: Snapshot) -> tuple[tuple[str, str], ...]:
    """Every commissioner or funder of record that at least one service names: (code, full name).

    In the order of the register's ``commissioners`` table, then any other code a service names.
    The home page's "Paid for by" filter offers these, so a filter never lists a body that pays for
    nothing and a new commissioner in the data needs no change to the code.
    """
    named = {c for s in snapshot.services for c in (*s.commissioners, s.funder_of_record) if c}
    order = [c.code for c in snapshot.commissioners] + sorted(named)
    return tuple((code, snapshot.commissioner_name(code)) for code in dict.fromkeys(order) if code in named)


@dataclass(frozen=True)
class Filters:
    """The filters next to the search box (all optional)."""

    boroughs: tuple[str, ...] = ()
    commissioners: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    age: str | None = None
    access: str | None = None
    include_ended: bool = False  # "ended=1" in the address: services that have ended are listed too

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
    audience: str | None = None
    corrections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ResultItem:
    """One service in the results, with why and how far."""

    service: ServiceEntry
    score: float
    distance_km: float | None
    covers_place: bool
    band: int = BAND_COVERS
    named: bool = False
    place_note: str = ""

    @property
    def ended(self) -> bool:
        """True when the service has ended (shown only on request, marked as ended)."""
        return self.service.status != "active"


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
    ended_count: int = 0
    include_ended: bool = False

    @property
    def matched_ids(self) -> tuple[str, ...]:
        """The ids of every matching service, best first (the list shows the first ``limit``)."""
        return tuple(s.id for s in self.matched)


@dataclass(frozen=True, eq=False)
class SearchGeography:
    """The part of the reference geography a search reads (no boundaries), for the cached index."""

    boroughs: tuple
    places: tuple
    postcodes: Any = None

    def borough_by_code(self, code: str):
        """Finds a borough by its ONS code, or returns None."""
        return next((b for b in self.boroughs if b.code == str(code).upper()), None)


@dataclass(frozen=True)
class CachedTerm:
    """A service area as the cached index keeps it (what search reads of a taxonomy term)."""

    id: str
    name: str
    synonyms: tuple[str, ...] = ()


class SearchIndex:
    """Everything a search needs, prepared once from a snapshot."""

    def __getstate__(self) -> dict:
        """What is kept in the cache: no boundaries, no postcode arrays (they have their own cache)."""
        state = dict(self.__dict__)
        state["geography"] = SearchGeography(tuple(self.geography.boroughs), tuple(self.geography.places))
        state["snapshot"] = dataclasses.replace(
            self.snapshot, boundaries_geojson={}, opportunities=(), measures=(), measure_values=(), spend=(),
            reach=(), lcpf_allocations=(), lcpf_totals=(), crime=(), history=(), organizations=(),
            terms=tuple(CachedTerm(t.id, t.name, tuple(t.synonyms)) for t in self.snapshot.terms),
        )
        return state

    def __init__(self, snapshot: Snapshot, geography: Any):
        self.snapshot = snapshot
        self.geography = geography
        services = snapshot.services
        self.services = services
        n = len(services)
        self._ids = np.array([s.id for s in services], dtype=object)
        self._active = np.array([s.status == "active" for s in services], dtype=bool)
        self._pan = np.array([s.pan_london for s in services], dtype=bool)
        audiences = [getattr(s, "audience", "public") or "public" for s in services]
        self._audience = np.array(audiences, dtype=object)
        self._restricted = np.array([a in RESTRICTED_AUDIENCES for a in audiences], dtype=bool)
        self._borough_codes = [b.code for b in snapshot.boroughs]
        self._borough_row = {c: i for i, c in enumerate(self._borough_codes)}
        self._covers = np.zeros((len(self._borough_codes), n), dtype=bool)
        self._term_ids = [t.id for t in snapshot.terms]
        self._term_row = {t: i for i, t in enumerate(self._term_ids)}
        self._has_term = np.zeros((len(self._term_ids), n), dtype=bool)
        self._commissioner = {c: np.zeros(n, dtype=bool) for c, _name in commissioner_options(snapshot)}
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
            for c in (*s.commissioners, s.funder_of_record):  # the funder of record pays for it too
                if c in self._commissioner:
                    self._commissioner[c][i] = True
            for p in s.points:
                point_lat.append(p.latitude)
                point_lon.append(p.longitude)
                point_owner.append(i)
        self._point_lat = np.radians(np.array(point_lat, dtype=float))
        self._point_lon = np.radians(np.array(point_lon, dtype=float))
        self._point_owner = np.array(point_owner, dtype=np.int64)
        owners = self._point_owner
        self._run_starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if len(owners) else owners

        self.analyzer = Analyzer()
        self.thesaurus = _load_thesaurus(geography, snapshot, self.analyzer)
        synonyms = {t.id: (t.name, *t.synonyms, *_name_words(t, snapshot.terms)) for t in snapshot.terms}
        self.term_vocabulary = build_vocabulary(synonyms)
        place_pairs = [(name, f"borough:{b.code}") for b in snapshot.boroughs for name in borough_names(b.name)]
        place_pairs += [(p.name, f"place:{i}") for i, p in enumerate(geography.places)]
        self.place_vocabulary = build_vocabulary(place_pairs)
        self._bm25, surface = _bm25_index(snapshot, services, self.analyzer)
        surface |= self.thesaurus.words
        surface |= {w for t in snapshot.terms for w in clean(" ".join((t.name, *t.synonyms))).split()}
        # Words with digits ("2025", "se15") are matched exactly, never fuzzily.
        self._words = sorted(w for w in surface if len(w) >= 2 and not any(ch.isdigit() for ch in w))
        self._word_set = frozenset(self._words)
        self._name_forms, self._name_owner = _name_forms(services)
        by_length = sorted(range(len(self._name_forms)), key=lambda i: len(self._name_forms[i]))
        self._forms_by_length = [self._name_forms[i] for i in by_length]
        self._form_lengths = np.array([len(f) for f in self._forms_by_length], dtype=np.int64)
        self._length_owner = self._name_owner[by_length] if by_length else self._name_owner
        by_form = sorted(range(len(self._name_forms)), key=self._name_forms.__getitem__)
        self._sorted_forms = [self._name_forms[i] for i in by_form]
        self._sorted_owner = self._name_owner[by_form] if by_form else self._name_owner

    # -- the search ------------------------------------------------------------------------

    def search(
        self, query: str | None, filters: Filters = Filters(), *, limit: int = DEFAULT_LIMIT,
        include_ended: bool = False, anywhere: bool = False,
    ) -> SearchResult:
        """Finds services for a query and filters; never raises for any text.

        Ended services are left out unless ``include_ended`` (or the query names one); the
        result counts how many ended services also match, so the page can offer them.
        ``anywhere`` keeps the place for ranking and distances but does not restrict to it (the map
        shows a topic's services around the searched place, not only those covering it).
        """
        include_ended = include_ended or filters.include_ended
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
        corrected, corrections = self._correct(topic_words)
        units, understood_terms, shown_words, audience, leftover = self._find_units(corrected)
        word_units, matched_words, unmatched_words = self._word_units(leftover)
        units += word_units
        understood = Understood(
            terms=tuple(understood_terms),
            words=tuple(shown_words + matched_words),
            location=location,
            unmatched_place=unmatched_place,
            unmatched_words=tuple(unmatched_words),
            audience=audience,
            corrections=tuple(corrections),
        )
        if unmatched_place and location is None:
            return self._empty(query or "", filters, understood,
                               f"We could not find a London place called \u2018{unmatched_place}\u2019. "
                               "Try a postcode, a neighbourhood or a borough name.")
        n = len(self.services)
        total = np.zeros(n, dtype=float)
        coverage = np.zeros(n, dtype=np.int64)
        for unit in units:
            total += unit
            coverage += unit > 0
        n_units = len(units) + len(unmatched_words)
        named = np.zeros(n, dtype=bool)
        if topic_words:
            for text in dict.fromkeys((parts.cleaned, " ".join(corrected))):
                named |= self._named(text, n)
        mask = (coverage > 0) | named if n_units else np.ones(n, dtype=bool)
        mask &= self._filter_mask(filters)
        distances = self._distances(location)
        band = np.zeros(n, dtype=np.int64)
        covers = np.zeros(n, dtype=bool)
        if location is not None:
            row = self._borough_row.get(location.borough_code)
            covers = self._covers[row] if row is not None else covers
            near = np.nan_to_num(distances, nan=math.inf) <= NEARBY_KM
            if not anywhere:
                mask &= covers | near
            band = np.where(covers, np.where(self._pan, BAND_PAN, BAND_COVERS), BAND_NEARBY)
        ended_count = int(np.count_nonzero(mask & ~self._active & ~named))
        if not include_ended:
            mask &= self._active | named
        chosen = np.flatnonzero(mask)
        fit = np.floor(4 * total / max(n_units, 1))
        audience_key, audience_match = self._audience_keys(audience, n)
        order = _rank(chosen, named=named, audience=audience_key, ended=~self._active, coverage=coverage,
                      fit=fit, audience_match=audience_match, band=band, distances=distances, total=total)
        items = tuple(
            ResultItem(
                service=self.services[i],
                score=float(total[i]),
                distance_km=None if np.isnan(distances[i]) else float(distances[i]),
                covers_place=bool(covers[i]),
                band=int(band[i]),
                named=bool(named[i]),
                place_note=self._place_note(i, int(band[i]), distances[i]),
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
            ended_count=0 if include_ended else ended_count,
            include_ended=include_ended,
        )

    def points(self, result: SearchResult) -> dict:
        """The map's point layer for every service that matched (not only the listed ones)."""
        return service_points_geojson(result.matched)

    # -- private helpers -------------------------------------------------------------------

    def _correct(self, words: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
        """Each word, or the register's nearest word when it has none like it ("counseling")."""
        out, corrections = [], []
        for word in words:
            if (word in STOPWORDS or len(word) < 4 or word in self._word_set
                    or any(ch.isdigit() for ch in word)
                    or self.analyzer.stem(word) in self._bm25.vocab_dict):
                out.append(word)
                continue
            best = process.extractOne(word, self._words, scorer=fuzz.ratio, processor=None,
                                      score_cutoff=max(TOPIC_CUTOFF, 88.0) if len(word) <= 5 else TOPIC_CUTOFF)
            if best is None:
                out.append(word)
                continue
            out.append(best[0])
            corrections.append((word, best[0]))
        return out, corrections

    def _find_units(self, words: list[str]):
        """Thesaurus rows, then service areas: each becomes one concept (an array of scores)."""
        units: list[np.ndarray] = []
        terms: list[str] = []
        shown: list[str] = []
        audience: str | None = None
        taken: set[int] = set()
        for m in self.thesaurus.match(words, self.analyzer.stem):
            taken.update(m.positions)
            if m.entry.audience is not None and audience is None:
                audience = m.entry.audience
            if not m.entry.topics and not m.entry.words:
                continue
            phrase_words = [words[i] for i in m.positions if words[i] not in STOPWORDS]
            units.append(self._unit(m.entry.topics, [*m.entry.words, *phrase_words], phrase_words))
            terms.extend(t for t in m.entry.topics if t in self._term_row and t not in terms)
            if not m.entry.topics:
                shown.append(" ".join(words[i] for i in m.positions))
        rest = [w for i, w in enumerate(words) if i not in taken]
        spans = match_spans(rest, self.term_vocabulary, cutoff=TOPIC_CUTOFF, max_span=4, min_chars=2)
        for m in spans:
            units.append(self._unit((m.target,), clean(m.phrase).split(), rest[m.start:m.end]))
            if m.target not in terms:
                terms.append(m.target)
        leftover = content_words(_without(rest, *[(m.start, m.end) for m in spans]))
        return units, terms, shown, audience, leftover

    def _unit(self, topics: Sequence[str], words: Sequence[str], required: Sequence[str] = ()) -> np.ndarray:
        """One concept's score per service: BM25 of its words (scaled to 0..1) plus its service areas.

        A service not tagged with the concept's service areas counts only when its text holds
        every one of ``required`` (the words the person typed): "domestic abuse" does not find
        a service that mentions only "sexual abuse".
        """
        score = self._text_score(self.analyzer.stems(w for w in words if w not in STOPWORDS))
        rows = [self._term_row[t] for t in topics if t in self._term_row]
        if rows:
            tagged = self._has_term[rows].any(axis=0)
            present = np.ones(len(self.services), dtype=bool)
            # Words the register never uses ("club", "idva") cannot be asked of a service's text;
            # when it uses none of them, an untagged service's text counts half.
            known = {self.analyzer.stem(w) for w in required if w not in STOPWORDS} & self._bm25.vocab_dict.keys()
            for stem in known:
                present &= self._text_score([stem]) > 0
            untagged = 1.0 if known or not required else 0.5
            score = np.where(tagged, score, np.where(present, untagged * score, 0.0)) + TOPIC_WEIGHT * tagged
        return score

    def _text_score(self, stems: Sequence[str]) -> np.ndarray:
        ids = sorted({self._bm25.vocab_dict[t] for t in stems if t in self._bm25.vocab_dict})
        if not ids:
            return np.zeros(len(self.services), dtype=float)
        raw = self._bm25.get_scores(ids).astype(float)
        top = raw.max() if len(raw) else 0.0
        return raw / top if top > 0 else raw

    def _word_units(self, words: Sequence[str]) -> tuple[list[np.ndarray], list[str], list[str]]:
        units, matched, unmatched = [], [], []
        for word in words:
            if len(word) < 2:
                continue
            score = self._text_score([self.analyzer.stem(word)])
            if not score.any():
                unmatched.append(word)
                continue
            units.append(score)
            matched.append(word)
        return units, matched, unmatched

    def _named(self, text: str, n: int) -> np.ndarray:
        """Services whose name (or short name) the query gives, near enough to the letter."""
        named = np.zeros(n, dtype=bool)
        text = text[4:] if text.startswith("the ") else text
        if len(text) < 4:
            return named
        # fuzz.ratio >= NAMED_CUTOFF needs the shorter text at least c/(2-c) of the longer one's
        # length, so only names of about the query's length are compared (fast at 100,000).
        share = NAMED_CUTOFF / (200 - NAMED_CUTOFF)
        low = int(np.searchsorted(self._form_lengths, math.floor(len(text) * share), side="left"))
        high = int(np.searchsorted(self._form_lengths, math.ceil(len(text) / share), side="right"))
        found = process.extract(text, self._forms_by_length[low:high], scorer=fuzz.ratio, processor=None,
                                score_cutoff=NAMED_CUTOFF, limit=50)
        best = max((score for _choice, score, _index in found), default=None)
        for _choice, score, index in found:
            if score >= best:  # only the closest name(s): "rape crisis south london" is not North London's
                named[self._length_owner[low + index]] = True
        if best is None and len(text.split()) >= 3:
            # Most of the start of a long name ("rescue and response" for "Rescue and Response
            # county lines service"), never a topic that starts many names ("domestic abuse").
            prefix = text + " "
            at = bisect.bisect_left(self._sorted_forms, prefix)
            while at < len(self._sorted_forms) and self._sorted_forms[at].startswith(prefix):
                if len(text) >= 0.45 * len(self._sorted_forms[at]):
                    named[self._sorted_owner[at]] = True
                at += 1
        return named

    def _audience_keys(self, audience: str | None, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Who comes first: services the public can use, unless the query names a restricted audience."""
        if audience in RESTRICTED_AUDIENCES:
            first = np.where(self._audience == audience, 0, np.where(self._restricted, 2, 1))
        else:
            first = self._restricted.astype(np.int64)
        match = (self._audience != audience).astype(np.int64) if audience else np.zeros(n, dtype=np.int64)
        return first, match

    def _place_note(self, i: int, band: int, distance: float) -> str:
        """The label of a service that only sits nearby in another borough."""
        if band != BAND_NEARBY:
            return ""
        names = [self.snapshot.borough_name(c) for c in self.services[i].borough_codes[:2]]
        where = " and ".join(names) or "another borough"
        km = "" if np.isnan(distance) else f", {distance:.1f} km"
        return f"in {where}{km}; may serve {where} residents only"

    def _find_location(self, parts, words) -> tuple[Location | None, tuple[int, int] | None, str]:
        text = parts.place if parts.explicit_place else parts.cleaned
        found = find_postcode(text, self._known_postcode)
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

    def _known_postcode(self, label: str) -> bool:
        try:
            self.geography.postcodes.lookup(label)
        except ValueError:
            return False
        return True

    def _location_for(self, match: PhraseMatch) -> Location:
        kind, _, ref = match.target.partition(":")
        if kind == "borough":
            borough = self.geography.borough_by_code(ref)
            point = _borough_point(self.geography, ref)
            return Location("borough", borough.name, point[0], point[1], ref)
        place = self.geography.places[int(ref)]
        return Location("place", place.name, place.latitude, place.longitude, place.borough_code)

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
        lat, lon = math.radians(location.latitude), math.radians(location.longitude)
        # Equirectangular distance: within London it differs from the great circle by under 0.1 %,
        # and costs three array operations instead of six trigonometric ones.
        dlat = self._point_lat - lat
        dlon = (self._point_lon - lon) * math.cos(lat)
        km = 6371.0088 * np.sqrt(dlat * dlat + dlon * dlon)
        # Points are stored in service order, so each service's points are one run: reduceat
        # takes each run's minimum (much faster than np.minimum.at at 100,000 points).
        nearest = np.full(len(self.services), np.nan)
        nearest[self._point_owner[self._run_starts]] = np.minimum.reduceat(km, self._run_starts)
        return nearest

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
    typed = {right: wrong for wrong, right in understood.corrections}
    parts += [f"\u201c{w}\u201d" + (f" (for \u201c{typed[w]}\u201d)" if w in typed else "") for w in understood.words]
    if understood.audience:
        parts.append(f"for {AUDIENCES[understood.audience].lower()}" if understood.audience != "professionals"
                     else "for professionals")
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


def understood_json(result: SearchResult, snapshot: Snapshot) -> dict:
    """What a search understood, as JSON (the API's ``x_query`` and the CLI's ``--json``).

    A directory that calls the API can show the same "Showing: ..." line as the page.
    """
    u = result.understood
    loc = u.location
    return {
        "text": result.query,
        "showing": result.summary,
        "place": None if loc is None else {
            "label": loc.label, "kind": loc.kind,
            "latitude": round(loc.latitude, 5), "longitude": round(loc.longitude, 5),
        },
        "borough": None if loc is None else {"code": loc.borough_code, "name": snapshot.borough_name(loc.borough_code)},
        "topics": [{"id": t, "name": snapshot.term_name(t)} for t in u.terms],
        "words": list(u.words),
        "words_not_used": list(u.unmatched_words) + ([u.unmatched_place] if u.unmatched_place else []),
        "corrections": [{"typed": a, "read_as": b} for a, b in u.corrections],
        "audience": u.audience,
        "include_ended": result.include_ended,
        "ended_also_match": result.ended_count,
    }


def ended_line(result: SearchResult) -> str:
    """ "2 ended services also match" when ended services were left out, else ""."""
    n = result.ended_count
    if not n or result.include_ended:
        return ""
    return f"{n} ended service{'s' if n != 1 else ''} also match{'es' if n == 1 else ''}"


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


def _rank(chosen: np.ndarray, *, named, audience, ended, coverage, fit, audience_match, band, distances,
          total) -> np.ndarray:
    """Orders the chosen services: named first, then who can use them, active before ended, how many
    of the query's concepts they match, how well (fit), the audience named, place band, distance,
    and the full score last.

    The keys are packed into one integer per service (fast at 100,000 matches); distance in metres.
    """
    if not len(chosen):
        return chosen
    c = chosen
    metres = np.nan_to_num(distances[c] * 1000.0, nan=2**21 - 1).clip(0, 2**21 - 1).astype(np.int64)
    key = (
        ((~named[c]).astype(np.int64) << 36)
        | (np.asarray(audience)[c].astype(np.int64) << 34)
        | (ended[c].astype(np.int64) << 33)
        | ((31 - np.minimum(coverage[c], 31)).astype(np.int64) << 28)
        | ((15 - np.clip(fit[c], 0, 15)).astype(np.int64) << 24)
        | (np.asarray(audience_match)[c].astype(np.int64) << 23)
        | (band[c].astype(np.int64) << 21)
        | metres
    )
    return c[np.lexsort((-total[c], key))]


_NO_WORDS = "\u2205"


def _bm25_index(snapshot: Snapshot, services: Sequence[ServiceEntry], analyzer: Analyzer):
    """A BM25 index (``bm25s``, Lucene variant) of every field, weighted by repetition (BM25F-style).

    Returns the index and every cleaned word of the register (the vocabulary for typo correction).
    """
    term_text = {t.id: (t.name, " ".join(t.synonyms)) for t in snapshot.terms}
    corpus: list[list[str]] = []
    surface: set[str] = set()
    for s in services:
        names = [term_text.get(t, ("", "")) for t in s.term_ids]
        fields = {
            "name": s.name,
            "provider": s.provider_name,
            "programme": s.programme,
            "areas": " ".join(n for n, _ in names),
            "keywords": " ".join(k for _, k in names),
            "description": " ".join(x for x in (s.description, s.eligibility) if x),
        }
        tokens: list[str] = []
        for key, text in fields.items():
            words = analyzer.words(text)
            surface.update(words)
            tokens.extend(analyzer.stems(words) * FIELD_WEIGHTS[key])
        corpus.append(tokens)
    # bm25s needs at least one token: a service with no words (or an empty register) gets a
    # placeholder no query can produce (queries are cleaned to letters and digits).
    corpus = [doc or [_NO_WORDS] for doc in corpus] or [[_NO_WORDS]]
    index = bm25s.BM25(method="lucene")
    index.index(corpus, show_progress=False)
    return index, surface


def _name_forms(services: Sequence[ServiceEntry]) -> tuple[list[str], np.ndarray]:
    """Each service's name, its name without brackets and what the brackets hold ("VESS")."""
    forms: list[str] = []
    owner: list[int] = []
    for i, s in enumerate(services):
        outside = re.sub(r"\([^)]*\)", " ", s.name)
        inside = re.findall(r"\(([^)]*)\)", s.name)
        seen = set()
        for text in (s.name, outside, *inside):
            form = clean(text)
            if form.startswith("the "):
                form = form[4:]
            # "Survivors Gateway" names "London Survivors Gateway"
            for variant in (form, form[7:] if form.startswith("london ") else ""):
                if len(variant) >= 4 and variant not in seen:
                    seen.add(variant)
                    forms.append(variant)
                    owner.append(i)
    return forms, np.array(owner, dtype=np.int64)


def _load_thesaurus(geography: Any, snapshot: Snapshot, analyzer: Analyzer) -> Thesaurus:
    """The thesaurus shipped with the reference data, keeping only rows whose areas this register has."""
    text = getattr(geography, "thesaurus_text", "") or ""
    if not text:
        return Thesaurus((), (), ())
    known = {t.id for t in snapshot.terms}
    thesaurus = parse_thesaurus(text, topics=_all_topics(text), stem=analyzer.stem)
    if all(t in known for e in thesaurus.entries for t in e.topics):
        return thesaurus
    return parse_thesaurus(_drop_unknown_topics(text, known), topics=known, stem=analyzer.stem)


def _all_topics(text: str) -> set[str]:
    import csv
    import io

    return {t for row in csv.DictReader(io.StringIO(text)) for t in (row.get("topics") or "").split(";") if t}


def _drop_unknown_topics(text: str, known: set[str]) -> str:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()) if rows else ["phrase"], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        row["topics"] = ";".join(t for t in (row.get("topics") or "").split(";") if t in known)
        if row["topics"] or row.get("words") or row.get("audience"):
            writer.writerow(row)
    return out.getvalue()


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
    commissioners = {code.casefold(): code for code, _name in commissioner_options(snapshot)}
    return Filters(
        boroughs=tuple(dict.fromkeys(c.upper() for c in values("borough") if c.upper() in codes)),
        commissioners=tuple(dict.fromkeys(commissioners[c.casefold()] for c in values("commissioner")
                                          if c.casefold() in commissioners)),
        areas=tuple(dict.fromkeys(t for t in values("area") if t in terms)),
        age=age if age in AGE_GROUPS else None,
        access=access if access in ACCESS_FILTERS else None,
        include_ended=next(iter(values("ended")), "").lower() in {"1", "true", "include", "show"},
    )


__all__ = ["SearchIndex", "SearchResult", "Filters", "commissioner_options", "parse_filters", "describe", "search_index"]

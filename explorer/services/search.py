"""Services layer: the service search (place + topic + filters), prepared once per version.

:class:`SearchIndex` turns a snapshot into arrays and fuzzy vocabularies once; each search
is then a few vectorised mask operations, so it stays fast at 100,000 services.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

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
from explorer.services.points import service_points_geojson
from explorer.services.snapshot import ServiceEntry, Snapshot

NEARBY_KM = 3.0
#: How many distinct query texts each index remembers the reading of (place, typos, named services).
READ_CACHE_SIZE = 2048
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
class _Reading:
    """What one query text says, before any service is scored (see :meth:`SearchIndex._read_text`)."""

    understood: Understood
    message: str = ""  # when set, the search stops here with this message
    concepts: tuple = ()  # (service areas, words, required words) per concept
    word_stems: tuple[str, ...] = ()  # the stems of words that are concepts on their own
    named: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # services it names


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
class Postings:
    """What a search reads of the ``bm25s`` index: its vocabulary (stem -> row) and its sparse
    score matrix (``data``/``indices``/``indptr``: for row r, the services
    ``indices[indptr[r]:indptr[r + 1]]`` and their BM25 scores)."""

    vocab_dict: dict
    scores: dict


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
        state.pop("_read", None)  # the cache of readings is rebuilt empty
        state["geography"] = SearchGeography(tuple(self.geography.boroughs), tuple(self.geography.places))
        state["snapshot"] = dataclasses.replace(
            self.snapshot, boundaries_geojson={}, opportunities=(), measures=(), measure_values=(), spend=(),
            reach=(), lcpf_allocations=(), lcpf_totals=(), crime=(), history=(), organizations=(),
            evaluations=(), outcomes=(), contracts=(), commissioners=(), opportunity_changes={},
            terms=tuple(CachedTerm(t.id, t.name, tuple(t.synonyms)) for t in self.snapshot.terms),
        )
        return state

    def __init__(self, snapshot: Snapshot, geography: Any):
        self.snapshot = snapshot
        self.geography = geography
        self._read = functools.lru_cache(maxsize=READ_CACHE_SIZE)(self._read_text)
        services = snapshot.services
        self.services = services
        n = len(services)
        self._ids = np.array([s.id for s in services], dtype=object)
        self._active = np.array([s.status == "active" for s in services], dtype=bool)
        self._pan = np.array([s.pan_london for s in services], dtype=bool)
        audiences = [getattr(s, "audience", "public") or "public" for s in services]
        self._audience_names = tuple(dict.fromkeys([*AUDIENCES, *audiences]))
        code = {a: i for i, a in enumerate(self._audience_names)}
        self._audience = np.array([code[a] for a in audiences], dtype=np.int8)
        self._restricted = np.array([a in RESTRICTED_AUDIENCES for a in audiences], dtype=bool)
        self._borough_codes = [b.code for b in snapshot.boroughs]
        self._borough_row = {c: i for i, c in enumerate(self._borough_codes)}
        self._covers = np.zeros((len(self._borough_codes), n), dtype=bool)
        self._term_ids = [t.id for t in snapshot.terms]
        self._term_row = {t: i for i, t in enumerate(self._term_ids)}
        self._has_term = np.zeros((len(self._term_ids), n), dtype=bool)
        self._commissioner = {c: np.zeros(n, dtype=bool) for c, _name in commissioner_options(snapshot)}
        access_code = {a: i for i, a in enumerate(dict.fromkeys(s.access for s in services))}
        self._access_code = access_code
        self._access = np.array([access_code[s.access] for s in services], dtype=np.int16)
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
        # Points are stored in service order: service i's are _point_ptr[i]:_point_ptr[i + 1].
        self._point_count = np.bincount(self._point_owner, minlength=n).astype(np.int64)[:n]
        self._point_ptr = np.concatenate(([0], np.cumsum(self._point_count))).astype(np.int64)
        self._pan_band = np.where(self._pan, BAND_PAN, BAND_COVERS).astype(np.int8)
        # Most services have one public point: theirs is read directly (NaN for none); the few
        # with several take the slower path over their runs.
        single = self._point_count == 1
        self._one_lat = np.full(n, np.nan)
        self._one_lon = np.full(n, np.nan)
        self._one_lat[single] = self._point_lat[self._point_ptr[:-1][single]]
        self._one_lon[single] = self._point_lon[self._point_ptr[:-1][single]]
        self._several = self._point_count > 1

        self.analyzer = Analyzer()
        self.thesaurus = _load_thesaurus(geography, snapshot, self.analyzer)
        synonyms = {t.id: (t.name, *t.synonyms, *_name_words(t, snapshot.terms)) for t in snapshot.terms}
        self.term_vocabulary = build_vocabulary(synonyms)
        place_pairs = [(name, f"borough:{b.code}") for b in snapshot.boroughs for name in borough_names(b.name)]
        place_pairs += [(p.name, f"place:{i}") for i, p in enumerate(geography.places)]
        self.place_vocabulary = build_vocabulary(place_pairs)
        self._borough_points = {b.code: _borough_point(geography, b.code) for b in snapshot.boroughs}
        bm25, surface = _bm25_index(snapshot, services, self.analyzer)
        # Only the library's vocabulary and score matrix are read per search, so only they are kept
        # (a cached index is read without importing bm25s).
        self._bm25 = Postings(bm25.vocab_dict, {k: bm25.scores[k] for k in ("data", "indices", "indptr")})
        surface |= self.thesaurus.words
        surface |= {w for t in snapshot.terms for w in clean(" ".join((t.name, *t.synonyms))).split()}
        # Words with digits ("2025", "se15") are matched exactly, never fuzzily.
        self._words = sorted(w for w in surface if len(w) >= 2 and not any(ch.isdigit() for ch in w))
        self._word_set = frozenset(self._words)
        # Each distinct name form once (a name repeated in many boroughs is compared once), with
        # the services that carry it (``_form_ptr``/``_form_owners``, one run per form).
        forms, self._form_ptr, self._form_owners = _name_forms(services)
        by_length = sorted(range(len(forms)), key=lambda i: len(forms[i]))
        self._forms_by_length = [forms[i] for i in by_length]
        self._length_form = np.array(by_length, dtype=np.int64)
        self._form_lengths = np.array([len(f) for f in self._forms_by_length], dtype=np.int64)
        by_form = sorted(range(len(forms)), key=forms.__getitem__)
        self._sorted_forms = [forms[i] for i in by_form]
        self._sorted_form = np.array(by_form, dtype=np.int64)
        self._sorted_lengths = np.array([len(f) for f in self._sorted_forms], dtype=np.int64)

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
        reading = self._read(query or "")
        if reading.message:
            return self._empty(query or "", filters, reading.understood, reading.message)
        understood = reading.understood
        units = [self._unit(*concept) for concept in reading.concepts]
        units += [self._text_score([stem]) for stem in reading.word_stems]
        unmatched_words = understood.unmatched_words
        location, audience = understood.location, understood.audience
        n = len(self.services)
        total = np.zeros(n, dtype=float)
        coverage = np.zeros(n, dtype=np.int8)
        for unit in units:
            total += unit
            coverage += unit > 0
        n_units = len(units) + len(unmatched_words)
        named = np.zeros(n, dtype=bool)
        named[reading.named] = True
        mask = (coverage > 0) | named if n_units else np.ones(n, dtype=bool)
        mask &= self._filter_mask(filters)
        # Distances only for services that match so far: the place narrows them, it never adds any.
        distances = self._distances(location, np.flatnonzero(mask))
        band = np.zeros(n, dtype=np.int8)
        covers = np.zeros(n, dtype=bool)
        if location is not None:
            row = self._borough_row.get(location.borough_code)
            covers = self._covers[row] if row is not None else covers
            if not anywhere:
                with np.errstate(invalid="ignore"):
                    mask &= covers | (distances <= NEARBY_KM)  # no point (NaN) is never near
            band = np.where(covers, self._pan_band, np.int8(BAND_NEARBY))
        ended_count = int(np.count_nonzero(mask & ~self._active & ~named))
        if not include_ended:
            mask &= self._active | named
        chosen = np.flatnonzero(mask)
        audience_key, audience_match = self._audience_keys(audience, n)
        ranking = _Ranking(chosen, named=named, audience=audience_key, ended=~self._active, coverage=coverage,
                           total=total, n_units=n_units, audience_match=audience_match, band=band,
                           distances=distances)
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
            for i in ranking.first(limit)
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
            matched=_Matched(self.services, ranking),
            ended_count=0 if include_ended else ended_count,
            include_ended=include_ended,
        )

    def _read_text(self, query: str) -> "_Reading":
        """What a query says: its place, its concepts, typo corrections, the services it names.

        Depends only on the text and this index, so :meth:`_read` keeps the latest
        ``READ_CACHE_SIZE`` answers: a repeated search (the next page, a filter change, a popular
        query) skips the place, typo and name matching.
        """
        parts = split_query(query)
        if parts.too_long:
            return _Reading(Understood(), "That search is too long. Try a few words, like "
                                          f"\u2018{EXAMPLE}\u2019.")
        words = parts.cleaned.split()
        if not words and query.strip():
            return _Reading(Understood(), "We could not read any words in that search. Try a topic or a place, like "
                                          f"\u2018{EXAMPLE}\u2019.")
        location, place_span, unmatched_place = self._find_location(parts, words)
        topic_words = _without(words, place_span) if not parts.explicit_place else parts.topic.split()
        corrected, corrections = self._correct(topic_words)
        concepts, understood_terms, shown_words, audience, leftover = self._find_concepts(corrected)
        word_stems, matched_words, unmatched_words = self._word_units(leftover)
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
            return _Reading(understood, f"We could not find a London place called \u2018{unmatched_place}\u2019. "
                                        "Try a postcode, a neighbourhood or a borough name.")
        named = np.zeros(0, dtype=np.int64)
        if topic_words:  # the services either text names (one may be named by both: harmless)
            # (not np.union1d: its first call imports numpy.ma, a tenth of a second of the CLI's time)
            named = np.concatenate([named, *(self._named(t) for t in dict.fromkeys((parts.cleaned, " ".join(corrected))))])
        named.setflags(write=False)
        return _Reading(understood, "", tuple(concepts), tuple(word_stems), named)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._read = functools.lru_cache(maxsize=READ_CACHE_SIZE)(self._read_text)

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

    def _find_concepts(self, words: list[str]):
        """Thesaurus rows, then service areas: each becomes one concept ``(topics, words, required)``,
        scored per service by :meth:`_unit`."""
        units: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
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
            units.append((tuple(m.entry.topics), (*m.entry.words, *phrase_words), tuple(phrase_words)))
            terms.extend(t for t in m.entry.topics if t in self._term_row and t not in terms)
            if not m.entry.topics:
                shown.append(" ".join(words[i] for i in m.positions))
        rest = [w for i, w in enumerate(words) if i not in taken]
        spans = match_spans(rest, self.term_vocabulary, cutoff=TOPIC_CUTOFF, max_span=4, min_chars=2)
        for m in spans:
            units.append(((m.target,), tuple(clean(m.phrase).split()), tuple(rest[m.start:m.end])))
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
                present &= self._has_stem(stem)
            # In place, the same values as where(tagged, score, where(present, untagged * score, 0))
            # + TOPIC_WEIGHT * tagged, in fewer passes over the register.
            if known:
                score *= tagged | present
            elif required:  # untagged services' text counts half
                np.multiply(score, 0.5, out=score, where=~tagged)
            np.add(score, TOPIC_WEIGHT, out=score, where=tagged)
        return score

    def _text_score(self, stems: Sequence[str]) -> np.ndarray:
        """BM25 of the stems per service, scaled so the best service scores 1.

        Read straight from the index's sparse score matrix (``bm25s``'s ``scores``: one run of
        services and scores per word), summed with ``bincount``: the same sums as
        ``BM25.get_scores`` without its per-element ``np.add.at``.
        """
        vocab = self._bm25.vocab_dict
        ids = np.array(sorted({vocab[t] for t in stems if t in vocab}), dtype=np.int64)
        if not len(ids):
            return np.zeros(len(self.services), dtype=float)
        matrix = self._bm25.scores
        at = _run_positions(matrix["indptr"], ids)
        raw = np.bincount(matrix["indices"][at], weights=matrix["data"][at], minlength=len(self.services))
        raw = raw[: len(self.services)]
        top = raw.max() if len(raw) else 0.0
        if top > 0:
            raw /= top
        return raw

    def _has_stem(self, stem: str) -> np.ndarray:
        """True for each service whose text holds the stem."""
        found = np.zeros(len(self.services), dtype=bool)
        at = self._bm25.vocab_dict.get(stem)
        if at is not None:
            matrix = self._bm25.scores
            found[matrix["indices"][matrix["indptr"][at]:matrix["indptr"][at + 1]]] = True
        return found

    def _word_units(self, words: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        """The stems of the words the register uses (each one concept), those words, and the others."""
        stems, matched, unmatched = [], [], []
        for word in words:
            if len(word) < 2:
                continue
            stem = self.analyzer.stem(word)
            if stem not in self._bm25.vocab_dict:  # no service's text holds it (BM25 would be 0 everywhere)
                unmatched.append(word)
                continue
            stems.append(stem)
            matched.append(word)
        return stems, matched, unmatched

    def _named(self, text: str) -> np.ndarray:
        """The positions of the services whose name (or short name) the query gives, near enough
        to the letter."""
        text = text[4:] if text.startswith("the ") else text
        if len(text) < 4:
            return np.zeros(0, dtype=np.int64)
        # fuzz.ratio >= NAMED_CUTOFF needs the shorter text at least c/(2-c) of the longer one's
        # length, so only names of about the query's length are compared (fast at 100,000).
        share = NAMED_CUTOFF / (200 - NAMED_CUTOFF)
        low = int(np.searchsorted(self._form_lengths, math.floor(len(text) * share), side="left"))
        high = int(np.searchsorted(self._form_lengths, math.ceil(len(text) / share), side="right"))
        found = process.extract(text, self._forms_by_length[low:high], scorer=fuzz.ratio, processor=None,
                                score_cutoff=NAMED_CUTOFF, limit=50)
        best = max((score for _choice, score, _index in found), default=None)
        # only the closest name(s): "rape crisis south london" is not North London's
        forms = [self._length_form[low + index] for _choice, score, index in found if score >= best]
        if best is None and len(text.split()) >= 3:
            # Most of the start of a long name ("rescue and response" for "Rescue and Response
            # county lines service"), never a topic that starts many names ("domestic abuse").
            prefix = text + " "
            at = bisect.bisect_left(self._sorted_forms, prefix)
            end = bisect.bisect_left(self._sorted_forms, prefix + "\U0010ffff", lo=at)
            long_enough = np.flatnonzero(len(text) >= 0.45 * self._sorted_lengths[at:end])
            forms = self._sorted_form[at + long_enough]
        return _runs(self._form_ptr, self._form_owners, np.asarray(forms, dtype=np.int64))

    def _audience_keys(self, audience: str | None, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Who comes first: services the public can use, unless the query names a restricted audience."""
        code = self._audience_names.index(audience) if audience in self._audience_names else -1
        if audience in RESTRICTED_AUDIENCES:
            first = np.where(self._audience == code, 0, np.where(self._restricted, 2, 1))
        else:
            first = self._restricted
        match = self._audience != code if audience else np.zeros(n, dtype=bool)
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
            point = self._borough_points.get(ref) or _borough_point(self.geography, ref)
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
            codes = [self._access_code[a] for a in (filters.access, "both") if a in self._access_code]
            mask &= np.isin(self._access, codes)
        return mask

    def _distances(self, location: Location | None, among: np.ndarray) -> np.ndarray:
        """Each service's distance (km) to its nearest public point from the location, for the
        services ``among``; NaN for the others and for services with no public point."""
        distances = np.full(len(self.services), np.nan)
        if location is None or not len(self._point_owner) or not len(among):
            return distances
        lat, lon = math.radians(location.latitude), math.radians(location.longitude)
        scale = math.cos(lat)
        # Equirectangular distance: within London it differs from the great circle by under 0.1 %,
        # and costs three array operations instead of six trigonometric ones.
        dlat = self._one_lat[among] - lat
        dlon = (self._one_lon[among] - lon) * scale
        distances[among] = 6371.0088 * np.sqrt(dlat * dlat + dlon * dlon)
        rows = among[self._several[among]]
        if len(rows):
            points = _run_positions(self._point_ptr, rows)
            dlat = self._point_lat[points] - lat
            dlon = (self._point_lon[points] - lon) * scale
            km = 6371.0088 * np.sqrt(dlat * dlat + dlon * dlon)
            # Each service's points are one run: reduceat takes each run's minimum.
            lengths = self._point_count[rows]
            distances[rows] = np.minimum.reduceat(km, np.concatenate(([0], np.cumsum(lengths)[:-1])))
        return distances

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
    """The matching services, looked up (and ordered) only when read (a search may match 100,000)."""

    def __init__(self, services: Sequence[ServiceEntry], ranking: "_Ranking"):
        self._services = services
        self._ranking = ranking

    def __len__(self) -> int:
        return len(self._ranking)

    @property
    def indices(self) -> np.ndarray:
        """The matching services' positions in the snapshot, best first."""
        return self._ranking.order()

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            head = self._ranking.first(stop) if step == 1 and start <= stop else self._ranking.order()
            return [self._services[j] for j in head[i]]
        if isinstance(i, (int, np.integer)) and 0 <= i < len(self):
            return self._services[int(self._ranking.first(int(i) + 1)[i])]
        return self._services[int(self._ranking.order()[i])]


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


class _Ranking:
    """The chosen services' order: named first, then who can use them, active before ended, how
    many of the query's concepts they match, how well (fit), the audience named, place band,
    distance, and the full score last.

    The keys are packed into one integer per service (distance in metres). Only as much of the
    order as is read is sorted: the first page of 100,000 matches is a partition and a sort of
    the few that can be on it; the whole order is sorted once, when something reads past it.
    """

    #: Below this many matches, sorting them all costs less than choosing the first ones.
    SMALL = 4096

    def __init__(self, chosen: np.ndarray, *, named, audience, ended, coverage, total, n_units, audience_match,
                 band, distances):
        c = chosen
        self.chosen = c
        fit = np.floor(4 * total[c] / max(n_units, 1))
        metres = distances[c] * 1000.0
        metres = np.where(np.isnan(metres), 2**21 - 1, metres).clip(0, 2**21 - 1).astype(np.int64)
        self.key = (
            ((~named[c]).astype(np.int64) << 36)
            | (np.asarray(audience)[c].astype(np.int64) << 34)
            | (ended[c].astype(np.int64) << 33)
            | ((31 - np.minimum(coverage[c], 31)).astype(np.int64) << 28)
            | ((15 - np.clip(fit, 0, 15)).astype(np.int64) << 24)
            | (np.asarray(audience_match)[c].astype(np.int64) << 23)
            | (band[c].astype(np.int64) << 21)
            | metres
        )
        self.negative_total = -total[c]
        self._order: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.chosen)

    def order(self) -> np.ndarray:
        """Every chosen service, best first (ties keep the register's order)."""
        if self._order is None:
            self._order = self.chosen[np.lexsort((self.negative_total, self.key))]
        return self._order

    def first(self, stop: int) -> np.ndarray:
        """The first ``stop`` of :meth:`order`, without sorting the rest."""
        m = len(self.chosen)
        if self._order is not None or stop >= m or m <= self.SMALL:
            return self.order()[:stop]
        if stop <= 0:
            return self.chosen[:0]
        key, negative = self.key, self.negative_total
        kth = np.partition(key, stop - 1)[stop - 1]
        ahead = np.flatnonzero(key < kth)
        tied = np.flatnonzero(key == kth)
        need = stop - len(ahead)
        if len(tied) > need:  # the same choice among the tied by score, then register order
            t = negative[tied]
            cut = np.partition(t, need - 1)[need - 1]
            better = tied[t < cut]
            tied = np.concatenate((better, tied[t == cut][: need - len(better)]))
        picked = np.sort(np.concatenate((ahead, tied)))
        return self.chosen[picked[np.lexsort((negative[picked], key[picked]))]]


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
    import bm25s  # only to build an index

    index = bm25s.BM25(method="lucene")
    index.index(corpus, show_progress=False)
    return index, surface


def _name_forms(services: Sequence[ServiceEntry]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each service's name, its name without brackets and what the brackets hold ("VESS").

    Returns the distinct forms and, for form ``f``, its services ``owners[ptr[f]:ptr[f + 1]]``.
    """
    owners_of: dict[str, list[int]] = {}
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
                    owners_of.setdefault(variant, []).append(i)
    forms = list(owners_of)
    counts = np.array([len(owners_of[f]) for f in forms], dtype=np.int64)
    ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    owners = np.array([i for f in forms for i in owners_of[f]], dtype=np.int64)
    return forms, ptr, owners


def _run_positions(ptr: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The positions of the given rows' runs in a CSR-style table (``ptr[r]:ptr[r + 1]`` for each r)."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    starts, lengths = ptr[rows], ptr[rows + 1] - ptr[rows]
    offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return offsets + np.arange(int(lengths.sum()))


def _runs(ptr: np.ndarray, values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The values of the given rows of a CSR-style table (``values[ptr[r]:ptr[r + 1]]`` for each r)."""
    return values[_run_positions(ptr, rows)]


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

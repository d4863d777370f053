"""The search index: arrays, vocabularies and the BM25 postings of one published version, built
once; each search is then a few vectorised mask operations, so it stays fast at 100,000 services."""

from __future__ import annotations

import dataclasses
import functools
import math
from typing import Any, Sequence

import numpy as np

from explorer.domain.query import TOPIC_CUTOFF, build_reach, build_vocabulary, clean
from explorer.domain.text import Analyzer
from explorer.domain.thesaurus import AUDIENCES, RESTRICTED_AUDIENCES
from explorer.services.points import service_points_geojson
from explorer.services.search.building import (
    _bm25_index,
    _borough_point,
    _load_thesaurus,
    _name_forms,
    _name_words,
    borough_names,
    boroughs_by_code,
    capitalised_names,
    name_form_tables,
    place_homonyms,
    place_names,
)
from explorer.services.search.model import (
    BAND_COVERS,
    BAND_NEARBY,
    BAND_PAN,
    DEFAULT_LIMIT,
    EXAMPLE,
    NEARBY,
    NEARBY_KM,
    NEARBY_POOL,
    CachedTerm,
    Filters,
    Postings,
    ResultItem,
    SearchGeography,
    SearchResult,
    TopicElsewhere,
    Understood,
    commissioner_options,
    describe,
)
from explorer.services.search.places import joined_places
from explorer.services.search.ranking import _Matched, _Ranking
from explorer.services.search.reading import NAMED_CUTOFF, QueryReading
from explorer.services.search.scoring import Scoring
from explorer.services.snapshot import Snapshot

#: How many distinct query texts each index remembers the reading of (place, typos, named services).
READ_CACHE_SIZE = 2048


class SearchIndex(QueryReading, Scoring):
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
        # Each service area's services (its weight is added to theirs, not by a pass over the register).
        self._term_members = [np.flatnonzero(row) for row in self._has_term]
        self._ended = ~self._active
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
        # the names councils write ("LBTH", "RBKC", "H&F"), for the boroughs the register has
        in_register = {b.code for b in snapshot.boroughs}
        place_pairs += [(name, f"borough:{code}") for name, code in getattr(geography, "borough_names", ())
                        if code in in_register]
        common_words = getattr(geography, "common_words", frozenset())
        known = frozenset(name.lower() for name, _target in place_pairs) | {p.name.lower() for p in geography.places}
        place_pairs += [(name, f"place:{i}") for i, p in enumerate(geography.places)
                        for name in place_names(p.name, common_words, known)]
        numbered = {p.name: i for i, p in enumerate(geography.places)}
        capitalised = {head: f"place:{numbered[head + ' Station']}"
                       for head in capitalised_names(list(numbered), common_words, known)}
        place_pairs += list(capitalised.items())
        self._capitalised_places = frozenset(capitalised)
        self.place_vocabulary = build_vocabulary(place_pairs)
        # the names again without spaces or apostrophes, for words a phone's dictation split ("rum ford")
        self.joined_place_vocabulary, self._joined_phrases = joined_places(self.place_vocabulary)
        self._place_homonyms = place_homonyms(self.place_vocabulary, geography.places)
        self._borough_points = {b.code: _borough_point(geography, b.code) for b in snapshot.boroughs}
        self._boroughs_by_code = boroughs_by_code(geography, [b.code for b in snapshot.boroughs])
        bm25, surface = _bm25_index(snapshot, services, self.analyzer)
        # Only the library's vocabulary and score matrix are read per search, so only they are kept
        # (a cached index is read without importing bm25s).
        self._bm25 = Postings(bm25.vocab_dict, {k: bm25.scores[k] for k in ("data", "indices", "indptr")})
        surface |= self.thesaurus.words
        surface |= {w for t in snapshot.terms for w in clean(" ".join((t.name, *t.synonyms))).split()}
        # Words with digits ("2025", "se15") are matched exactly, never fuzzily.
        words = sorted(w for w in surface if len(w) >= 2 and not any(ch.isdigit() for ch in w))
        self._word_set = frozenset(words)
        self._common_words = common_words
        self._places_outside = getattr(geography, "places_outside", frozenset())
        # A typo is corrected to a topic word, never to a place's name: the place reading has its
        # own, closer cutoff, and "eating disorder" or "panic button" are not Ealing or Sutton.
        place_words = {p for p in self.place_vocabulary.processed if " " not in p}
        self._words = [w for w in words if w not in place_words]
        self._word_reach = build_reach(self._words, TOPIC_CUTOFF)  # (typo correction: words in reach)
        # Each distinct name form once (a name repeated in many boroughs is compared once), with
        # the services that carry it (``_form_ptr``/``_form_owners``, one run per form).
        forms, self._form_ptr, self._form_owners = _name_forms(services)
        for name, table in name_form_tables(forms, NAMED_CUTOFF).items():
            setattr(self, name, table)

    def _tagged(self, concepts, chosen: np.ndarray) -> np.ndarray | None:
        """For each chosen service, how many of the query's topical concepts it is tagged with (a
        service area of the concept's): a service of the topic fits it better than one whose text
        only has the words ("graffiti on my door in Golders Green": the hate crime service before a
        local project that mentions graffiti). None when no concept names a topic."""
        rows = [[self._term_row[t] for t in topics if t in self._term_row] for topics, *_ in concepts]
        rows = [r for r in rows if r]
        if not rows:
            return None
        has = self._has_term[:, chosen]
        out = np.zeros(len(chosen), dtype=np.int8)
        for r in rows:
            out += has[r[0]] if len(r) == 1 else has[r].any(axis=0)
        return out

    def _leading(self, terms: Sequence[str], chosen: np.ndarray) -> np.ndarray | None:
        """For each chosen service, whether it is tagged with the topic read first, when the query
        was read as two topics or more ("Showing: Hate crime · Community safety": of services that
        fit as well in one place band, a hate crime service first); else None."""
        row = self._term_row.get(terms[0]) if len(terms) >= 2 else None
        return None if row is None else self._has_term[row, chosen]

    def _one_of_each(self, ranking: _Ranking, terms: Sequence[str], band: np.ndarray, audience_key: np.ndarray,
                     named: np.ndarray) -> list[int]:
        """The first places (positions in ``ranking.chosen``) of a query read as two topics or more,
        so that each of its first three topics has a service among them when one can be listed (one
        that covers the place, is active and can be used as the first listed can): the keys' first
        three, with the best such service of a topic they lack in place of the lowest-ranked one
        whose topics another still shows; then, first of them, one of the topic the page shows
        first, when one there matches the query as widely as the first does (:meth:`_Ranking.as_wide`:
        "Showing: Hate crime · Violence against women and girls" lists a hate crime service first,
        not a service for young people's relationships that fits a few words better). Empty when
        nothing needs to move or the query names a service (the order is then the keys' alone)."""
        chosen = ranking.chosen
        shown = _Ranking.SHOWN_FIRST
        if len(terms) < 2 or len(chosen) < 2 or named[chosen].any():
            return []
        rows = [r for r in (self._term_row.get(t) for t in terms[:shown]) if r is not None]
        top = ranking.ranked_first(min(shown, len(chosen))).tolist()
        has = self._has_term
        audience = np.asarray(audience_key)[chosen]
        usable = (band != BAND_NEARBY) & self._active[chosen] & (audience <= audience[top[0]])
        picks: list[int] = []
        missing = [r for r in rows if not has[r, chosen[top]].any()] if len(chosen) > shown else []
        for r in missing:
            candidates = np.flatnonzero(usable & has[r, chosen])
            candidates = candidates[~np.isin(candidates, top + picks)]
            if len(candidates):  # the first of them in the keys' order (key, then score, then position)
                keys = ranking.key[candidates]
                candidates = candidates[keys == keys.min()]
                negative = ranking.negative_total[candidates]
                picks.append(int(candidates[np.argmin(negative)]))
        head = list(top)
        # Make room: the lowest first; never the first, nor a topic's only one; first those whose
        # topics a service ranked with them still shows, then those whose topics only a pick shows.
        for with_picks in (False, True):
            for p in reversed(top[1:]):
                if len(head) + len(picks) <= shown:
                    break
                others = [chosen[q] for q in head + (picks if with_picks else []) if q != p]
                if p in head and all(has[r, others].any() for r in rows if has[r, chosen[p]]):
                    head.remove(p)
        picks = picks[:shown - len(head)]
        head += picks
        first = self._term_row.get(terms[0])
        if first is not None and not has[first, chosen[head[0]]]:
            k = next((k for k, p in enumerate(head) if k and has[first, chosen[p]] and usable[p]
                      and ranking.as_wide(p, head[0])), None)
            if k is not None:
                return [head[k], *head[:k], *head[k + 1:]]
        return head if picks else []

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
        # Topics (service areas, thesaurus rows that name one) come before other words: when a query
        # has both, how many topics a service matches ranks it among those matching as many units
        # ("leave him safely": a domestic abuse service before one whose description says "safely").
        topical = [bool(concept[0]) for concept in reading.concepts] + [False] * len(reading.word_stems)
        concepts_hit = None
        if len(units) == 1:  # (the usual query: one concept, nothing to add up)
            total = units[0]
            coverage = (total > 0).view(np.int8)
        else:
            total = np.zeros(n, dtype=float)
            coverage = np.zeros(n, dtype=np.int8)
            if True in topical and False in topical:
                concepts_hit = np.zeros(n, dtype=np.int8)
            for unit, is_topic in zip(units, topical):
                total += unit
                hit = unit > 0
                coverage += hit
                if is_topic and concepts_hit is not None:
                    concepts_hit += hit
        n_units = len(units) + len(unmatched_words)
        named = np.zeros(n, dtype=bool)
        named[reading.named] = True
        if not n_units:
            mask = np.ones(n, dtype=bool)
        elif concepts_hit is not None:
            # A query with a topic lists only services matching one: the other words rank them, and
            # alone would list services of another kind ("white powder in my son's room, who can I
            # talk to in Sutton" is not rape counselling because its text says "talk").
            mask = concepts_hit > 0
        else:
            mask = coverage > 0
        if n_units and len(reading.named):
            mask |= named
        if filters.any:  # (no filter: nothing to narrow, and no pass over the register)
            mask &= self._filter_mask(filters)
        # From here only the services that match so far are read: the place narrows them, it
        # never adds any. Their distances (NaN: no public point) are in the same order.
        among = np.flatnonzero(mask)
        distances = self._distances(location, among)
        covers = None
        if location is not None:
            row = self._borough_row.get(location.borough_code)
            covers = self._covers[row] if row is not None else np.zeros(n, dtype=bool)
            if not anywhere:
                with np.errstate(invalid="ignore"):  # no point (NaN) is never near
                    near = covers[among] | (distances <= NEARBY_KM)
                among, distances = among[near], distances[near]
        live = self._active[among] | named[among]
        ended_count = int(len(live) - np.count_nonzero(live))
        if not include_ended:
            among, distances = among[live], distances[live]
        chosen = among
        if location is not None:  # the place band of the chosen (they are ranked and listed)
            band = np.where(covers[chosen], self._pan_band[chosen], np.int8(BAND_NEARBY))
        else:
            band = np.zeros(len(chosen), dtype=np.int8)
        audience_key, audience_match = self._audience_keys(audience, n)
        ranking = _Ranking(chosen, named=named, audience=audience_key, ended=self._ended, coverage=coverage,
                           concepts=concepts_hit, tagged=self._tagged(reading.concepts, chosen),
                           leading=self._leading(understood.terms, chosen),
                           total=total, n_units=n_units, audience_match=audience_match, band=band,
                           distances=distances)
        ranking.lead(self._one_of_each(ranking, understood.terms, band, audience_key, named))
        first = ranking.first_positions(limit)
        rows = chosen[first]
        covered = covers[rows] if covers is not None else np.zeros(len(rows), dtype=bool)
        items = tuple(  # (read as Python values: ten numpy scalars per item cost more than the rest)
            ResultItem(
                service=self.services[i],
                score=score,
                distance_km=None if math.isnan(km) else km,
                covers_place=covers_place,
                band=band_i,
                named=named_i,
                sits_in=self._sits_in(i, band_i),
            )
            for i, score, km, covers_place, band_i, named_i in zip(
                rows.tolist(), total[rows].tolist(), distances[first].tolist(), covered.tolist(),
                band[first].tolist(), named[rows].tolist(),
            )
        )
        summary = describe(understood, filters, self.snapshot)
        message = ""
        if not len(chosen):
            message = self._no_results_message(query or "", understood, filters)
        uncovered = ()
        if len(chosen) and location is not None and len(understood.terms) >= 2 and not filters.areas:
            uncovered = tuple(t for t in understood.terms[:2]
                              if t in self._term_row and not self._has_term[self._term_row[t], chosen].any())
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
            uncovered=uncovered,
        )

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._read = functools.lru_cache(maxsize=READ_CACHE_SIZE)(self._read_text)

    def nearest_elsewhere(self, result: SearchResult) -> tuple[ResultItem, ...]:
        """When a search found a place but nothing covering it ("drug treatment Hackney"): the
        services matching the rest of the search anywhere in London, nearest to the place first
        (the page lists them, and the API as ``x_nearest_elsewhere``); else none."""
        if result.total or result.understood.location is None:
            return ()
        anywhere = self.search(result.query, result.filters, limit=NEARBY_POOL, anywhere=True)
        located = sorted((i for i in anywhere.items if i.distance_km is not None), key=lambda i: i.distance_km)
        return tuple(located[:NEARBY])

    def topics_elsewhere(self, result: SearchResult) -> tuple[TopicElsewhere, ...]:
        """For a search that found services around its place and was read as two topics or more:
        each of its first two topics that no service covers there or near, with the nearest
        services of it elsewhere ("family support when my brother is on drugs in Croydon" lists
        family support; no drugs and alcohol service covers Croydon, so the page says so and names
        the nearest). None when the search chose its service areas by filter."""
        understood = result.understood
        if not result.uncovered:
            return ()
        borough = self.snapshot.borough_name(understood.location.borough_code)
        out = []
        for topic in result.uncovered:
            alone = self.search(result.query, dataclasses.replace(result.filters, areas=(topic,)), limit=0,
                                include_ended=result.include_ended)
            nearest = self.nearest_elsewhere(alone)
            if nearest:
                out.append(TopicElsewhere(topic, self.snapshot.term_name(topic), borough, nearest))
        return tuple(out)

    def points(self, result: SearchResult) -> dict:
        """The map's point layer for every service that matched (not only the listed ones)."""
        return service_points_geojson(result.matched)

    def _empty(self, query: str, filters: Filters, understood: Understood, message: str) -> SearchResult:
        return SearchResult(query, filters, understood, (), 0, message, describe(understood, filters, self.snapshot))

    def _no_results_message(self, query: str, understood: Understood, filters: Filters) -> str:
        where = ""
        if understood.location is not None:
            where = f" in {self.snapshot.borough_name(understood.location.borough_code)}"
        elif filters.boroughs:
            where = " in " + ", ".join(self.snapshot.borough_name(c) for c in filters.boroughs)
        shown = _shortened(" ".join(query.split()), 60) or "these filters"
        return f"No services match \u2018{shown}\u2019{where} \u2014 try a wider area or another word."


def warmed(index: SearchIndex) -> SearchIndex:
    """The index after one search through every path (topic, fuzzy word, place, postcode), so the
    libraries' one-off set-up is not paid by the first person to search."""
    index.search(f"{EXAMPLE} SE15 4 mentorin")
    return index


def search_index(provider) -> SearchIndex:
    """The search index of the provider's current version, built once per version."""
    return provider.derived("search", lambda snapshot: SearchIndex(snapshot, provider.geography))


def _shortened(text: str, limit: int) -> str:
    """``text``, or its first words up to ``limit`` characters and "…" (a quoted query is never cut
    inside a word: "… talk to in Sutt")."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,.;:") + "\u2026"

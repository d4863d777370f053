"""Scoring: each concept's BM25 score per service, the filters' mask, distances to the place,
who a service is for, and the label of a service that only sits nearby."""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from explorer.domain.query import STOPWORDS
from explorer.domain.thesaurus import RESTRICTED_AUDIENCES
from explorer.services.search.model import ACCESS_FILTERS, AGE_GROUPS, BAND_NEARBY, Filters, Location
from explorer.services.search.ranking import _run_positions

#: How much being tagged with a matched service area adds to a concept's score (its text gives 0..1).
TOPIC_WEIGHT = 0.5


class Scoring:
    """The scoring half of :class:`explorer.services.search.SearchIndex` (it reads the arrays the
    index builds)."""

    def _unit(self, topics: Sequence[str], words: Sequence[str], required: Sequence[str] = ()) -> np.ndarray:
        """One concept's score per service: BM25 of its words (scaled to 0..1) plus its service areas.

        A service not tagged with the concept's service areas counts only when its text holds
        every one of ``required`` (the words the person typed): "domestic abuse" does not find
        a service that mentions only "sexual abuse".
        """
        stems = self.analyzer.stems(w for w in words if w not in STOPWORDS)
        score, at = self._text_scores(stems)
        rows = [self._term_row[t] for t in topics if t in self._term_row]
        if rows:
            tagged = self._has_term[rows[0]] if len(rows) == 1 else self._has_term[rows].any(axis=0)
            # Words the register never uses ("club", "idva") cannot be asked of a service's text;
            # when it uses none of them, only the tagged services count: the row's words rank them
            # (an untagged service's text once counted half, and "someone grabbed my bag" listed
            # youth projects whose text says "crime" before the victims' services).
            known = {self.analyzer.stem(w) for w in required if w not in STOPWORDS} & self._bm25.vocab_dict.keys()
            # The same values as where(tagged | present, score, 0) + TOPIC_WEIGHT * tagged, where
            # ``present`` is the typed words all in the text (none known: nothing). Only services
            # with a text score can lose it, so when those are known (``at``) only theirs are read.
            if known and at is not None:
                # (one word, the one typed: every service with a text score holds it)
                if not known <= set(stems):
                    keep = tagged[at] | np.logical_and.reduce([self._has_stem(s)[at] for s in known])
                    score[at[~keep]] = 0.0
            elif known:
                present = np.ones(len(self.services), dtype=bool)
                for stem in known:
                    present &= self._has_stem(stem)
                score *= tagged | present
            elif at is not None:  # no typed word the register uses ("made him do things", "idva"):
                score[at[~tagged[at]]] = 0.0  # the row's words rank its topics' services, find no others
            else:
                score *= tagged
            if len(rows) == 1:
                score[self._term_members[rows[0]]] += TOPIC_WEIGHT
            else:
                np.add(score, TOPIC_WEIGHT, out=score, where=tagged)
        return score

    def _text_score(self, stems: Sequence[str]) -> np.ndarray:
        """BM25 of the stems per service, scaled so the best service scores 1."""
        return self._text_scores(stems)[0]

    def _text_scores(self, stems: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """BM25 of the stems per service, scaled so the best service scores 1, and the services
        with a score above 0 when they are known without a pass over the register (one stem).

        Read straight from the index's sparse score matrix (``bm25s``'s ``scores``: one run of
        services and scores per word). One word's run is its services, each once, in order: their
        scores are scattered. Several runs are summed with ``bincount``: the same sums as
        ``BM25.get_scores`` without its per-element ``np.add.at``.
        """
        vocab = self._bm25.vocab_dict
        ids = sorted({vocab[t] for t in stems if t in vocab})
        n = len(self.services)
        raw = np.zeros(n, dtype=float)
        if not ids:
            return raw, np.zeros(0, dtype=np.int64)
        matrix = self._bm25.scores
        if len(ids) == 1:
            start, end = matrix["indptr"][ids[0]], matrix["indptr"][ids[0] + 1]
            at, values = matrix["indices"][start:end], matrix["data"][start:end].astype(float)
            if len(at) and at[-1] >= n:  # (the placeholder service of an empty register)
                at, values = at[at < n], values[at < n]
            top = values.max() if len(values) else 0.0
            raw[at] = values / top if top > 0 else values
            return raw, at
        positions = _run_positions(matrix["indptr"], np.array(ids, dtype=np.int64))
        raw = np.bincount(matrix["indices"][positions], weights=matrix["data"][positions], minlength=n)[:n]
        top = raw.max() if len(raw) else 0.0
        if top > 0:
            raw /= top
        return raw, None

    def _has_stem(self, stem: str) -> np.ndarray:
        """True for each service whose text holds the stem."""
        found = np.zeros(len(self.services), dtype=bool)
        at = self._bm25.vocab_dict.get(stem)
        if at is not None:
            matrix = self._bm25.scores
            found[matrix["indices"][matrix["indptr"][at]:matrix["indptr"][at + 1]]] = True
        return found

    def _audience_keys(self, audience: str | None, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Who comes first: services the public can use, unless the query names a restricted audience."""
        code = self._audience_names.index(audience) if audience in self._audience_names else -1
        if audience in RESTRICTED_AUDIENCES:
            first = np.where(self._audience == code, 0, np.where(self._restricted, 2, 1))
        else:
            first = self._restricted
        match = self._audience != code if audience else np.zeros(n, dtype=bool)
        return first, match

    def _sits_in(self, i: int, band: int) -> tuple[str, ...]:
        """For a service that only sits nearby in another borough, the names of (at most two of)
        the boroughs it works in (:attr:`ResultItem.place_note`)."""
        if band != BAND_NEARBY:
            return ()
        return tuple(self.snapshot.borough_name(c) for c in self.services[i].borough_codes[:2])

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
        """The distance (km) of each of the services ``among`` to its nearest public point from the
        location, in their order; NaN for a service with no public point, and all NaN without a place."""
        if location is None or not len(self._point_owner) or not len(among):
            return np.full(len(among), np.nan)
        lat, lon = math.radians(location.latitude), math.radians(location.longitude)
        scale = math.cos(lat)
        # Equirectangular distance: within London it differs from the great circle by under 0.1 %,
        # and costs three array operations instead of six trigonometric ones.
        # (in place: the same operations in the same order, without a temporary array for each)
        dlat = self._one_lat[among]
        dlat -= lat
        dlat *= dlat
        dlon = self._one_lon[among]
        dlon -= lon
        dlon *= scale
        dlon *= dlon
        dlat += dlon
        distances = np.sqrt(dlat, out=dlat)
        distances *= 6371.0088
        several = self._several[among]
        rows = among[several]
        if len(rows):
            points = _run_positions(self._point_ptr, rows)
            dlat = self._point_lat[points] - lat
            dlon = (self._point_lon[points] - lon) * scale
            km = 6371.0088 * np.sqrt(dlat * dlat + dlon * dlon)
            # Each service's points are one run: reduceat takes each run's minimum.
            lengths = self._point_count[rows]
            distances[several] = np.minimum.reduceat(km, np.concatenate(([0], np.cumsum(lengths)[:-1])))
        return distances

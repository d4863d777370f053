"""Ranking: the order of the matching services (packed keys, the first page without sorting
every match) and the lazily read list of matches."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from explorer.services.snapshot import ServiceEntry


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

    def __iter__(self):
        """Every match, best first: the whole order sorted once (reading item by item would choose
        a first page per item, quadratic beyond :attr:`_Ranking.SMALL` matches)."""
        services = self._services
        return (services[j] for j in self._ranking.order())

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            head = self._ranking.first(stop) if step == 1 and start <= stop else self._ranking.order()
            return [self._services[j] for j in head[i]]
        if isinstance(i, (int, np.integer)) and 0 <= i < len(self):
            return self._services[int(self._ranking.first(int(i) + 1)[i])]
        return self._services[int(self._ranking.order()[i])]


class _Ranking:
    """The chosen services' order: named first, then who can use them, active before ended, how
    many of the query's concepts and words they match, how many of them topics (``concepts``;
    None unless the query has both topics and other words), for how many of those topics the
    service is tagged with the service area rather than only mentioning the words (``tagged``, in
    ``chosen``'s order; None when the query names no topic), how well (fit), the audience named,
    place band, whether it is of the topic read first (``leading``, in ``chosen``'s order; None
    unless the query has two topics or more: of services that fit as well in one band, the page's
    first topic before its second), distance, and the full score last.

    ``band`` and ``distances`` are the chosen's, in their order; the other arrays are the whole
    register's. The keys are packed into one integer per service (distance in metres). Only as
    much of the order as is read is sorted: the first page of 100,000 matches is a partition and a
    sort of the few that can be on it; the whole order is sorted once, when something reads past it.
    """

    #: Below this many matches, sorting them all costs less than choosing the first ones (measured:
    #: for a page of 10, 28 against 27 us at 300 matches, 54 against 218 us at 3,300).
    SMALL = 512

    def __init__(self, chosen: np.ndarray, *, named, audience, ended, coverage, total, n_units, audience_match,
                 band, distances, concepts=None, tagged=None, leading=None):
        c = chosen
        self.chosen = c
        fit = np.floor(4 * total[c] / max(n_units, 1))
        metres = distances * 1000.0
        metres = np.where(np.isnan(metres), 2**21 - 1, metres).clip(0, 2**21 - 1).astype(np.int64)
        # Bits 21 to 43 (23 bits) are packed in 32-bit integers first: half the memory to pass over.
        high = (
            ((~named[c]).astype(np.int32) << 22)
            | (np.asarray(audience)[c].astype(np.int32) << 20)
            | (ended[c].astype(np.int32) << 19)
            | ((31 - np.minimum(coverage[c], 31)).astype(np.int32) << self._COVERAGE_AT)
            | ((15 - np.clip(fit, 0, 15)).astype(np.int32) << 4)
            | (np.asarray(audience_match)[c].astype(np.int32) << 3)
            | (np.asarray(band).astype(np.int32) << 1)
        )
        if concepts is not None:
            high |= (7 - np.minimum(concepts[c], 7)).astype(np.int32) << 11
        if tagged is not None:
            high |= (7 - np.minimum(tagged, 7)).astype(np.int32) << 8
        if leading is not None:
            high |= (~leading).astype(np.int32)
        self.key = (high.astype(np.int64) << self._METRE_BITS) | metres
        self.negative_total = -total[c]
        self._order: np.ndarray | None = None
        self._ranked_order: np.ndarray | None = None
        self.head: tuple[int, ...] = ()

    #: The first page's places a query of several topics keeps for a service of each (:meth:`lead`).
    SHOWN_FIRST = 3
    #: The key's lowest bits hold the distance in metres; the coverage (how many of the query's
    #: concepts and words a service matches) sits this far up the rest, below named, audience and
    #: ended (:meth:`as_wide` compares from it up).
    _METRE_BITS = 21
    _COVERAGE_AT = 14
    _WIDE_BITS = _METRE_BITS + _COVERAGE_AT

    def as_wide(self, p: int, q: int) -> bool:
        """Whether the services at positions ``p`` and ``q`` (in ``chosen``) are alike in all that
        comes before how well they fit: named or not, who can use them, active or ended, and how
        many of the query's concepts and words they match."""
        return int(self.key[p]) >> self._WIDE_BITS == int(self.key[q]) >> self._WIDE_BITS

    def lead(self, head: Sequence[int]) -> None:
        """Puts the services at positions ``head`` (in ``chosen``) first, in that order, and every
        other after them in the keys' order. A query read as two topics ("shed broken into twice":
        victim support and crime prevention) then shows a service of each in its first three, even
        when one topic's services all fit the words better (:meth:`SearchIndex._one_of_each`)."""
        self.head = tuple(int(p) for p in head)

    def _headed(self, ranked: np.ndarray) -> np.ndarray:
        if not self.head:
            return ranked
        head = np.asarray(self.head, dtype=np.int64)
        return np.concatenate((head, ranked[~np.isin(ranked, head)]))

    def __len__(self) -> int:
        return len(self.chosen)

    def order(self) -> np.ndarray:
        """Every chosen service, best first (ties keep the register's order)."""
        return self.chosen[self._positions()]

    def first(self, stop: int) -> np.ndarray:
        """The first ``stop`` of :meth:`order`, without sorting the rest."""
        return self.chosen[self.first_positions(stop)]

    def _positions(self) -> np.ndarray:
        """:meth:`order` as positions in ``chosen``."""
        if self._order is None:
            self._order = self._headed(self._ranked())
        return self._order

    def _ranked(self) -> np.ndarray:
        """Every position by the keys alone (without :meth:`lead`), sorted once."""
        if self._ranked_order is None:
            self._ranked_order = np.lexsort((self.negative_total, self.key))
        return self._ranked_order

    def first_positions(self, stop: int) -> np.ndarray:
        """:meth:`first` as positions in ``chosen``."""
        if self._order is not None:
            return self._order[:max(stop, 0)]
        if self.head:
            return self._headed(self.ranked_first(max(stop, 0) + len(self.head)))[:max(stop, 0)]
        return self.ranked_first(stop)

    def ranked_first(self, stop: int) -> np.ndarray:
        """The first ``stop`` positions by the keys alone (without :meth:`lead`)."""
        m = len(self.chosen)
        if self._ranked_order is not None or stop >= m or m <= self.SMALL:
            return self._ranked()[:max(stop, 0)]
        if stop <= 0:
            return np.zeros(0, dtype=np.int64)
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
        return picked[np.lexsort((negative[picked], key[picked]))]


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

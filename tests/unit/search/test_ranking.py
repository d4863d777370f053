"""Unit tests: the first page of a ranking is chosen without sorting every match, and is exactly
the start of the full order (ties broken by score, then register order)."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.services.search.ranking import _Matched, _Ranking, _run_positions, _runs


def _ranking(rng: np.random.Generator, n: int, chosen_share: float = 0.7) -> _Ranking:
    chosen = np.flatnonzero(rng.random(n) < chosen_share)
    # few distinct values everywhere, so most services tie on the packed key and many on score
    return _Ranking(
        chosen,
        named=rng.random(n) < 0.01,
        audience=rng.integers(0, 2, n),
        ended=rng.random(n) < 0.1,
        coverage=rng.integers(0, 3, n).astype(np.int8),
        total=rng.integers(0, 4, n) / 2.0,
        n_units=2,
        audience_match=rng.random(n) < 0.2,
        band=rng.integers(0, 3, n).astype(np.int8)[chosen],  # (band and distances: the chosen's)
        distances=np.where(rng.random(n) < 0.3, np.nan, rng.integers(0, 3, n).astype(float))[chosen],
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("stop", [1, 2, 10, 50, 333, 5000])
def test_the_first_page_is_the_start_of_the_full_order(seed, stop, monkeypatch):
    monkeypatch.setattr(_Ranking, "SMALL", 0)  # always take the partial path
    rng = np.random.default_rng(seed)
    partial = _ranking(rng, 8000).first(stop)
    full = _ranking(np.random.default_rng(seed), 8000).order()
    assert partial.tolist() == full[:stop].tolist()


@pytest.mark.parametrize("small", [0, 512])
@pytest.mark.parametrize("stop", [0, 1, 2, 3, 4, 10, 333, 5000])
def test_a_led_order_puts_its_head_first_and_the_rest_in_the_keys_order(small, stop, monkeypatch):
    """:meth:`_Ranking.lead` (a query of two topics shows one of each first): the head in its
    order, then every other service in the keys' order, the same whether the first page or the
    whole order is read."""
    monkeypatch.setattr(_Ranking, "SMALL", small)
    keyed = _ranking(np.random.default_rng(4), 8000).order().tolist()
    led = _ranking(np.random.default_rng(4), 8000)
    head = [0, 4000, 17]  # positions in chosen: one of the first, two from far down
    led.lead(head)
    chosen = led.chosen
    expected = [int(chosen[p]) for p in head] + [c for c in keyed if c not in {int(chosen[p]) for p in head}]
    assert led.first(stop).tolist() == expected[:stop]
    assert led.order().tolist() == expected
    assert led.first(stop).tolist() == expected[:stop]  # (after the whole order is sorted too)


def test_the_full_order_is_by_key_then_score_then_register_order():
    ranking = _ranking(np.random.default_rng(1), 3000)
    order = ranking.order()
    position = {int(c): i for i, c in enumerate(ranking.chosen)}
    rows = [(int(ranking.key[position[int(c)]]), float(ranking.negative_total[position[int(c)]]), int(c)) for c in order]
    assert rows == sorted(rows)


def _four(**overrides) -> _Ranking:
    """Four services that tie on every key but the ones ``overrides`` set (service 0 nearest)."""
    n = 4
    keys = dict(named=np.zeros(n, bool), audience=np.zeros(n, np.int8), ended=np.zeros(n, bool),
                coverage=np.ones(n, np.int8), total=np.ones(n), n_units=1, audience_match=np.zeros(n, bool),
                band=np.zeros(n, np.int8), distances=np.array([0.5, 1.0, 1.5, 2.0]))
    return _Ranking(np.arange(n), **{**keys, **overrides})


def test_among_services_that_fit_as_well_the_first_topics_come_first():
    """A query read as two topics ("Showing: Exploitation · Victim support"): of services that fit
    as well in one place band, those of the topic read first lead; nearer ones lead within each."""
    assert _four().order().tolist() == [0, 1, 2, 3]
    leading = np.array([False, True, False, True])
    assert _four(leading=leading).order().tolist() == [1, 3, 0, 2]
    # it never outranks fit: a service that fits better leads whatever its topic
    assert _four(leading=leading, total=np.array([3.0, 1, 1, 1])).order().tolist() == [0, 1, 3, 2]
    # nor the place band (covering the place, then pan-London, then nearby): it orders within one
    assert _four(leading=leading, band=np.array([0, 0, 2, 2], np.int8)).order().tolist() == [1, 0, 3, 2]


def test_as_wide_compares_what_comes_before_fit():
    """Two services are as wide a match when named, audience, ended and how many of the query's
    concepts and words they match are alike, however well each fits or wherever it is."""
    ranking = _four(total=np.array([3.0, 1, 1, 1]), band=np.array([0, 1, 0, 0], np.int8),
                    coverage=np.array([2, 2, 1, 2], np.int8), ended=np.array([False, False, False, True]))
    assert ranking.as_wide(0, 1)  # (fit and band differ)
    assert not ranking.as_wide(0, 2)  # (matches fewer of the query's concepts and words)
    assert not ranking.as_wide(0, 3)  # (ended)


def test_matched_reads_only_what_is_asked_and_agrees_with_the_whole(monkeypatch):
    monkeypatch.setattr(_Ranking, "SMALL", 0)
    services = [f"s{i}" for i in range(6000)]
    matched = _Matched(services, _ranking(np.random.default_rng(3), 6000))
    whole = list(_Matched(services, _ranking(np.random.default_rng(3), 6000)))
    assert len(matched) == len(whole)
    assert matched[:10] == whole[:10]
    assert matched[40:60] == whole[40:60]
    assert matched[7] == whole[7] and matched[-1] == whole[-1]
    assert [services[i] for i in matched.indices] == whole


def test_iterating_the_matches_gives_each_item_as_read_one_by_one(monkeypatch):
    monkeypatch.setattr(_Ranking, "SMALL", 0)  # one by one, each item is read from a first page
    services = [f"s{i}" for i in range(2000)]
    iterated = list(_Matched(services, _ranking(np.random.default_rng(5), 2000)))
    one_by_one = _Matched(services, _ranking(np.random.default_rng(5), 2000))
    assert iterated == [one_by_one[i] for i in range(len(one_by_one))]


def test_runs_read_each_rows_slice_in_order():
    ptr = np.array([0, 2, 2, 5, 6])
    values = np.array([10, 11, 20, 21, 22, 30])
    assert _runs(ptr, values, np.array([2, 0, 1, 3])).tolist() == [20, 21, 22, 10, 11, 30]
    assert _run_positions(ptr, np.array([], dtype=np.int64)).tolist() == []


def test_among_equal_coverage_the_service_matching_more_topics_comes_first():
    """Two services each match one of a query's two units, the topic or another word: the topic's
    comes first even when the other is nearer and scores more; without ``concepts`` the order is by fit."""
    common = dict(
        named=np.zeros(2, dtype=bool), audience=np.zeros(2, dtype=np.int8), ended=np.zeros(2, dtype=bool),
        coverage=np.array([1, 1], dtype=np.int8), total=np.array([0.9, 0.5]), n_units=2,
        audience_match=np.zeros(2, dtype=bool), band=np.array([0, 0], dtype=np.int8),
        distances=np.array([0.5, 2.0]),
    )
    chosen = np.array([0, 1])
    assert _Ranking(chosen, **common, concepts=np.array([0, 1], dtype=np.int8)).order().tolist() == [1, 0]
    assert _Ranking(chosen, **common).order().tolist() == [0, 1]


def test_a_service_tagged_with_the_topic_comes_before_one_only_mentioning_its_words():
    """Both match the query's one topical concept equally well, the second only through its text
    and covering the place; tagged with the service area, the first comes first (``tagged`` is in
    ``chosen``'s order), and the place decides only among equally tagged services."""
    common = dict(
        named=np.zeros(2, dtype=bool), audience=np.zeros(2, dtype=np.int8), ended=np.zeros(2, dtype=bool),
        coverage=np.array([1, 1], dtype=np.int8), total=np.array([0.6, 0.7]), n_units=1,
        audience_match=np.zeros(2, dtype=bool), band=np.array([1, 0], dtype=np.int8),
        distances=np.array([np.nan, 1.0]),
    )
    chosen = np.array([0, 1])
    assert _Ranking(chosen, **common, tagged=np.array([1, 0], dtype=np.int8)).order().tolist() == [0, 1]
    assert _Ranking(chosen, **common, tagged=np.array([1, 1], dtype=np.int8)).order().tolist() == [1, 0]
    assert _Ranking(chosen, **common).order().tolist() == [1, 0]

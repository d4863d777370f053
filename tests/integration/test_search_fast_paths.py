"""Integration tests: the search's fast paths give the same answers as the plain computation.

The BM25 sums read from the sparse score matrix equal ``bm25s``'s own ``get_scores``; the first
page chosen by partition equals the start of the fully sorted order; distances computed only for
matching services equal the nearest public point's distance.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.domain.query import STOPWORDS
from explorer.services.search import SearchIndex
from explorer.services.search.building import _bm25_index
from explorer.services.search.ranking import _Ranking
from explorer.services.snapshot import SnapshotProvider

QUERIES = ["domestic abuse Peckham", "knife crim youth croydon", "SE15 4", "counselling", "my partner hits me",
           "victim support near Brixton", "youth", "", "rape crisis", "drugs Westminster", "IDVA Greenwich",
           "Survivors Gateway", "perpetrator programme", "asdfgh"]


@pytest.fixture(scope="module")
def index(sample_db, geography):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(sample_db))
    yield SearchIndex(SnapshotProvider(store, geography).current(), geography)
    store.dispose()


def test_bm25_sums_equal_the_librarys_scores(index):
    library, _surface = _bm25_index(index.snapshot, index.services, index.analyzer)
    assert library.vocab_dict == index._bm25.vocab_dict
    stems = sorted(index._bm25.vocab_dict)
    rng = np.random.default_rng(0)
    for size in (1, 2, 3, 5):
        for _ in range(40):
            chosen = list(rng.choice(stems, size=size, replace=False))
            ids = sorted({index._bm25.vocab_dict[s] for s in chosen})
            expected = library.get_scores(ids).astype(float)
            expected = expected / expected.max() if expected.max() > 0 else expected
            assert np.allclose(index._text_score(chosen), expected[: len(index.services)], rtol=1e-6, atol=1e-9)
            for stem in chosen:
                assert (index._has_stem(stem) == (library.get_scores([library.vocab_dict[stem]]) > 0)[
                    : len(index.services)]).all()


@pytest.mark.parametrize("query", QUERIES)
def test_the_first_page_chosen_by_partition_is_the_sorted_order(index, query, monkeypatch):
    whole = index.search(query, limit=60)
    monkeypatch.setattr(_Ranking, "SMALL", 0)
    partial = index.search(query, limit=60)
    assert [i.service.id for i in partial.items] == [i.service.id for i in whole.items]
    assert partial.matched_ids == whole.matched_ids and partial.total == whole.total
    assert [s.id for s in partial.matched[5:25]] == list(whole.matched_ids[5:25])


@pytest.mark.parametrize("query", ["domestic abuse Peckham", "youth SE15 4", "victim support near Brixton", "N15 youth",
                                   "sexual assault near Brixton", "exploitation Camden"])
def test_distances_are_to_the_nearest_public_point(index, query):
    result = index.search(query, limit=200, include_ended=True)
    location = result.understood.location
    assert location is not None and result.items
    for item in result.items:
        points = item.service.points
        if not points:
            assert item.distance_km is None
            continue
        lat = math.radians(location.latitude)
        nearest = min(6371.0088 * math.hypot(math.radians(p.latitude) - lat,
                                             (math.radians(p.longitude - location.longitude)) * math.cos(lat))
                      for p in points)
        assert item.distance_km == pytest.approx(nearest, rel=1e-9, abs=1e-9)


def test_a_repeated_query_reuses_its_reading_and_answers_the_same(index):
    import pickle

    from explorer.services.search import Filters

    index._read.cache_clear()
    first = index.search("domestic abuse Peckam")
    again = index.search("domestic abuse Peckam")
    filtered = index.search("domestic abuse Peckam", Filters(areas=("vawg",)))
    info = index._read.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    assert again.understood == first.understood == filtered.understood
    assert again.matched_ids == first.matched_ids and again.summary == first.summary
    assert set(filtered.matched_ids) <= set(first.matched_ids)
    copy = pickle.loads(pickle.dumps(index))  # as the CLI's cache keeps it: the reading cache starts empty
    assert copy._read.cache_info().currsize == 0
    assert copy.search("stalking").matched_ids == index.search("stalking").matched_ids


def _plain_text_score(index, stems) -> np.ndarray:
    """BM25 per service the plain way: every word's run summed over the whole register, then scaled."""
    vocab, matrix, n = index._bm25.vocab_dict, index._bm25.scores, len(index.services)
    raw = np.zeros(n + 1, dtype=float)
    for at in sorted({vocab[s] for s in stems if s in vocab}):
        start, end = matrix["indptr"][at], matrix["indptr"][at + 1]
        raw += np.bincount(matrix["indices"][start:end], weights=matrix["data"][start:end], minlength=n + 1)[: n + 1]
    raw = raw[:n]
    return raw / raw.max() if raw.max() > 0 else raw


def test_one_words_scores_are_scattered_exactly_as_summed(index):
    matrix = index._bm25.scores
    for stem, at in index._bm25.vocab_dict.items():
        if not stem:  # bm25s's own empty token has no run; no query word is empty
            continue
        run = matrix["indices"][matrix["indptr"][at]:matrix["indptr"][at + 1]]
        assert (np.diff(run) > 0).all()  # each service once, in order: nothing to sum
        score, positions = index._text_scores([stem])
        assert score.tobytes() == _plain_text_score(index, [stem]).tobytes()  # bit for bit
        assert positions.tolist() == np.flatnonzero(score).tolist()
    score, positions = index._text_scores(["domest", "abus"])
    assert positions is None and np.array_equal(score, _plain_text_score(index, ["domest", "abus"]))
    score, positions = index._text_scores(["zzzz"])
    assert not score.any() and not len(positions)


def test_a_concepts_score_read_only_where_the_text_scores_equals_the_whole_registers(index):
    """``_unit`` reads only the services with a text score when it knows them (one word); the
    values must be those of the formula over the whole register, bit for bit."""
    stems = sorted(s for s in index._bm25.vocab_dict if s)
    topics = list(index._term_row)
    rng = np.random.default_rng(7)
    words_of = {index.analyzer.stem(w): w for w in index._words}  # a surface word for each stem
    usable = [s for s in stems if s in words_of]
    for _ in range(300):
        chosen_topics = list(rng.choice(topics, size=int(rng.integers(0, 3)), replace=False))
        words = [words_of[s] for s in rng.choice(usable, size=int(rng.integers(1, 3)), replace=False)]
        required = words[: int(rng.integers(0, len(words) + 1))]
        got = index._unit(chosen_topics, words, required)
        score = _plain_text_score(index, index.analyzer.stems(w for w in words if w not in STOPWORDS))
        rows = [index._term_row[t] for t in chosen_topics]
        if rows:
            tagged = index._has_term[rows].any(axis=0)
            known = {index.analyzer.stem(w) for w in required if w not in STOPWORDS} & index._bm25.vocab_dict.keys()
            present = np.logical_and.reduce([index._has_stem(s) for s in known]) if known else None
            if known:
                score = np.where(tagged | present, score, 0.0)
            else:  # (no typed word the register uses: only the tagged services' text counts)
                score = np.where(tagged, score, 0.0)
            score = score + np.where(tagged, 0.5, 0.0)
        assert got.tobytes() == score.tobytes(), (chosen_topics, words, required)

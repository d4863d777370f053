"""Unit tests: reading a query with the precomputed structures (name forms and words ruled out by
their letter signatures, the table of where each length starts, the thesaurus keys by first word,
boroughs by code) gives exactly the answers of comparing everything, as the reading did before."""

from __future__ import annotations

import bisect
import dataclasses
import math
import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from explorer.domain.query import STOPWORDS, TOPIC_CUTOFF, build_reach, clean
from explorer.domain.text import Analyzer
from explorer.domain.thesaurus import parse_thesaurus
from explorer.services.search import reading
from explorer.services.search.building import (
    boroughs_by_code,
    length_starts,
    name_form_tables,
)
from explorer.services.search.ranking import _runs
from explorer.services.search.reading import NAMED_CUTOFF, QueryReading
from explorer.settings import ROOT

TYPES = ["rape crisis", "isva service", "county lines rescue", "after school club", "victim care", "knife crime",
         "domestic abuse", "antisocial behaviour mediation", "hate crime", "the haven", "youth", "a"]
PROVIDERS = ["new leaf", "street doctors", "ripple effect", "women's aid network", "unity project", ""]
PLACES = ["e1", "e3", "n15", "se15", "se1", "sw8", "ub2", "ec1v", "", "hackney", "café créme"]


def _forms(rng: random.Random, n: int) -> list[str]:
    forms = set()
    while len(forms) < n:
        form = " ".join(w for w in (rng.choice(TYPES), rng.choice(PROVIDERS), rng.choice(PLACES)) if w)
        if rng.random() < 0.2:  # a typo in the register's own name
            i = rng.randrange(len(form))
            form = form[:i] + form[i + 1:]
        if len(form) >= 4:
            forms.add(form)
    return sorted(forms, key=lambda f: rng.random())


class _Names(QueryReading):
    """The name-form part of a search index, built as ``SearchIndex.__init__`` builds it."""

    def __init__(self, forms: list[str]):
        owners = [[i, i + len(forms)] if i % 3 == 0 else [i] for i in range(len(forms))]  # some forms, two services
        counts = np.array([len(o) for o in owners], dtype=np.int64)
        self._form_ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._form_owners = np.array([x for o in owners for x in o], dtype=np.int64)
        for name, table in name_form_tables(forms, NAMED_CUTOFF).items():
            setattr(self, name, table)


def _reference_named(names: _Names, text: str) -> np.ndarray:
    """``QueryReading._named`` as it was: every form of about the query's length compared."""
    text = text[4:] if text.startswith("the ") else text
    if len(text) < 4:
        return np.zeros(0, dtype=np.int64)
    share = NAMED_CUTOFF / (200 - NAMED_CUTOFF)
    low = int(np.searchsorted(names._form_lengths, math.floor(len(text) * share), side="left"))
    high = int(np.searchsorted(names._form_lengths, math.ceil(len(text) / share), side="right"))
    found = process.extract(text, names._forms_by_length[low:high], scorer=fuzz.ratio, processor=None,
                            score_cutoff=NAMED_CUTOFF, limit=50)
    best = max((score for _choice, score, _index in found), default=None)
    forms = [names._length_form[low + index] for _choice, score, index in found if score >= best]
    if best is None and len(text.split()) >= 3:
        prefix = text + " "
        at = bisect.bisect_left(names._sorted_forms, prefix)
        end = bisect.bisect_left(names._sorted_forms, prefix + "\U0010ffff", lo=at)
        long_enough = np.flatnonzero(len(text) >= 0.45 * names._sorted_lengths[at:end])
        forms = names._sorted_form[at + long_enough]
    return _runs(names._form_ptr, names._form_owners, np.asarray(forms, dtype=np.int64))


def _texts(rng: random.Random, forms: list[str], n: int) -> list[str]:
    texts = ["", "abc", "the haven", "rape crisis", "rape crisis new leaf", "isva service new leaf e",
             "county lines rescue", "domestic abuse southwark", "antisocial behaviour lewisham"]
    for _ in range(n):
        text = rng.choice(forms)
        for _edit in range(rng.randint(0, 4)):
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice("aeiou rstn") + text[i + 1:] if rng.random() < 0.5 else text[:i] + text[i + 1:]
        words = text.split()
        texts.append(" ".join(words[: rng.randint(1, len(words))]) if words and rng.random() < 0.3 else text)
    return texts


@pytest.mark.parametrize("small_window", [0, reading.SMALL_WINDOW])
@pytest.mark.parametrize("seed, n", [(0, 40), (1, 700), (2, 3000)])
def test_named_services_are_those_of_comparing_every_form(seed, n, small_window, monkeypatch):
    monkeypatch.setattr(reading, "SMALL_WINDOW", small_window)
    rng = random.Random(seed)
    forms = _forms(rng, n)
    names = _Names(forms)
    named = 0
    for text in _texts(rng, forms, 300):
        got = names._named(text).tolist()
        assert got == _reference_named(names, text).tolist(), text
        named += bool(got)
    assert named > 100  # (most texts name services: the comparison is not of empty answers)


def test_more_than_fifty_names_at_the_best_score_keep_rapidfuzz_order(monkeypatch):
    monkeypatch.setattr(reading, "SMALL_WINDOW", 0)
    forms = [f"rape crisis centre {c}{d}" for c in "abcdefgh" for d in "abcdefghij"]  # 80 at one distance
    names = _Names(forms)
    text = "rape crisis centre zz"
    assert len(_reference_named(names, text)) > 0
    assert names._named(text).tolist() == _reference_named(names, text).tolist()


def test_no_forms_names_nothing():
    names = _Names([])
    assert names._named("rape crisis hackney").tolist() == []
    assert not names._named("rape crisis hackney").flags.writeable


@pytest.mark.parametrize("lengths", [[], [4], [4, 4, 9], [1, 2, 2, 2, 7, 30, 30], list(range(4, 90))])
def test_length_starts_are_searchsorted(lengths):
    starts = length_starts(np.array(lengths, dtype=np.int64))
    assert len(starts) == (max(lengths) if lengths else 0) + 2
    for n, start in enumerate(starts):
        assert start == int(np.searchsorted(np.array(lengths, dtype=np.int64), n, side="left"))
    assert starts[-1] == len(lengths)


class _Words(QueryReading):
    """The typo-correction part of a search index."""

    def __init__(self, words: list[str]):
        self._words = sorted(words)
        self._word_set = frozenset(self._words)
        self._common_words = frozenset()
        self._word_reach = build_reach(self._words, TOPIC_CUTOFF)
        self.analyzer = Analyzer()
        self._bm25 = type("Postings", (), {"vocab_dict": {}})()


def _reference_correct(words_index: _Words, words: list[str]):
    out, corrections = [], []
    for word in words:
        if (word in STOPWORDS or len(word) < 4 or word in words_index._word_set or any(ch.isdigit() for ch in word)):
            out.append(word)
            continue
        same_first = [w for w in words_index._words if w[0] == word[0]]  # a correction keeps it
        best = process.extractOne(word, same_first, scorer=fuzz.ratio, processor=None,
                                  score_cutoff=max(TOPIC_CUTOFF, 88.0) if len(word) <= 5 else TOPIC_CUTOFF)
        if best is None:
            out.append(word)
            continue
        out.append(best[0])
        corrections.append((word, best[0]))
    return out, corrections


@pytest.mark.parametrize("small_words", [0, 10**6])
def test_typo_corrections_are_those_of_comparing_every_word(small_words, monkeypatch):
    monkeypatch.setattr(reading, "SMALL_WORDS", small_words)
    rng = random.Random(5)
    vocabulary = sorted({"".join(rng.choice("aeioubcdlmnrst") for _ in range(rng.randint(2, 12))) for _ in range(800)})
    vocabulary += ["counselling", "counsellor", "mentoring", "mentor", "abuse", "abused", "crime", "crimes"]
    index = _Words(vocabulary)
    corrected = 0
    for _ in range(400):
        word = rng.choice(vocabulary)
        for _edit in range(rng.randint(0, 3)):
            i = rng.randrange(len(word) + 1)
            word = word[:i] + rng.choice("aeioubcdlmnrst") + word[i:] if rng.random() < 0.5 else word[:i] + word[i + 1:]
        words = [word, "counseling", "the", "abc", "se15", "mentorin"]
        got = index._correct(words)
        assert got == _reference_correct(index, words), word
        corrected += len(got[1])
    assert corrected > 400


def test_boroughs_by_code_find_what_the_geography_finds(geography):
    codes = [b.code for b in geography.boroughs]
    table = boroughs_by_code(geography, codes + ["E09000028", "X99"])
    assert len(table) == 34
    for code in codes:
        assert table[code] is geography.borough_by_code(code)
    assert table["X99"] is None


def test_thesaurus_keys_by_first_word_find_the_same_rows():
    analyzer = Analyzer()
    text = (ROOT / "data" / "reference" / "thesaurus.csv").read_text(encoding="utf-8")
    import csv
    import io

    topics = {t for row in csv.DictReader(io.StringIO(text)) for t in row["topics"].split(";") if t}
    thesaurus = parse_thesaurus(text, topics=topics, stem=analyzer.stem)
    unindexed = dataclasses.replace(thesaurus, full_index=None, content_index=None)
    vocabulary = sorted({w for e in thesaurus.entries for w in clean(e.phrase).split()} | set(STOPWORDS))
    vocabulary += ["abuser", "abusers", "perpetrators", "professionals", "x", "a"]
    rng = random.Random(3)
    phrases = [clean(e.phrase).split() for e in thesaurus.entries]
    found = 0
    for _ in range(3000):
        words = rng.choice(phrases) + [rng.choice(vocabulary) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.3:
            rng.shuffle(words)
        matched = thesaurus.match(words, analyzer.stem)
        assert matched == unindexed.match(words, analyzer.stem), words
        found += len(matched)
    assert found > 3000  # (the queries do meet rows, often several)
    assert thesaurus.match([], analyzer.stem) == []

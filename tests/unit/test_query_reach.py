"""Unit tests: ruling phrases out before fuzzy matching (letter signatures, ``within_reach``,
``in_reach``) never loses a match, and ``match_spans`` gives exactly the answer of comparing every
span with every phrase (the implementation before the fast paths, kept here as the reference)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from explorer.domain import query
from explorer.domain.query import (
    MARGIN,
    SIGNATURE_BITS,
    STOPWORDS,
    PhraseMatch,
    Vocabulary,
    build_reach,
    build_vocabulary,
    in_reach,
    letter_signature,
    letter_signatures,
    match_spans,
    within_reach,
)

# Few letters, so random strings are often close to one another (and often tie).
ALPHABETS = ["ab", "abc ", "aeiou rst", "abcdefghijklmnopqrstuvwxyz ", "abé'1 z", "aaaaab  ", "ëéèe a"]


def _random_text(rng: random.Random, alphabet: str, longest: int = 30) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))


def _reference_match_spans(words, vocabulary, *, cutoff, max_span=4, min_chars=2):
    """``match_spans`` as it was: every span compared with the whole vocabulary."""
    if not vocabulary.processed or not words:
        return []
    taken = [False] * len(words)
    found = []
    for size in range(min(max_span, len(words)), 0, -1):
        for start in range(0, len(words) - size + 1):
            if any(taken[start : start + size]):
                continue
            span = " ".join(words[start : start + size])
            if len(span.replace(" ", "")) < max(min_chars, 2):
                continue
            if size == 1 and span in STOPWORDS:
                continue
            candidates = process.extract(span, vocabulary.processed, scorer=fuzz.ratio, processor=None,
                                         score_cutoff=query._cutoff_for(span, cutoff), limit=8)
            best = next((c for c in candidates if query._words_agree(span, c[0], cutoff)), None)
            if best is None:
                continue
            _choice, score, index = best
            found.append(PhraseMatch(vocabulary.targets[index], vocabulary.phrases[index], score, start, start + size))
            for i in range(start, start + size):
                taken[i] = True
    return sorted(found, key=lambda m: m.start)


def test_the_signature_bits_are_64_distinct_class_thresholds():
    assert len(SIGNATURE_BITS) == 64 == len(set(SIGNATURE_BITS))
    assert all(t >= 1 for _k, t in SIGNATURE_BITS)


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_one_signature_equals_the_vectorised_ones(alphabet):
    rng = random.Random(alphabet)
    texts = [_random_text(rng, alphabet, 300) for _ in range(400)] + ["", "a", "é", "\U0001f52a", " " * 400]
    assert [letter_signature(t) for t in texts] == letter_signatures(texts).tolist()
    assert letter_signatures([]).tolist() == []


def test_a_signature_counts_characters_by_class():
    # "aab": a at least once and twice, b once; nothing else
    bits = {SIGNATURE_BITS.index((0, 1)), SIGNATURE_BITS.index((0, 2)), SIGNATURE_BITS.index((1, 1))}
    assert letter_signature("aab") == sum(1 << b for b in bits) == letter_signature("aba")
    other = query._OTHER  # every character outside a-z and the space is one class
    assert letter_signature("é1") == letter_signature("''") == letter_signature("\u00df\u4e2d") == sum(
        1 << SIGNATURE_BITS.index((other, t)) for t in (1, 2))
    assert letter_signature("") == 0


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_the_signature_bound_never_exceeds_the_indel_distance(alphabet):
    rng = random.Random(f"bound {alphabet}")
    for _ in range(3000):
        a = _random_text(rng, alphabet)
        # b: a with a few edits (close pairs matter most), or another random text
        b = list(a)
        for _edit in range(rng.randint(0, 6)):
            if b and rng.random() < 0.5:
                del b[rng.randrange(len(b))]
            else:
                b.insert(rng.randint(0, len(b)), rng.choice(alphabet))
        b = "".join(b) if rng.random() < 0.8 else _random_text(rng, alphabet)
        bound = int(np.bitwise_count(np.uint64(letter_signature(a)) ^ np.uint64(letter_signature(b))))
        assert bound <= Indel.distance(a, b), (a, b)


@pytest.mark.parametrize("cutoff", [0, 50, 82, 85, 88, 92, 99.5, 100])
@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_nothing_that_reaches_the_cutoff_is_ruled_out(alphabet, cutoff):
    rng = random.Random(f"reach {alphabet} {cutoff}")
    phrases = [_random_text(rng, alphabet, 16) for _ in range(300)]
    phrases += [p[:-1] for p in phrases[:50]] + [p + rng.choice(alphabet) for p in phrases[50:100]]
    signatures = letter_signatures(phrases)
    lengths = np.array([len(p) for p in phrases], dtype=np.float32)
    reach = build_reach(phrases, cutoff)
    for _ in range(60):
        text = rng.choice(phrases) if rng.random() < 0.3 else _random_text(rng, alphabet, 16)
        reaching = {i for i, p in enumerate(phrases) if fuzz.ratio(text, p, score_cutoff=cutoff) >= cutoff}
        kept = np.flatnonzero(within_reach(np.uint64(letter_signature(text)), len(text), signatures, lengths, cutoff))
        assert reaching <= set(kept.tolist())
        kept_reach = in_reach(reach, text)
        assert reaching <= set(kept_reach.tolist())
        assert kept_reach.tolist() == sorted(kept_reach.tolist())
        low, high = sorted(rng.sample(range(len(phrases) + 1), 2))
        assert in_reach(reach, text, low, high).tolist() == [i for i in kept_reach.tolist() if low <= i < high]


def test_the_margin_keeps_a_pair_at_exactly_the_cutoff():
    # ratio("abcd", "abce") = 75 exactly: d = 2 of 8 characters
    assert fuzz.ratio("abcd", "abce") == 75
    assert within_reach(np.uint64(letter_signature("abcd")), 4, letter_signatures(["abce"]), np.float32([4]), 75)[0]
    assert in_reach(build_reach(["abce"], 75), "abcd").tolist() == [0]
    assert 0 < MARGIN < 0.01


def test_reach_of_nothing_is_empty():
    assert in_reach(build_reach([], 85), "southwark").tolist() == []


def _force(monkeypatch, path: str) -> None:
    """Makes match_spans compare every phrase ("direct") or rule phrases out first ("reach")."""
    monkeypatch.setattr(query, "SMALL_COMPARISON", 10**9 if path == "direct" else 0)
    monkeypatch.setattr(query, "SMALL_COMPARISON_PER_SPAN", 0)


def _vocabulary(rng: random.Random, words: list[str], size: int) -> Vocabulary:
    pairs = []
    for i in range(size):
        phrase = " ".join(rng.choice(words) for _ in range(rng.choice((1, 1, 1, 2, 2, 3))))
        pairs.append((phrase, f"t{i % max(1, size // 3)}"))  # repeated phrases with other targets: ties
    pairs += [(p.upper(), t + "x") for p, t in pairs[:: 7]]  # the same cleaned phrase again
    return build_vocabulary(pairs)


WORDS = ["peckham", "peckam", "tower", "hamlets", "hamlet", "bow", "bo", "e", "a", "st", "saint", "paul",
         "pauls", "crystal", "palace", "palaces", "brixton", "brixtn", "croydon", "south", "youth",
         "café", "cafe", "kings", "king's", "cross", "x", "in", "and", "help", "london", "lon", "don"]


@pytest.mark.parametrize("forced", ["direct", "reach", "default"])
@pytest.mark.parametrize("seed", range(8))
def test_match_spans_gives_the_answer_of_comparing_everything(seed, forced, monkeypatch):
    if forced != "default":
        _force(monkeypatch, forced)
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, WORDS, rng.choice((3, 40, 400)))
    for _ in range(150):
        words = [query.clean(rng.choice(WORDS)) or "x" for _ in range(rng.randint(0, 6))]
        words = " ".join(words).split()
        for cutoff, min_chars in ((85, 3), (82, 2), (60, 2), (100, 2)):
            got = match_spans(words, vocabulary, cutoff=cutoff, max_span=4, min_chars=min_chars)
            assert got == _reference_match_spans(words, vocabulary, cutoff=cutoff, min_chars=min_chars), words


@pytest.mark.parametrize("seed", range(3))
def test_match_spans_on_random_letters_and_many_ties(seed, monkeypatch):
    _force(monkeypatch, "reach")
    rng = random.Random(f"letters {seed}")
    words = ["".join(rng.choice("abc") for _ in range(rng.randint(1, 6))) for _ in range(60)]
    vocabulary = _vocabulary(rng, words, 500)
    for _ in range(200):
        query_words = [rng.choice(words) for _ in range(rng.randint(1, 5))]
        for cutoff in (50, 70, 85):
            assert match_spans(query_words, vocabulary, cutoff=cutoff) == _reference_match_spans(
                query_words, vocabulary, cutoff=cutoff)


def test_match_spans_with_an_empty_vocabulary_or_query():
    assert match_spans(["peckham"], build_vocabulary([]), cutoff=85) == []
    assert match_spans([], build_vocabulary([("Peckham", "p")]), cutoff=85) == []


def test_a_vocabulary_built_without_signatures_compares_every_phrase(monkeypatch):
    _force(monkeypatch, "reach")
    built = build_vocabulary([("Tower Hamlets", "th"), ("Peckham", "p"), ("Peckham Rye", "pr")] * 3)
    bare = Vocabulary(built.phrases, built.targets, built.processed)  # as an older caller makes it
    words = "youth tower hamlet peckam".split()
    assert match_spans(words, bare, cutoff=85) == match_spans(words, built, cutoff=85) == _reference_match_spans(
        words, built, cutoff=85)
    assert [m.target for m in match_spans(words, built, cutoff=85)] == ["th", "p"]


def test_the_first_of_tied_phrases_wins_as_rapidfuzz_orders_them(monkeypatch):
    # rapidfuzz sorts by score, then by position in the choices (process_cpp.hpp, ExtractComp)
    _force(monkeypatch, "reach")
    vocabulary = build_vocabulary([("Peckham", "first"), ("Peckham", "second"), ("Peckam", "third")])
    assert match_spans(["peckham"], vocabulary, cutoff=85)[0].target == "first"
    assert match_spans(["peckhan"], vocabulary, cutoff=85)[0].target == "first"

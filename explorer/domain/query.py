"""Domain layer: reading what people type into the search box ("knife crim youth croydon").

A query has two parts, either of which may be missing: a topic (service areas and their
synonyms, service names, programmes, providers) and a place (a postcode, sector or district,
a neighbourhood or a borough). This module holds the pure parts: normalising text, splitting
"<topic> in/near <place>", spotting postcodes, and fuzzy-matching words against vocabularies
prepared once per published version.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from rapidfuzz import fuzz, process

MAX_QUERY_LENGTH = 200

#: Words that carry no meaning for the search ("help with domestic abuse near me").
STOPWORDS = frozenset(
    """a an and the for of to with in near around at by on my me i we our us is are
    help support service services advice someone something get find need want looking
    london please about from""".split()
)

#: "<topic> in <place>" connectors, in the order people use them.
CONNECTORS = ("near to", "close to", "near", "around", "in", "at")

_POSTCODE = re.compile(
    r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9])([A-Z]{2})?\b", re.IGNORECASE
)
_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9']+")

#: Fuzzy-match thresholds (0-100), one place each: a place name must be close to count,
#: a topic word may be a little further off ("crim" for "crime").
PLACE_CUTOFF = 85
TOPIC_CUTOFF = 82


@dataclass(frozen=True)
class QueryParts:
    """The text of a query split into its topic and place parts."""

    original: str
    cleaned: str
    topic: str
    place: str
    explicit_place: bool  # True when the user wrote "in"/"near" before the place
    too_long: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """Phrases to fuzzy-match against, each pointing at what it names (a term, a place...).

    Build once per published version with :func:`build_vocabulary`.
    """

    phrases: tuple[str, ...]
    targets: tuple[str, ...]
    processed: tuple[str, ...]


@dataclass(frozen=True)
class PhraseMatch:
    """A span of query words that matched a phrase of a vocabulary."""

    target: str
    phrase: str
    score: float
    start: int
    end: int  # word index, exclusive


def clean(text: str | None) -> str:
    """Lower-cases, removes accents, symbols and emoji, and collapses spaces."""
    if not text:
        return ""
    if not text.isascii():  # plain ASCII has no accents to take off (most of a register's text)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ")
    return " ".join(_WORD.findall(text))


def split_query(text: str | None) -> QueryParts:
    """Splits ``text`` into topic and place at the last "in"/"near"-style connector.

    >>> split_query("domestic abuse support near Peckam").place
    'peckam'
    """
    original = text or ""
    too_long = len(original) > MAX_QUERY_LENGTH
    cleaned = clean(original[:MAX_QUERY_LENGTH])
    words = cleaned.split()
    for connector in CONNECTORS:
        parts = connector.split()
        for i in range(len(words) - len(parts), 0, -1):
            if words[i : i + len(parts)] == parts and i + len(parts) < len(words):
                return QueryParts(
                    original,
                    cleaned,
                    topic=" ".join(words[:i]),
                    place=" ".join(words[i + len(parts) :]),
                    explicit_place=True,
                    too_long=too_long,
                )
    return QueryParts(original, cleaned, topic=cleaned, place="", explicit_place=False, too_long=too_long)


_FULL_TOKEN = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
_INWARD = re.compile(r"^[0-9]([A-Z]{2})?$")
_SECTOR_TOKEN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$")


def find_postcode(text: str, is_known: Callable[[str], bool] | None = None) -> tuple[str, int, int] | None:
    """Finds the first thing shaped like a postcode, sector or district in ``text``.

    A word shaped like a district ("N15") is a district unless the next word completes a
    sector or a postcode ("N1 5", "N1 5AA"), so "N15 youth" is the district N15, never the
    sector N1 5. One word with no space ("se154ab", "SE154") is passed on whole, for the
    postcode index to read. ``is_known`` (a label -> bool test against the postcode index),
    when given, keeps "E1 9 year olds" from becoming a sector that does not exist.

    Returns:
        The postcode as written (spaces normalised) and its character span, or None.
    """
    words = list(re.finditer(r"\S+", text.upper()))
    for i, word in enumerate(words):
        token = word.group()
        if _FULL_TOKEN.match(token):
            return f"{token[:-3]} {token[-3:]}", word.start(), word.end()
        if not (_DISTRICT.match(token) or _SECTOR_TOKEN.match(token)) or not any(ch.isdigit() for ch in token):
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        if following is not None and _DISTRICT.match(token) and _INWARD.match(following.group()):
            label = f"{token} {following.group()}"
            if is_known is None or is_known(label):
                return label, word.start(), following.end()
        return token, word.start(), word.end()
    return None


def build_vocabulary(entries: Mapping[str, Sequence[str]] | Sequence[tuple[str, str]]) -> Vocabulary:
    """Prepares phrases for matching: ``{target: [phrase, ...]}`` or ``[(phrase, target)]``."""
    pairs: list[tuple[str, str]] = []
    if isinstance(entries, Mapping):
        for target, phrases in entries.items():
            pairs.extend((p, target) for p in phrases)
    else:
        pairs = list(entries)
    seen: set[tuple[str, str]] = set()
    phrases, targets, processed = [], [], []
    for phrase, target in pairs:
        key = (clean(phrase), target)
        if not key[0] or key in seen:
            continue
        seen.add(key)
        phrases.append(phrase)
        targets.append(target)
        processed.append(key[0])
    return Vocabulary(tuple(phrases), tuple(targets), tuple(processed))


def match_spans(
    words: Sequence[str],
    vocabulary: Vocabulary,
    *,
    cutoff: float,
    max_span: int = 4,
    min_chars: int = 2,
) -> list[PhraseMatch]:
    """Finds the best non-overlapping spans of ``words`` that match vocabulary phrases.

    Longer spans are tried first, so "tower hamlet" matches "Tower Hamlets" as one place
    rather than "Tower" alone. Each span is scored with ``fuzz.ratio`` on cleaned text; a
    one-word span must have at least ``min_chars`` letters.
    """
    if not vocabulary.processed or not words:
        return []
    taken = [False] * len(words)
    found: list[PhraseMatch] = []
    for size in range(min(max_span, len(words)), 0, -1):
        for start in range(0, len(words) - size + 1):
            if any(taken[start : start + size]):
                continue
            span = " ".join(words[start : start + size])
            if len(span.replace(" ", "")) < max(min_chars, 2):
                continue
            if size == 1 and span in STOPWORDS:
                continue
            candidates = process.extract(
                span,
                vocabulary.processed,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=_cutoff_for(span, cutoff),
                limit=8,
            )
            best = next((c for c in candidates if _words_agree(span, c[0], cutoff)), None)
            if best is None:
                continue
            _choice, score, index = best
            found.append(
                PhraseMatch(vocabulary.targets[index], vocabulary.phrases[index], score, start, start + size)
            )
            for i in range(start, start + size):
                taken[i] = True
    return sorted(found, key=lambda m: m.start)


def content_words(words: Sequence[str]) -> list[str]:
    """The words of a query that are not stopwords."""
    return [w for w in words if w not in STOPWORDS]


def _words_agree(span: str, phrase: str, cutoff: float) -> bool:
    """Checks a multi-word match word by word, so "youth croydon" is not "South Croydon"."""
    span_words, phrase_words = span.split(), phrase.split()
    if len(span_words) == 1:
        return True
    if len(span_words) != len(phrase_words):
        return fuzz.ratio(span, phrase) >= max(cutoff, 92.0)
    return all(
        fuzz.ratio(a, b) >= _cutoff_for(a, cutoff) for a, b in zip(span_words, phrase_words)
    )


def _cutoff_for(span: str, cutoff: float) -> float:
    # Short words need a closer match: one letter off in "bow" is a different word.
    length = len(span)
    if length <= 3:
        return 100.0
    if length <= 5:
        return max(cutoff, 88.0)
    return cutoff

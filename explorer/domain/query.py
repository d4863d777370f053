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
from dataclasses import dataclass, field
from typing import Iterator, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from explorer.domain.slips import swaps
from explorer.domain.written import split_hashtags, undisguised

MAX_QUERY_LENGTH = 500

#: Words that carry no meaning for the search ("help with domestic abuse near me"), including the
#: question and filler words residents write ("where can I get help if ...", "how do I ...",
#: "I'm scared ..."): left in, they matched every description that says "you can" or "how".
STOPWORDS = frozenset(
    """a an and the for of to with in near nr around at by on my me i we our us is are
    help helping helps support supporting supports service services advice someone something get find
    need want looking
    london please about from
    where what when who whom which why how can could would should will shall do does did
    if was were am be been being it its this that these those there have has had any
    im i'm ive i've id i'd dont don't cant can't wont won't just really very so
    u ur n pls plz tho cos coz but or as than then too because here through round anymore""".split()
)

#: Words that carry meaning only inside a phrase ("after school", "old bailey"): alone they are not
#: searched for ("help after burglary" is not every description that says "after"; nor the
#: "okay Google" or "hey Siri" a phone's voice search writes first).
WEAK_WORDS = frozenset(
    """after before during since until while also even ever still never other others every all
    some any many much more most less lot lots thing things stuff way time times day days year years line
    got gets getting go goes gone went keep keeps kept make makes made take takes took tell told say
    said think thought know knew like well back out over off up down one two her him his she he they
    them their you your live lives living area areas borough local nearby thanks thank
    station road street lane avenue stn rd home work
    against towards toward without only again always today tonight yesterday tomorrow night nights
    week weeks month months hour hours minute minutes mins last next old yr yrs age aged people person
    everyone anyone somebody
    anybody happen happened happening worried worry scared afraid risk stop start started new
    worker workers referral referrals refer referred referring form forms pathway pathways
    number contact phone call group groups leave leaving keeping
    three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen twenty hundred thousand pounds not no nothing none deal report use uses
    using place stay centre center high common money app free come comes came coming better run runs
    met link asked date weekend count look looks understands involved olds
    okay ok hey hi hello google siri alexa""".split()
)

#: "<topic> in <place>" connectors, in the order people use them.
CONNECTORS = ("near to", "close to", "near", "nr", "around", "in", "at")
_CONNECTOR_WORDS = frozenset(word for connector in CONNECTORS for word in connector.split())
#: What follows a connector without naming one place: "near me", "in my area", "in London".
NOWHERE = frozenset({"me", "here", "us", "my area", "the area", "your area", "local area", "my local area",
                     "where i live", "where i am", "london", "greater london", "all of london", "anywhere",
                     "my home", "my house", "my flat", "my street", "my road", "my estate"})

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # (quotes round a word are not part of it: "'lost'")

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
    connector: str = ""  # the word(s) before the place ("near", "in", "at")


@dataclass(frozen=True)
class Vocabulary:
    """Phrases to fuzzy-match against, each pointing at what it names (a term, a place...).

    Build once per published version with :func:`build_vocabulary`.
    """

    phrases: tuple[str, ...]
    targets: tuple[str, ...]
    processed: tuple[str, ...]
    #: Each processed phrase's first position (the phrase a span equal to it matches).
    first: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: Per processed phrase: its :func:`letter_signatures` and length (to rule phrases out cheaply).
    signatures: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64), compare=False, repr=False)
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32), compare=False, repr=False)


@dataclass(frozen=True)
class PhraseMatch:
    """A span of query words that matched a phrase of a vocabulary."""

    target: str
    phrase: str
    score: float
    start: int
    end: int  # word index, exclusive


#: Letters that Unicode does not write as a plain letter and an accent, so taking accents off
#: would drop them and split the word ("ırkçı saldırı", Turkish for "racist attack", was "rkc sald r"):
#: Turkish dotless i, Polish ł, Scandinavian ø and æ, German ß, Croatian đ, œ, Icelandic þ and ð.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
                                "ß": "ss", "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
                                "ð": "d", "Ð": "D"})


def unaccented(text: str) -> str:
    """``text`` with accents taken off and the letters of :data:`_PLAIN_LETTERS` written plain
    ("Crème", "ırkçı" -> "Creme", "irkci"); plain ASCII is returned as it is."""
    if text.isascii():  # plain ASCII has no accents to take off (most of a register's text)
        return text
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def clean(text: str | None) -> str:
    """Lower-cases, removes accents, symbols and emoji, and collapses spaces; a hashtag's words run
    together with capitals are split ("#DalstonJunction" -> "dalston junction"), and a letter written
    as a digit or symbol between letters is read as the letter ("h0mophobic", "r@cist").

    >>> clean("Stabbing near #DalstonJunction 😢")
    'stabbing near dalston junction'
    """
    if not text:
        return ""
    text = undisguised(split_hashtags(unaccented(text)).lower().replace("&", " and "))
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
    if _CONNECTOR_WORDS.isdisjoint(words):  # (most queries have no "in"/"near": nothing to split at)
        return QueryParts(original, cleaned, topic=cleaned, place="", explicit_place=False, too_long=too_long)
    for connector in CONNECTORS:
        parts = connector.split()
        for i in range(len(words) - len(parts), 0, -1):
            if words[i : i + len(parts)] == parts and i + len(parts) < len(words):
                place = " ".join(words[i + len(parts) :])
                if place in NOWHERE:  # "near me", "in London": no one place; the rest is the query
                    topic = " ".join(words[:i])
                    return QueryParts(original, topic, topic=topic, place="", explicit_place=False, too_long=too_long)
                return QueryParts(
                    original,
                    cleaned,
                    topic=" ".join(words[:i]),
                    place=place,
                    explicit_place=True,
                    too_long=too_long,
                    connector=connector,
                )
    return QueryParts(original, cleaned, topic=cleaned, place="", explicit_place=False, too_long=too_long)


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
    first: dict[str, int] = {}
    for i, p in enumerate(processed):
        first.setdefault(p, i)
    return Vocabulary(tuple(phrases), tuple(targets), tuple(processed), first, letter_signatures(processed),
                      np.array([len(p) for p in processed], dtype=np.float32))


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

    Each span's candidates are rapidfuzz's top 8 of the whole vocabulary (best score first, then
    vocabulary order); the phrases :func:`within_reach` rules out could not be among them, so on a
    large vocabulary only the others are compared (the same answer, much sooner).
    """
    if not vocabulary.processed or not words:
        return []
    # Every span that could be read, in the order they are tried (longest first, then leftmost).
    spans: list[tuple[int, int, str, float]] = []
    for size in range(min(max_span, len(words)), 0, -1):
        for start in range(0, len(words) - size + 1):
            span = " ".join(words[start : start + size])
            if len(span.replace(" ", "")) < max(min_chars, 2):
                continue
            if size == 1 and span in STOPWORDS:
                continue
            spans.append((size, start, span, _cutoff_for(span, cutoff)))
    # A span equal to a phrase has its answer at once: the first such phrase scores 100, ahead of
    # all others (rapidfuzz orders equal scores by position), and agrees with the span word by word.
    exact = [vocabulary.first.get(span) for _size, _start, span, _cut in spans]
    reachable = iter(_reachable(vocabulary, [s for s, e in zip(spans, exact) if e is None]))
    taken = [False] * len(words)
    found: list[PhraseMatch] = []
    for (size, start, span, span_cutoff), index in zip(spans, exact):
        within = next(reachable) if index is None else None
        if True in taken[start : start + size]:
            continue
        if index is not None:
            candidates = [(span, 100.0, index)]
        elif within is None:  # a small vocabulary or few spans: every phrase is compared
            candidates = process.extract(
                span, vocabulary.processed, scorer=fuzz.ratio, processor=None, score_cutoff=span_cutoff, limit=8
            )
        elif not len(within):
            continue
        else:  # the phrases in reach, in vocabulary order (so ties keep rapidfuzz's order)
            processed = vocabulary.processed
            near = process.extract(
                span, [processed[i] for i in within], scorer=fuzz.ratio, processor=None,
                score_cutoff=span_cutoff, limit=8,
            )
            candidates = [(choice, score, int(within[k])) for choice, score, k in near]
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


#: Below ``SMALL_COMPARISON + SMALL_COMPARISON_PER_SPAN * spans`` span-phrase pairs, a query's spans
#: are compared with every phrase directly: rapidfuzz takes about 27 ns a pair, ruling phrases out
#: about 8 microseconds plus 2.7 a span (measured on the place and service-area vocabularies).
SMALL_COMPARISON = 300
SMALL_COMPARISON_PER_SPAN = 100


def _reachable(vocabulary: Vocabulary, spans: Sequence[tuple[int, int, str, float]]) -> list[np.ndarray | None]:
    """For each span, the positions of the phrases :func:`within_reach` of it (ascending), or
    None for every span when the vocabulary is small enough to compare whole."""
    pairs = len(spans) * len(vocabulary.processed)
    if (not spans or pairs < SMALL_COMPARISON + SMALL_COMPARISON_PER_SPAN * len(spans)
            or len(vocabulary.signatures) != len(vocabulary.processed)):
        return [None] * len(spans)
    # within_reach() of each span, its terms worked out once per span (a few small arrays fewer)
    shares = [(100.0 - cut) / 100.0 for *_rest, cut in spans]
    allowance = np.array(shares, dtype=np.float32)[:, None] * vocabulary.lengths
    allowance += np.array([share * len(span) + MARGIN for share, (_size, _start, span, _cut) in zip(shares, spans)],
                          dtype=np.float32)[:, None]
    texts = [span for _size, _start, span, _cut in spans]
    signatures = (letter_signatures(texts) if len(texts) > 2 else  # (one or two: quicker one by one)
                  np.array([letter_signature(t) for t in texts], dtype=np.uint64))
    keep = np.bitwise_count(signatures[:, None] ^ vocabulary.signatures) <= allowance
    reachable: list[np.ndarray | None] = [_NONE_IN_REACH] * len(spans)
    for row in np.flatnonzero(keep.any(axis=1)).tolist():  # (usually one span or none)
        reachable[row] = np.flatnonzero(keep[row])
    return reachable


_NONE_IN_REACH = np.zeros(0, dtype=np.int64)


# -- Ruling phrases out before comparing them: letter signatures (the proof is within_reach's) --

#: The character classes of a signature: each of these characters, then one class for all others.
SIGNATURE_CLASSES = "abcdefghijklmnopqrstuvwxyz "
_OTHER = len(SIGNATURE_CLASSES)
#: The (class, threshold) pair of each of the 64 bits: every class at 1 and 2, then the counts
#: that differ most between names (spaces, "e", "a", "o") at higher thresholds.
SIGNATURE_BITS: tuple[tuple[int, int], ...] = (
    *((k, t) for k in range(_OTHER + 1) for t in (1, 2)),
    *((SIGNATURE_CLASSES.index(" "), t) for t in (3, 4, 5, 6)),
    (SIGNATURE_CLASSES.index("e"), 3), (SIGNATURE_CLASSES.index("e"), 4),
    (SIGNATURE_CLASSES.index("a"), 3), (SIGNATURE_CLASSES.index("o"), 3),
)
_CAP = 255  # counts above this set the same bits (no threshold is that high)


def _masks_by_count() -> tuple[tuple[int, ...], ...]:
    """For each class, the signature bits set by having ``n`` of its characters, ``n <= _CAP``."""
    out = []
    for k in range(_OTHER + 1):
        bits = [(bit, t) for bit, (kk, t) in enumerate(SIGNATURE_BITS) if kk == k]
        out.append(tuple(sum(1 << bit for bit, t in bits if t <= n) for n in range(_CAP + 1)))
    return tuple(out)


_MASKS_BY_COUNT = _masks_by_count()
_MASK_TABLE = np.array(_MASKS_BY_COUNT, dtype=np.uint64)
_CLASSES = np.arange(_OTHER + 1)
_MASKS_OF_CHAR = {ch: _MASKS_BY_COUNT[k] for k, ch in enumerate(SIGNATURE_CLASSES)}
_CLASS_OF = np.full(128, _OTHER, dtype=np.int64)
_CLASS_OF[[ord(ch) for ch in SIGNATURE_CLASSES]] = np.arange(len(SIGNATURE_CLASSES))


def letter_signatures(texts: Sequence[str]) -> np.ndarray:
    """Each text's letter signature (``uint64``): bit ``i`` is set when the text has at least ``t``
    characters of class ``k``, for ``(k, t) = SIGNATURE_BITS[i]`` (see :func:`within_reach` for the bound they give)."""
    n = len(texts)
    if not n:
        return np.zeros(0, dtype=np.uint64)
    joined = "".join(texts)
    if joined.isascii():  # (cleaned text always is)
        classes = _CLASS_OF[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    else:
        classes = _CLASS_OF[np.minimum(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32), 127)]
    lengths = [len(t) for t in texts]
    width = _OTHER + 1
    slots = np.repeat(np.arange(0, n * width, width, dtype=np.int64), lengths)
    slots += classes
    counts = np.bincount(slots, minlength=n * width).reshape(n, width)
    if max(lengths) > _CAP:
        counts = np.minimum(counts, _CAP)
    # (each class's bits are its own, so adding the classes' masks sets the same bits as OR)
    return _MASK_TABLE[_CLASSES, counts].sum(axis=1, dtype=np.uint64)


def letter_signature(text: str) -> int:
    """One text's letter signature, as :func:`letter_signatures` (quicker for a single short text)."""
    signature = 0
    other = 0
    count = text.count
    for ch in set(text):
        masks = _MASKS_OF_CHAR.get(ch)
        if masks is None:
            other += count(ch)
        else:
            signature |= masks[min(count(ch), _CAP)]
    if other:
        signature |= _MASKS_BY_COUNT[_OTHER][min(other, _CAP)]
    return signature


def within_reach(signature, length, signatures, lengths, cutoff) -> np.ndarray:
    """True where a text (``signature``, ``length``) and a phrase (``signatures``, ``lengths``) could
    have ``fuzz.ratio`` of at least ``cutoff``; False only where they cannot (numpy broadcasting:
    one text against many phrases, or a column of texts against a row of phrases).

    Why no pair that reaches the cutoff is ever False:

    ``fuzz.ratio(a, b)`` is ``100 * (1 - d / (len(a) + len(b)))`` where ``d`` is the InDel distance
    (the fewest single-character insertions and deletions turning ``a`` into ``b``), so a score of
    at least ``c`` needs ``d <= (1 - c / 100) * (len(a) + len(b))``. Sort characters into classes
    (each of a-z, the space, one class for every other character) and let ``h_a(k)`` count the
    characters of ``a`` in class ``k``. Then:

    1. ``sum_k |h_a(k) - h_b(k)| <= d``: each insertion or deletion changes exactly one class's
       count by exactly one, and ``d`` of them turn ``h_a`` into ``h_b``.
    2. For each class, ``|h_a(k) - h_b(k)| = sum_{t >= 1} |[h_a(k) >= t] - [h_b(k) >= t]|``
       (exactly the thresholds ``t`` above the smaller count and up to the larger differ), so a sum
       over any set of pairs ``(k, t)`` is at most ``sum_k |h_a(k) - h_b(k)|``.
    3. A letter signature holds 64 such bits ``[h(k) >= t]`` (:data:`SIGNATURE_BITS`), so the
       number of bits two signatures differ in is a sum of step 2's kind:
       ``popcount(sig_a ^ sig_b) <= sum_k |h_a(k) - h_b(k)| <= d``.

    So ``popcount(sig_a ^ sig_b) > (1 - c / 100) * (len(a) + len(b))`` means a score below ``c``.
    The allowance is raised by :data:`MARGIN`, more than any rounding of rapidfuzz's score or of
    float32 lengths could take off it. tests/unit/test_query_reach.py checks the bound against
    rapidfuzz's InDel distance and scores on random strings.
    """
    share = (100.0 - cutoff) / 100.0
    allowance = share * lengths
    allowance += share * length + MARGIN
    return np.bitwise_count(np.bitwise_xor(signature, signatures)) <= allowance


#: Added to the InDel allowance of a cutoff (see :func:`within_reach`).
MARGIN = 1e-3


def content_words(words: Sequence[str]) -> list[str]:
    """The words of a query that are not stopwords."""
    return [w for w in words if w not in STOPWORDS]


def _words_agree(span: str, phrase: str, cutoff: float) -> bool:
    """Checks a match word by word, so "youth croydon" is not "South Croydon"; and each word keeps
    its first letter, as people seldom mistype it: "dealing" and "healing" are not Ealing."""
    span_words, phrase_words = span.split(), phrase.split()
    if span[:1] != phrase[:1]:
        return False
    if len(span_words) == 1:
        return True
    if len(span_words) != len(phrase_words):
        # Words run together or split ("walthamstow" typed "waltham stow"), but never a stopword
        # glued on: "over and over" is not the Andover estate. Compared without the spaces too
        # ("south hall", as a phone's voice search hears Southall), then with no weak word glued
        # on either ("nail bar next to" is not Barnet).
        if any(w in STOPWORDS and w not in phrase_words for w in span_words):
            return False
        least = max(cutoff, 92.0)
        if fuzz.ratio(span, phrase) >= least:
            return True
        return (not any(w in WEAK_WORDS and w not in phrase_words for w in span_words)
                and fuzz.ratio(span.replace(" ", ""), phrase.replace(" ", "")) >= least)
    return all(
        a[0] == b[0] and (fuzz.ratio(a, b) >= _cutoff_for(a, cutoff) or _swapped(a, b))
        for a, b in zip(span_words, phrase_words)
    )


def _swapped(typed: str, word: str) -> bool:
    """Two neighbouring letters typed the wrong way round in a word of four letters or more ("canning
    twon"): one slip (:func:`~explorer.domain.slips.swaps`), though ``fuzz.ratio`` counts it as two."""
    return len(word) >= 4 and len(typed) == len(word) and word in swaps(typed)


def _cutoff_for(span: str, cutoff: float) -> float:
    # Short words need a closer match: one letter off in "bow" is a different word.
    length = len(span)
    if length <= 3:
        return 100.0
    if length <= 5:
        return max(cutoff, 88.0)
    return cutoff


@dataclass(frozen=True, eq=False)
class Reach:
    """Texts prepared to be ruled out cheaply against one fixed cutoff (see :func:`in_reach`)."""

    cutoff: float
    signatures: np.ndarray  # uint64, per text (:func:`letter_signatures`)
    allowances: np.ndarray  # float32, per text: its share of the InDel distance the cutoff allows


def build_reach(texts: Sequence[str], cutoff: float) -> Reach:
    """Prepares ``texts`` for :func:`in_reach` at ``cutoff`` (once per published version)."""
    share = (100.0 - cutoff) / 100.0
    lengths = np.array([len(t) for t in texts], dtype=np.float64)
    return Reach(cutoff, letter_signatures(texts), (share * lengths + MARGIN).astype(np.float32))


def in_reach(reach: Reach, text: str, low: int = 0, high: int | None = None) -> np.ndarray:
    """The positions (ascending) among ``low:high`` of the prepared texts that could have
    ``fuzz.ratio(text, ...)`` of at least the cutoff: every one that does, usually few others.

    The same test as :func:`within_reach`, with each text's share of the allowance computed once
    (the float32 rounding of it is far inside :data:`MARGIN`).
    """
    share = (100.0 - reach.cutoff) / 100.0
    bound = np.bitwise_count(np.bitwise_xor(reach.signatures[low:high], np.uint64(letter_signature(text))))
    return low + np.flatnonzero(bound <= reach.allowances[low:high] + np.float32(share * len(text)))


def capitalised_in(word: str, typed: str, after: str = "") -> Iterator[re.Match]:
    """Where the lower-case ``word`` is written in ``typed`` with a capital first letter, as a
    whole word (and, when given, not followed by the pattern ``after``)."""
    pattern = rf"(?<![\w']){re.escape(word[:1].upper() + word[1:])}(?![\w'])" + (f"(?!{after})" if after else "")
    return re.finditer(pattern, typed)


def written_as_a_name(word: str, typed: str) -> bool:
    """True when ``word`` is written in ``typed`` with a capital, not first in a sentence and not
    before "holiday": "groped at Bank, now ..." but not "Bank holiday" or "Bank was closed"."""
    return any(typed[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?")
               for m in capitalised_in(word, typed, after=r"\s+(?i:holidays?)\b"))

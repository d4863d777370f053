"""Query words and the spans a place takes in them (helpers of :mod:`.reading`)."""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from explorer.domain.query import STOPWORDS


def with_borough(query: str, typed: Sequence[str], label: str, borough: str) -> str:
    """The query with a place's words followed by its borough's name ("youth club hayes" ->
    "youth club Hayes, Bromley"), which chooses that place of a shared name; at the end when the
    words cannot be found in the text as typed."""
    pattern = r"(?<![\w'])" + r"[\W_]+".join(re.escape(w) for w in typed) + r"(?![\w'])"
    found = re.search(pattern, query, flags=re.IGNORECASE) if typed else None
    if found is None:
        return f"{query.strip()} {label}, {borough}"
    return f"{query[:found.start()]}{label}, {borough}{query[found.end():]}".strip()


def without_spans(words: Sequence[str], *spans: tuple[int, int] | None) -> list[str]:
    drop = set()
    for span in spans:
        if span:
            drop.update(range(span[0], span[1]))
    return [w for i, w in enumerate(words) if i not in drop]


def char_span_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    first = len(text[:start].split())
    count = len(text[start:end].split())
    return first, first + count


def place_names_in(words: Sequence[str], names: Mapping[str, int], longest: int = 4) -> set[int]:
    """The positions of ``words`` that spell a place's name exactly (``names``: the place
    vocabulary's phrases), of one to ``longest`` words ("tower hamlets", "canary wharf", "enfield")."""
    out: set[int] = set()
    for size in range(1, longest + 1):
        for start in range(len(words) - size + 1):
            if " ".join(words[start:start + size]) in names:
                out.update(range(start, start + size))
    return out


def words_before(words: Sequence[str], start: int, reach: int = 3) -> Sequence[str]:
    """The words before ``words[start]`` that may complete a thesaurus row of two parts with the
    words from there ("out" + "feltham"): at most ``reach``, from the last that is not a stopword
    ("out of Feltham", not "keeps her out overnight. Feltham")."""
    near = words[max(0, start - reach):start]
    last = max((i for i, w in enumerate(near) if w not in STOPWORDS), default=len(near))
    return near[last:]

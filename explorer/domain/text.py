"""Domain layer: turning text into search tokens (clean, drop stopwords, stem).

The same :class:`Analyzer` reads the register when the index is built and the query when
someone searches, so "counselling", "counsellor" and "counsellors" meet on one stem.
Stemming is the Snowball English (Porter 2) algorithm from ``snowballstemmer``.
"""

from __future__ import annotations

from typing import Iterable

import snowballstemmer

from explorer.domain.query import clean

#: Words too common in service descriptions to help find one ("the", "and", "service").
INDEX_STOPWORDS = frozenset(
    """a an and are as at be by for from has have in into is it its of on or that the their
    them they this to was were which who will with""".split()
)


#: Words whose Snowball stem would join them to a word of another meaning, kept whole (as Lucene's
#: ``StemmerOverrideFilter`` does): "driving" (drink driving, dangerous driving) is not "Drive", the
#: domestic abuse perpetrator programme.
STEM_OVERRIDES = {"driving": "driving"}


class Analyzer:
    """Cleans and stems words; keeps a cache of stems (one per index, never shared)."""

    def __init__(self) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The Snowball stem of one cleaned word ("counselling" -> "counsel")."""
        stem = self._cache.get(word)
        if stem is None:
            stem = (word if any(ch.isdigit() for ch in word)
                    else STEM_OVERRIDES.get(word) or self._stemmer.stemWord(word))
            self._cache[word] = stem
        return stem

    def words(self, text: str | None) -> list[str]:
        """The cleaned words of a text that can carry meaning (no index stopwords, 2+ letters)."""
        return [w for w in clean(text).replace("'", " ").split() if len(w) >= 2 and w not in INDEX_STOPWORDS]

    def tokens(self, text: str | None) -> list[str]:
        """The stems of a text's meaningful words, in order."""
        return [self.stem(w) for w in self.words(text)]

    def stems(self, words: Iterable[str]) -> list[str]:
        """The stems of already-cleaned words."""
        return [self.stem(w) for w in words]

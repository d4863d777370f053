"""Domain layer: the two commonest slips of a finger on a phone keyboard.

Two neighbouring letters swapped ("ilfrod" for "ilford"), and one letter typed as a key beside it
("camdem" for "camden": n and m sit together). Both cost a six-letter name more than a fuzzy
cutoff can allow without also admitting unrelated words, so the search tries them exactly: a
slip undone must give a name it knows. The first letter is never changed (people seldom mistype
it), and :func:`slips` yields the candidates in a fixed order so the first known one is chosen the
same way every time.
"""

from __future__ import annotations

from typing import Iterator

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    """Each letter's keys beside it on the same row of a QWERTY keyboard."""
    out: dict[str, str] = {}
    for row in _ROWS:
        for i, key in enumerate(row):
            out[key] = row[max(0, i - 1):i] + row[i + 1:i + 2]
    return out


#: Each letter's neighbours on its row ("n": "bm").
KEY_NEIGHBOURS = _neighbours()


def swaps(word: str) -> Iterator[str]:
    """The words ``word`` would be with two neighbouring letters swapped back ("yuoth" -> "youth"),
    never the first letter."""
    for i in range(1, len(word) - 1):
        if word[i] != word[i + 1]:
            yield f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2:]}"


def slips(word: str) -> Iterator[str]:
    """The words ``word`` would be with one slip undone: each pair of neighbouring letters swapped
    back (:func:`swaps`), then each letter after the first replaced by a key beside it."""
    yield from swaps(word)
    for i in range(1, len(word)):
        for key in KEY_NEIGHBOURS.get(word[i], ""):
            yield f"{word[:i]}{key}{word[i + 1:]}"

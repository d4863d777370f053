"""Domain layer: a child with an adult 'boyfriend' or 'girlfriend', told by the two ages.

"my daughter is 15 and her 'boyfriend' is 25", "my 13 year old has a boyfriend in his 20s": people
seldom name grooming, but the ages say it. Statutory guidance lists a relationship with a much
older partner among the signs of child sexual exploitation (Department for Education, *Child
sexual exploitation: definition and guide for practitioners*, 2017), so the search reads such a
query as exploitation first. Pure functions on a query's cleaned words (:func:`query.clean`).
"""

from __future__ import annotations

import re
from typing import Sequence

#: Words for a partner that, next to a child's age and an adult's, mean an adult partner of a child.
PARTNER_WORDS = frozenset("boyfriend boyfriends girlfriend girlfriends bf gf".split())

#: The oldest a child is, and the youngest an adult partner of one counts as much older: at least
#: ``MIN_GAP`` years older and at least ``ADULT`` (so 17 and 19 are two young people, not grooming).
CHILD_MAX = 17
CHILD_MIN = 10
ADULT = 20
MIN_GAP = 5

#: A number straight after these is not an age ("flat 12", "the 25 bus", "year 9", "room 14").
_NOT_AN_AGE_AFTER = frozenset(
    "flat flats block house no number bus route room floor door unit apartment year years since till "
    "until at by from platform gate page line ward bed".split())
#: ... nor straight before these ("15 minutes", "20 quid", "12 years" of a duration; "12 years old" is
#: an age and is read before this is asked).
_NOT_AN_AGE_BEFORE = frozenset(
    "am pm times time mins minutes min hours hour hrs days day weeks week months month years yrs year "
    "quid pounds grand k percent pc miles mile metres stone kg calls messages texts bus buses".split())

_AGE_WORD = re.compile(r"^(\d{1,2})(?:yo|yrs|yr)?$")
_DECADE = re.compile(r"^([2-9])0s$")


def _ages_at(words: Sequence[str]) -> list[tuple[int, int]]:
    """(position, age) of each word of ``words`` that reads as an age (:func:`ages`)."""
    out: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if (decade := _DECADE.match(word)) is not None:
            if before in {"his", "her", "their", "early", "late", "mid"}:
                out.append((i, int(decade.group(1)) * 10))
            continue
        match = _AGE_WORD.match(word)
        if match is None or before in _NOT_AN_AGE_AFTER:
            continue
        value = int(match.group(1))
        if value < CHILD_MIN:
            continue
        said_old = after in {"year", "years", "yr", "yrs", "yo"} and i + 2 < len(words) and words[i + 2] == "old"
        if word != match.group(1) or said_old or after not in _NOT_AN_AGE_BEFORE:
            out.append((i, value))
    return out


def ages(words: Sequence[str]) -> list[int]:
    """The ages in ``words``, in order: a number of 10 to 99 that reads as an age ("15", "15yo",
    "16 yr old", "is 25"), or a decade ("in his 20s" as 20). Counts, times, money, flats, buses
    and school years are left out."""
    return [age for _, age in _ages_at(words)]


def age_words(words: Sequence[str]) -> frozenset[str]:
    """The words of ``words`` read as ages (:func:`ages`), as written: "15", "15yo", "20s" of "in
    his 20s" (which alone is no age)."""
    return frozenset(words[i] for i, _ in _ages_at(words))


def child_with_adult_partner(words: Sequence[str]) -> bool:
    """True when ``words`` name a partner ("boyfriend", "gf") and both a child's age and one at
    least :data:`MIN_GAP` years older and :data:`ADULT` or over: "my daughters 15 and her 'boyfriend'
    is 25", "my 13 year old has a boyfriend in his 20s"."""
    if PARTNER_WORDS.isdisjoint(words):
        return False
    found = ages(words)
    children = [a for a in found if CHILD_MIN <= a <= CHILD_MAX]
    if not children:
        return False
    youngest = min(children)
    return any(a >= ADULT and a - youngest >= MIN_GAP for a in found)

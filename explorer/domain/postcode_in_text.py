"""Domain layer: finding a postcode, sector or district in what people type ("domestic abuse
SE15 4", "N15 youth", "victim support N 15"). Pure: the postcode index is asked through callables."""

from __future__ import annotations

import re
from typing import Callable

_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"[0-9]")
_FULL_TOKEN = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
_INWARD = re.compile(r"^[0-9]([A-Z]{2})?$")
_SECTOR_TOKEN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$")
#: Words after a bus route's number ("N29 night bus", "W7 bus"), which is then no postcode.
_BUS_WORDS = frozenset({"BUS", "BUSES", "NIGHT"})
#: A night bus's route ("N29"), when it is no postcode district.
_NIGHT_ROUTE = re.compile(r"^N[0-9]+$")


def postcode_shaped(token: str) -> bool:
    """Whether one word has the shape of a postcode district, sector or full postcode, in any case
    ("sw1a", "EC1V", "se154", "se154ab"), whether or not it exists."""
    upper = token.upper()
    return bool(_DISTRICT.match(upper) or _SECTOR_TOKEN.match(upper) or _FULL_TOKEN.match(upper))


def find_postcode(text: str, is_known: Callable[[str], bool] | None = None,
                  is_district: Callable[[str], bool] | None = None) -> tuple[str, int, int] | None:
    """Finds the first thing shaped like a postcode, sector or district in ``text``.

    A word shaped like a district ("N15") is a district unless the next word completes a
    sector or a postcode ("N1 5", "N1 5AA"), so "N15 youth" is the district N15, never the
    sector N1 5. One word with no space ("se154ab", "SE154") is passed on whole, for the
    postcode index to read. ``is_known`` (a label -> bool test against the postcode index),
    when given, keeps "E1 9 year olds" from becoming a sector that does not exist. ``is_district``
    (a label -> bool test: a postcode district the index knows), when given, joins a district typed
    with a space after its letters ("N 15").

    Returns:
        The postcode as written (spaces normalised) and its character span, or None.
    """
    if not _HAS_DIGIT.search(text) and (is_district is None or not _NUMBER_WORD.search(text)):
        return None  # every postcode, sector and district has a digit, or a number said as a word
    words = _joined_areas(list(re.finditer(r"\S+", text.upper())), is_district)
    for i, word in enumerate(words):
        token = word.group()
        if _FULL_TOKEN.match(token):
            return f"{token[:-3]} {token[-3:]}", word.start(), word.end()
        if not (_DISTRICT.match(token) or _SECTOR_TOKEN.match(token)) or not any(ch.isdigit() for ch in token):
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        if following is not None and following.group().strip(".,;:!?") in _BUS_WORDS:
            continue  # a bus route ("on the N29 night bus", "the W7 bus"), not a district or sector
        if (i and words[i - 1].group() == "THE" and _NIGHT_ROUTE.match(token) and is_district is not None
                and not is_district(token)):
            continue  # "on the N29": a night bus, not the sector N2 9 run together ("the N15" is a district)
        if following is not None and _DISTRICT.match(token) and _INWARD.match(following.group()):
            label = f"{token} {following.group()}"
            if is_known is None or is_known(label):
                return label, word.start(), following.end()
        return token, word.start(), word.end()
    return None


#: London's postcode areas: a district typed with a space after its letters ("N 15", "SE 5") is joined.
LONDON_AREAS = frozenset("E EC N NW SE SW W WC BR CR DA EN HA IG KT RM SM TW UB".split())
_AREA_NUMBER = re.compile(r"^[0-9]{1,2}[A-Z]?$")
_AGE_WORDS = frozenset("YEAR YEARS YR YRS YO Y/O".split())
#: Words after a number that make it a count, after "n" or "w" typed for "and" or "with" ("me n 2
#: kids", "me w 3 mates"); "e 17 kids club" is still E17.
_COUNTED = frozenset("""KIDS CHILDREN SONS DAUGHTERS BOYS GIRLS BABIES BROTHERS SISTERS FRIENDS MATES PEOPLE
    DOGS TIMES DAYS WEEKS MONTHS HOURS MINS MINUTES""".split())
_TEXT_SPEAK_AREAS = frozenset({"N", "W"})
_AGE_OR_COUNT = _AGE_WORDS | _COUNTED


class _Joined:
    """Two words read as one (a postcode area and its number), shaped like a regex match."""

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _joined_areas(words: list, is_district: Callable[[str], bool] | None) -> list:
    """The words with a London postcode area and the number after it joined when they make a known
    district ("N 15" -> "N15", and "S E 15", as a phone's voice search writes SE15, -> "SE15"); not
    before an age ("n 15 year old": "n" for "and"), nor "n" or "w" before a count ("me n 2 kids",
    "me w 2 kids")."""
    if is_district is None:
        return words
    words = _spelt_areas(_spoken_numbers(words))
    out, i = [], 0
    while i < len(words):
        word = words[i]
        after = words[i + 1] if i + 1 < len(words) else None
        beyond = words[i + 2].group() if i + 2 < len(words) else ""
        if (after is not None and word.group() in LONDON_AREAS and _AREA_NUMBER.match(after.group())
                and beyond not in _AGE_WORDS and not (word.group() in _TEXT_SPEAK_AREAS and beyond in _COUNTED)
                and is_district(word.group() + after.group())):
            out.append(_Joined(word.group() + after.group(), word.start(), after.end()))
            i += 2
            continue
        out.append(word)
        i += 1
    return out


#: Numbers said as words, as a phone's dictation writes a postcode district ("s e fifteen", "c r zero").
_NUMBERS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".upper().split())}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBERS) + r")\b", re.IGNORECASE)
#: Words before a single letter that make it a place's postcode area rather than "n" for "and" or
#: "w" for "with" ("in n fifteen", not "me n two others").
_BEFORE_AN_AREA = frozenset("IN NEAR AT AROUND FROM TO".split())
#: Areas also typed as words ("n" and, "w" with, "da" the): a number said after them is a district's
#: only after "in", "near" … ("in da six", not "da two of them").
_WORD_LIKE_AREAS = _TEXT_SPEAK_AREAS | {"DA"}


def _spoken_numbers(words: list) -> list:
    """The words with a number said as a word written as its digits after a London postcode area
    ("s e fifteen" -> "S", "E", "15"; "c r zero", "se twenty two", "in n fifteen"), for the joins
    after to read as a district. After "n", "w" or "da" only when it follows "in", "near" … ("in n
    fifteen"): alone they are more often "and", "with" or "the" ("me n two others")."""
    numbers = [_NUMBERS.get(word.group().strip(".,;:!?")) for word in words]
    out, i = [], 0
    while i < len(words):
        word, number = words[i], numbers[i]
        if number is not None and out and _after_an_area(out):
            end = word.end()
            unit = numbers[i + 1] if number == "20" and i + 1 < len(words) else None
            if unit is not None and len(unit) == 1 and unit != "0":  # "twenty two" -> 22
                number, end, i = "2" + unit, words[i + 1].end(), i + 1
            out.append(_Joined(number, word.start(), end))
        else:
            out.append(word)
        i += 1
    return out


def _after_an_area(before: list) -> bool:
    """Whether the words ``before`` a number end with a London postcode area ("SE", "S E", "CR", "E"),
    one also typed as a word ("N", "W", "DA") only after "in", "near" … ("in N")."""
    last = before[-1].group()
    previous = before[-2].group() if len(before) >= 2 else ""
    if len(last) == 1 and len(previous) == 1 and previous + last in LONDON_AREAS:
        return True  # spelt out ("S E")
    return last in LONDON_AREAS and (last not in _WORD_LIKE_AREAS or previous in _BEFORE_AN_AREA)


def _spelt_areas(words: list) -> list:
    """The words with a two-letter London postcode area spelt out letter by letter before a number
    joined ("S E 15" -> "SE", "15"), not before an age, nor before a count when a letter may be
    "n" for "and" or "w" for "with" ("n w 3 kids"; "s e 15 people coming and going" is SE15)."""
    out, i = [], 0
    while i < len(words):
        beyond = words[i + 3].group() if i + 3 < len(words) else ""
        area = words[i].group() + words[i + 1].group() if i + 1 < len(words) else ""
        if (i + 2 < len(words) and len(area) == 2 and area in LONDON_AREAS
                and _AREA_NUMBER.match(words[i + 2].group()) and beyond not in _AGE_WORDS
                and not (beyond in _COUNTED and not _TEXT_SPEAK_AREAS.isdisjoint(area))):
            out.append(_Joined(words[i].group() + words[i + 1].group(), words[i].start(), words[i + 1].end()))
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out

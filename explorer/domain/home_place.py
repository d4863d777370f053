"""Where the person is, when a query names two places: the one after "I live in", "we moved to",
"moved from Hackney to", "rehoused to", "my flat in" ("my ex lives in Enfield and keeps turning up at
my flat in Tottenham"; "I work in Soho but live in Lewisham, need counselling near home"), not after
"used to live in" nor "a flat in"; where someone else is, when the help is asked for them or their
place is told before the writer's own ("my nan in Streatham had her identity stolen. I live in
Tooting. who helps her"); a business of the writer's before their home ("my shop in Soho"). A place
named in passing, where someone works or where help was had before, yields to another."""

from __future__ import annotations

import dataclasses
from typing import Sequence

from explorer.domain.query import QueryParts

#: Cues that say where the person lives only after "my" or "our" ("at my flat in Tottenham", not
#: "police found him in a flat in Edmonton"; "stones at my windows in New Addington").
OWN_CUES = frozenset({("flat", "in"), ("house", "in"), ("home", "in"), ("windows", "in"), ("door", "in"),
                      ("street", "in"), ("road", "in"), ("estate", "in"), ("block", "in")})
#: Words and the connector after them that say where the person lives or is, first person ("live
#: in", "my flat in", "moved to", "get back to" after prison, and :data:`OWN_CUES`); then, when no
#: such words are there, where someone else lives ("she lives in Catford, what support is there
#: near her").
HOME_CUES: tuple[frozenset[tuple[str, str]], ...] = (
    frozenset({("live", "in"), ("living", "in"), ("live", "near"), ("live", "off"), ("based", "in"),
               ("staying", "in"), ("moved", "to"), ("rehoused", "to"), ("rehoused", "in"), ("relocated", "to"),
               ("released", "to"), ("refuge", "in"), ("back", "to"), ("hostel", "in")}) | OWN_CUES,
    frozenset({("lives", "in"), ("lives", "near"), ("lives", "off")}),
)
#: Cues that say where the person is only after certain words: their own place ("my flat in", not
#: "a flat in"), a hostel they stay at ("a hostel in", not "the hostel in", one of the past), and
#: "based in" said by the writer ("I'm based in", not "he is based in").
CUES_AFTER: dict[tuple[str, str], frozenset[str]] = {
    **{cue: frozenset({"my", "our"}) for cue in OWN_CUES},
    ("hostel", "in"): frozenset({"a", "my", "our"}),
    ("based", "in"): frozenset({"i'm", "im", "am", "we're", "are", "i", "we"}),
}
#: A business of the writer's, where what they ask about happens ("antisocial behaviour outside my
#: shop in Soho every night, I live in Ealing"): its place comes before the writer's home.
BUSINESSES = frozenset({"shop", "shops", "cafe", "takeaway", "restaurant", "bar", "pub", "salon", "business",
                        "stall", "office", "allotment", "synagogue", "mosque", "church", "temple", "gurdwara",
                        "mandir"})
#: A move from one place to another ("we moved from Hackney to Enfield"): the "to" is a cue when
#: "moved from" comes at most this many words before it.
MOVED_FROM_REACH = 6


#: Someone the person asks for or tells of ("my nan in Streatham ... who helps her", "neighbour in
#: Kingston keeps threatening my dad").
RELATIVES = frozenset(
    "mum mother mom dad father nan nana nanny gran granny grandma grandmother grandad grandpa grandfather "
    "brother sister cousin aunt auntie aunty uncle nephew niece son daughter grandson granddaughter "
    "stepson stepdaughter friend mate parents neighbour flatmate housemate".split())
#: Words that ask for help for that someone, where they are ("support for her", "get him into
#: treatment", "help near him", "where he is").
FOR_THEM = frozenset({("for", "him"), ("for", "her"), ("near", "him"), ("near", "her"), ("help", "him"),
                      ("help", "her"), ("helps", "him"), ("helps", "her"), ("support", "him"), ("support", "her"),
                      ("get", "him"), ("get", "her"), ("where", "he"), ("where", "she"), ("visit", "him"),
                      ("visit", "her"), ("local", "to"), ("see", "her"), ("see", "him"), ("can", "she"),
                      ("can", "he")})


def _says(words: Sequence[str], pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether two neighbouring words of ``words`` are one of ``pairs``."""
    return any((a, b) in pairs for a, b in zip(words, words[1:]))


def _for_them(words: list[str]) -> bool:
    """Whether the text asks for help for someone else where they are (:data:`FOR_THEM`)."""
    return _says(words, FOR_THEM)


def _told_first(words: list[str]) -> bool:
    """Whether someone's place comes first and the writer's own after it, as an aside: "my disabled
    brother in Tooting gets called names ... I live in Wimbledon"."""
    theirs = next((i for i in range(1, len(words) - 1) if _their_place(words, i)), None)
    return theirs is not None and any(
        _is_cue(words, j, HOME_CUES[0]) or words[j - 1:j + 1] == ["i'm", "in"]
        for j in range(theirs + 2, len(words) - 1))


#: The places of someone's own that say where they are ("her house in Orpington", "my dad's shop in").
THEIR_PLACES = frozenset({"flat", "house", "home", "shop", "block", "place"})


def _their_place(words: list[str], i: int, asked_for: bool = False) -> bool:
    """Whether ``words[i]`` ("in") follows the someone a text asks for, or their home: "my nan in",
    "mum's in", "my dad's house in", "my brothers flat in"."""
    if words[i] != "in" or i < 1:
        return False
    before = words[i - 1]
    if before in THEIR_PLACES and i >= 2:  # "my dad's shop in", "my nan's block in"; "her house in"
        owner = words[i - 2]  # (also without its apostrophe: "my brothers flat in")
        return (_a_relatives(owner, bare=True) or owner in RELATIVES
                or (asked_for and owner in ("his", "her", "their")))
    return before in RELATIVES or _a_relatives(before)


def _business_place(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` ("in", "on") follows a business or a place of worship of the writer's:
    "my shop in Soho", "our cafe on the King's Road", "our polish shop in Uxbridge", "our synagogue
    in Stamford Hill" (not "my old office in Holborn")."""
    if not (words[i] in ("in", "on") and i >= 2 and words[i - 1] in BUSINESSES):
        return False
    if words[i - 2] in ("my", "our"):
        return True
    # one word between ("our polish shop in"), not one that says it was ("my old office in")
    return i >= 3 and words[i - 3] in ("my", "our") and words[i - 2] not in ("old", "former", "previous", "last")


def _a_relatives(word: str, bare: bool = False) -> bool:
    """Whether ``word`` is a relative's possessive ("mum's", "dad's"; with ``bare``, also written
    without its apostrophe, "brothers")."""
    return (word.endswith("'s") and word[:-2] in RELATIVES) or (bare and word.endswith("s") and word[:-1] in RELATIVES)


def _is_cue(words: list[str], i: int, cues: frozenset[tuple[str, str]]) -> bool:
    """Whether ``words[i - 1]``, ``words[i]`` say where the person lives, not where they used to
    ("he used to live in Plumstead") nor a place that is not theirs ("a flat in Edmonton"); also
    "lives alone in", "lives out in", "with me in" and "with us in" ("lives with me in Hornsey");
    "a hostel in" (not "the hostel in", one of the past) and "I'm based in" (not "he is based in")."""
    pair = (words[i - 1], words[i])
    if words[i] == "in" and i >= 2 and words[i - 1] in ("alone", "out"):  # "lives alone in Chingford", "lives out in"
        pair = (words[i - 2], "in")
    if cues is HOME_CUES[0] and words[i] == "in" and i >= 2 and words[i - 2:i] in (["with", "me"], ["with", "us"]):
        return True  # where someone lives with the writer: "lives with me in Hornsey", "placed with us in Bexley"
    if pair in cues:
        after = CUES_AFTER.get(pair)
        if after is not None:
            return i >= 2 and words[i - 2] in after
        return not (i >= 3 and words[i - 3:i - 1] == ["used", "to"])
    if words[i] == "to" and cues is HOME_CUES[0]:  # the first person's: "moved from Tottenham to Enfield"
        start = max(0, i - MOVED_FROM_REACH)
        return any(_moved_from(words, k) and "to" not in words[k + 2:i]  # (the first "to")
                   for k in range(start, i - 1))
    return False


#: Words of a move ("moved from", "rehoused us from") and whom it moved ("council moved us from").
_MOVED = frozenset({"moved", "rehoused", "relocated"})
_MOVED_WHO = frozenset({"us", "me", "him", "her", "them"})


def _moved_from(words: Sequence[str], k: int) -> bool:
    """True when a move from a place is told at ``k``: "moved from", "moved us from", "rehoused me from"."""
    if words[k] not in _MOVED:
        return False
    after = words[k + 1:k + 3]
    return after[:1] == ["from"] or (len(after) == 2 and after[0] in _MOVED_WHO and after[1] == "from")


def home_split(parts: QueryParts) -> QueryParts | None:
    """The first of :func:`home_splits`; None when there is none or it is ``parts`` itself."""
    first = next(iter(home_splits(parts)), None)
    return None if first is parts else first


def home_splits(parts: QueryParts) -> list[QueryParts]:
    """``parts`` split after words that say where the person lives (:data:`HOME_CUES`), the last
    such words first, with what follows as the place: help asked for someone else where they are
    (:data:`FOR_THEM`) first, then the first person's, then anyone else's (``parts`` itself when
    the text was already split there). Empty when the text has no such words with anything after
    them.
    The caller takes the first whose place it finds ("live in Romford ... my house in his car"
    names no place after "house in": Romford is the place)."""
    words = parts.cleaned.split()
    tiers = []
    asked_for = _for_them(words)
    if asked_for or _told_first(words):  # help for someone else, where they are: their place
        tiers.append(lambda i: _their_place(words, i, asked_for) or _is_cue(words, i, HOME_CUES[1]))
    tiers.append(lambda i: _business_place(words, i))
    tiers.extend(lambda i, cues=cues: _is_cue(words, i, cues) for cues in HOME_CUES)
    out = []
    for tier in tiers:
        for i in range(len(words) - 2, 0, -1):
            if tier(i):
                split = _split(parts, words, i)
                if split not in out:
                    out.append(split)
    return out


def unsplit(parts: QueryParts) -> QueryParts:
    """``parts`` as one text, no place split off (a place is then looked for anywhere in it)."""
    return dataclasses.replace(parts, topic=parts.cleaned, place="", explicit_place=False)


def _split(parts: QueryParts, words: list[str], at: int) -> QueryParts:
    place = " ".join(words[at + 1:])
    if parts.explicit_place and place == parts.place:
        return parts
    return dataclasses.replace(parts, topic=" ".join(words[:at]), place=place, explicit_place=True,
                               connector=words[at])


#: Words before "in" or "at" that name where someone works, not where they live or need help.
WORK_WORDS = frozenset({"work", "works", "working", "job"})


def at_work(words: Sequence[str], start: int) -> bool:
    """Whether the place starting at ``words[start]`` is where someone works ("I work in Tooting",
    "my husband works in Greenwich"): of two places, such a one yields to the other."""
    if start < 2 or words[start - 1] not in ("in", "at"):
        return False
    for word in reversed(words[max(0, start - 4):start - 1]):  # "work in", "work late in", "works nights at"
        if word in WORK_WORDS:
            return True
        if word in ("in", "at"):  # (not across another place: "at work in Mayfair, flat's in Plumstead")
            return False
    return False


#: How far before a place "used to" and "had" may be to make it a place of the past ("used to see a
#: caseworker at the one stop shop in Tower Hamlets", "we had support in Tower Hamlets years ago").
USED_TO_REACH = 10
HAD_REACH = 4


def in_the_past(words: Sequence[str], start: int) -> bool:
    """Whether the place starting at ``words[start]`` is where help was had before ("I used to have a
    hate crime worker in Croydon", "we had support in Tower Hamlets"): of two places, such a one
    yields to the other."""
    before = list(words[max(0, start - USED_TO_REACH):start])
    if any(before[k:k + 2] == ["used", "to"] for k in range(len(before) - 1)):
        return True
    if start >= 2 and words[start - 1] == "in" and words[start - 2] == "lived":  # "when we lived in Camden"
        return True
    return "had" in words[max(0, start - HAD_REACH):start]


def in_passing(words: Sequence[str], start: int) -> bool:
    """Whether the place starting at ``words[start]`` is named in passing: where someone works
    (:func:`at_work`) or where help was had before (:func:`in_the_past`). Of two places, such a one
    yields to the other."""
    return at_work(words, start) or in_the_past(words, start)


#: Words that ask for help where someone is, away from the writer ("who can help me up here",
#: "she wants support down there", "who does she call there", "need help near home").
THERE = frozenset({("up", "here"), ("up", "there"), ("down", "here"), ("down", "there"), ("over", "there"),
                   ("out", "there"), ("near", "home"), ("back", "home"), ("call", "there"), ("help", "there"),
                   ("support", "there"), ("services", "there"), ("service", "there"), ("where", "they")})
#: Words of moving away ("moved from Croydon up to Leeds", "relocated to Kent").
MOVES = frozenset({"moved", "moving", "move", "relocated", "rehoused"})
#: Words just before "in" that ask for help in the place after it ("support in Kent?", "anyone in
#: Essex", "what's there for him in Luton"), not say who lives there ("I live in Kent").
ASKS = frozenset({"help", "support", "services", "service", "anyone", "anything", "something", "someone",
                  "charity", "charities", "counselling", "treatment", "programme", "him", "her", "them"})


def asks_there(words: Sequence[str]) -> bool:
    """Whether the text asks for help where someone is away from the writer (:data:`THERE`)."""
    return _says(words, THERE)


def moved_away(parts: QueryParts) -> bool:
    """Whether ``parts`` (a split of :func:`home_splits`) puts the person where they moved to
    ("moved from Croydon up to Leeds"): its connector is "to" with a word of moving shortly before."""
    return parts.connector == "to" and not MOVES.isdisjoint(parts.topic.split()[-MOVED_FROM_REACH:])


def asked_in(parts: QueryParts) -> bool:
    """Whether the place after the last "in" is where help is asked for ("any support in Kent?",
    "what's there for him in Luton"), by a word of :data:`ASKS` just before it."""
    before = parts.topic.split()[-1:]
    return parts.explicit_place and parts.connector == "in" and bool(before) and before[0] in ASKS

"""Domain layer: a release from prison told by the person it harmed.

"my ex is out on licence next week and he knows where I live", "the man who stabbed my husband is up
for parole": the words of a release are those of help for people leaving prison, but the writer is
the one harmed, and the help they can use is for victims: the Victim Contact Scheme, which tells a
victim of a violent or sexual offence about the offender's release and lets them ask for licence
conditions such as an exclusion zone (Domestic Violence, Crime and Victims Act 2004 ss.35-45; Code
of Practice for Victims of Crime in England and Wales 2020, right 11), and the services that support
them. A prisoner's family ("my son gets out next week, we want him to stay out of trouble") is not
this. Pure functions on a query's cleaned words (:func:`query.clean`).
"""

from __future__ import annotations

from typing import Sequence

#: Words naming the person released as the one who did the harm: help for victims of crime.
HARMER_WORDS = frozenset("attacker attackers abuser abusers stalker burglar".split())
#: ... the one who harmed by a sexual offence or by grooming a child, whose help is their own service area.
_SEXUAL_HARMERS = frozenset({"rapist", "rapists"})
_GROOMERS = frozenset({"groomer", "groomers"})
#: ... but not one who grooms animals for a living ("I want to train as a dog groomer").
_GROOMED_ANIMALS = frozenset("dog dogs pet pets cat cats horse".split())

#: "my ex", "her abusive ex", but not an ex-offender, an ex-soldier or an ex-pupil ("ex marine on licence").
_WHOSE_EX = frozenset("my her his their our the abusive violent daughters sisters mums".split())
_NOT_AN_EX = frozenset("offender offenders con cons prisoner prisoners convict convicts army forces military "
                       "soldier serviceman addict user gang member pupil marine navy raf para".split())

#: Someone named by what they did: "the man who stabbed my husband", "the guy that attacked me".
_WHO = frozenset("man men guy guys woman women lad lads boy boys bloke person people one gang neighbour "
                 "racist burglar family".split())
_THAT = frozenset({"who", "that"})
HARM_VERBS = frozenset(
    "abused assaulted attacked beat battered burgled groomed harassed hit hurt killed murdered raped robbed "
    "stabbed shot stalked threatened tormented trafficked mugged set cuckooed exploited targeted".split())
#: ... or by what they were convicted of doing to the writer or theirs: "convicted of raping me",
#: "jailed for attacking my son".
_DOING = frozenset("abusing assaulting attacking beating burgling grooming harassing hitting hurting raping "
                   "robbing stabbing stalking threatening".split())
_TO_THEM = frozenset({"me", "us", "my", "our"})

#: What only a victim of the person released says of the release.
VICTIM_PHRASES = (
    ("knows", "where", "i", "live"), ("come", "after", "me"), ("exclusion", "zone"), ("victim", "contact"),
    ("victim", "liaison"), ("what", "he", "did", "to"), ("what", "she", "did", "to"), ("did", "to", "me"),
    ("will", "we", "be", "told"), ("will", "i", "be", "told"), ("nobody", "told", "me"), ("no", "one", "told", "me"),
)


#: ... unless the writer asks for the one released to change ("is there a programme to stop him doing
#: it again", "who works with people like him"): help for people who harm, asked by the one harmed;
#: or the writer is the one released ("I was inside for something my ex made me do").
_FOR_THEM_TO_CHANGE = (("stop", "him"), ("stop", "her"), ("help", "him"), ("like", "him"), ("wants", "to", "change"),
                       ("old", "ways"), ("it", "again"), ("back", "to", "it"), ("change", "his"), ("change", "her"),
                       ("for", "dads"), ("support", "for", "him"))
_OWN_RELEASE = (("i", "was", "inside"), ("i", "was", "released"), ("i", "got", "out"), ("i'm", "out"),
                ("im", "out"), ("i", "am", "out"), ("i'm", "on"), ("im", "on"), ("i", "am", "on"),
                ("i", "got", "convicted"), ("i", "was", "convicted"))


def _says(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(tuple(words[i:i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1))


def victim_of_release(words: Sequence[str]) -> str | None:
    """The service area for the writer when ``words`` name the person released as the one who
    harmed them or theirs, else None: an attacker, abuser or burglar, someone named by what they did
    ("the man who stabbed my husband", "convicted of raping me"), or what only a victim asks ("he
    knows where I live", "will we be told"): help for victims of crime; domestic abuse when the one
    released is an ex ("my ex is out"), sexual violence when a rapist or sex offender, exploitation
    when a groomer."""
    if _says(words, _FOR_THEM_TO_CHANGE + _OWN_RELEASE):
        return None
    if any(w == "ex" and (i == 0 or words[i - 1] in _WHOSE_EX)
           and (i + 1 == len(words) or words[i + 1] not in _NOT_AN_EX) for i, w in enumerate(words)):
        return "vawg"
    if not _SEXUAL_HARMERS.isdisjoint(words) or any(
            words[i:i + 2] == ["sex", "offender"] and (i == 0 or words[i - 1] not in {"a", "the"})
            for i in range(len(words))):
        return "sexual-violence"
    if any(w in _GROOMERS and (i == 0 or words[i - 1] not in _GROOMED_ANIMALS) for i, w in enumerate(words)):
        return "exploitation"
    if not HARMER_WORDS.isdisjoint(words):
        return "victims-witnesses"
    for i, word in enumerate(words):
        if word in _WHO and i + 2 < len(words) and words[i + 1] in _THAT and (
                words[i + 2] in HARM_VERBS or (i + 3 < len(words) and words[i + 3] in HARM_VERBS)):
            return "victims-witnesses"
        if word in _DOING and 0 < i < len(words) - 1 and words[i - 1] in {"of", "for"} and words[i + 1] in _TO_THEM:
            return "victims-witnesses"
    if _says(words, VICTIM_PHRASES):
        return "victims-witnesses"
    return None

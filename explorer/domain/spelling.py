"""Domain layer: one word spelt the British and the American way ("counselling", "counseling").

The search corrects a common English word only into its other spelling, never into a different
word ("black" is not "back"): :func:`spelling_variants` says which is which.
"""

from __future__ import annotations

import re

#: The regular differences of British and American spelling, each written as the rewrite that takes
#: the British form to the American one (applied to both words, which then agree when they are
#: one word spelt two ways). "our" only in longer words: "four" is not "for".
_SPELLINGS = (
    (re.compile(r"(?<=\w{3})our"), "or"),            # behaviour, neighbour, honour
    (re.compile(r"(?<=\w{2}[^aeiou])re$"), "er"),     # centre, theatre
    (re.compile(r"ence$"), "ense"),                   # offence, defence, licence
    (re.compile(r"amme$"), "am"),                     # programme
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # organise, organisation
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),       # analyse
    (re.compile(r"ogue$"), "og"),                     # catalogue, dialogue
    (re.compile(r"ll(?=(ing|ed|er|ers|or|ors)$)"), "l"),  # counselling, travelled, counsellor
    (re.compile(r"(?<=[a-z])ae"), "e"),               # paediatric, anaemia
    (re.compile(r"(?<=[a-z])oe"), "e"),               # oestrogen, diarrhoea
    (re.compile(r"(?<=dg)e(?=ment)"), ""),            # judgement, acknowledgement
)


def _american(word: str) -> str:
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def spelling_variants(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one word in British and American spelling ("counseling" and
    "counselling", "behavior" and "behaviour", "program" and "programme", "center" and "centre")."""
    return a != b and _american(a) == _american(b)

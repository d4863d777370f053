"""Domain layer: words as people write them where a search box is not the only place they type.

Two habits of social media reach the search box: hashtags whose words run together with capitals
("#DalstonJunction", "#MeToo"), and words with a letter written as a digit or a symbol, or as a star,
so that a platform does not hide the post ("h0mophobic", "r@cist", "le$bian", "m*rdered").
:func:`explorer.domain.query.clean` reads both as plain words.
"""

from __future__ import annotations

import re

from explorer.domain.postcode_in_text import postcode_shaped

_HASHTAG = re.compile(r"#(\w+)")
_CAPITAL_AFTER_LOWER = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: A letter written as a digit or a symbol between two letters, and the letters they stand for.
_DISGUISED = re.compile(r"(?<=[a-z])[013457@$!](?=[a-z])")
_DISGUISED_WORD = re.compile(r"[a-z0-9@$!]*[a-z][013457@$!][a-z][a-z0-9@$!]*")
_UNDISGUISE = str.maketrans("013457@$!", "oieastasi")
#: One star for a letter between letters ("m*rdered", "sh*nk").
_STARRED = re.compile(r"(?<=[a-z])\*(?=[a-z])")


def split_hashtags(text: str) -> str:
    """``text`` with each hashtag's words split before their capitals (before lower-casing).

    >>> split_hashtags("stabbing near #DalstonJunction #knifecrime")
    'stabbing near Dalston Junction knifecrime'
    """
    if "#" not in text:
        return text
    return _HASHTAG.sub(lambda tag: _CAPITAL_AFTER_LOWER.sub(" ", tag.group(1)), text)


def undisguised(text: str) -> str:
    """``text`` (already lower-cased) with disguised letters written as letters.

    A digit or symbol between two letters is the letter it looks like (0 o, 1 i, 3 e, 4 a, 5 s,
    7 t, @ a, $ s, ! i), except in a word shaped like a postcode. One star between letters is
    taken out, keeping the word whole one letter short for typo correction to finish ("mrdered"
    is corrected to "murdered"); the thesaurus writes a slur with its star ("p*ki").

    >>> undisguised("r@cist graffiti in sw1a, m*rdered, p***")
    'racist graffiti in sw1a, mrdered, p***'
    """
    if _DISGUISED.search(text):
        text = _DISGUISED_WORD.sub(_letters, text)
    if "*" in text:
        text = _STARRED.sub("", text)
    return text


def _letters(word: re.Match) -> str:
    """The matched word with each digit or symbol between letters as its letter; a postcode as it is."""
    text = word.group(0)
    if postcode_shaped(text):  # "sw1a", "ec1v", "se154ab": its digits are digits
        return text
    return _DISGUISED.sub(lambda m: m.group(0).translate(_UNDISGUISE), text)

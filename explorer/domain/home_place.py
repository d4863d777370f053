"""Where the person is, when a query names two places: the one after "I live in", "we moved to",
"my flat in" ("my ex lives in Enfield and keeps turning up at my flat in Tottenham"; "I work in
Soho but live in Lewisham, need counselling near home")."""

from __future__ import annotations

import dataclasses

from explorer.domain.query import QueryParts

#: Words and the connector after them that say where the person lives or is, first person ("live
#: in", "my flat in", "moved to", "get back to" after prison); then, when no such words are there, where someone else lives
#: ("she lives in Catford, what support is there near her").
HOME_CUES: tuple[frozenset[tuple[str, str]], ...] = (
    frozenset({("live", "in"), ("living", "in"), ("live", "near"), ("based", "in"), ("staying", "in"),
               ("moved", "to"), ("refuge", "in"), ("flat", "in"),
               ("house", "in"), ("home", "in"), ("back", "to")}),
    frozenset({("lives", "in"), ("lives", "near")}),
)


def home_split(parts: QueryParts) -> QueryParts | None:
    """``parts`` split after the last words that say where the person lives (:data:`HOME_CUES`,
    the first person's before anyone else's), with what follows as the place; None when the text
    has no such words with anything after them, or when they are already where it was split."""
    words = parts.cleaned.split()
    for cues in HOME_CUES:
        at = next((i for i in range(len(words) - 2, 0, -1) if (words[i - 1], words[i]) in cues), None)
        if at is not None:
            place = " ".join(words[at + 1:])
            if parts.explicit_place and place == parts.place:
                return None
            return dataclasses.replace(parts, topic=" ".join(words[:at]), place=place, explicit_place=True,
                                       connector=words[at])
    return None

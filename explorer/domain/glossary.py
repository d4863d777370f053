"""Domain layer: the abbreviations the register uses, spelled out (GOV.UK style: no jargon without its meaning)."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "LCPF": "London Crime Prevention Fund",
    "MOPAC": "Mayor's Office for Policing and Crime",
    "VRU": "Violence Reduction Unit",
    "IDVA": "independent domestic violence adviser",
    "IDVAs": "independent domestic violence advisers",
    "ISVA": "independent sexual violence adviser",
    "ISVAs": "independent sexual violence advisers",
    "VAWG": "violence against women and girls",
    "MARAC": "multi-agency risk assessment conference",
    "RAG": "red, amber, green rating",
    "KPI": "key performance indicator",
    "GLA": "Greater London Authority",
    "SARC": "sexual assault referral centre",
    "CSE": "child sexual exploitation",
    "MPS": "Metropolitan Police Service",
}
_WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")\b")


def split_abbreviations(text: str | None) -> list[tuple[str, str | None]]:
    """Splits text into pieces, each ``(piece, meaning)``; meaning is None for plain text.

    >>> split_abbreviations("LCPF grant")
    [('LCPF', 'London Crime Prevention Fund'), (' grant', None)]
    """
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in _WORD.finditer(text or ""):
        if match.start() > position:
            pieces.append((text[position:match.start()], None))
        pieces.append((match.group(0), ABBREVIATIONS[match.group(0)]))
        position = match.end()
    if position < len(text or ""):
        pieces.append((text[position:], None))
    return pieces

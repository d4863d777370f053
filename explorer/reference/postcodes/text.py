"""Reference layer: reading what someone typed as a postcode, sector or district (shape only, no data)."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_FULL = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})")
_SECTOR = re.compile(rf"({_OUTWARD})([0-9])")
_DISTRICT = re.compile(_OUTWARD)
_DIGIT = re.compile(r"[0-9]")
_WHITESPACE = re.compile(r"\s+")
_LONGEST_POSTCODE = 7  # "EC1A1BB" without its space; anything longer cannot be one.
_SHOWN_LIMIT = 24

Reason = Literal["empty", "malformed", "not_london"]


class PostcodeNotFound(ValueError):
    """Raised when a text is not a London postcode, sector or district.

    Attributes:
        text: The text as shown in the message (trimmed, and shortened when long).
        reason: ``empty`` (nothing typed), ``malformed`` (not shaped like a postcode) or
            ``not_london`` (shaped like one, but not a postcode, sector or district in London).
    """

    # Defaults let the exception be pickled (e.g. across worker processes) like any ValueError.
    def __init__(self, message: str, *, text: str = "", reason: Reason = "malformed") -> None:
        super().__init__(message)
        self.text = text
        self.reason = reason



def looks_like_postcode(text: str) -> bool:
    """Tells whether a text is shaped like a UK postcode, sector or district.

    Args:
        text: Any text.

    Returns:
        True for shapes like ``SE15 4AB``, ``se154ab``, ``SE15 4`` and ``SE15``; False otherwise
        (including for anything that is not a string).
    """
    if not isinstance(text, str):
        return False
    tokens = _tokens(text)
    compact = "".join(tokens)
    if not tokens or len(compact) > _LONGEST_POSTCODE:
        return False
    return bool(_FULL.fullmatch(compact) or _partial_candidates(tokens))



def _tokens(text: str) -> list[str]:
    """Splits text into upper-case words, folding full-width forms; invisible characters separate words."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch if ch.isprintable() else " " for ch in folded).split()


def _shown(text: str) -> str:
    """The text as it may appear in a message: printable, trimmed, one space between words, short."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    shown = _WHITESPACE.sub(" ", printable).strip()
    return shown if len(shown) <= _SHOWN_LIMIT else shown[: _SHOWN_LIMIT - 1] + "…"


def _malformed(shown: str) -> PostcodeNotFound:
    return PostcodeNotFound(
        f'"{shown}" is not a postcode: a postcode looks like SE15 4AB, a sector like SE15 4 '
        "and a district like SE15",
        text=shown,
        reason="malformed",
    )


def _partial_candidates(tokens: list[str]) -> list[tuple[Literal["district", "sector"], str]]:
    """The districts and sectors that words could name, most likely first.

    ``["SE15", "4"]`` can only be the sector SE15 4. A single word such as ``N12`` could be the
    district N12 or the sector N1 2: an existing district wins, so the district comes first.
    """
    if len(tokens) == 2:
        outward, digit = tokens
        if _DISTRICT.fullmatch(outward) and _DIGIT.fullmatch(digit):
            return [("sector", f"{outward} {digit}")]
        return []
    if len(tokens) != 1:
        return []
    candidates: list[tuple[Literal["district", "sector"], str]] = []
    if _DISTRICT.fullmatch(tokens[0]):
        candidates.append(("district", tokens[0]))
    sector = _SECTOR.fullmatch(tokens[0])
    if sector:
        candidates.append(("sector", f"{sector.group(1)} {sector.group(2)}"))
    return candidates

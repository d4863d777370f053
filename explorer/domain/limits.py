"""Domain layer: limits on untrusted text that must be checked before it is parsed."""

from __future__ import annotations

import re

#: A JSON string (escapes included), and one bracket of an array or object.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth_exceeds(data: bytes | str, limit: int) -> bool:
    """Whether JSON text nests arrays and objects more than ``limit`` deep (brackets in strings don't count).

    Strings are cut out by one regular expression and only the brackets left are walked, so a
    large ordinary file costs little, and a hostile one stops at the first bracket past the limit.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False

"""Domain layer: the rules for a suggested change from the public (lengths, plain text, honeypot, rate limit).

A suggestion is read by the commissioning team; it never changes the register by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

MESSAGE_MIN = 10
MESSAGE_MAX = 1000
CONTACT_MAX = 200
#: At most this many suggestions from one address in :data:`RATE_WINDOW_MINUTES`.
RATE_LIMIT = 5
RATE_WINDOW_MINUTES = 60

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Suggestion:
    """A cleaned suggestion, ready to keep."""

    service_id: str
    message: str
    contact: str | None


@dataclass(frozen=True)
class Refusal:
    """Why a suggestion was not kept, in words for the person who sent it.

    Attributes:
        reason: ``empty``, ``too_short``, ``too_long``, ``contact_too_long``, ``bot``,
            ``rate_limited`` or ``unknown_service``.
        message: What to tell them.
    """

    reason: str
    message: str


def plain_text(text: str | None) -> str:
    """Strips markup and control characters from text, keeping its words and line breaks.

    ``<b>Closed</b> on Mondays<script>x()</script>`` becomes ``Closed on Mondays``. Entities are
    kept as typed, never decoded after the tags are gone: ``&lt;script&gt;`` stays those
    characters, so stripping cannot be undone by writing a tag as entities.
    """
    if not text:
        return ""
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    cleaned = _CONTROL.sub("", "".join(parser.parts))
    lines = [_SPACES.sub(" ", line).strip() for line in cleaned.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def check_suggestion(
    service_id: str, message: str | None, contact: str | None, honeypot: str | None
) -> Suggestion | Refusal:
    """Applies the rules to what was typed into the form.

    Args:
        service_id: The service the suggestion is about.
        message: What is wrong.
        contact: How to reach the sender (optional).
        honeypot: A field people cannot see; anything in it means a bot filled the form.
    """
    if honeypot:
        return Refusal("bot", "Thank you.")  # tell a bot nothing useful
    text = plain_text(message)
    if not text:
        return Refusal("empty", "Please say what is wrong or out of date.")
    if len(text) < MESSAGE_MIN:
        return Refusal("too_short", f"Please say a little more (at least {MESSAGE_MIN} characters).")
    if len(text) > MESSAGE_MAX:
        return Refusal("too_long", f"Please keep it to {MESSAGE_MAX} characters; yours has {len(text)}.")
    reach = plain_text(contact) or None
    if reach and len(reach) > CONTACT_MAX:
        return Refusal("contact_too_long", f"Please keep the contact details to {CONTACT_MAX} characters.")
    return Suggestion(service_id, text, reach)


class _TextOnly(HTMLParser):
    _SKIP = {"script", "style", "iframe", "object", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in {"br", "p", "div", "li"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)

    def handle_entityref(self, name):
        if not self._skipping:
            self.parts.append(f"&{name};")

    def handle_charref(self, name):
        if not self._skipping:
            self.parts.append(f"&#{name};")

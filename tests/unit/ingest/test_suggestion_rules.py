"""Unit tests: the rules for suggestions from the public (plain text, lengths, honeypot)."""

from __future__ import annotations

import pytest

from explorer.domain.suggestions import CONTACT_MAX, MESSAGE_MAX, Refusal, Suggestion, check_suggestion, plain_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<b>Closed</b> on Mondays<script>alert(1)</script>", "Closed on Mondays"),
        ('<a href="javascript:x()">the phone</a> number is 020 7946 0000', "the phone number is 020 7946 0000"),
        ("Tom &amp; Jerry &lt;3", "Tom &amp; Jerry &lt;3"),  # entities are text, never decoded (issue 17, 6)
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("line one<br>line two", "line one\nline two"),
        ("  spaced \t out \x00\x07 ", "spaced out"),
        ("<style>p{}</style><iframe src=x></iframe>", ""),
        (None, ""),
    ],
)
def test_markup_and_control_characters_are_stripped(text, expected):
    assert plain_text(text) == expected


@pytest.mark.parametrize(
    "message, contact, honeypot, reason",
    [
        ("The phone number has changed.", "", "https://spam.example", "bot"),
        ("", "", "", "empty"),
        ("<p></p>", "", "", "empty"),
        ("wrong", "", "", "too_short"),
        ("x" * (MESSAGE_MAX + 1), "", "", "too_long"),
        ("The phone number has changed.", "y" * (CONTACT_MAX + 1), "", "contact_too_long"),
    ],
)
def test_refusals(message, contact, honeypot, reason):
    found = check_suggestion("svc-1", message, contact, honeypot)
    assert isinstance(found, Refusal) and found.reason == reason and found.message


def test_a_good_suggestion_is_cleaned_and_kept():
    found = check_suggestion("svc-1", "<i>The</i> phone number has changed ", " me@example.org ", "")
    assert found == Suggestion("svc-1", "The phone number has changed", "me@example.org")

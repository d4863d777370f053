"""Unit tests: the freshness rule (bands by days since a person checked) and the badge."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain.freshness import band_counts, freshness, freshness_by_group
from explorer.layout.freshness import freshness_badge

TODAY = dt.date(2026, 11, 26)


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


@pytest.mark.parametrize(
    "last_verified, band, phrase",
    [
        (TODAY, "fresh", "checked today"),
        (days_ago(1), "fresh", "checked 1 day ago"),
        (days_ago(182), "fresh", "checked 182 days ago"),
        (days_ago(183), "due", "checked 183 days ago"),
        (days_ago(365), "due", "checked 365 days ago"),
        (days_ago(366), "stale", "checked 366 days ago"),
        (days_ago(2000), "stale", "checked 2000 days ago"),
        (None, "never", "never checked"),
        (TODAY + dt.timedelta(days=3), "fresh", "checked today"),  # a date in the future is not "negative days"
    ],
)
def test_bands_follow_the_six_and_twelve_month_rule(last_verified, band, phrase):
    found = freshness(last_verified, TODAY)
    assert (found.band.key, found.phrase) == (band, phrase)


def test_counts_cover_every_band():
    counts = band_counts([TODAY, days_ago(200), days_ago(400), None, None], TODAY)
    assert counts == {"fresh": 1, "due": 1, "stale": 1, "never": 2}


def test_groups_count_a_record_in_each_of_its_groups_and_sort_by_need():
    groups = freshness_by_group(
        [(("MOPAC",), TODAY), (("MOPAC", "VRU"), days_ago(400)), (("VRU",), None)], TODAY
    )
    assert [(g.group, g.total, g.needing_check, g.oldest) for g in groups] == [
        ("VRU", 2, 2, days_ago(400)),
        ("MOPAC", 2, 1, days_ago(400)),
    ]


@pytest.mark.parametrize(
    "last_verified, word, icon",
    [(days_ago(10), "Fresh", "✓"), (days_ago(200), "Due for a check", "◷"), (days_ago(500), "Stale", "⚠"),
     (None, "Not checked", "?")],
)
def test_the_badge_says_it_in_words_and_an_icon_not_colour_alone(last_verified, word, icon):
    badge = freshness_badge(last_verified, TODAY)
    icon_span, text, age = badge.children
    assert icon_span.children == icon and icon_span.to_plotly_json()["props"]["aria-hidden"] == "true"
    assert text.strip() == word
    assert "checked" in age.children
    assert "freshness" in badge.className

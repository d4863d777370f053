"""The RAG rule: directions, default and published thresholds, missing actuals and targets."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain import rag

from explorer.domain.rag import (
    STYLES,
    Rag,
    overall,
    rate,
    style,
    thresholds_for,
    trend,
)

G, A, R, NR, NT = Rag.GREEN, Rag.AMBER, Rag.RED, Rag.NOT_REPORTED, Rag.NO_TARGET


@pytest.mark.parametrize(
    ("direction", "target", "green_at", "amber_at", "actual", "expected"),
    [
        # Higher is better, default rule: Green >= 100, Amber >= 90, Red below.
        ("higher", 100, None, None, 120, G),
        ("higher", 100, None, None, 100, G),
        ("higher", 100, None, None, 99.9, A),
        ("higher", 100, None, None, 90, A),
        ("higher", 100, None, None, 89.9, R),
        ("higher", 100, None, None, 0, R),
        # Lower is better, default rule: Green <= 20, Amber <= 22, Red above.
        ("lower", 20, None, None, 5, G),
        ("lower", 20, None, None, 20, G),
        ("lower", 20, None, None, 21, A),
        ("lower", 20, None, None, 22, A),
        ("lower", 20, None, None, 22.1, R),
        # Published thresholds override the default band.
        ("higher", 80, 75, 60, 76, G),
        ("higher", 80, 75, 60, 74, A),
        ("higher", 80, 75, 60, 60, A),
        ("higher", 80, 75, 60, 59, R),
        ("higher", 80, None, 50, 55, A),  # own Amber only: Green stays at the target
        ("higher", 80, None, 50, 49, R),
        ("lower", 10, 12, 15, 12, G),
        ("lower", 10, 12, 15, 14, A),
        ("lower", 10, 12, 15, 16, R),
        # A published Green threshold without a target still rates.
        ("higher", None, 50, None, 50, G),
        ("higher", None, 50, None, 46, A),
        # A published Amber on the wrong side of Green leaves no Amber band.
        ("higher", 100, None, 120, 99, R),
        ("lower", 10, None, 5, 11, R),
        # Zero target, lower is better: anything above zero is Red.
        ("lower", 0, None, None, 0, G),
        ("lower", 0, None, None, 1, R),
        # Negative target: the band is 10% of its size, on the worse side.
        ("higher", -10, None, None, -10.5, A),
        ("higher", -10, None, None, -11.5, R),
        # Missing actual: Not reported, whatever the target.
        ("higher", 100, None, None, None, NR),
        ("lower", None, None, None, None, NR),
        ("higher", 100, 90, 80, None, NR),
        # Missing target (and no published Green): No target set.
        ("higher", None, None, None, 42, NT),
        ("lower", None, None, 30, 42, NT),
    ],
)
def test_rate(direction, target, green_at, amber_at, actual, expected):
    assert rate(direction, target, actual, green_at, amber_at) is expected


def test_unknown_direction_is_an_error():
    with pytest.raises(ValueError, match="higher"):
        thresholds_for("sideways", 10)


@pytest.mark.parametrize(
    ("direction", "target", "green_at", "amber_at", "unit", "expected"),
    [
        ("higher", 100, None, None, None,
         "Green at 100 or more; Amber from 90 to under 100; Red below 90 (default rule)"),
        ("lower", 20, None, None, "days",
         "Green at 20 days or less; Amber above 20 days up to 22 days; Red above 22 days (default rule)"),
        ("higher", 80, 75, 60, "%",
         "Green at 75% or more; Amber from 60% to under 75%; Red below 60% (published thresholds)"),
        ("lower", 0, None, None, None, "Green at 0 or less; Red above 0 (default rule)"),
    ],
)
def test_thresholds_are_described_in_words(direction, target, green_at, amber_at, unit, expected):
    assert thresholds_for(direction, target, green_at, amber_at).describe(unit) == expected


def test_no_target_has_no_thresholds():
    assert thresholds_for("higher", None) is None


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([G, A, R], R),
        ([G, A], A),
        ([G, G], G),
        ([G, NR], G),
        ([A, NT, NR], A),
        ([NR, NR], NR),
        ([NT, NR], NT),
        ([], Rag.NO_MEASURE),
    ],
)
def test_overall_is_the_worst_coloured_rating(ratings, expected):
    assert overall(ratings) is expected


@pytest.mark.parametrize(
    ("direction", "previous", "latest", "text"),
    [
        ("higher", 10, 12, "↑ better"),
        ("higher", 12, 10, "↓ worse"),
        ("lower", 10, 12, "↑ worse"),
        ("lower", 12, 10, "↓ better"),
        ("lower", 10, 10, "→ no change"),
        ("higher", None, 10, "no earlier figure"),
        ("higher", 10, None, "no earlier figure"),
    ],
)
def test_trend(direction, previous, latest, text):
    assert trend(direction, previous, latest).text == text


def test_every_rating_has_a_distinct_word_and_icon():
    words = [s.word for s in STYLES.values()]
    icons = [s.icon for s in STYLES.values()]
    assert len(set(words)) == len(words) == len(Rag)
    assert len(set(icons)) == len(icons)


@pytest.mark.parametrize("rating", list(Rag))
def test_badge_text_contrast_is_at_least_4_5(rating):
    s = style(rating)
    assert _contrast(s.background, s.foreground) >= 4.5


def _contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_css_badge_colours_match_the_rule_styles():
    import re

    from explorer.settings import ROOT

    css = (ROOT / "assets" / "performance.css").read_text()
    for s in STYLES.values():
        name = s.css.split()[-1]
        match = re.search(rf"\.{name} \{{ background-color: (#[0-9a-f]{{6}}); color: (#[0-9a-f]{{6}}); \}}", css)
        assert match, name
        assert (match.group(1), match.group(2)) == (s.background, s.foreground)


@pytest.mark.parametrize(
    ("status", "end", "start", "expected"),
    [
        ("inactive", dt.date(2021, 9, 30), dt.date(2026, 7, 1), True),
        ("active", dt.date(2021, 9, 30), dt.date(2026, 7, 1), True),
        ("inactive", dt.date(2026, 9, 30), dt.date(2026, 7, 1), False),
        ("inactive", None, dt.date(2026, 7, 1), True),
        ("active", None, dt.date(2026, 7, 1), False),
    ],
)
def test_an_ended_service_has_no_current_rating(status, end, start, expected):
    assert rag.ended(status, end, start) is expected
    rating = rag.overall([Rag.GREEN], service_ended=rag.ended(status, end, start))
    assert (rating is Rag.ENDED) is expected
    assert rag.style(Rag.ENDED).word.startswith("Ended")

"""Unit tests: numbers and dates for people."""

import datetime as dt

import pytest

from explorer.domain import formatting


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, "not published"),
        (0, "£0"),
        (950, "£950"),
        (12_500, "£12,500"),
        (1_000_000, "£1m"),
        (1_234_567, "£1.2m"),
        (9_960_000, "£10m"),
        (90_000_000, "£90m"),
    ],
)
def test_money(value, expected):
    assert formatting.money(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(dt.date(2026, 3, 14), "14 Mar 2026"), (dt.date(2025, 1, 1), "1 Jan 2025"), (None, "not known")],
)
def test_date(value, expected):
    assert formatting.date(value) == expected


@pytest.mark.parametrize(
    "minimum, maximum, expected",
    [(None, None, "all ages"), (18, None, "18 and over"), (11, 17, "ages 11 to 17"), (0, 25, "up to 25")],
)
def test_age_range(minimum, maximum, expected):
    assert formatting.age_range(minimum, maximum) == expected

"""Quarters, half-years and contract time left."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain.periods import (
    HalfYear,
    Quarter,
    add_months,
    elapsed_share,
    ends_within,
    half_years_with_data,
    latest_reported_quarter,
    parse_half_year,
    parse_quarter,
    quarter_of,
    time_left,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "quarters"),
    [
        ("2025-H1", ("2025-Q1", "2025-Q2")),
        ("2025-H2", ("2025-Q3", "2025-Q4")),
        (" 2024-h2 ", ("2024-Q3", "2024-Q4")),
    ],
)
def test_half_year_quarters(text, quarters):
    assert parse_half_year(text).quarter_codes == quarters


@pytest.mark.parametrize("text", ["2025-H3", "2025", "H2-2025", "", "2025-Q3", "20252-H1"])
def test_bad_half_year_says_how_to_write_it(text):
    with pytest.raises(ValueError, match="2025-H2"):
        parse_half_year(text)


@pytest.mark.parametrize("text", ["2025-Q5", "2025Q1", "Q1-2025", ""])
def test_bad_quarter(text):
    with pytest.raises(ValueError, match="2025-Q3"):
        parse_quarter(text)


@pytest.mark.parametrize(
    ("day", "code", "half"),
    [
        (D(2025, 1, 1), "2025-Q1", "2025-H1"),
        (D(2025, 6, 30), "2025-Q2", "2025-H1"),
        (D(2025, 7, 1), "2025-Q3", "2025-H2"),
        (D(2025, 12, 31), "2025-Q4", "2025-H2"),
    ],
)
def test_quarter_of(day, code, half):
    assert quarter_of(day).code == code
    assert quarter_of(day).half.code == half


def test_quarter_dates_and_neighbours():
    q = Quarter(2025, 4)
    assert (q.start, q.end) == (D(2025, 10, 1), D(2025, 12, 31))
    assert q.next() == Quarter(2026, 1)
    assert Quarter(2026, 1).previous() == q
    assert q.label == "Oct to Dec 2025"
    assert HalfYear(2025, 2).label == "July to December 2025"
    assert HalfYear(2025, 1).previous() == HalfYear(2024, 2)


def test_latest_reported_quarter_ignores_future_and_bad_codes():
    codes = ["2025-Q1", "2025-Q3", "2026-Q2", "garbage", "2025-Q2"]
    assert latest_reported_quarter(codes, D(2025, 11, 5)) == Quarter(2025, 3)
    assert latest_reported_quarter([], D(2025, 11, 5)) is None


def test_half_years_with_data_newest_first():
    assert [h.code for h in half_years_with_data(["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"])] == [
        "2025-H2", "2025-H1", "2024-H2",
    ]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 11, 15), 2, D(2026, 1, 15)),
        (D(2025, 3, 15), -3, D(2024, 12, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (D(2026, 3, 31), "ends in 4 months"),
        (D(2025, 12, 1), "ends in 12 days"),
        (D(2025, 12, 20), "ends in 4 weeks"),
        (D(2025, 11, 19), "ends today"),
        (D(2025, 11, 18), "ended 1 day ago"),
        (D(2025, 9, 19), "ended 2 months ago"),
        (D(2028, 11, 19), "ends in 3 years"),
        (None, "end date not known"),
    ],
)
def test_time_left(end, expected):
    assert time_left(end, D(2025, 11, 19)) == expected


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (D(2026, 5, 19), True),
        (D(2026, 5, 20), False),
        (D(2025, 11, 18), False),  # already ended
        (None, False),
    ],
)
def test_ends_within_six_months(end, expected):
    assert ends_within(end, D(2025, 11, 19), 6) is expected


def test_elapsed_share():
    assert elapsed_share(D(2025, 1, 1), D(2025, 12, 31), D(2024, 1, 1)) == 0
    assert elapsed_share(D(2025, 1, 1), D(2025, 12, 31), D(2026, 1, 1)) == 1
    assert 0.4 < elapsed_share(D(2025, 1, 1), D(2025, 12, 31), D(2025, 6, 1)) < 0.5
    assert elapsed_share(None, D(2025, 12, 31), D(2025, 6, 1)) is None

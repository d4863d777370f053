"""Funding status rules: upcoming, open, closing soon, closed, from a date the test sets."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.domain import funding as rules
from explorer.domain.funding import CLOSING_SOON_DAYS, Status

TODAY = dt.date(2026, 3, 2)


def day(offset: int | None) -> dt.date | None:
    return None if offset is None else TODAY + dt.timedelta(days=offset)


@pytest.mark.parametrize(
    ("case", "opens", "closes", "expected"),
    [
        ("opens today", 0, 60, Status.OPEN),
        ("opens tomorrow", 1, 60, Status.UPCOMING),
        ("opened last month", -30, 60, Status.OPEN),
        ("closes today", -30, 0, Status.CLOSING_SOON),
        ("closed yesterday", -30, -1, Status.CLOSED),
        ("closes tomorrow", -30, 1, Status.CLOSING_SOON),
        ("closes in 14 days", -30, 14, Status.CLOSING_SOON),
        ("closes in 15 days", -30, 15, Status.OPEN),
        ("no closing date (rolling)", -30, None, Status.OPEN),
        ("rolling, opens later", 5, None, Status.UPCOMING),
        ("no dates at all", None, None, Status.OPEN),
        ("no opening date, closes in 3 days", None, 3, Status.CLOSING_SOON),
        ("opens and closes today", 0, 0, Status.CLOSING_SOON),
        ("opens in 3 days, closes in 10", 3, 10, Status.UPCOMING),
    ],
)
def test_status_for_dates(case, opens, closes, expected):
    assert rules.status_for_dates(day(opens), day(closes), TODAY) is expected, case


def test_window_is_fourteen_days_in_one_place():
    assert CLOSING_SOON_DAYS == 14
    edge = TODAY + dt.timedelta(days=CLOSING_SOON_DAYS)
    assert rules.status_for_dates(None, edge, TODAY) is Status.CLOSING_SOON
    assert rules.status_for_dates(None, edge + dt.timedelta(days=1), TODAY) is Status.OPEN


def test_status_moves_with_the_clock(make):
    opp = make.opportunity("a", opens=dt.date(2026, 3, 10), closes=dt.date(2026, 4, 30))
    seen = [rules.status_of(opp, d) for d in (
        dt.date(2026, 3, 9), dt.date(2026, 3, 10), dt.date(2026, 4, 15),
        dt.date(2026, 4, 16), dt.date(2026, 4, 30), dt.date(2026, 5, 1))]
    assert seen == [Status.UPCOMING, Status.OPEN, Status.OPEN,
                    Status.CLOSING_SOON, Status.CLOSING_SOON, Status.CLOSED]


def test_every_status_has_a_word_and_an_icon():
    for status in Status:
        style = rules.STATUS_STYLES[status]
        assert style.word and style.icon and style.word[0].isupper()
    assert len({s.icon for s in rules.STATUS_STYLES.values()}) == len(Status)


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [(-10, None, None), (-10, 0, 0), (-10, 9, 9), (-10, -3, -3)],
)
def test_days_left(make, opens, closes, expected):
    opp = make.opportunity("a", opens=day(opens), closes=day(closes))
    assert rules.days_left(opp, TODAY) == expected
    assert rules.is_rolling(opp) is (closes is None)


@pytest.mark.parametrize(
    ("opens", "closes", "awarded", "expected"),
    [
        (None, None, True, Status.CLOSED),  # a past round whose dates were not published
        (-30, None, True, Status.CLOSED),
        (-30, None, False, Status.OPEN),  # rolling
        (-30, 10, True, Status.CLOSING_SOON),  # a closing date decides, whatever the note says
        (5, None, True, Status.UPCOMING),
    ],
)
def test_awarded_without_a_closing_date_is_closed(opens, closes, awarded, expected):
    assert rules.status_for_dates(day(opens), day(closes), TODAY, awarded=awarded) is expected

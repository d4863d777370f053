"""Domain layer: reporting periods (calendar quarters and half-years) and contract time left.

Figures are reported per calendar quarter, written ``2025-Q3``. The Committee's six-monthly
report covers a half-year, written ``2025-H2``: H1 is Q1 + Q2 and H2 is Q3 + Q4 of the same
calendar year. Nothing here reads the clock; callers pass ``today``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

QUARTER_PATTERN = re.compile(r"^(?P<year>\d{4})-Q(?P<q>[1-4])$")
HALF_PATTERN = re.compile(r"^(?P<year>\d{4})-H(?P<h>[12])$")

#: Approximate days in a month, used only to say "ends in 4 months" in words.
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: Q1 is January to March."""

    year: int
    number: int

    @property
    def code(self) -> str:
        """The quarter as written in the data: ``2025-Q3``."""
        return f"{self.year}-Q{self.number}"

    @property
    def start(self) -> dt.date:
        """The first day of the quarter."""
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter."""
        following = self.next()
        return following.start - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """The quarter for people: ``Jul to Sep 2025``."""
        return f"{self.start:%b} to {self.end:%b} {self.year}"

    @property
    def half(self) -> "HalfYear":
        """The half-year this quarter belongs to."""
        return HalfYear(self.year, 1 if self.number <= 2 else 2)

    def next(self) -> "Quarter":
        """The quarter after this one."""
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        """The quarter before this one."""
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, order=True)
class HalfYear:
    """A calendar half-year: H1 is Q1 + Q2, H2 is Q3 + Q4."""

    year: int
    number: int

    @property
    def code(self) -> str:
        """The half-year as written in addresses: ``2025-H2``."""
        return f"{self.year}-H{self.number}"

    @property
    def quarters(self) -> tuple[Quarter, Quarter]:
        """The two quarters of the half, in order."""
        first = 1 if self.number == 1 else 3
        return Quarter(self.year, first), Quarter(self.year, first + 1)

    @property
    def quarter_codes(self) -> tuple[str, str]:
        """The codes of the two quarters (``2025-Q3``, ``2025-Q4``)."""
        return tuple(q.code for q in self.quarters)  # type: ignore[return-value]

    @property
    def start(self) -> dt.date:
        """The first day of the half-year."""
        return self.quarters[0].start

    @property
    def end(self) -> dt.date:
        """The last day of the half-year."""
        return self.quarters[1].end

    @property
    def label(self) -> str:
        """The half-year for people: ``July to December 2025``."""
        return f"{self.start:%B} to {self.end:%B} {self.year}"

    def previous(self) -> "HalfYear":
        """The half-year before this one."""
        return HalfYear(self.year - 1, 2) if self.number == 1 else HalfYear(self.year, 1)

    def __str__(self) -> str:
        return self.code


def parse_quarter(text: str) -> Quarter:
    """Reads a calendar quarter written ``2025-Q3``.

    Raises:
        ValueError: With a message a person can act on, for anything else.
    """
    match = QUARTER_PATTERN.match((text or "").strip().upper())
    if not match:
        raise ValueError(f"{text!r} is not a calendar quarter; write it like 2025-Q3")
    return Quarter(int(match["year"]), int(match["q"]))


def parse_half_year(text: str) -> HalfYear:
    """Reads a half-year written ``2025-H2`` (H1 = January to June, H2 = July to December).

    Raises:
        ValueError: With a message a person can act on, for anything else.
    """
    match = HALF_PATTERN.match((text or "").strip().upper())
    if not match:
        raise ValueError(
            f"{text!r} is not a half-year; write it like 2025-H2 "
            "(H1 is January to June, H2 is July to December)"
        )
    return HalfYear(int(match["year"]), int(match["h"]))


def quarter_of(day: dt.date) -> Quarter:
    """The calendar quarter a date falls in."""
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def sorted_quarters(codes: Iterable[str]) -> list[Quarter]:
    """The distinct valid quarters among ``codes``, oldest first (invalid codes are skipped)."""
    found = set()
    for code in codes:
        try:
            found.add(parse_quarter(code))
        except ValueError:
            continue
    return sorted(found)


def latest_reported_quarter(codes: Iterable[str], today: dt.date) -> Quarter | None:
    """The newest quarter among ``codes`` that has started by ``today``; None when there is none.

    A quarter that has not begun cannot have figures yet, so one in the future is a data error
    and is not taken as "the latest period".
    """
    current = quarter_of(today)
    candidates = [q for q in sorted_quarters(codes) if q <= current]
    return candidates[-1] if candidates else None


def half_years_with_data(codes: Iterable[str]) -> list[HalfYear]:
    """The half-years that contain at least one of the quarters in ``codes``, newest first."""
    return sorted({q.half for q in sorted_quarters(codes)}, reverse=True)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def ends_within(end: dt.date | None, today: dt.date, months: int) -> bool:
    """True when a contract ending on ``end`` has not ended and ends within ``months`` of today."""
    return end is not None and today <= end <= add_months(today, months)


def time_left(end: dt.date | None, today: dt.date) -> str:
    """Says in words when a contract ends: "ends in 4 months", "ended 2 months ago".

    Under two months it counts days or weeks, so "ends in 12 days" is not rounded to zero.
    """
    if end is None:
        return "end date not known"
    days = (end - today).days
    if days == 0:
        return "ends today"
    ahead = days > 0
    span = _span_in_words(abs(days))
    return f"ends in {span}" if ahead else f"ended {span} ago"


def elapsed_share(start: dt.date | None, end: dt.date | None, today: dt.date) -> float | None:
    """How far through its term a contract is, from 0 to 1; None when a date is missing."""
    if start is None or end is None or end <= start:
        return None
    share = (today - start).days / (end - start).days
    return min(1.0, max(0.0, share))


def _span_in_words(days: int) -> str:
    if days < 14:
        return _plural(days, "day")
    if days < 61:
        return _plural(days // 7, "week")
    months = round(days / DAYS_PER_MONTH)
    if months < 24:
        return _plural(months, "month")
    return _plural(round(days / 365.25), "year")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

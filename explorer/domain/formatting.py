"""Domain layer: numbers and dates written for people (£1.2m, 14 Mar 2026)."""

from __future__ import annotations

import datetime as dt


def money(value: float | None, *, exact: bool = False) -> str:
    """Formats pounds the GOV.UK way: £950, £12,500, £1.2m, £90m; None gives "not published".

    With ``exact`` every pound is shown (£1,234,567), for tables and sums people check.

    >>> money(1_234_567)
    '£1.2m'
    >>> money(1_234_567, exact=True)
    '£1,234,567'
    """
    if value is None:
        return "not published"
    if not exact and value >= 10_000_000:
        return f"£{value / 1_000_000:,.0f}m"
    if not exact and value >= 1_000_000:
        text = f"{value / 1_000_000:,.1f}".removesuffix(".0")
        return f"£{text}m"
    return f"£{value:,.0f}"


def date(value: dt.date | None) -> str:
    """Formats a date as 14 Mar 2026; None gives "not known"."""
    if value is None:
        return "not known"
    return f"{value.day} {value:%b %Y}"


def age_range(minimum: int | None, maximum: int | None) -> str:
    """Describes who a service is for by age: "ages 11 to 17", "18 and over", "all ages"."""
    if minimum is None and maximum is None:
        return "all ages"
    if maximum is None:
        return f"{minimum} and over"
    if minimum is None or minimum == 0:
        return f"up to {maximum}"
    return f"ages {minimum} to {maximum}"


ACCESS_LABELS = {
    "self-referral": "You can refer yourself",
    "professional-referral": "Referral by a professional",
    "both": "Refer yourself or be referred",
}


def access(value: str) -> str:
    """Says how to get help from a service, in plain English."""
    return ACCESS_LABELS.get(value, value)

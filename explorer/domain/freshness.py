"""Domain layer: how fresh a record is, from the day a person last checked it (the rule is data).

The London Assembly's Police and Crime Committee asked for the register to be refreshed every
six months. A record checked within six months is *fresh*; after six months it is *due* for a
check; after twelve months it is *stale*; a record nobody has checked is *not checked*. The
age is measured from ``last_verified`` (a person checked it), never from the import date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Literal

BandKey = Literal["fresh", "due", "stale", "never"]


@dataclass(frozen=True)
class Band:
    """One freshness band.

    Attributes:
        key: A stable name (``fresh``, ``due``, ``stale``, ``never``).
        word: The word shown with the badge.
        icon: A text symbol shown with the word, so colour is never the only signal.
        over_days: The band applies when the record's age in days is above this number
            (``None`` for the band of records never checked).
        meaning: One sentence saying what the band means.
        tone: A Bootstrap colour name for the badge (decoration only).
    """

    key: BandKey
    word: str
    icon: str
    over_days: int | None
    meaning: str
    tone: str


#: The Committee's refresh cycle (six months) and the age after which a record is stale.
DUE_AFTER_DAYS = 182
STALE_AFTER_DAYS = 365

#: The bands, most recent first; the first band whose ``over_days`` the age exceeds wins,
#: checked from the oldest band down.
BANDS: tuple[Band, ...] = (
    Band("fresh", "Fresh", "✓", -1, "checked by a person in the last six months", "success"),
    Band("due", "Due for a check", "◷", DUE_AFTER_DAYS, "last checked over six months ago", "warning"),
    Band("stale", "Stale", "⚠", STALE_AFTER_DAYS, "last checked over twelve months ago", "danger"),
    Band("never", "Not checked", "?", None, "no record of a person checking it", "secondary"),
)
BAND_BY_KEY: dict[str, Band] = {b.key: b for b in BANDS}


@dataclass(frozen=True)
class Freshness:
    """How fresh one record is on a given day.

    Attributes:
        band: The band it falls in.
        days: Days since it was last checked (None when never checked; 0 when checked
            today or, by mistake, in the future).
        last_verified: The day it was last checked.
    """

    band: Band
    days: int | None
    last_verified: dt.date | None

    @property
    def phrase(self) -> str:
        """``checked today``, ``checked 1 day ago``, ``checked 40 days ago`` or ``never checked``."""
        if self.days is None:
            return "never checked"
        if self.days == 0:
            return "checked today"
        return f"checked {self.days} day{'s' if self.days != 1 else ''} ago"


def freshness(last_verified: dt.date | None, today: dt.date) -> Freshness:
    """Says how fresh a record last checked on ``last_verified`` is on ``today``.

    Args:
        last_verified: The day a person last checked the record, or None.
        today: The day to measure from (injected; never read from the clock here).

    Returns:
        Its band and age in days.
    """
    if last_verified is None:
        return Freshness(BAND_BY_KEY["never"], None, None)
    days = max(0, (today - last_verified).days)
    band = BAND_BY_KEY["fresh"]
    for candidate in BANDS:
        if candidate.over_days is not None and days > candidate.over_days:
            band = candidate
    return Freshness(band, days, last_verified)


def band_counts(dates: Iterable[dt.date | None], today: dt.date) -> dict[str, int]:
    """Counts records per band (every band present, zero when empty), in band order."""
    counts = {b.key: 0 for b in BANDS}
    for value in dates:
        counts[freshness(value, today).band.key] += 1
    return counts


@dataclass(frozen=True)
class GroupFreshness:
    """How fresh the records of one group (a commissioner, provider or borough) are.

    Attributes:
        group: The group's name.
        counts: Records per band key, every band present.
        oldest: The oldest ``last_verified`` among them (None when none was ever checked).
    """

    group: str
    counts: dict[str, int]
    oldest: dt.date | None

    @property
    def total(self) -> int:
        """How many records the group has."""
        return sum(self.counts.values())

    @property
    def needing_check(self) -> int:
        """Records due, stale or never checked."""
        return self.total - self.counts["fresh"]


def freshness_by_group(
    items: Iterable[tuple[Iterable[str], dt.date | None]], today: dt.date
) -> list[GroupFreshness]:
    """Counts records per band in each group; a record in several groups counts in each.

    Args:
        items: For each record, the groups it belongs to and its ``last_verified``.
        today: The day to measure from.

    Returns:
        One entry per group, those with most records needing a check first, then by name.
    """
    counts: dict[str, dict[str, int]] = {}
    oldest: dict[str, dt.date | None] = {}
    for groups, last_verified in items:
        key = freshness(last_verified, today).band.key
        for group in set(groups):
            counts.setdefault(group, {b.key: 0 for b in BANDS})[key] += 1
            if last_verified is not None and (oldest.get(group) is None or last_verified < oldest[group]):
                oldest[group] = last_verified
            oldest.setdefault(group, None)
    found = [GroupFreshness(g, c, oldest.get(g)) for g, c in counts.items()]
    return sorted(found, key=lambda f: (-f.needing_check, f.group.lower()))

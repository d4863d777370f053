"""Domain layer: funding opportunity rules (status from today's date, ordering, who can apply, award ranges).

Every rule is data or a pure function of its arguments. The 14-day "closing soon" window
lives in :data:`CLOSING_SOON_DAYS` and nowhere else; today's date is always passed in.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from explorer.domain import formatting
from explorer.domain.records import FundingOpportunity

#: An opportunity that closes within this many days (closing day included) is "closing soon".
CLOSING_SOON_DAYS = 14


class Status(str, enum.Enum):
    """Where an opportunity stands on a given day. Derived, never stored."""

    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSING_SOON = "closing-soon"
    CLOSED = "closed"


@dataclass(frozen=True)
class StatusStyle:
    """How a status is shown: a word and an icon always, a colour class only as an extra."""

    word: str
    icon: str
    css: str


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.UPCOMING: StatusStyle("Opens later", "◷", "status-upcoming"),
    Status.OPEN: StatusStyle("Open", "●", "status-open"),
    Status.CLOSING_SOON: StatusStyle("Closing soon", "⚠", "status-closing-soon"),
    Status.CLOSED: StatusStyle("Closed", "✕", "status-closed"),
}

#: The status filter's choices: "open" means open now, closing soon included.
STATUS_FILTERS: dict[str, tuple[str, frozenset[Status]]] = {
    "open": ("Open now", frozenset({Status.OPEN, Status.CLOSING_SOON})),
    "closing-soon": ("Closing soon", frozenset({Status.CLOSING_SOON})),
    "upcoming": ("Opens later", frozenset({Status.UPCOMING})),
    "closed": ("Closed", frozenset({Status.CLOSED})),
}

#: Who can apply: our words, each with the other words (Find a Grant's among them) that mean it.
APPLICANT_TYPES: dict[str, tuple[str, ...]] = {
    "charity": ("charities", "registered charity", "voluntary organisation", "vcs", "vcse"),
    "community group": ("community groups", "community organisation", "grassroots group",
                        "constituted group", "community interest company", "cic"),
    "social enterprise": ("social enterprises",),
    "borough": ("boroughs", "local authority", "local authorities", "council", "councils",
                "london borough"),
    "school": ("schools", "college", "colleges", "education provider", "academy"),
    "health body": ("health", "nhs", "nhs trust", "integrated care board", "icb"),
    "public body": ("public sector", "public bodies", "statutory body"),
    "consortium": ("consortia", "partnership", "partnerships", "consortiums"),
    "business": ("private sector", "company", "companies", "businesses"),
    "individual": ("personal / individual", "personal", "individuals"),
}

#: How each applicant type is written on screen (sentence case), and in a sentence (plural).
APPLICANT_LABELS: dict[str, tuple[str, str]] = {
    "charity": ("Charity", "charities"),
    "community group": ("Community group", "community groups"),
    "social enterprise": ("Social enterprise", "social enterprises"),
    "borough": ("Borough (local authority)", "boroughs"),
    "school": ("School or college", "schools and colleges"),
    "health body": ("Health body", "health bodies"),
    "public body": ("Other public body", "other public bodies"),
    "consortium": ("Consortium or partnership", "consortia and partnerships"),
    "business": ("Business", "businesses"),
    "individual": ("Individual", "individuals"),
}

#: Find a Grant's broad "who can apply" words that stand for several of ours.
APPLICANT_GROUPS: dict[str, tuple[str, ...]] = {
    "non-profit": ("charity", "community group", "social enterprise"),
    "non profit": ("charity", "community group", "social enterprise"),
    "voluntary and community sector": ("charity", "community group", "social enterprise"),
}

#: Words a location column uses for "anywhere in London" (an empty borough list).
PAN_LONDON_WORDS = frozenset(
    {"london", "pan-london", "pan london", "all london", "all of london", "greater london",
     "all boroughs", "national", "england", "uk", "united kingdom", "england and wales",
     "great britain"}
)


def status_of(opportunity: FundingOpportunity, today: dt.date) -> Status:
    """The status of an opportunity on ``today``.

    Opens later than today: upcoming. Closed before today: closed. Closes today or within
    :data:`CLOSING_SOON_DAYS` days: closing soon. No closing date (rolling): open, unless
    what was awarded is already recorded (a past round whose dates were not published).
    """
    return status_for_dates(
        opportunity.opens, opportunity.closes, today, awarded=bool(opportunity.awarded_note)
    )


def status_for_dates(
    opens: dt.date | None, closes: dt.date | None, today: dt.date, *, awarded: bool = False
) -> Status:
    """The status rule on bare dates (see :func:`status_of`)."""
    if opens is not None and opens > today:
        return Status.UPCOMING
    if closes is None:
        return Status.CLOSED if awarded else Status.OPEN
    days_left = (closes - today).days
    if days_left < 0:
        return Status.CLOSED
    if days_left <= CLOSING_SOON_DAYS:
        return Status.CLOSING_SOON
    return Status.OPEN


def is_rolling(opportunity: FundingOpportunity) -> bool:
    """True when the opportunity has no closing date and is not already awarded."""
    return opportunity.closes is None and not opportunity.awarded_note


def days_left(opportunity: FundingOpportunity, today: dt.date) -> int | None:
    """Whole days from today to the closing date (0 on the day), or None when rolling."""
    return None if opportunity.closes is None else (opportunity.closes - today).days


def order_key(opportunity: FundingOpportunity, today: dt.date) -> tuple:
    """Sort key: upcoming and open first, soonest deadline first; then closed, latest closed first.

    Rolling opportunities (no deadline) come after those with one; ties go by opening date,
    then title.
    """
    status = status_of(opportunity, today)
    if status is Status.CLOSED:
        # Past rounds with no published dates go after the dated ones, newest opening first.
        last = opportunity.closes or opportunity.opens
        return (1, last is None, -(last or dt.date.min).toordinal(), opportunity.title.lower())
    closes = opportunity.closes or dt.date.max
    opens = opportunity.opens or dt.date.min
    return (0, closes, opens, opportunity.title.lower())


def award_bounds(opportunity: FundingOpportunity) -> tuple[float, float] | None:
    """The range a single award can fall in, or None when no amount is published.

    A missing minimum counts as £0; a missing maximum falls back to the total pot, then to
    no upper limit.
    """
    low, high, pot = opportunity.min_award_gbp, opportunity.max_award_gbp, opportunity.total_pot_gbp
    if low is None and high is None and pot is None:
        return None
    upper = high if high is not None else pot if pot is not None else float("inf")
    return (low or 0.0, upper)


def award_overlaps(
    opportunity: FundingOpportunity, minimum: float | None, maximum: float | None
) -> bool | None:
    """Whether an award could fall between ``minimum`` and ``maximum`` (either may be None).

    Returns None when the opportunity publishes no amount, so the caller decides (and says)
    what to do with it, rather than treating it as £0.
    """
    bounds = award_bounds(opportunity)
    if bounds is None:
        return None
    low, high = bounds
    if minimum is not None and high < minimum:
        return False
    if maximum is not None and low > maximum:
        return False
    return True


def award_text(opportunity: FundingOpportunity) -> str:
    """The size of one award in words: "£5,000 to £50,000", "up to £10,000", "not published"."""
    low, high = opportunity.min_award_gbp, opportunity.max_award_gbp
    if low is not None and high is not None:
        return formatting.money(low) if low == high else f"{formatting.money(low)} to {formatting.money(high)}"
    if high is not None:
        return f"up to {formatting.money(high)}"
    if low is not None:
        return f"from {formatting.money(low)}"
    return "not published"


def dates_text(opp: FundingOpportunity) -> str:
    """Opening and closing dates in words, saying plainly when one was not published."""
    opens = f"Opens {formatting.date(opp.opens)}" if opp.opens else "Opening date not published"
    if opp.closes:
        closes = f"closes {formatting.date(opp.closes)}"
    elif opp.awarded_note:
        closes = "closing date not published"
    else:
        closes = "rolling: no closing date"
    return f"{opens} · {closes}"


def award_filter_text(low: float | None, high: float | None) -> str:
    """An award-size filter in words: "awards of at least £5,000"."""
    if low is not None and high is not None:
        return f"awards between {formatting.money(low)} and {formatting.money(high)}"
    if low is not None:
        return f"awards of at least {formatting.money(low)}"
    if high is not None:
        return f"awards of at most {formatting.money(high)}"
    return "awards of any size"


def covers_borough(opportunity: FundingOpportunity, borough_codes: Sequence[str]) -> bool:
    """True when the opportunity is open to any of the boroughs (an empty list means all London)."""
    if not borough_codes or not opportunity.boroughs:
        return True
    return bool(set(borough_codes).intersection(opportunity.boroughs))


def covers_service_area(opportunity: FundingOpportunity, term_ids: Sequence[str]) -> bool:
    """True when the opportunity funds any of the service areas (none listed means any work)."""
    if not term_ids or not opportunity.service_areas:
        return True
    return bool(set(term_ids).intersection(opportunity.service_areas))


def accepts_applicant(opportunity: FundingOpportunity, applicant_types: Sequence[str]) -> bool:
    """True when any of the applicant types may apply (none listed means not stated: kept)."""
    if not applicant_types or not opportunity.applicant_types:
        return True
    return bool(set(applicant_types).intersection(opportunity.applicant_types))


def normalise_applicant_types(values: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Maps free-text "who can apply" words (ours or Find a Grant's) to our applicant types.

    Returns:
        The known types (in our order, no repeats) and the values that matched none.
    """
    lookup = {_simplify(k): (k,) for k in APPLICANT_TYPES}
    for key, words in APPLICANT_TYPES.items():
        lookup.update({_simplify(w): (key,) for w in words})
    lookup.update({_simplify(k): v for k, v in APPLICANT_GROUPS.items()})
    found: set[str] = set()
    unknown: list[str] = []
    for value in values:
        hit = lookup.get(_simplify(value))
        if hit is None:
            unknown.append(value)
        else:
            found.update(hit)
    return tuple(k for k in APPLICANT_TYPES if k in found), tuple(unknown)


def _simplify(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())

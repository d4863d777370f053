"""Domain layer: the RAG (red, amber, green) rule for performance measures, kept as data.

A measure has a direction (higher or lower is better), a target and, optionally, its own
published thresholds (``green_at``, ``amber_at``). When it publishes none, the default rule
applies: Green at or better than the target, Amber within 10% of the target, Red beyond.
No actual figure gives "Not reported"; no target (and no published Green threshold) gives
"No target set". Every rating has a word and an icon as well as a colour (WCAG 1.4.1).
"""

from __future__ import annotations

import datetime as dt

import enum
from dataclasses import dataclass
from typing import Iterable, Literal

Direction = Literal["higher", "lower"]

#: The default Amber band: within this share of the target, on the wrong side of it.
DEFAULT_AMBER_BAND = 0.10


class Rag(str, enum.Enum):
    """A rating. The two grey ones say why there is no colour."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NOT_REPORTED = "not-reported"
    NO_TARGET = "no-target"
    NO_MEASURE = "no-measure"
    ENDED = "ended"


@dataclass(frozen=True)
class RagStyle:
    """How a rating is shown: a word, an icon, a CSS class and colours with 4.5:1 contrast.

    Attributes:
        word: The rating in words ("Red").
        icon: A shape that differs for every rating, so colour is never the only signal.
        css: The CSS class of the badge (``rag rag-red``).
        background: Badge background colour.
        foreground: Badge text colour (at least 4.5:1 on ``background``).
        severity: Sort order, worst first (0 is the worst).
    """

    word: str
    icon: str
    css: str
    background: str
    foreground: str
    severity: int

    @property
    def text(self) -> str:
        """Icon and word together, for tables and exports ("✖ Red")."""
        return f"{self.icon} {self.word}"


#: The one place ratings get their words, icons and colours.
STYLES: dict[Rag, RagStyle] = {
    Rag.RED: RagStyle("Red", "✖", "rag rag-red", "#a4161a", "#ffffff", 0),
    Rag.AMBER: RagStyle("Amber", "▲", "rag rag-amber", "#f2b705", "#0b0c0c", 1),
    Rag.GREEN: RagStyle("Green", "✔", "rag rag-green", "#1e6b34", "#ffffff", 2),
    Rag.NOT_REPORTED: RagStyle("Not reported", "?", "rag rag-grey", "#e1e4e6", "#0b0c0c", 3),
    Rag.NO_TARGET: RagStyle("No target set", "○", "rag rag-grey", "#e1e4e6", "#0b0c0c", 4),
    Rag.NO_MEASURE: RagStyle("No measure", "–", "rag rag-grey", "#e1e4e6", "#0b0c0c", 5),
    Rag.ENDED: RagStyle("Ended: no current rating", "■", "rag rag-grey", "#e1e4e6", "#0b0c0c", 6),
}

#: Ratings that carry a colour judgement, worst first. The overall rating is the worst of these.
COLOURED = (Rag.RED, Rag.AMBER, Rag.GREEN)

#: The overall rule, in the words shown beside every overall rating.
OVERALL_RULE = (
    "The overall rating is the worst rating among the service's measures for the latest "
    "period (Red is worse than Amber, Amber worse than Green). Measures with no figure are "
    "listed as gaps and do not lift or lower it; if no measure has a rating, the service is "
    "shown as Not reported."
)

DEFAULT_RULE = (
    "Unless a measure publishes its own thresholds: Green at or better than the target, "
    "Amber within 10% of the target, Red beyond that."
)


def style(rating: Rag) -> RagStyle:
    """The word, icon and colours of a rating."""
    return STYLES[rating]


@dataclass(frozen=True)
class Thresholds:
    """The limits a measure is rated against.

    Attributes:
        direction: "higher" when a bigger number is better, "lower" when a smaller one is.
        green_at: At or better than this is Green.
        amber_at: At or better than this (but short of ``green_at``) is Amber; beyond is Red.
        published: True when the measure published its own thresholds; False for the default.
    """

    direction: Direction
    green_at: float
    amber_at: float
    published: bool

    def rate(self, actual: float) -> Rag:
        """Rates one actual figure."""
        if self.direction == "higher":
            if actual >= self.green_at:
                return Rag.GREEN
            return Rag.AMBER if actual >= self.amber_at else Rag.RED
        if actual <= self.green_at:
            return Rag.GREEN
        return Rag.AMBER if actual <= self.amber_at else Rag.RED

    def describe(self, unit: str | None = None) -> str:
        """The thresholds in words, shown beside every rating."""
        green, amber = format_amount(self.green_at, unit), format_amount(self.amber_at, unit)
        origin = "published thresholds" if self.published else "default rule"
        if self.green_at == self.amber_at:
            if self.direction == "higher":
                return f"Green at {green} or more; Red below {green} ({origin})"
            return f"Green at {green} or less; Red above {green} ({origin})"
        if self.direction == "higher":
            return (
                f"Green at {green} or more; Amber from {amber} to under {green}; "
                f"Red below {amber} ({origin})"
            )
        return (
            f"Green at {green} or less; Amber above {green} up to {amber}; "
            f"Red above {amber} ({origin})"
        )


def thresholds_for(
    direction: Direction,
    target: float | None,
    green_at: float | None = None,
    amber_at: float | None = None,
    *,
    amber_band: float = DEFAULT_AMBER_BAND,
) -> Thresholds | None:
    """The thresholds a measure is rated against; None when it has no target to rate against.

    Args:
        direction: "higher" or "lower" is better.
        target: The measure's target.
        green_at: The measure's own Green threshold, when it publishes one (else the target).
        amber_at: The measure's own Amber threshold, when it publishes one (else 10% short
            of the Green threshold).
        amber_band: The default Amber band as a share of the target.

    Raises:
        ValueError: For a direction other than "higher" or "lower".
    """
    if direction not in ("higher", "lower"):
        raise ValueError(f"direction must be 'higher' or 'lower', not {direction!r}")
    green = green_at if green_at is not None else target
    if green is None:
        return None
    published = green_at is not None or amber_at is not None
    if amber_at is None:
        band = abs(green) * amber_band
        amber = green - band if direction == "higher" else green + band
    else:
        amber = amber_at
    # A published Amber limit on the wrong side of Green leaves no Amber band (never a
    # Green that needs less than Amber).
    amber = min(amber, green) if direction == "higher" else max(amber, green)
    return Thresholds(direction, float(green), float(amber), published)


def rate(
    direction: Direction,
    target: float | None,
    actual: float | None,
    green_at: float | None = None,
    amber_at: float | None = None,
) -> Rag:
    """Rates one figure of a measure.

    Returns:
        ``NOT_REPORTED`` when there is no actual figure (whatever the target),
        ``NO_TARGET`` when there is a figure but nothing to rate it against, else Green,
        Amber or Red by the thresholds.
    """
    if actual is None:
        return Rag.NOT_REPORTED
    limits = thresholds_for(direction, target, green_at, amber_at)
    if limits is None:
        return Rag.NO_TARGET
    return limits.rate(actual)


def ended(status: str, end_date: dt.date | None, period_start: dt.date | None) -> bool:
    """True when a service had ended by the start of the period being rated.

    An inactive service with no end date has ended at some unknown time, so it has ended for
    any period; a service whose end date falls before the period has ended for that period.
    """
    if end_date is None:
        return status == "inactive"
    return period_start is not None and end_date < period_start


def overall(ratings: Iterable[Rag], *, service_ended: bool = False) -> Rag:
    """The overall rating of a service from its measures' ratings for one period.

    A service that had ended before the period gets no rating for it (``ENDED``), whatever
    figures its measures carry: a rating is a judgement on a running service.

    The worst coloured rating wins (see :data:`OVERALL_RULE`). Without any coloured rating:
    "No target set" when some figure was reported without a target, "Not reported" when
    measures exist but none has a figure, "No measure" when there are no measures at all.
    """
    if service_ended:
        return Rag.ENDED
    ratings = list(ratings)
    for candidate in COLOURED:
        if candidate in ratings:
            return candidate
    if not ratings:
        return Rag.NO_MEASURE
    if Rag.NO_TARGET in ratings:
        return Rag.NO_TARGET
    return Rag.NOT_REPORTED


@dataclass(frozen=True)
class Trend:
    """How a measure moved since the previous period.

    Attributes:
        arrow: ↑, ↓ or → for the way the number moved (not whether that is good).
        word: "better", "worse", "no change" or "no earlier figure".
    """

    arrow: str
    word: str

    @property
    def text(self) -> str:
        """Arrow and word together ("↑ better")."""
        return f"{self.arrow} {self.word}" if self.arrow else self.word


NO_TREND = Trend("", "no earlier figure")


def trend(direction: Direction, previous: float | None, latest: float | None) -> Trend:
    """Compares the latest figure with the previous period's, given which way is better."""
    if previous is None or latest is None:
        return NO_TREND
    if latest == previous:
        return Trend("→", "no change")
    rose = latest > previous
    better = rose if direction == "higher" else not rose
    return Trend("↑" if rose else "↓", "better" if better else "worse")


def format_amount(value: float, unit: str | None) -> str:
    """A figure with its unit for people: "1,010 people", "82%", "£400", "3.5 days"."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if not unit:
        return text
    if unit in ("%", "percent"):
        return f"{text}%"
    if unit in ("£", "GBP", "gbp"):
        return f"£{text}"
    return f"{text} {unit}"

"""Domain layer: published evaluations of programmes, the design-strength scale, and when a planned one is overdue.

An :class:`Evaluation` is one published (or promised) piece of evidence about a programme:
who evaluated it and who asked, what was measured, the finding in plain words, any figure and
cost per participant exactly as published, and its source. Whether a planned evaluation is
overdue depends on today's date, so it is worked out here from an injected ``today``, never
stored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, field_validator, model_validator

from explorer.domain.records import Money, Names, OptText, Record, Text, check_url


@dataclass(frozen=True)
class DesignLevel:
    """One step of the design-strength scale.

    Attributes:
        key: The value in the register's ``design_level`` column.
        rank: 1 (weakest) to 5 (strongest).
        label: The short name shown beside a finding.
        explanation: What the step means, in plain words (shown once on the page).
    """

    key: str
    rank: int
    label: str
    explanation: str


#: The design-strength scale, weakest first: how far a design can tell whether the programme caused a change.
DESIGN_SCALE: tuple[DesignLevel, ...] = (
    DesignLevel("provider-report", 1, "Provider's own report",
                "written or commissioned by the organisation that runs the programme, usually from its own "
                "monitoring data"),
    DesignLevel("process", 2, "Process or descriptive study",
                "an independent look at how the programme runs and how people see it (interviews, surveys, "
                "case studies); it does not measure what would have happened without it"),
    DesignLevel("before-after", 3, "Before-and-after study",
                "outcomes measured before and after taking part, with no comparison group"),
    DesignLevel("quasi-experimental", 4, "Quasi-experimental",
                "participants compared with a matched group of similar people who did not take part"),
    DesignLevel("randomised-trial", 5, "Randomised trial",
                "people or places assigned to the programme by chance and compared with those who were not: "
                "the strongest test of cause and effect"),
)
DESIGN_LEVELS = {level.key: level for level in DESIGN_SCALE}
DESIGN_KEYS = tuple(DESIGN_LEVELS)

UNCLASSIFIED = "Design not stated"
UNCLASSIFIED_EXPLANATION = "the source does not say enough about the design to place it on the scale"

#: The states an evaluation can be in on a given day.
State = Literal["published", "planned", "overdue"]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date given only as precisely as its source gives it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Reads ``2021``, ``2021-07`` or ``2021-11-21``.

        Raises:
            ValueError: The text is not one of those shapes, or not a real date.
        """
        match = _PARTIAL_DATE.match(text.strip())
        if not match:
            raise ValueError("must be a date written 2021, 2021-07 or 2021-07-15")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError("must be a date written 2021, 2021-07 or 2021-07-15 (month 01 to 12)")
        if day is not None:
            dt.date(year, month, day)  # raises ValueError for 2021-02-30
        return cls(year, month, day)

    @property
    def last_day(self) -> dt.date:
        """The last day the date could mean: a deadline given as a year runs to 31 December."""
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def words(self) -> str:
        """``2021``, ``July 2021`` or ``21 November 2021``."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"


def check_partial_date(value: str | None) -> str | None:
    """Accepts an empty value or a partial date (see :class:`PartialDate`)."""
    if value is not None:
        PartialDate.parse(value)
    return value


#: A date as precise as its source (``2024``, ``2024-03`` or ``2024-03-15``), or nothing.
OptPartialDate = Annotated[OptText, AfterValidator(check_partial_date)]


class Evaluation(Record):
    """A published or planned evaluation of a programme, linked to the register's services it covers.

    ``published`` and ``due`` are as precise as the source (a year, a month or a day);
    ``effect_figure`` and ``cost_per_participant_gbp`` are as published, never worked out here.
    """

    id: Text
    programme: Text
    service_ids: Names
    commissioner: OptText = None
    evaluator: OptText = None
    commissioned_by: OptText = None
    published: OptPartialDate = None
    due: OptPartialDate = None
    design: OptText = None
    design_level: OptText = None
    outcome_measure: OptText = None
    finding_summary: Text
    effect_figure: OptText = None
    cost_per_participant_gbp: Money = None
    cost_note: OptText = None
    participants: OptText = None
    status: Literal["published", "planned"]
    source_url: Names

    @field_validator("service_ids")
    @classmethod
    def _some_services(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("must name at least one service id (several separated by ;)")
        return value

    @field_validator("source_url")
    @classmethod
    def _sources_are_urls(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("must give the web address of the source")
        for url in value:
            check_url(url)
        return value

    @field_validator("design_level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is not None and value not in DESIGN_LEVELS:
            raise ValueError("must be one of " + ", ".join(DESIGN_KEYS) + " (or empty when not stated)")
        return value

    @model_validator(mode="after")
    def _dates_fit_status(self) -> "Evaluation":
        if self.status == "planned" and self.published:
            raise ValueError("published: must be empty for a planned evaluation (give the due date in due)")
        if self.status == "published" and self.due:
            raise ValueError("due: must be empty for a published evaluation")
        return self

    @property
    def level(self) -> DesignLevel | None:
        """Where the design sits on the scale, or None when the source does not say."""
        return DESIGN_LEVELS.get(self.design_level or "")

    @property
    def published_date(self) -> PartialDate | None:
        """The publication date as precisely as the source gives it."""
        return PartialDate.parse(self.published) if self.published else None

    @property
    def due_date(self) -> PartialDate | None:
        """When a planned evaluation was due, as precisely as the source gives it."""
        return PartialDate.parse(self.due) if self.due else None


def state(evaluation: Evaluation, today: dt.date) -> State:
    """Published, planned, or overdue: planned and past the last day its due date could mean."""
    if evaluation.status == "published":
        return "published"
    due = evaluation.due_date
    if due is not None and today > due.last_day:
        return "overdue"
    return "planned"


def when_text(evaluation: Evaluation, today: dt.date) -> str:
    """The date line shown beside an evaluation, in words."""
    current = state(evaluation, today)
    if current == "published":
        published = evaluation.published_date
        return f"Published {published.words()}" if published else "Published (the source gives no date)"
    due = evaluation.due_date
    if current == "overdue":
        return f"Overdue: due {due.words()}, and no results are published in this register"
    if due is not None:
        return f"Planned: due {due.words()}"
    return "Planned: no date for results has been published"


def sort_key(evaluation: Evaluation) -> tuple:
    """Published first (newest first, undated last), then planned (soonest due first, undated last)."""
    if evaluation.status == "published":
        date = evaluation.published_date
        return (0, -(date.last_day.toordinal()) if date else 0, evaluation.id)
    due = evaluation.due_date
    return (1, due.last_day.toordinal() if due else 10**7, evaluation.id)

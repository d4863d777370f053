"""Services layer: one service's performance (ratings, spend, reach, cost per person) and the index they read.

Everything here is computed from one :class:`~explorer.services.snapshot.Snapshot` and a date passed in by
the caller; missing figures stay missing (None), never zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from explorer.domain import rag
from explorer.domain.periods import (
    Quarter,
    latest_reported_quarter,
    parse_quarter,
    sorted_quarters,
)
from explorer.domain.rag import Rag, Thresholds, Trend
from explorer.domain.records import Measure, MeasureValue, Reach, Spend
from explorer.services.snapshot import ServiceEntry, Snapshot

SAMPLE = "sample value"
PUBLISHED = "published"


# -- one service ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A measure's actual figure for one quarter (``actual`` None when not reported)."""

    period: Quarter | None
    actual: float | None
    rating: Rag
    narrative: str | None = None
    illustrative: bool = False
    source_url: str | None = None


@dataclass(frozen=True)
class MeasureView:
    """One measure with its thresholds, its figures up to a period and its latest rating.

    Attributes:
        measure: The measure record.
        thresholds: The limits it is rated against; None when it has no target.
        history: Every quarter that has a row for it, oldest first, up to ``current``.
        current: The figure for the period asked for (Not reported when there is none).
        trend: The move from the previous quarter to ``current``.
    """

    measure: Measure
    thresholds: Thresholds | None
    history: tuple[Figure, ...]
    current: Figure
    trend: Trend

    @property
    def threshold_text(self) -> str:
        """The thresholds in words, or why there are none."""
        if self.thresholds is None:
            return "No target set, so no rating"
        return self.thresholds.describe(self.measure.unit)

    @property
    def illustrative(self) -> bool:
        """True when the measure or any of its figures is a sample value."""
        return bool(self.measure.illustrative) or any(f.illustrative for f in self.history)

    def figure(self, period: Quarter) -> Figure:
        """The figure for ``period``, or a Not reported one."""
        for found in self.history:
            if found.period == period:
                return found
        return Figure(period, None, Rag.NOT_REPORTED)


@dataclass(frozen=True)
class SpendLine:
    """Budget and actual spend of a service in one quarter."""

    period: Quarter
    budget: float | None
    actual: float | None
    illustrative: bool

    @property
    def variance(self) -> float | None:
        """Actual minus budget, when both are known."""
        if self.budget is None or self.actual is None:
            return None
        return self.actual - self.budget


@dataclass(frozen=True)
class BoroughReach:
    """People helped in one borough, summed over quarters."""

    code: str
    name: str
    people: int
    illustrative: bool


@dataclass(frozen=True)
class CostPerPerson:
    """Spend divided by people helped, over the quarters where both are known."""

    spend: float
    people: int
    periods: tuple[Quarter, ...]
    illustrative: bool

    @property
    def value(self) -> float:
        """Pounds per person helped."""
        return self.spend / self.people


@dataclass(frozen=True)
class ServicePerformance:
    """Everything the performance panels show about one service."""

    service: ServiceEntry
    period: Quarter | None
    measures: tuple[MeasureView, ...]
    overall: Rag
    spend: tuple[SpendLine, ...]
    reach: tuple[BoroughReach, ...]
    reach_periods: tuple[Quarter, ...]
    cost_per_person: CostPerPerson | None

    @property
    def spend_to_date(self) -> float | None:
        """Actual spend summed over the quarters that report it; None when none does."""
        known = [line.actual for line in self.spend if line.actual is not None]
        return sum(known) if known else None

    @property
    def budget_to_date(self) -> float | None:
        """Budget summed over the quarters that report it; None when none does."""
        known = [line.budget for line in self.spend if line.budget is not None]
        return sum(known) if known else None

    @property
    def spend_illustrative(self) -> bool:
        """True when any spend figure is a sample value."""
        return any(line.illustrative for line in self.spend)

    @property
    def people_helped(self) -> int | None:
        """People helped summed over boroughs and quarters; None when nothing is reported."""
        return sum(r.people for r in self.reach) if self.reach else None

    @property
    def reach_illustrative(self) -> bool:
        """True when any reach figure is a sample value."""
        return any(r.illustrative for r in self.reach)

    @property
    def in_period(self) -> bool:
        """True when the contract ran during the period, so figures are expected for it."""
        return self.period is None or running_in(self.service, self.period)

    @property
    def gaps(self) -> tuple[MeasureView, ...]:
        """Measures with no figure for the period."""
        return tuple(m for m in self.measures if m.current.rating is Rag.NOT_REPORTED)

    @property
    def rated(self) -> tuple[MeasureView, ...]:
        """Measures with a Red, Amber or Green rating for the period."""
        return tuple(m for m in self.measures if m.current.rating in rag.COLOURED)

    @property
    def performance_illustrative(self) -> bool:
        """True when any measure or figure is a sample value."""
        return any(m.illustrative for m in self.measures)


@dataclass(frozen=True)
class PerformanceIndex:
    """The snapshot's performance rows grouped by service and measure (built per request)."""

    measures_by_service: Mapping[str, tuple[Measure, ...]]
    values_by_measure: Mapping[str, Mapping[Quarter, MeasureValue]]
    spend_by_service: Mapping[str, Mapping[Quarter, Spend]]
    reach_by_service: Mapping[str, tuple[tuple[Quarter, Reach], ...]]
    quarters: tuple[Quarter, ...]
    measure_quarters: tuple[Quarter, ...] = ()


def build_index(snapshot: Snapshot) -> PerformanceIndex:
    """Groups the snapshot's measures, figures, spend and reach (rows with a bad period are skipped)."""
    measures: dict[str, list[Measure]] = {}
    for m in snapshot.measures:
        measures.setdefault(m.service_id, []).append(m)
    values: dict[str, dict[Quarter, MeasureValue]] = {}
    for v in snapshot.measure_values:
        q = _quarter(v.period)
        if q is not None:
            values.setdefault(v.measure_id, {})[q] = v
    spend: dict[str, dict[Quarter, Spend]] = {}
    for s in snapshot.spend:
        q = _quarter(s.period)
        if q is not None:
            spend.setdefault(s.service_id, {})[q] = s
    reach: dict[str, list[tuple[Quarter, Reach]]] = {}
    for r in snapshot.reach:
        q = _quarter(r.period)
        if q is not None:
            reach.setdefault(r.service_id, []).append((q, r))
    quarters = sorted_quarters(
        [v.period for v in snapshot.measure_values]
        + [s.period for s in snapshot.spend]
        + [r.period for r in snapshot.reach]
    )
    return PerformanceIndex(
        measures_by_service={k: tuple(sorted(v, key=lambda m: m.id)) for k, v in measures.items()},
        values_by_measure=values,
        spend_by_service=spend,
        reach_by_service={k: tuple(v) for k, v in reach.items()},
        quarters=tuple(quarters),
        measure_quarters=tuple(sorted_quarters(v.period for v in snapshot.measure_values)),
    )


def reporting_period(snapshot: Snapshot, today: dt.date, index: PerformanceIndex | None = None) -> Quarter | None:
    """The latest quarter that has any figure and has started by ``today``."""
    index = index or build_index(snapshot)
    return latest_reported_quarter([q.code for q in index.quarters], today)


def measure_view(measure: Measure, values: Mapping[Quarter, MeasureValue], period: Quarter | None) -> MeasureView:
    """Rates one measure's figures up to ``period``; with no period, nothing is current."""
    limits = rag.thresholds_for(measure.direction, measure.target, measure.green_at, measure.amber_at)
    history = tuple(
        Figure(
            period=q,
            actual=values[q].actual,
            rating=rag.rate(
                measure.direction, measure.target, values[q].actual, measure.green_at, measure.amber_at
            ),
            narrative=values[q].narrative,
            illustrative=bool(values[q].illustrative),
            source_url=values[q].source_url,
        )
        for q in sorted(values)
        if period is None or q <= period
    )
    if period is None:
        return MeasureView(measure, limits, history, Figure(None, None, Rag.NOT_REPORTED), rag.NO_TREND)
    current = next((f for f in history if f.period == period), Figure(period, None, Rag.NOT_REPORTED))
    previous = next((f for f in history if f.period == period.previous()), None)
    movement = rag.trend(measure.direction, previous.actual if previous else None, current.actual)
    return MeasureView(measure, limits, history, current, movement)


def service_performance(
    snapshot: Snapshot,
    service: ServiceEntry,
    period: Quarter | None,
    index: PerformanceIndex | None = None,
) -> ServicePerformance:
    """A service's measures rated for ``period``, its spend, reach and cost per person.

    Args:
        snapshot: The published register.
        service: The service.
        period: The quarter to rate (usually :func:`reporting_period`); None rates nothing
            and every measure shows Not reported.
        index: A prebuilt index, when rating many services in one request.
    """
    index = index or build_index(snapshot)
    measures = tuple(
        measure_view(m, index.values_by_measure.get(m.id, {}), period)
        for m in index.measures_by_service.get(service.id, ())
    )
    ended = rag.ended(service.status, service.end_date, period.start if period else None)
    overall = rag.overall((m.current.rating for m in measures), service_ended=ended)
    spend_rows = index.spend_by_service.get(service.id, {})
    spend = tuple(
        SpendLine(q, s.budget_gbp, s.actual_gbp, bool(s.illustrative))
        for q, s in sorted(spend_rows.items())
        if period is None or q <= period
    )
    reach_rows = [(q, r) for q, r in index.reach_by_service.get(service.id, ()) if period is None or q <= period]
    return ServicePerformance(
        service=service,
        period=period,
        measures=measures,
        overall=overall,
        spend=spend,
        reach=reach_by_borough(snapshot, [r for _q, r in reach_rows]),
        reach_periods=tuple(sorted({q for q, _r in reach_rows})),
        cost_per_person=cost_per_person(spend, reach_rows),
    )


def running_in(service: ServiceEntry, period: Quarter) -> bool:
    """True when the service's contract ran for at least part of ``period``.

    A service with unknown dates is taken to be running, so its gaps are shown, not hidden.
    """
    start, end = service.start_date, service.end_date
    return (start is None or start <= period.end) and (end is None or end >= period.start)



def _quarter(code: str) -> Quarter | None:
    try:
        return parse_quarter(code)
    except ValueError:
        return None


def reach_by_borough(snapshot: Snapshot, rows: Iterable[Reach]) -> tuple[BoroughReach, ...]:
    people: dict[str, int] = {}
    sample: dict[str, bool] = {}
    for r in rows:
        people[r.borough_code] = people.get(r.borough_code, 0) + int(r.people)
        sample[r.borough_code] = sample.get(r.borough_code, False) or bool(r.illustrative)
    found = [BoroughReach(code, snapshot.borough_name(code), n, sample[code]) for code, n in people.items()]
    found.sort(key=lambda b: (-b.people, b.name))
    return tuple(found)


def cost_per_person(spend: Sequence[SpendLine], reach_rows: Sequence[tuple[Quarter, Reach]]) -> CostPerPerson | None:
    people_by_quarter: dict[Quarter, int] = {}
    reach_sample: dict[Quarter, bool] = {}
    for q, r in reach_rows:
        people_by_quarter[q] = people_by_quarter.get(q, 0) + int(r.people)
        reach_sample[q] = reach_sample.get(q, False) or bool(r.illustrative)
    both = [line for line in spend if line.actual is not None and line.period in people_by_quarter]
    people = sum(people_by_quarter[line.period] for line in both)
    if not both or people <= 0:
        return None
    return CostPerPerson(
        spend=sum(line.actual for line in both),
        people=people,
        periods=tuple(line.period for line in both),
        illustrative=any(line.illustrative or reach_sample[line.period] for line in both),
    )

"""Services layer: the performance read model — ratings, spend, reach, cost per person, the
portfolio at a glance, the dashboard's aggregates and the six-monthly report's rows.

Everything here is computed from one :class:`~explorer.services.snapshot.Snapshot` and a
date passed in by the caller; nothing reads the clock, the store or a file (the programmes'
published figures are the ``outcomes`` entity, in the snapshot: :func:`published_outcomes`).
Missing figures stay missing (None), never zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlencode

from explorer.domain import rag
from explorer.domain.periods import (
    HalfYear,
    Quarter,
    ends_within,
    latest_reported_quarter,
    parse_quarter,
    sorted_quarters,
    time_left,
)
from explorer.domain.rag import Rag, Thresholds, Trend
from explorer.domain.records import Measure, MeasureValue, Reach, Spend
from explorer.services.snapshot import ServiceEntry, Snapshot

#: Contracts ending within this many months are listed as ending soon.
ENDING_SOON_MONTHS = 6

#: The dashboard's reach and money figures cover this many quarters up to the chosen one.
DASHBOARD_QUARTERS = 4

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
        reach=_reach_by_borough(snapshot, [r for _q, r in reach_rows]),
        reach_periods=tuple(sorted({q for q, _r in reach_rows})),
        cost_per_person=_cost_per_person(spend, reach_rows),
    )


def running_in(service: ServiceEntry, period: Quarter) -> bool:
    """True when the service's contract ran for at least part of ``period``.

    A service with unknown dates is taken to be running, so its gaps are shown, not hidden.
    """
    start, end = service.start_date, service.end_date
    return (start is None or start <= period.end) and (end is None or end >= period.start)


# -- the portfolio ----------------------------------------------------------------------------


FILTER_KEYS = ("commissioner", "programme", "borough", "area", "period")


@dataclass(frozen=True)
class PortfolioFilters:
    """The performance page's filters, as they appear in its address."""

    commissioner: str = ""
    programme: str = ""
    borough: str = ""
    area: str = ""
    period: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> "PortfolioFilters":
        """Reads the filters from a parsed query string (the first value of each key)."""
        return cls(**{k: (query.get(k) or [""])[0].strip() for k in FILTER_KEYS})

    @classmethod
    def from_values(cls, **values: str | None) -> "PortfolioFilters":
        """Builds filters from dropdown values (None means no filter)."""
        return cls(**{k: (values.get(k) or "").strip() for k in FILTER_KEYS})

    def to_search(self) -> str:
        """The query string for these filters (empty when none is set)."""
        pairs = [(k, getattr(self, k)) for k in FILTER_KEYS if getattr(self, k)]
        return "?" + urlencode(pairs) if pairs else ""

    def matches(self, service: ServiceEntry) -> bool:
        """True when the service passes every filter that is set."""
        return (
            (not self.commissioner or self.commissioner in service.commissioners)
            and (not self.programme or self.programme == service.programme)
            and (not self.borough or self.borough in service.borough_codes)
            and (not self.area or self.area in service.term_ids)
        )


@dataclass(frozen=True)
class FilterOptions:
    """The choices each filter offers: (value, label) pairs."""

    commissioners: tuple[tuple[str, str], ...]
    programmes: tuple[tuple[str, str], ...]
    boroughs: tuple[tuple[str, str], ...]
    areas: tuple[tuple[str, str], ...]
    periods: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Portfolio:
    """Every service that passes the filters, rated for one period, and the lists that matter."""

    filters: PortfolioFilters
    period: Quarter | None
    today: dt.date
    rows: tuple[ServicePerformance, ...]
    notes: tuple[str, ...] = ()
    index: PerformanceIndex | None = field(default=None, repr=False, compare=False)

    @property
    def current(self) -> tuple[ServicePerformance, ...]:
        """The rows whose contract ran during the period: the ones counted and checked for gaps."""
        return tuple(r for r in self.rows if r.in_period)

    @property
    def not_current(self) -> tuple[ServicePerformance, ...]:
        """The rows whose contract had ended (or not begun) in the period."""
        return tuple(r for r in self.rows if not r.in_period)

    @property
    def counts(self) -> dict[Rag, int]:
        """Running services by overall rating (every rating present, zero when none)."""
        found = {r: 0 for r in Rag}
        for row in self.current:
            found[row.overall] += 1
        return found

    @property
    def measure_counts(self) -> dict[Rag, int]:
        """Running services' measures by rating for the period."""
        found = {r: 0 for r in Rag if r is not Rag.NO_MEASURE}
        for row in self.current:
            for m in row.measures:
                found[m.current.rating] += 1
        return found

    @property
    def ending_soon(self) -> tuple[ServicePerformance, ...]:
        """Services whose contract ends within six months of today, soonest first."""
        soon = [r for r in self.rows if ends_within(r.service.end_date, self.today, ENDING_SOON_MONTHS)]
        return tuple(sorted(soon, key=lambda r: r.service.end_date))

    @property
    def without_measures(self) -> tuple[ServicePerformance, ...]:
        """Running services with no performance measure at all."""
        return tuple(r for r in self.current if not r.measures)

    @property
    def without_figures(self) -> tuple[ServicePerformance, ...]:
        """Running services with measures, at least one of which has no figure for the period."""
        return tuple(r for r in self.current if r.measures and r.gaps)


def filter_options(snapshot: Snapshot, today: dt.date) -> FilterOptions:
    """The values each filter can take, from the snapshot."""
    commissioners = sorted({c for s in snapshot.services for c in s.commissioners})
    programmes = sorted({s.programme for s in snapshot.services if s.programme})
    used_terms = {t for s in snapshot.services for t in s.term_ids}
    index = build_index(snapshot)
    current = reporting_period(snapshot, today, index)
    periods = [q for q in index.quarters if current is None or q <= current]
    return FilterOptions(
        commissioners=tuple((c, c) for c in commissioners),
        programmes=tuple((p, p) for p in programmes),
        boroughs=tuple((b.code, b.name) for b in sorted(snapshot.boroughs, key=lambda b: b.name)),
        areas=tuple(
            (t.id, t.name) for t in sorted(snapshot.terms, key=lambda t: t.name) if t.id in used_terms
        ),
        periods=tuple((q.code, f"{q.code} ({q.label})") for q in reversed(periods)),
    )


def portfolio(snapshot: Snapshot, filters: PortfolioFilters, today: dt.date) -> Portfolio:
    """Rates every service that passes ``filters`` for the chosen (or latest) period.

    Rows come worst first (Red, Amber, Green, then the grey ratings), then by name.
    """
    index = build_index(snapshot)
    notes = []
    period = reporting_period(snapshot, today, index)
    if filters.period:
        try:
            period = parse_quarter(filters.period)
        except ValueError as exc:
            notes.append(f"{exc}. Showing the latest period instead.")
            filters = PortfolioFilters(**{**filters.__dict__, "period": ""})
    rows = [
        service_performance(snapshot, s, period, index) for s in snapshot.services if filters.matches(s)
    ]
    rows.sort(key=lambda r: (rag.style(r.overall).severity, r.service.name.lower()))
    return Portfolio(filters=filters, period=period, today=today, rows=tuple(rows), notes=tuple(notes), index=index)


# -- the dashboard ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeReach:
    """A programme's people helped, spend and cost per person over the dashboard's quarters."""

    programme: str
    services: int
    people: int | None
    spend: float | None
    cost_per_person: CostPerPerson | None
    illustrative: bool


@dataclass(frozen=True)
class ReachSummary:
    """Who is helped, where, and for how much, over a run of quarters."""

    periods: tuple[Quarter, ...]
    by_borough: tuple[BoroughReach, ...]
    by_programme: tuple[ProgrammeReach, ...]
    illustrative: bool

    @property
    def people(self) -> int | None:
        """People helped across every borough (None when nothing is reported)."""
        return sum(r.people for r in self.by_borough) if self.by_borough else None


def dashboard_window(end: Quarter | None, quarters: int = DASHBOARD_QUARTERS) -> tuple[Quarter, ...]:
    """The quarters the dashboard sums over: ``quarters`` of them, ending with ``end``."""
    if end is None:
        return ()
    window = [end]
    while len(window) < quarters:
        window.append(window[-1].previous())
    return tuple(reversed(window))


def reach_summary(snapshot: Snapshot, rows: Sequence[ServicePerformance], periods: Sequence[Quarter],
                  index: PerformanceIndex | None = None) -> ReachSummary:
    """People helped by borough and by programme, and money against reach, over ``periods``."""
    index = index or build_index(snapshot)
    wanted = set(periods)
    reach_rows: list[Reach] = []
    by_programme: dict[str, list[ServicePerformance]] = {}
    for row in rows:
        by_programme.setdefault(row.service.programme, []).append(row)
        reach_rows.extend(r for q, r in index.reach_by_service.get(row.service.id, ()) if q in wanted)
    programmes = []
    for programme, members in sorted(by_programme.items()):
        people_rows: list[tuple[Quarter, Reach]] = []
        spend_lines: list[SpendLine] = []
        for member in members:
            sid = member.service.id
            people_rows.extend((q, r) for q, r in index.reach_by_service.get(sid, ()) if q in wanted)
            spend_lines.extend(
                SpendLine(q, s.budget_gbp, s.actual_gbp, bool(s.illustrative))
                for q, s in index.spend_by_service.get(sid, {}).items()
                if q in wanted
            )
        cost = _combined_cost(members, index, wanted)
        known_spend = [line.actual for line in spend_lines if line.actual is not None]
        programmes.append(
            ProgrammeReach(
                programme=programme,
                services=len(members),
                people=sum(r.people for _q, r in people_rows) if people_rows else None,
                spend=sum(known_spend) if known_spend else None,
                cost_per_person=cost,
                illustrative=any(r.illustrative for _q, r in people_rows)
                or any(line.illustrative for line in spend_lines),
            )
        )
    by_borough = _reach_by_borough(snapshot, reach_rows)
    return ReachSummary(
        periods=tuple(periods),
        by_borough=by_borough,
        by_programme=tuple(programmes),
        illustrative=any(r.illustrative for r in by_borough) or any(p.illustrative for p in programmes),
    )


@dataclass(frozen=True)
class RatingsInPeriod:
    """How many measures had each rating in one quarter."""

    period: Quarter
    counts: Mapping[Rag, int]

    @property
    def reported(self) -> int:
        """Measures with a figure that quarter."""
        return sum(v for k, v in self.counts.items() if k is not Rag.NOT_REPORTED)


def ratings_over_time(rows: Sequence[ServicePerformance], periods: Sequence[Quarter]) -> tuple[RatingsInPeriod, ...]:
    """Measures by rating in each quarter: the KPIs against their targets over time.

    A quarter counts only the measures of services whose contract ran in it, so a service that
    had not begun is not a gap.
    """
    result = []
    for q in periods:
        counts = {r: 0 for r in (*rag.COLOURED, Rag.NO_TARGET, Rag.NOT_REPORTED)}
        for row in rows:
            if not running_in(row.service, q):
                continue
            for m in row.measures:
                counts[m.figure(q).rating] += 1
        result.append(RatingsInPeriod(q, counts))
    return tuple(result)


# -- published programme figures --------------------------------------------------------------


@dataclass(frozen=True)
class PublishedOutcome:
    """A figure a programme has published about its money, reach or results, with its source.

    Attributes:
        programme: The programme's name.
        commissioner: Who funds it.
        invested_gbp: Money invested, as published (None when not stated).
        people: People reached, as published (None when not stated).
        people_basis: What ``people`` counts and whether it is planned or achieved.
        period: The period the figures cover.
        finding: A published result in a sentence (evaluation, cost-benefit), if any.
        source_url: Where it was published.
        source_date: When, if known.
    """

    programme: str
    commissioner: str
    invested_gbp: float | None
    people: int | None
    people_basis: str
    period: str
    finding: str
    source_url: str
    source_date: str

    @property
    def cost_per_person(self) -> float | None:
        """Invested money divided by people reached (derived here, not published)."""
        if self.invested_gbp is None or not self.people:
            return None
        return self.invested_gbp / self.people


def published_outcomes(snapshot: Snapshot) -> tuple[PublishedOutcome, ...]:
    """The programmes' published figures in the snapshot (the ``outcomes`` entity), in file order."""
    return tuple(
        PublishedOutcome(
            programme=o.programme,
            commissioner=o.commissioner or "",
            invested_gbp=o.invested_gbp,
            people=o.people,
            people_basis=o.people_basis or "",
            period=o.period or "",
            finding=o.finding or "",
            source_url=o.source_url,
            source_date=o.source_date or "",
        )
        for o in snapshot.outcomes
    )


# -- the six-monthly report -------------------------------------------------------------------


REPORT_COLUMNS = (
    "Service ID",
    "Service",
    "Provider",
    "Commissioner",
    "Programme",
    "Funding stream",
    "Status",
    "Contract value (GBP)",
    "Start date",
    "End date",
    "Time left",
    "Running in half-year",
    "Overall RAG",
    "Measure ID",
    "Measure",
    "Unit",
    "Better when",
    "Target",
    "Thresholds",
    "First quarter",
    "First quarter actual",
    "Second quarter",
    "Second quarter actual",
    "RAG",
    "Trend",
    "Narrative",
    "Budget in half-year (GBP)",
    "Spend in half-year (GBP)",
    "People helped in half-year",
    "Illustrative",
    "Sample parts",
    "Source",
    "Report period",
    "Produced on",
    "Data version",
)

REPORT_RULES = (
    f"{rag.DEFAULT_RULE} The half-year's rating of a measure is the rating of its figure for the "
    "half's second quarter (Q2 for H1, Q4 for H2); with no figure for that quarter it is Not "
    "reported. A service's overall rating is the worst of its measures' half-year ratings (Red is "
    "worse than Amber, Amber worse than Green); measures with no figure do not lift or lower it. A "
    "service with no rated measure is shown as Not reported, No target set or No measure. Money and "
    "people are summed over the half's two quarters; a person helped in both quarters counts "
    "twice. Blank cells are figures that were not "
    "published, never zero. Rows marked 'sample value' in the Illustrative column contain "
    "illustrative figures, not published ones."
)


@dataclass(frozen=True)
class Report:
    """The Committee's six-monthly report: one row per measure (one per service without any)."""

    half: HalfYear
    produced: dt.date
    data_version: str
    rows: tuple[dict[str, Any], ...]
    columns: tuple[str, ...] = REPORT_COLUMNS
    rules: str = REPORT_RULES

    @property
    def services(self) -> int:
        """Distinct services in the report."""
        return len({row["Service ID"] for row in self.rows})

    @property
    def illustrative_rows(self) -> int:
        """Rows that contain a sample value."""
        return sum(1 for row in self.rows if row["Illustrative"] == SAMPLE)


def data_version(snapshot: Snapshot) -> str:
    """The published version a page or report came from, in one line."""
    parts = ", ".join(f"{name} v{number}" for name, number in sorted(snapshot.versions.items()))
    text = f"version {snapshot.version_key}"
    return f"{text} ({parts})" if parts else text


def six_monthly_report(snapshot: Snapshot, half: HalfYear, today: dt.date) -> Report:
    """Every service with its measures, ratings, funding and duration for one half-year."""
    index = build_index(snapshot)
    first, second = half.quarters
    version = data_version(snapshot)
    rows: list[dict[str, Any]] = []
    for service in snapshot.services:
        perf = service_performance(snapshot, service, second, index)
        spend_lines = [line for line in perf.spend if line.period in half.quarters]
        budgets = [line.budget for line in spend_lines if line.budget is not None]
        actuals = [line.actual for line in spend_lines if line.actual is not None]
        people_rows = [r for q, r in index.reach_by_service.get(service.id, ()) if q in half.quarters]
        shared = {
            "Service ID": service.id,
            "Service": service.name,
            "Provider": service.provider_name,
            "Commissioner": " and ".join(service.commissioners),
            "Programme": service.programme,
            "Funding stream": service.funding_stream,
            "Status": service.status,
            "Contract value (GBP)": service.contract_value_gbp,
            "Start date": service.start_date,
            "End date": service.end_date,
            "Time left": time_left(service.end_date, today),
            "Running in half-year": "yes" if any(running_in(service, q) for q in half.quarters) else "no",
            "Overall RAG": rag.style(perf.overall).word,
            "Budget in half-year (GBP)": sum(budgets) if budgets else None,
            "Spend in half-year (GBP)": sum(actuals) if actuals else None,
            "People helped in half-year": sum(r.people for r in people_rows) if people_rows else None,
            "Source": service.source_url,
            "Report period": f"{half.code} ({half.label})",
            "Produced on": today,
            "Data version": version,
        }
        service_parts = []
        if service.illustrative:
            service_parts.append("service details")
        if any(line.illustrative for line in spend_lines):
            service_parts.append("spend")
        if any(r.illustrative for r in people_rows):
            service_parts.append("people helped")
        if not perf.measures:
            rows.append(_report_row(shared, None, first, second, service_parts))
        for view in perf.measures:
            rows.append(_report_row(shared, view, first, second, service_parts))
    return Report(half=half, produced=today, data_version=version, rows=tuple(rows))


def report_half_years(snapshot: Snapshot, today: dt.date) -> tuple[HalfYear, ...]:
    """Half-years that have performance figures, newest first, never one that has not started."""
    index = build_index(snapshot)
    current = reporting_period(snapshot, today, index)
    halves = sorted({q.half for q in index.measure_quarters if current is None or q <= current}, reverse=True)
    return tuple(halves)


def default_report_half(snapshot: Snapshot, today: dt.date) -> HalfYear | None:
    """The half-year the report opens on: the latest finished one with figures, else the latest."""
    halves = report_half_years(snapshot, today)
    finished = [h for h in halves if h.end < today]
    if finished:
        return finished[0]
    return halves[0] if halves else None


# -- private helpers --------------------------------------------------------------------------


def _report_row(
    shared: Mapping[str, Any],
    view: MeasureView | None,
    first: Quarter,
    second: Quarter,
    service_parts: list[str],
) -> dict[str, Any]:
    row = dict(shared)
    parts = list(service_parts)
    if view is None:
        row.update({
            "Measure ID": None, "Measure": "No measure set", "Unit": None, "Better when": None,
            "Target": None, "Thresholds": None, "First quarter": first.code, "First quarter actual": None,
            "Second quarter": second.code, "Second quarter actual": None,
            "RAG": rag.style(Rag.NO_MEASURE).word, "Trend": None, "Narrative": None,
        })
    else:
        a, b = view.figure(first), view.figure(second)
        if view.measure.illustrative:
            parts.append("measure")
        if a.illustrative or b.illustrative:
            parts.append("figures")
        row.update({
            "Measure ID": view.measure.id,
            "Measure": view.measure.name,
            "Unit": view.measure.unit,
            "Better when": f"{view.measure.direction} is better",
            "Target": view.measure.target,
            "Thresholds": view.threshold_text,
            "First quarter": first.code,
            "First quarter actual": a.actual,
            "Second quarter": second.code,
            "Second quarter actual": b.actual,
            "RAG": rag.style(b.rating).word,
            "Trend": view.trend.text,
            "Narrative": b.narrative or a.narrative,
        })
    row["Illustrative"] = SAMPLE if parts else PUBLISHED
    row["Sample parts"] = ", ".join(parts) or None
    return {column: row.get(column) for column in REPORT_COLUMNS}


def _quarter(code: str) -> Quarter | None:
    try:
        return parse_quarter(code)
    except ValueError:
        return None


def _reach_by_borough(snapshot: Snapshot, rows: Iterable[Reach]) -> tuple[BoroughReach, ...]:
    people: dict[str, int] = {}
    sample: dict[str, bool] = {}
    for r in rows:
        people[r.borough_code] = people.get(r.borough_code, 0) + int(r.people)
        sample[r.borough_code] = sample.get(r.borough_code, False) or bool(r.illustrative)
    found = [BoroughReach(code, snapshot.borough_name(code), n, sample[code]) for code, n in people.items()]
    found.sort(key=lambda b: (-b.people, b.name))
    return tuple(found)


def _cost_per_person(spend: Sequence[SpendLine], reach_rows: Sequence[tuple[Quarter, Reach]]) -> CostPerPerson | None:
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


def _combined_cost(members: Sequence[ServicePerformance], index: PerformanceIndex, wanted: set[Quarter]) -> CostPerPerson | None:
    spend = people = 0.0
    periods: set[Quarter] = set()
    sample = False
    for member in members:
        sid = member.service.id
        lines = [
            SpendLine(q, s.budget_gbp, s.actual_gbp, bool(s.illustrative))
            for q, s in sorted(index.spend_by_service.get(sid, {}).items())
            if q in wanted
        ]
        reach_rows = [(q, r) for q, r in index.reach_by_service.get(sid, ()) if q in wanted]
        cost = _cost_per_person(lines, reach_rows)
        if cost is None:
            continue
        spend += cost.spend
        people += cost.people
        periods.update(cost.periods)
        sample = sample or cost.illustrative
    if people <= 0:
        return None
    return CostPerPerson(spend, int(people), tuple(sorted(periods)), sample)

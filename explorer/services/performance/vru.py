"""Services layer: the VRU dashboard's aggregates (reach by programme and borough, money and reach, ratings over
time) and the programmes' published figures (the ``outcomes`` entity, in the snapshot)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from explorer.domain import rag
from explorer.domain.periods import (
    Quarter,
)
from explorer.domain.rag import Rag
from explorer.domain.records import Reach
from explorer.services.performance.service import (
    BoroughReach,
    CostPerPerson,
    PerformanceIndex,
    ServicePerformance,
    SpendLine,
    build_index,
    cost_per_person,
    reach_by_borough,
    running_in,
)
from explorer.services.snapshot import Snapshot

#: The dashboard's reach and money figures cover this many quarters up to the chosen one.
DASHBOARD_QUARTERS = 4


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
    by_borough = reach_by_borough(snapshot, reach_rows)
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
        cost = cost_per_person(lines, reach_rows)
        if cost is None:
            continue
        spend += cost.spend
        people += cost.people
        periods.update(cost.periods)
        sample = sample or cost.illustrative
    if people <= 0:
        return None
    return CostPerPerson(spend, int(people), tuple(sorted(periods)), sample)

"""Services layer: what the evidence says, as view models for a service page, the dashboards, the API and the CSV.

Everything here reads the snapshot's evaluations and the money and reach the performance
module has already summed; it never works out a cost-benefit ratio, and shows a cost per
participant only where a source published one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Literal, Sequence

from explorer.domain import evidence as rules
from explorer.domain.evidence import DesignLevel, Evaluation
from explorer.services.snapshot import ServiceEntry, Snapshot

#: The dashboards' evidence filter: (value in the address, label).
EVIDENCE_FILTER_OPTIONS: tuple[tuple[str, str], ...] = (
    ("none", "No evaluation published"),
    ("published", "An evaluation published"),
)

NO_RATIO_NOTE = (
    "No source in this register publishes a cost-benefit ratio for any of these programmes, so none is "
    "shown or worked out here (DIVERT's evaluation costed the programme, but no ratio is in its published "
    "summary; the stalking programme's evaluation found intervening cost-beneficial in case studies, "
    "without one ratio). A cost per participant appears only where a source published one."
)

Evidence = Literal["published", "planned", "none"]


@dataclass(frozen=True)
class EvidenceItem:
    """One evaluation as a page shows it."""

    id: str
    programme: str
    state: rules.State
    when: str
    finding: str
    level: DesignLevel | None
    design: str | None
    outcome_measure: str | None
    effect_figure: str | None
    cost_per_participant_gbp: float | None
    cost_note: str | None
    participants: str | None
    evaluator: str | None
    commissioned_by: str | None
    sources: tuple[str, ...]

    @property
    def strength(self) -> str:
        """``4 of 5: Quasi-experimental``, or that the source does not say."""
        if self.level is None:
            return rules.UNCLASSIFIED
        return f"{self.level.rank} of {len(rules.DESIGN_SCALE)}: {self.level.label}"


@dataclass(frozen=True)
class ServiceEvidence:
    """The "What the evidence says" section of one service page."""

    service_id: str
    programme: str
    items: tuple[EvidenceItem, ...]
    scale: tuple[DesignLevel, ...] = rules.DESIGN_SCALE


@dataclass(frozen=True)
class ProgrammeEvidence:
    """One programme on the dashboards: our money and reach beside its published evidence.

    Attributes:
        programme: The register's programme name.
        services: How many of the chosen services belong to it.
        spend: Spend over the dashboard's quarters (None when not known).
        people: People helped over those quarters (None when not known).
        cost_per_person: Our spend divided by our people (None when not both known).
        illustrative: Whether those figures include sample values.
        items: Its evaluations, published first.
    """

    programme: str
    services: int
    spend: float | None
    people: int | None
    cost_per_person: float | None
    illustrative: bool
    items: tuple[EvidenceItem, ...]

    @property
    def evidence(self) -> Evidence:
        """``published`` when any evaluation is published, ``planned`` when only planned ones, else ``none``."""
        return evidence_of(i.state for i in self.items)

    @property
    def published_costs(self) -> tuple[EvidenceItem, ...]:
        """The evaluations that published a cost per participant."""
        return tuple(i for i in self.items if i.cost_per_participant_gbp is not None)


def item(evaluation: Evaluation, today: dt.date) -> EvidenceItem:
    """One evaluation as a view model (its state and date line worked out for ``today``)."""
    return EvidenceItem(
        id=evaluation.id,
        programme=evaluation.programme,
        state=rules.state(evaluation, today),
        when=rules.when_text(evaluation, today),
        finding=evaluation.finding_summary,
        level=evaluation.level,
        design=evaluation.design,
        outcome_measure=evaluation.outcome_measure,
        effect_figure=evaluation.effect_figure,
        cost_per_participant_gbp=evaluation.cost_per_participant_gbp,
        cost_note=evaluation.cost_note,
        participants=evaluation.participants,
        evaluator=evaluation.evaluator,
        commissioned_by=evaluation.commissioned_by,
        sources=tuple(evaluation.source_url),
    )


def items_for(evaluations: Iterable[Evaluation], today: dt.date) -> tuple[EvidenceItem, ...]:
    """Evaluations as view models, published first (newest first), then planned."""
    unique = {e.id: e for e in evaluations}
    return tuple(item(e, today) for e in sorted(unique.values(), key=rules.sort_key))


def evidence_of(states: Iterable[str]) -> Evidence:
    """Sums up a set of evaluation states: published beats planned beats none."""
    found = set(states)
    if "published" in found:
        return "published"
    return "planned" if found else "none"


def service_evidence(snapshot: Snapshot, service: ServiceEntry, today: dt.date) -> ServiceEvidence:
    """The evidence section of a service page."""
    return ServiceEvidence(service.id, service.programme, items_for(snapshot.evaluations_for(service.id), today))


def service_evidence_status(snapshot: Snapshot, service_id: str) -> Evidence:
    """Whether a service's evidence is published, only planned, or absent (no date needed)."""
    return evidence_of(e.status for e in snapshot.evaluations_for(service_id))


def matches_evidence_filter(value: str, status: Evidence) -> bool:
    """True when a service with this evidence passes the dashboards' evidence filter."""
    if value == "none":
        return status != "published"
    if value == "published":
        return status == "published"
    return True


def programme_evidence(
    snapshot: Snapshot,
    services: Sequence[ServiceEntry],
    programmes: Sequence,
    today: dt.date,
) -> tuple[ProgrammeEvidence, ...]:
    """Each programme's money and reach (from :func:`explorer.services.performance.reach_summary`) beside its evidence.

    Args:
        snapshot: The current snapshot.
        services: The services the dashboard's filters chose.
        programmes: Their ``ProgrammeReach`` rows (spend, people, cost per person, sample flag).
        today: For planned evaluations' overdue state.
    """
    by_programme: dict[str, list[Evaluation]] = {}
    for service in services:
        by_programme.setdefault(service.programme, []).extend(snapshot.evaluations_for(service.id))
    return tuple(
        ProgrammeEvidence(
            programme=p.programme,
            services=p.services,
            spend=p.spend,
            people=p.people,
            cost_per_person=p.cost_per_person.value if p.cost_per_person else None,
            illustrative=p.illustrative,
            items=items_for(by_programme.get(p.programme, ()), today),
        )
        for p in programmes
    )


def api_evaluations(snapshot: Snapshot, service_id: str) -> list[dict]:
    """The evaluations of a service for the API's extension object (facts as published)."""
    return [
        {
            "id": e.id,
            "programme": e.programme,
            "status": e.status,
            "published": e.published,
            "due": e.due,
            "evaluator": e.evaluator,
            "commissioned_by": e.commissioned_by,
            "design": e.design,
            "design_level": e.design_level,
            "design_strength": e.level.rank if e.level else None,
            "outcome_measure": e.outcome_measure,
            "finding": e.finding_summary,
            "effect_figure": e.effect_figure,
            "cost_per_participant_gbp": e.cost_per_participant_gbp,
            "participants": e.participants,
            "source_urls": list(e.source_url),
        }
        for e in sorted(snapshot.evaluations_for(service_id), key=rules.sort_key)
    ]


def csv_evidence(snapshot: Snapshot, service_id: str) -> str:
    """The services CSV's ``evidence`` cell: each evaluation's status, date, finding and first source."""
    parts = []
    for e in sorted(snapshot.evaluations_for(service_id), key=rules.sort_key):
        date = e.published or e.due or "no date"
        parts.append(f"{e.status} ({date}): {e.finding_summary} [{e.source_url[0]}]")
    return " | ".join(parts)

"""Services layer: an opportunity's facts, and the links both ways between opportunities and services."""

from __future__ import annotations

import datetime as dt


from explorer.domain import formatting
from explorer.domain import funding as rules
from explorer.domain.funding import Status
from explorer.domain.records import FundingOpportunity
from explorer.services.snapshot import ServiceEntry, Snapshot
from explorer.services.funding.query import OpportunityView, clean_text

# -- links both ways ---------------------------------------------------------------------------


def opportunity_facts(
    snapshot: Snapshot, opp: FundingOpportunity, *, full: bool = False
) -> list[tuple[str, str]]:
    """An opportunity's facts as (label, text) pairs, for its card, its page and the feeds.

    Args:
        snapshot: Names boroughs and service areas.
        opp: The opportunity.
        full: Adds when a person last checked it (its own page).
    """
    who = ", ".join(rules.APPLICANT_LABELS.get(a, (a,))[0] for a in opp.applicant_types)
    where = ", ".join(snapshot.borough_name(c) for c in opp.boroughs) or "All of London"
    areas = ", ".join(snapshot.term_name(t) for t in opp.service_areas) or "Any kind of work"
    facts = [
        ("Who can apply", who or "Not stated: check with the funder"),
        ("Award", rules.award_text(opp)),
        ("Total fund", formatting.money(opp.total_pot_gbp)),
        ("Dates", rules.dates_text(opp)),
        ("Where", where),
        ("Service areas", areas),
    ]
    if opp.awarded_note:
        facts.append(("What was awarded", opp.awarded_note))
    if full:
        facts.append(("Last checked by a person", formatting.date(opp.last_verified)))
    return facts


def opportunity_by_id(snapshot: Snapshot, opportunity_id: str) -> FundingOpportunity | None:
    """The opportunity with this id, or None."""
    return next((o for o in snapshot.opportunities if o.id == opportunity_id), None)


def view_of(opportunity: FundingOpportunity, today: dt.date) -> OpportunityView:
    """An opportunity with its status on ``today``."""
    return OpportunityView(opportunity, rules.status_of(opportunity, today), rules.days_left(opportunity, today))


def funded_services(snapshot: Snapshot, opportunity: FundingOpportunity) -> tuple[ServiceEntry, ...]:
    """The services already funded under the same programme as the opportunity."""
    programme = clean_text(opportunity.programme)
    return tuple(s for s in snapshot.services if clean_text(s.programme) == programme)


def opportunities_for_service(
    snapshot: Snapshot, service: ServiceEntry, today: dt.date
) -> tuple[OpportunityView, ...]:
    """Open and upcoming opportunities in a service's service areas and boroughs.

    An opportunity must name at least one of the service's areas (one that names none is
    for any kind of work, too broad to suggest here) and cover one of its boroughs.
    """
    areas = set(service.term_ids)
    chosen = [
        view_of(o, today)
        for o in snapshot.opportunities
        if areas.intersection(o.service_areas) and rules.covers_borough(o, service.borough_codes)
    ]
    chosen = [v for v in chosen if v.status is not Status.CLOSED]
    chosen.sort(key=lambda v: rules.order_key(v.opportunity, today))
    return tuple(chosen)

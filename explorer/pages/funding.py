"""Pages layer: the funding page (``/funding``) and an opportunity's page (``/funding/<id>``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from explorer.services.funding import (
    FundingResult,
    OpportunityView,
    funding_query_from_inputs,
    funded_services,
    funding_search,
    opportunity_by_id,
    parse_funding_query,
    view_of,
)
from explorer.services.snapshot import ServiceEntry, Snapshot


@dataclass(frozen=True)
class FundingPage:
    """The funding page (or what its filters change) for a query already answered."""

    snapshot: Snapshot
    result: FundingResult


@dataclass(frozen=True)
class OpportunityPage:
    """An opportunity's own page; ``view`` is None when the address names no opportunity."""

    snapshot: Snapshot
    view: OpportunityView | None
    back_search: str
    #: The services already funded under the opportunity's programme.
    services: tuple[ServiceEntry, ...] = ()


def funding_page(provider, query: dict[str, list[str]], today: dt.date) -> FundingPage:
    """The funding page with its search and filters read from the URL's query."""
    snapshot = provider.current()
    return FundingPage(snapshot, funding_search(provider, parse_funding_query(snapshot, query), today))


def opportunity_page(provider, opportunity_id: str, query: dict[str, list[str]], today: dt.date) -> OpportunityPage:
    """An opportunity's page; the query is the funding page's, for the link back to it."""
    snapshot = provider.current()
    found = opportunity_by_id(snapshot, opportunity_id)
    back_search = parse_funding_query(snapshot, query).to_search()
    if found is None:
        return OpportunityPage(snapshot, None, back_search)
    return OpportunityPage(snapshot, view_of(found, today), back_search, funded_services(snapshot, found))


def funding_update(
    provider,
    today: dt.date,
    *,
    text: str | None = None,
    boroughs: Sequence[str] | None = None,
    areas: Sequence[str] | None = None,
    applicants: Sequence[str] | None = None,
    min_award=None,
    max_award=None,
    statuses: Sequence[str] | None = None,
) -> FundingPage:
    """What the funding page's filters change, from the widgets' raw values."""
    snapshot = provider.current()
    query = funding_query_from_inputs(
        snapshot, text=text, boroughs=boroughs, areas=areas, applicants=applicants,
        min_award=min_award, max_award=max_award, statuses=statuses,
    )
    return FundingPage(snapshot, funding_search(provider, query, today))

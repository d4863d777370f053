"""Pages layer: a service's own page (details, performance panels, funding for its kind of work)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.domain.records import Contract
from explorer.services import performance as perf
from explorer.services.evidence import ServiceEvidence, service_evidence
from explorer.services.contracts import service_contracts, with_published_figures
from explorer.services.funding import OpportunityView, opportunities_for_service
from explorer.services.snapshot import ServiceEntry, Snapshot


@dataclass(frozen=True)
class ServicePage:
    """A service's page; ``service`` is None when the address names no service."""

    snapshot: Snapshot
    service: ServiceEntry | None
    back_search: str
    today: dt.date
    performance: perf.ServicePerformance | None = None
    opportunities: tuple[OpportunityView, ...] = ()
    evidence: ServiceEvidence | None = None
    contracts: tuple[Contract, ...] = ()


def service_performance(snapshot: Snapshot, service: ServiceEntry, today: dt.date) -> perf.ServicePerformance:
    """What the performance panels show about one service, for the reporting period ``today`` falls after."""
    index = perf.build_index(snapshot)
    period = perf.reporting_period(snapshot, today, index)
    return perf.service_performance(snapshot, service, period, index)


def service_page(snapshot: Snapshot, service_id: str, back_search: str, today: dt.date) -> ServicePage:
    """The page of the service with ``service_id``, with its performance and open funding."""
    service = snapshot.service(service_id)
    if service is None:
        return ServicePage(snapshot, None, back_search, today)
    contracts = service_contracts(snapshot, service.id)
    service = with_published_figures(service, contracts)  # a notice's value and period where the register has none
    return ServicePage(
        snapshot, service, back_search, today,
        performance=service_performance(snapshot, service, today),
        opportunities=opportunities_for_service(snapshot, service, today),
        contracts=contracts,
        evidence=service_evidence(snapshot, service, today),
    )

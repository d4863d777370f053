"""Services layer: public contracts (OCDS notices) for service pages and the data page's coverage count.

A contract's value and period are published figures (the notice is linked); a variation that
names its parent contract is never counted beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from explorer.domain.records import Contract
from explorer.services.snapshot import ServiceEntry, Snapshot

_EPOCH = dt.date(1900, 1, 1)

#: Which published figure a contract's value is (OCDS: a contract's, an award's, or a tender's estimate).
VALUE_BASIS = {
    "contract": "contract value",
    "award": "award value",
    "tender": "estimated value in the tender notice",
}


@dataclass(frozen=True)
class Coverage:
    """How many services have published funding and a published end date."""

    services: int
    funded: int
    ended: int

    @property
    def sentence(self) -> str:
        return (f"{self.funded} of {self.services} services have published funding; "
                f"{self.ended} have a published end date.")


def service_contracts(snapshot: Snapshot, service_id: str) -> tuple[Contract, ...]:
    """The contracts matched to a service, newest first."""
    found = [c for c in snapshot.contracts if c.service_id == service_id]
    return tuple(sorted(found, key=lambda c: (c.start_date or c.release_date or _EPOCH), reverse=True))


def headline_contracts(contracts: tuple[Contract, ...] | list[Contract]) -> list[Contract]:
    """The contracts that count in a total: a variation whose parent is among them is left out."""
    ocids = {c.ocid for c in contracts}
    return [c for c in contracts if not (c.parent_ocid and c.parent_ocid in ocids)]


def with_published_figures(service: ServiceEntry, contracts: Sequence[Contract]) -> ServiceEntry:
    """The service with the value and period its matched notices publish, where the register has none.

    The newest headline contract (not a variation) that publishes a value gives the value; the
    newest that publishes a period gives the dates. A figure the register already holds is kept,
    and a sample (illustrative) service is left as it is, so a published figure is never shown
    under a "sample value" label.
    """
    if service.illustrative:
        return service
    headline = headline_contracts(list(contracts))
    changes: dict = {}
    valued = next((c for c in headline if c.value_gbp is not None), None)
    if service.contract_value_gbp is None and valued is not None:
        changes["contract_value_gbp"] = valued.value_gbp
    dated = next((c for c in headline if c.start_date or c.end_date), None)
    if service.start_date is None and service.end_date is None and dated is not None:
        changes.update(start_date=dated.start_date, end_date=dated.end_date)
    return dataclasses.replace(service, **changes) if changes else service


def notice_for_value(snapshot: Snapshot, service: ServiceEntry) -> Contract | None:
    """The matched notice that publishes the service's contract value, if one does."""
    if service.contract_value_gbp is None:
        return None
    return next((c for c in headline_contracts(service_contracts(snapshot, service.id))
                 if c.value_gbp is not None and float(c.value_gbp) == float(service.contract_value_gbp)), None)


def notice_for_dates(snapshot: Snapshot, service: ServiceEntry) -> Contract | None:
    """The matched notice that publishes the service's contract period, if one does."""
    if service.start_date is None and service.end_date is None:
        return None
    return next((c for c in headline_contracts(service_contracts(snapshot, service.id))
                 if (c.start_date, c.end_date) == (service.start_date, service.end_date)), None)


def contract_line(contract: Contract) -> str:
    """A contract in one line of words, as published: title, value (and what it is), period, supplier."""
    from explorer.domain import formatting

    parts = [contract.title or contract.ocid]
    if contract.value_gbp is not None:
        basis = VALUE_BASIS.get(contract.value_basis or "", "value")
        parts.append(f"{formatting.money(contract.value_gbp, exact=True)} ({basis})")
    if contract.start_date or contract.end_date:
        parts.append(f"{formatting.date(contract.start_date)} to {formatting.date(contract.end_date)}")
    if contract.supplier_name:
        parts.append(f"supplier {contract.supplier_name}")
    if contract.value_gbp is None and not (contract.start_date or contract.end_date):
        parts.append("no value or period in the notice's published fields")
    return ", ".join(parts)


def coverage(snapshot: Snapshot) -> Coverage:
    """Services with a published value (a matched contract's, or a register figure that is not a sample value)."""
    funded = {c.service_id for c in snapshot.contracts if c.service_id and c.value_gbp is not None}
    ended = {c.service_id for c in snapshot.contracts if c.service_id and c.end_date is not None}
    for s in snapshot.services:
        if not s.illustrative and s.contract_value_gbp is not None:
            funded.add(s.id)
        if not s.illustrative and s.end_date is not None:
            ended.add(s.id)
    ids = {s.id for s in snapshot.services}
    return Coverage(len(ids), len(funded & ids), len(ended & ids))


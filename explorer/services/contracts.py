"""Services layer: public contracts (OCDS notices) for service pages and the data page's coverage count.

A contract's value and period are published figures (the notice is linked); a variation that
names its parent contract is never counted beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.domain.records import Contract
from explorer.services.snapshot import Snapshot

_EPOCH = dt.date(1900, 1, 1)


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


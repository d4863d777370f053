"""Domain layer: adding up contract values without counting anything twice.

A variation of a contract (``variation_of``) is part of its parent contract's value: the
London Restorative Justice Service's £400,000 is inside the £41.86m London Victim and Witness
Service contract. Totals therefore skip variations; the parent's value already holds them.
"""

from __future__ import annotations

from typing import Iterable, Protocol


class Valued(Protocol):
    """Anything with a contract value that may vary another contract (a record or a service entry)."""

    id: str
    programme: str
    contract_value_gbp: float | None
    variation_of: str | None


def counted(services: Iterable[Valued]) -> list[Valued]:
    """The services whose value counts towards a total: everything but variations."""
    return [s for s in services if not s.variation_of]


def contract_total(services: Iterable[Valued]) -> float | None:
    """The sum of the published contract values, variations left out; None when none is known."""
    values = [s.contract_value_gbp for s in counted(services) if s.contract_value_gbp is not None]
    return float(sum(values)) if values else None


def programme_totals(services: Iterable[Valued]) -> dict[str, float]:
    """Each programme's total contract value (variations left out), for programmes with any value."""
    by_programme: dict[str, list[Valued]] = {}
    for s in services:
        by_programme.setdefault(s.programme, []).append(s)
    totals = {name: contract_total(group) for name, group in by_programme.items()}
    return {name: total for name, total in totals.items() if total is not None}

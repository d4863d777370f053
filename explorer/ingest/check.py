"""Ingest layer: ``explorer check``, the freshness of every published service and opportunity (for people and cron)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.domain.freshness import BANDS, Freshness, freshness
from explorer.store.store import Store


@dataclass(frozen=True)
class Entry:
    """One published record and how fresh it is."""

    kind: str  # "service" or "opportunity"
    id: str
    name: str
    owner: str  # the provider of a service, the funder of an opportunity
    freshness: Freshness


def check_freshness(store: Store, today: dt.date) -> list[Entry]:
    """Every current service and opportunity, least recently checked first."""
    _versions, rows = store.read_current()
    providers = {o["id"]: o["name"] for o in rows["organization"]}
    entries = [
        Entry("service", s["id"], s["name"], providers.get(s["organization_id"], s["organization_id"]),
              freshness(s["last_verified"], today))
        for s in rows["service"]
    ] + [
        Entry("opportunity", o["id"], o["title"], o["funder"], freshness(o["last_verified"], today))
        for o in rows["funding_opportunity"]
    ]
    order = {b.key: i for i, b in enumerate(BANDS)}
    return sorted(entries, key=lambda e: (-order[e.freshness.band.key], -(e.freshness.days or 0), e.name.lower()))


def worse_than(entry: Entry, band_key: str) -> bool:
    """True when the entry is in ``band_key`` or a worse band (due < stale < never)."""
    order = {b.key: i for i, b in enumerate(BANDS)}
    return order[entry.freshness.band.key] >= order[band_key]

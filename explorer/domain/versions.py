"""Domain layer: the publish history as plain records (no store), and what it says about opportunities.

The store writes a :class:`VersionInfo` for every publish; the snapshot carries them so that pages
(the data page's version history) and feeds (the Atom feed's "added" and "changed" dates) read the
history from the snapshot, never from the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence



@dataclass(frozen=True)
class VersionInfo:
    """One row of the publish history."""

    id: int
    entity: str
    source: str
    row_counts: dict[str, int]
    checksum: str
    report: dict
    published_by: str
    published_at: dt.datetime
    restored_from: int | None
    note: str | None
    current: bool = False


@dataclass(frozen=True)
class OpportunityChange:
    """When an opportunity first appeared and when its current wording was first published."""

    first_published: dt.datetime
    last_changed: dt.datetime


def opportunity_changes(
    versions: Iterable[tuple[dt.datetime, Sequence[Mapping[str, Any]]]],
) -> dict[str, OpportunityChange]:
    """Works out, from the publish history, when each opportunity was added and last changed.

    Args:
        versions: ``(published_at, rows)`` for each published version of the opportunities,
            in any order. Rows are the stored ``funding_opportunity`` rows.

    Returns:
        For each opportunity id in the newest version: the first time it was published and
        the first time its current content (every field) was published.
    """
    ordered_versions = sorted(versions, key=lambda v: v[0])
    first: dict[str, dt.datetime] = {}
    changed: dict[str, dt.datetime] = {}
    fingerprint: dict[str, str] = {}
    latest_ids: set[str] = set()
    for published_at, rows in ordered_versions:
        latest_ids = set()
        for row in rows:
            key = row["id"]
            latest_ids.add(key)
            digest = content_fingerprint(row)
            first.setdefault(key, published_at)
            if fingerprint.get(key) != digest:
                fingerprint[key] = digest
                changed[key] = published_at
        for gone in set(fingerprint) - latest_ids:
            # Removed then restored later counts as a change when it comes back.
            fingerprint.pop(gone)
    return {k: OpportunityChange(first[k], changed[k]) for k in latest_ids}


def content_fingerprint(row: Mapping[str, Any]) -> str:
    """A digest of an opportunity's published fields (store bookkeeping columns left out)."""
    # Imported here: the record models load pydantic, which a reader of a snapshot (the CLI's
    # search) never needs.
    from explorer.domain.records import FundingOpportunity

    fields = FundingOpportunity.model_fields
    content = {k: _plain(row.get(k)) for k in sorted(fields)}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return ";".join(str(v) for v in value)
    return value

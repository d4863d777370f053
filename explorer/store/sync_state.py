"""Store layer: the HTTP validators (ETag, Last-Modified) and last outcome of every synced URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from explorer.store.schema import sync_source
from explorer.store.store import Store


@dataclass(frozen=True)
class SyncState:
    """What the last sync of one URL saw.

    Attributes:
        url: The address synced.
        entity: The entity it loads.
        etag: The ETag the server sent with the last file that was published (or unchanged).
        last_modified: The Last-Modified header sent with it.
        checked_at: When the URL was last fetched.
        outcome: ``published``, ``unchanged``, ``rejected`` or ``failed``.
        version_id: The version the last publish made, if any.
        message: A sentence about the outcome.
    """

    url: str
    entity: str
    etag: str | None
    last_modified: str | None
    checked_at: dt.datetime
    outcome: str
    version_id: int | None = None
    message: str | None = None


def get_sync_state(store: Store, url: str) -> SyncState | None:
    """The saved state of ``url``, or None when it was never synced."""
    with store.engine.connect() as conn:
        row = conn.execute(select(sync_source).where(sync_source.c.url == url)).first()
    return SyncState(**row._mapping) if row else None


def save_sync_state(store: Store, state: SyncState) -> None:
    """Records (replacing) the state of one URL, in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(delete(sync_source).where(sync_source.c.url == state.url))
        conn.execute(insert(sync_source).values(**state.__dict__))

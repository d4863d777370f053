"""Store layer: keeping the public's suggested changes, with a per-address rate limit held in the database.

The limit is counted in the ``rate_limit`` table, not in a worker's memory, so it holds across
every web worker and host; one upsert statement counts and checks, so concurrent requests
from one address cannot pass it (on SQLite and PostgreSQL alike). The sender's address is
kept only as a hash keyed with the deployment's secret (``EXPLORER_SECRET_KEY``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import case, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from explorer.domain.suggestions import (
    RATE_LIMIT,
    RATE_WINDOW_MINUTES,
    Refusal,
    Suggestion,
    check_suggestion,
)
from explorer.store.schema import rate_limit, suggestion
from explorer.store.store import Store


@dataclass(frozen=True)
class StoredSuggestion:
    """One kept suggestion."""

    id: int
    service_id: str
    message: str
    contact: str | None
    created_at: dt.datetime
    status: str


@dataclass(frozen=True)
class Outcome:
    """What happened to a submitted suggestion.

    Attributes:
        kept: Whether it was stored.
        message: What to tell the sender.
        reason: Why it was refused (empty when kept).
    """

    kept: bool
    message: str
    reason: str = ""

    @property
    def shown_as_sent(self) -> bool:
        """Whether the sender is told it was sent (a bot is told so too, and learns nothing)."""
        return self.kept or self.reason == "bot"


class MissingSecret(RuntimeError):
    """No secret key was configured, so senders' addresses cannot be hashed safely."""


class SuggestionBox:
    """Receives suggestions for the commissioning team.

    Args:
        store: The store to keep them in.
        key: The deployment's secret, keying the hash of each sender's address. Needed to
            submit (an unkeyed hash of an IPv4 address is undone by trying every address);
            listing works without it.
        clock: Returns the current time (UTC); tests set it.
    """

    def __init__(self, store: Store, *, key: str = "", clock: Callable[[], dt.datetime] | None = None):
        self._store = store
        self._secret = key.encode()
        self._clock = clock or (lambda: dt.datetime.now(dt.timezone.utc))

    def submit(
        self,
        service_id: str,
        message: str | None,
        contact: str | None,
        honeypot: str | None,
        address: str | None,
        *,
        service_exists: bool = True,
    ) -> Outcome:
        """Checks and keeps one suggestion; never touches the register.

        Args:
            service_id: The service it is about.
            message: What is wrong.
            contact: Optional contact details.
            honeypot: The hidden field (bots fill it in).
            address: The sender's network address (for the rate limit only).
            service_exists: Whether the service is in the current register.
        """
        if not service_exists:
            return Outcome(False, "This service is no longer in the register.", "unknown_service")
        checked = check_suggestion(service_id, message, contact, honeypot)
        if isinstance(checked, Refusal):
            return Outcome(False, checked.message, checked.reason)
        return self._keep(checked, self._key(address or "unknown"))

    def list(self, *, limit: int = 500) -> list[StoredSuggestion]:
        """The newest suggestions first."""
        query = select(suggestion).order_by(suggestion.c.id.desc()).limit(limit)
        with self._store.engine.connect() as conn:
            return [
                StoredSuggestion(r.id, r.service_id, r.message, r.contact, r.created_at, r.status)
                for r in conn.execute(query)
            ]

    def _keep(self, item: Suggestion, key: str) -> Outcome:
        now = self._clock()
        with self._store.engine.begin() as conn:
            if conn.execute(self._count(key, now)).first() is None:
                return Outcome(False, "You have sent several suggestions in the last hour. Please try again later.",
                               "rate_limited")
            conn.execute(insert(suggestion).values(
                service_id=item.service_id, message=item.message, contact=item.contact,
                client_key=key, created_at=now, status="new",
            ))
        return Outcome(True, "Thank you. The commissioning team will check this service's details.")

    def _count(self, key: str, now: dt.datetime):
        """One statement that counts this request and returns a row only if it is within the limit.

        A sender's window starts with their first request; once it is over an hour old the
        next request starts a new one. The row lock of ``ON CONFLICT DO UPDATE`` (PostgreSQL)
        or the write lock of the statement (SQLite) makes the check and the count one step.
        """
        dialect = postgresql if self._store.engine.dialect.name == "postgresql" else sqlite
        stale = rate_limit.c.window_start < now - dt.timedelta(minutes=RATE_WINDOW_MINUTES)
        return (
            dialect.insert(rate_limit)
            .values(client_key=key, window_start=now, count=1)
            .on_conflict_do_update(
                index_elements=[rate_limit.c.client_key],
                set_={
                    "count": case((stale, 1), else_=rate_limit.c.count + 1),
                    "window_start": case((stale, now), else_=rate_limit.c.window_start),
                },
                where=or_(stale, rate_limit.c.count < RATE_LIMIT),
            )
            .returning(rate_limit.c.count)
        )

    def _key(self, address: str) -> str:
        if not self._secret:
            raise MissingSecret("EXPLORER_SECRET_KEY is not set: it keys the hash of senders' addresses")
        return hmac.new(self._secret, address.encode(), hashlib.sha256).hexdigest()

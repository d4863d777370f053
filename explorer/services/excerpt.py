"""Services layer: a bounded excerpt of one published version, handed out like the current snapshot."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from explorer.services.snapshot import Snapshot

#: How many services the excerpt of the register holds (enough to draw every kind of page).
EXCERPT_SERVICES = 100


class ExcerptProvider:
    """Hands out a bounded excerpt of one snapshot (its first services, every other table whole), with
    the same interface as :class:`SnapshotProvider`: for drawing every page once at start (the
    component ids Dash checks callbacks against), which at 100,000 services would otherwise draw
    reports listing all of them."""

    def __init__(self, snapshot: Snapshot, geography: Any, services: int = EXCERPT_SERVICES):
        self._snapshot = dataclasses.replace(snapshot, services=snapshot.services[:services])
        self._geography = geography
        self._derived: dict[str, Any] = {}

    @property
    def geography(self) -> Any:
        """The reference geography."""
        return self._geography

    def current(self) -> Snapshot:
        """The excerpt."""
        return self._snapshot

    def derived(self, name: str, factory: Callable[[Snapshot], Any]) -> Any:
        """Something built once from the excerpt (a search index...)."""
        if name not in self._derived:
            self._derived[name] = factory(self._snapshot)
        return self._derived[name]

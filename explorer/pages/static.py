"""Pages layer: pages with no data (the accessibility statement, staying safe online, an unknown address)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AccessibilityPage:
    """The accessibility statement."""


@dataclass(frozen=True)
class NotFoundPage:
    """The page for an address the explorer does not have (``kind``: page, service)."""

    path: str
    kind: str = "page"


@dataclass(frozen=True)
class StayingSafePage:
    """How to cover your tracks, and the national helplines."""

"""Pages layer: the data page (freshness, downloads, the publish history) as a view model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explorer.domain.versions import VersionInfo
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class DataPage:
    """The data page: the register (for freshness and downloads) and its publish history, newest first."""

    snapshot: Snapshot
    today: dt.date
    history: tuple[VersionInfo, ...]


def data_page(snapshot: Snapshot, today: dt.date) -> DataPage:
    """The data page on ``today`` (freshness is measured from it)."""
    return DataPage(snapshot, today, tuple(snapshot.history))

"""Pages layer: the London Crime Prevention Fund (LCPF) page as a view model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from explorer.services.lcpf import LcpfView, build_view, parse_query
from explorer.services.lcpf_need import NeedOverTime, need_over_time
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class LcpfPage:
    """The LCPF page: the formula's answer for the URL's state, and the borough shapes for its map."""

    snapshot: Snapshot
    view: LcpfView
    #: Population, crime and violence by borough over the years (the page's main view).
    need: NeedOverTime | None = None


def lcpf_page(snapshot: Snapshot, query: Mapping[str, Sequence[str]]) -> LcpfPage:
    """The LCPF page for the state in the URL's query (a bad value becomes a notice, never an error)."""
    state, notices = parse_query(query)
    return LcpfPage(snapshot, build_view(snapshot, state, notices), need_over_time(snapshot))

"""Services layer: choosing and ordering services for the explorer's list and map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from explorer.services.snapshot import ServiceEntry, Snapshot, service_points_geojson


@dataclass(frozen=True)
class BoroughSelection:
    """The services shown for a set of boroughs, with the map's point layer."""

    borough_codes: tuple[str, ...]
    unknown_codes: tuple[str, ...]
    services: tuple[ServiceEntry, ...]
    points_geojson: dict

    @property
    def local_count(self) -> int:
        """Services that are not pan-London."""
        return sum(1 for s in self.services if not s.pan_london)


def parse_borough_codes(snapshot: Snapshot, values: Iterable[str] | str | None) -> tuple[
    tuple[str, ...], tuple[str, ...]
]:
    """Splits requested borough codes (or names) into known codes and unknown values.

    Accepts a list, or one comma-separated string as it arrives from a URL.
    """
    if values is None:
        return (), ()
    if isinstance(values, str):
        values = values.split(",")
    by_code = {b.code: b.code for b in snapshot.boroughs}
    by_name = {b.name.lower(): b.code for b in snapshot.boroughs}
    known, unknown = [], []
    for raw in values:
        value = (raw or "").strip()
        if not value:
            continue
        code = by_code.get(value.upper()) or by_name.get(value.lower())
        if code is None:
            unknown.append(value)
        elif code not in known:
            known.append(code)
    return tuple(known), tuple(unknown)


def services_in_boroughs(snapshot: Snapshot, borough_codes: Sequence[str]) -> BoroughSelection:
    """The active services covering any of the boroughs (all services when none is given).

    Borough-level services come first, then pan-London ones; each group by name.
    """
    wanted = set(borough_codes)
    chosen = [
        s
        for s in snapshot.services
        if s.status == "active" and (not wanted or wanted.intersection(s.borough_codes))
    ]
    chosen.sort(key=lambda s: (s.pan_london, s.name.lower()))
    return BoroughSelection(
        borough_codes=tuple(borough_codes),
        unknown_codes=(),
        services=tuple(chosen),
        points_geojson=service_points_geojson(chosen),
    )

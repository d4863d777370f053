"""Services layer: the portfolio at a glance (filters, their choices, every service's rating for a period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Sequence
from urllib.parse import urlencode

from explorer.domain import rag
from explorer.domain.periods import (
    Quarter,
    ends_within,
    parse_quarter,
)
from explorer.domain.rag import Rag
from explorer.services.performance.service import (
    PerformanceIndex,
    ServicePerformance,
    build_index,
    reporting_period,
    service_performance,
)
from explorer.services.snapshot import ServiceEntry, Snapshot

#: Contracts ending within this many months are listed as ending soon.
ENDING_SOON_MONTHS = 6


# -- the portfolio ----------------------------------------------------------------------------


FILTER_KEYS = ("commissioner", "programme", "borough", "area", "period")


@dataclass(frozen=True)
class PortfolioFilters:
    """The performance page's filters, as they appear in its address."""

    commissioner: str = ""
    programme: str = ""
    borough: str = ""
    area: str = ""
    period: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> "PortfolioFilters":
        """Reads the filters from a parsed query string (the first value of each key)."""
        return cls(**{k: (query.get(k) or [""])[0].strip() for k in FILTER_KEYS})

    @classmethod
    def from_values(cls, **values: str | None) -> "PortfolioFilters":
        """Builds filters from dropdown values (None means no filter)."""
        return cls(**{k: (values.get(k) or "").strip() for k in FILTER_KEYS})

    def to_search(self) -> str:
        """The query string for these filters (empty when none is set)."""
        pairs = [(k, getattr(self, k)) for k in FILTER_KEYS if getattr(self, k)]
        return "?" + urlencode(pairs) if pairs else ""

    def matches(self, service: ServiceEntry) -> bool:
        """True when the service passes every filter that is set."""
        return (
            (not self.commissioner or self.commissioner in service.commissioners)
            and (not self.programme or self.programme == service.programme)
            and (not self.borough or self.borough in service.borough_codes)
            and (not self.area or self.area in service.term_ids)
        )


@dataclass(frozen=True)
class FilterOptions:
    """The choices each filter offers: (value, label) pairs."""

    commissioners: tuple[tuple[str, str], ...]
    programmes: tuple[tuple[str, str], ...]
    boroughs: tuple[tuple[str, str], ...]
    areas: tuple[tuple[str, str], ...]
    periods: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Portfolio:
    """Every service that passes the filters, rated for one period, and the lists that matter."""

    filters: PortfolioFilters
    period: Quarter | None
    today: dt.date
    rows: tuple[ServicePerformance, ...]
    notes: tuple[str, ...] = ()
    index: PerformanceIndex | None = field(default=None, repr=False, compare=False)

    @property
    def current(self) -> tuple[ServicePerformance, ...]:
        """The rows whose contract ran during the period: the ones counted and checked for gaps."""
        return tuple(r for r in self.rows if r.in_period)

    @property
    def not_current(self) -> tuple[ServicePerformance, ...]:
        """The rows whose contract had ended (or not begun) in the period."""
        return tuple(r for r in self.rows if not r.in_period)

    @property
    def counts(self) -> dict[Rag, int]:
        """Running services by overall rating (every rating present, zero when none)."""
        found = {r: 0 for r in Rag}
        for row in self.current:
            found[row.overall] += 1
        return found

    @property
    def measure_counts(self) -> dict[Rag, int]:
        """Running services' measures by rating for the period."""
        found = {r: 0 for r in Rag if r is not Rag.NO_MEASURE}
        for row in self.current:
            for m in row.measures:
                found[m.current.rating] += 1
        return found

    @property
    def ending_soon(self) -> tuple[ServicePerformance, ...]:
        """Services whose contract ends within six months of today, soonest first."""
        soon = [r for r in self.rows if ends_within(r.service.end_date, self.today, ENDING_SOON_MONTHS)]
        return tuple(sorted(soon, key=lambda r: r.service.end_date))

    @property
    def without_measures(self) -> tuple[ServicePerformance, ...]:
        """Running services with no performance measure at all."""
        return tuple(r for r in self.current if not r.measures)

    @property
    def without_figures(self) -> tuple[ServicePerformance, ...]:
        """Running services with measures, at least one of which has no figure for the period."""
        return tuple(r for r in self.current if r.measures and r.gaps)


def filter_options(snapshot: Snapshot, today: dt.date) -> FilterOptions:
    """The values each filter can take, from the snapshot."""
    commissioners = sorted({c for s in snapshot.services for c in s.commissioners})
    programmes = sorted({s.programme for s in snapshot.services if s.programme})
    used_terms = {t for s in snapshot.services for t in s.term_ids}
    index = build_index(snapshot)
    current = reporting_period(snapshot, today, index)
    periods = [q for q in index.quarters if current is None or q <= current]
    return FilterOptions(
        commissioners=tuple((c, c) for c in commissioners),
        programmes=tuple((p, p) for p in programmes),
        boroughs=tuple((b.code, b.name) for b in sorted(snapshot.boroughs, key=lambda b: b.name)),
        areas=tuple(
            (t.id, t.name) for t in sorted(snapshot.terms, key=lambda t: t.name) if t.id in used_terms
        ),
        periods=tuple((q.code, f"{q.code} ({q.label})") for q in reversed(periods)),
    )


def portfolio(snapshot: Snapshot, filters: PortfolioFilters, today: dt.date) -> Portfolio:
    """Rates every service that passes ``filters`` for the chosen (or latest) period.

    Rows come worst first (Red, Amber, Green, then the grey ratings), then by name.
    """
    index = build_index(snapshot)
    notes = []
    period = reporting_period(snapshot, today, index)
    if filters.period:
        try:
            period = parse_quarter(filters.period)
        except ValueError as exc:
            notes.append(f"{exc}. Showing the latest period instead.")
            filters = PortfolioFilters(**{**filters.__dict__, "period": ""})
    rows = [
        service_performance(snapshot, s, period, index) for s in snapshot.services if filters.matches(s)
    ]
    rows.sort(key=lambda r: (rag.style(r.overall).severity, r.service.name.lower()))
    return Portfolio(filters=filters, period=period, today=today, rows=tuple(rows), notes=tuple(notes), index=index)

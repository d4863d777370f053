"""Services layer: the LCPF page's main view, need over time, with the money wherever it was published.

For every financial year with recorded crime: inner and outer London's crime and violence and
their shares, beside residents (the census nearest each year: Census 2011 or 2021, named as such,
never an estimate made between them), and the LCPF money
published for that year: borough allocations and London totals, or "not published". Pure: reads
only the snapshot; missing figures stay missing, never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.domain.geography import CENSUS_2011_SOURCE, censuses_held, nearest_census
from explorer.services.snapshot import Snapshot

CITY_OF_LONDON = "E09000001"
ALL_CRIME = "all crime"
VIOLENCE = "violence against the person"
CRIME_SOURCE = "https://data.london.gov.uk/dataset/recorded_crime_summary"
_YEAR = re.compile(r"(20\d\d)-\d\d")

#: How a published London total is described, by its ``measure``.
TOTAL_WORDS = {
    "annual_fund_total": "the fund for the year",
    "multi_year_fund_total": "the fund over several years",
    "direct_borough_funding_total": "direct funding to boroughs",
    "co_commissioning_fund_total": "co-commissioned projects",
    "package_total": "the whole package",
    "predecessor_streams_total": "the Home Office streams the LCPF replaced",
}


@dataclass(frozen=True)
class PublishedMoney:
    """One published LCPF figure that covers a year: a borough's allocation or a London total."""

    label: str
    amount_gbp: float
    period: str
    source_url: str


@dataclass(frozen=True)
class YearNeed:
    """Inner and outer London's recorded crime in one financial year, and the money published for it."""

    year: str
    inner_crime: int | None
    outer_crime: int | None
    inner_violence: int | None
    outer_violence: int | None
    allocations: tuple[PublishedMoney, ...] = ()
    totals: tuple[PublishedMoney, ...] = ()
    census: int | None = None
    inner_population: int | None = None
    outer_population: int | None = None

    @property
    def outer_population_share(self) -> float | None:
        """Outer London's share of the 32 boroughs' residents at the census nearest the year."""
        return _share(self.outer_population, self.inner_population)

    @property
    def population_label(self) -> str:
        """"Census 2011 population" (the census the year's residents are counted at)."""
        return f"Census {self.census} population" if self.census else "population not known"

    @property
    def outer_crime_share(self) -> float | None:
        """Outer London's share of the 32 boroughs' recorded crime."""
        return _share(self.outer_crime, self.inner_crime)

    @property
    def outer_violence_share(self) -> float | None:
        """Outer London's share of the 32 boroughs' violence against the person."""
        return _share(self.outer_violence, self.inner_violence)

    @property
    def money_published(self) -> bool:
        """True when any LCPF figure (a borough's or London's) is published for the year."""
        return bool(self.allocations or self.totals)


@dataclass(frozen=True)
class NeedOverTime:
    """The LCPF page's main view."""

    years: tuple[YearNeed, ...]
    inner_population: int
    outer_population: int
    population_source: str
    crime_source: str = CRIME_SOURCE

    census: int = 2021
    census_sources: tuple[tuple[int, str], ...] = ()

    @property
    def outer_population_share(self) -> float | None:
        """Outer London's share of the 32 boroughs' residents at the latest year's census."""
        return _share(self.outer_population, self.inner_population)

    @property
    def censuses(self) -> tuple[int, ...]:
        """The censuses the years' residents come from, oldest first."""
        return tuple(sorted({y.census for y in self.years if y.census}))

    @property
    def latest(self) -> YearNeed | None:
        """The newest year with crime figures."""
        return self.years[-1] if self.years else None


def need_over_time(snapshot: Snapshot) -> NeedOverTime:
    """Need (crime, violence, residents) for inner and outer London in every year with crime figures."""
    side = {b.code: b.inner_outer for b in snapshot.boroughs if b.code != CITY_OF_LONDON}
    sums: dict[tuple[str, str, str], int] = {}
    for c in snapshot.crime:
        where = side.get(c.borough_code)
        if where is None or c.category not in (ALL_CRIME, VIOLENCE) or c.count is None:
            continue
        key = (c.financial_year, c.category, where)
        sums[key] = sums.get(key, 0) + int(c.count)
    years = sorted({year for year, _category, _side in sums})
    inner = [b for b in snapshot.boroughs if side.get(b.code) == "Inner"]
    outer = [b for b in snapshot.boroughs if side.get(b.code) == "Outer"]
    held = censuses_held(inner + outer)
    census = {year: nearest_census(year, held) for year in years}
    rows = tuple(
        YearNeed(
            year=year,
            inner_crime=sums.get((year, ALL_CRIME, "Inner")),
            outer_crime=sums.get((year, ALL_CRIME, "Outer")),
            inner_violence=sums.get((year, VIOLENCE, "Inner")),
            outer_violence=sums.get((year, VIOLENCE, "Outer")),
            allocations=tuple(
                PublishedMoney(snapshot.borough_name(a.borough_code), float(a.amount_gbp), a.financial_year, a.source_url)
                for a in sorted(snapshot.lcpf_allocations, key=lambda a: a.borough_code)
                if a.financial_year == year and a.amount_gbp is not None
            ),
            totals=tuple(
                PublishedMoney(TOTAL_WORDS.get(t.measure, t.measure.replace("_", " ")), float(t.amount_gbp),
                               t.financial_year, t.source_url)
                for t in snapshot.lcpf_totals
                if t.amount_gbp is not None and covers(t.financial_year, year)
            ),
            census=census[year],
            inner_population=_residents(inner, census[year]),
            outer_population=_residents(outer, census[year]),
        )
        for year in years
    )
    source = next((b.source_url for b in snapshot.boroughs), "")
    latest = max(held) if held else 2021
    return NeedOverTime(rows, _residents(inner, latest) or 0, _residents(outer, latest) or 0, source,
                        census=latest, census_sources=((2011, CENSUS_2011_SOURCE), (2021, source)))


def covers(period: str, year: str) -> bool:
    """True when a published period (``2013-14`` or ``2017-18 to 2020-21``) includes the financial year."""
    starts = [int(m) for m in _YEAR.findall(period)]
    found = _YEAR.match(year)
    if not starts or not found:
        return False
    return min(starts) <= int(found.group(1)) <= max(starts)


def _residents(boroughs, census: int | None) -> int | None:
    counts = [b.population_at(census) for b in boroughs] if census else [None]
    return None if None in counts else sum(counts)


def _share(part: int | None, other: int | None) -> float | None:
    if part is None or other is None or part + other == 0:
        return None
    return part / (part + other)

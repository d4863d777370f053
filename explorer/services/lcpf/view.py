"""Services layer: the LCPF page's read model: a row per borough with money against need, and the group totals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from explorer.domain.lcpf import (
    FACTOR_LABELS,
    PRESET_LABELS,
    PRESETS,
    BoroughFactors,
    Difference,
    FormulaError,
    PotChoice,
    Weights,
    apply_formula,
    default_pot,
    difference,
)
from explorer.domain.geography import censuses_held, nearest_census
from explorer.services.lcpf.query import (
    CATEGORIES,
    CATEGORY_LABELS,
    CAVEATS,
    CITY_OF_LONDON,
    FALLBACK_POT,
    MEASURES,
    LcpfQuery,
    _same_proportions,
)
from explorer.services.snapshot import Snapshot


@dataclass(frozen=True)
class BoroughRow:
    """One borough on the LCPF page.

    Attributes:
        code: ONS code.
        name: Borough name.
        inner_outer: ``Inner`` or ``Outer`` (ONS statistical definition).
        population: Residents at the census nearest the year (``LcpfView.census``).
        in_lcpf: False for the City of London, which the LCPF does not cover.
        crime: Offences of the chosen crime measure in the year, or None when not published.
        actual_gbp: The published LCPF allocation for the year, or None.
        actual_source: Where that allocation was published.
        scenario_gbp: What the chosen formula gives, or None when it cannot say.
        difference: Scenario minus actual, where both exist.
        caveat: What to bear in mind about this borough's figures.
    """

    code: str
    name: str
    inner_outer: str
    population: int | None
    in_lcpf: bool
    crime: int | None
    actual_gbp: float | None
    actual_source: str | None
    scenario_gbp: Decimal | None
    difference: Difference
    caveat: str | None
    crime_share: float | None = None
    allocation_share: float | None = None
    actual_share: float | None = None

    @property
    def allocation_per_1000(self) -> float | None:
        """The scenario allocation per 1,000 residents."""
        return _ratio(self.scenario_gbp, self.population, 1000)

    @property
    def allocation_per_100_crimes(self) -> float | None:
        """The scenario allocation per 100 offences of the chosen measure."""
        return _ratio(self.scenario_gbp, self.crime, 100)

    @property
    def crime_per_1000(self) -> float | None:
        """Offences of the chosen measure per 1,000 residents."""
        return _ratio(self.crime, self.population, 1000)

    def measure(self, name: str) -> float | None:
        """The value of a map measure for this borough."""
        return {
            "allocation": None if self.scenario_gbp is None else float(self.scenario_gbp),
            "per-1000-residents": self.allocation_per_1000,
            "per-100-crimes": self.allocation_per_100_crimes,
            "crime-per-1000": self.crime_per_1000,
        }[name]


@dataclass(frozen=True)
class GroupTotal:
    """Inner or outer London, added up."""

    label: str
    boroughs: int
    population: int
    crime: int | None
    scenario_gbp: Decimal | None
    actual_gbp: float | None
    actual_count: int
    population_share: float | None = None
    crime_share: float | None = None
    scenario_share: float | None = None


@dataclass(frozen=True)
class LcpfView:
    """Everything the LCPF page and its CSV show for one state."""

    query: LcpfQuery
    years: tuple[str, ...]
    year: str | None
    pot_gbp: Decimal
    pot_choice: PotChoice | None
    rows: tuple[BoroughRow, ...]
    groups: tuple[GroupTotal, GroupTotal]
    scenario_label: str
    messages: tuple[str, ...] = ()
    error: str | None = None
    published: tuple[tuple[str, str], ...] = ()
    notices: tuple[str, ...] = ()
    #: The census whose population is used: the one nearest the year (2011 or 2021), never an estimate between.
    census: int | None = 2021

    @property
    def population_label(self) -> str:
        """Where the residents figures come from, in words: "Census 2011 population"."""
        return f"Census {self.census} population" if self.census else "Population"

    @property
    def category_label(self) -> str:
        """The chosen crime measure, in words."""
        return CATEGORY_LABELS[self.query.category]

    @property
    def measure_label(self) -> str:
        """The chosen map measure, in words."""
        return MEASURES[self.query.measure]

    @property
    def actual_count(self) -> int:
        """How many LCPF boroughs have a published allocation for the year."""
        return sum(1 for r in self.rows if r.in_lcpf and r.actual_gbp is not None)

    @property
    def lcpf_boroughs(self) -> int:
        """How many boroughs the LCPF covers (the City is not one)."""
        return sum(1 for r in self.rows if r.in_lcpf)


def lcpf_years(snapshot: Snapshot) -> tuple[str, ...]:
    """Financial years with crime figures or a published allocation, newest first."""
    years = {c.financial_year for c in snapshot.crime} | {a.financial_year for a in snapshot.lcpf_allocations}
    return tuple(sorted(years, reverse=True))


def default_year(snapshot: Snapshot) -> str | None:
    """The newest year with crime figures; else the newest with an allocation."""
    crime_years = sorted({c.financial_year for c in snapshot.crime})
    if crime_years:
        return crime_years[-1]
    years = lcpf_years(snapshot)
    return years[0] if years else None


def build_view(snapshot: Snapshot, query: LcpfQuery, notices: Sequence[str] = ()) -> LcpfView:
    """Works out the LCPF page for one state (pure: reads only the snapshot).

    Args:
        snapshot: The published data.
        query: The page's state.
        notices: Notices from parsing the URL, passed through to the page.
    """
    notices = list(notices)
    years = lcpf_years(snapshot)
    year = query.year
    if year is not None and year not in years:
        notices.append(f"There are no figures for {year}; showing {default_year(snapshot) or 'no year'}.")
        year = None
    year = year or default_year(snapshot)
    query = LcpfQuery(year, query.category, query.measure, query.weights, query.pot_gbp, query.basis)
    choice = default_pot(snapshot.lcpf_totals)
    pot = query.pot_gbp if query.pot_gbp is not None else (choice.amount_gbp if choice else FALLBACK_POT)

    counts = _crime_counts(snapshot, year)
    actuals = {a.borough_code: a for a in snapshot.lcpf_allocations if a.financial_year == year}
    boroughs = list(snapshot.boroughs)
    in_lcpf = [b for b in boroughs if b.code != CITY_OF_LONDON]
    census = nearest_census(year, censuses_held(boroughs)) or 2021

    messages: list[str] = []
    error = None
    scenario: dict[str, Decimal] = {}
    if query.basis == "current":
        scenario = {code: Decimal(str(a.amount_gbp)) for code, a in actuals.items() if a.amount_gbp is not None}
        label = "Current allocation (published figures only)"
    else:
        label = _formula_label(query.weights)
        factors = [
            BoroughFactors(
                b.code,
                population=b.population_at(census),
                crime=counts.get((b.code, CATEGORIES["all-crime"])),
                violence=counts.get((b.code, CATEGORIES["violence"])),
                deprivation=None,
            )
            for b in in_lcpf
        ]
        try:
            result = apply_formula(factors, query.weights, pot)
        except FormulaError as exc:
            error = f"The formula cannot be worked out: {exc}."
        else:
            scenario = {code: result.amount_gbp(code) for code in result.allocations}
            messages += _missing_messages(snapshot, result, year, len(factors))

    chosen = CATEGORIES[query.category]
    crime_total = sum(counts.get((b.code, chosen), 0) for b in in_lcpf)
    rows = []
    for b in boroughs:
        crime = counts.get((b.code, chosen))
        actual = actuals.get(b.code)
        actual_gbp = None if actual is None else actual.amount_gbp
        amount = scenario.get(b.code)
        rows.append(
            BoroughRow(
                code=b.code,
                name=b.name,
                inner_outer=b.inner_outer,
                population=b.population_at(census),
                in_lcpf=b.code != CITY_OF_LONDON,
                crime=crime,
                actual_gbp=actual_gbp,
                actual_source=None if actual is None else actual.source_url,
                scenario_gbp=amount,
                difference=difference(actual_gbp, amount) if query.basis == "formula" else Difference(None, None),
                caveat=CAVEATS.get(b.code),
                crime_share=None if crime is None or not crime_total else crime / crime_total,
                allocation_share=None if amount is None or not pot else float(amount / pot),
                actual_share=None if actual_gbp is None or not pot else float(Decimal(str(actual_gbp)) / pot),
            )
        )
    if year and not counts:
        messages.append(
            f"No recorded crime figures are loaded for {year}. The MPS publishes them: load its borough "
            "crime file with `explorer ingest crime FILE`."
        )
    published = tuple(
        (snapshot.borough_name(a.borough_code), a.financial_year)
        for a in sorted(snapshot.lcpf_allocations, key=lambda a: (a.financial_year, a.borough_code))
    )
    return LcpfView(
        query=query,
        years=years,
        year=year,
        pot_gbp=pot,
        pot_choice=choice,
        rows=tuple(rows),
        groups=_groups(rows, pot),
        scenario_label=label,
        messages=tuple(messages),
        error=error,
        published=published,
        notices=tuple(notices),
        census=census,
    )


# -- private helpers -----------------------------------------------------------------------


def _formula_label(weights: Weights) -> str:
    for name, preset in PRESETS.items():
        if preset is not None and _same_proportions(preset, weights):
            return f"Formula: {PRESET_LABELS[name].lower()}"
    values = weights.as_dict()
    total = sum(values.values()) or 1
    parts = [f"{FACTOR_LABELS[f].split(' (')[0].lower()} {values[f] / total:.0%}" for f in values if values[f] > 0]
    return "Formula: " + ", ".join(parts)


def _crime_counts(snapshot: Snapshot, year: str | None) -> dict[tuple[str, str], int]:
    return {
        (c.borough_code, c.category): c.count
        for c in snapshot.crime
        if c.financial_year == year and c.count is not None
    }


def _missing_messages(snapshot: Snapshot, result, year, boroughs: int) -> list[str]:
    by_factor: dict[str, list[str]] = {}
    for m in result.missing:
        by_factor.setdefault(m.factor, []).append(snapshot.borough_name(m.borough_code))
    messages = []
    for factor, names in by_factor.items():
        label = FACTOR_LABELS[factor].split(" (")[0].lower()
        if factor == "deprivation":
            messages.append(
                "No deprivation index is loaded, so a formula that weighs deprivation cannot be worked out."
            )
        elif len(names) >= boroughs:
            messages.append(
                f"There are no {label} figures for {year}, so a formula that weighs {label} "
                "cannot be worked out for that year."
            )
        else:
            messages.append(
                f"No {label} figure for {', '.join(names)} in {year}: "
                f"{'it gets' if len(names) == 1 else 'they get'} no share, "
                "and the pot is shared among the other boroughs."
            )
    return messages


def _groups(rows: Sequence[BoroughRow], pot: Decimal) -> tuple[GroupTotal, GroupTotal]:
    lcpf_rows = [r for r in rows if r.in_lcpf]
    population_all = sum(r.population or 0 for r in lcpf_rows)
    crime_known = [r for r in lcpf_rows if r.crime is not None]
    crime_all = sum(r.crime for r in crime_known)
    out = []
    for side in ("Inner", "Outer"):
        mine = [r for r in lcpf_rows if r.inner_outer == side]
        population = sum(r.population or 0 for r in mine)
        crimes = [r.crime for r in mine if r.crime is not None]
        crime = sum(crimes) if crimes and len(crimes) == len(mine) else None
        amounts = [r.scenario_gbp for r in mine if r.scenario_gbp is not None]
        scenario = sum(amounts, Decimal(0)) if amounts else None
        actuals = [r.actual_gbp for r in mine if r.actual_gbp is not None]
        out.append(
            GroupTotal(
                label=f"{side} London",
                boroughs=len(mine),
                population=population,
                crime=crime,
                scenario_gbp=scenario,
                actual_gbp=sum(actuals) if actuals else None,
                actual_count=len(actuals),
                population_share=population / population_all if population_all else None,
                crime_share=crime / crime_all if crime is not None and crime_all else None,
                scenario_share=float(scenario / pot) if scenario is not None and pot else None,
            )
        )
    return out[0], out[1]


def _ratio(numerator, denominator, per: int) -> float | None:
    if numerator is None or not denominator:
        return None
    return float(numerator) / float(denominator) * per

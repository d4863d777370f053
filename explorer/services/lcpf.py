"""Services layer: the London Crime Prevention Fund (LCPF) page's read model.

Turns the snapshot (borough table, published LCPF allocations and totals, recorded crime) and
the page's state from the URL (year, crime measure, map measure, formula weights, pot) into
one :class:`LcpfView`: a row per borough with money against need, the inner and outer London
totals, and what the chosen formula would give. The same view feeds the page and the CSV
download, so both always agree. Missing figures stay missing (None), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Mapping, Sequence
from urllib.parse import urlencode

from explorer.domain.lcpf import (
    FACTOR_LABELS,
    MAX_WEIGHT,
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
from explorer.domain.tabular import csv_text, inert
from explorer.services.snapshot import Snapshot

CITY_OF_LONDON = "E09000001"

#: The crime measures the page offers: URL value -> category as stored.
CATEGORIES: dict[str, str] = {
    "all-crime": "all crime",
    "violence": "violence against the person",
    "robbery": "robbery",
    "weapons": "possession of weapons",
    "sexual-offences": "sexual offences",
}
CATEGORY_LABELS: dict[str, str] = {
    "all-crime": "All recorded crime",
    "violence": "Violence against the person",
    "robbery": "Robbery",
    "weapons": "Possession of weapons",
    "sexual-offences": "Sexual offences",
}

#: The measures the map can show: URL value -> label.
MEASURES: dict[str, str] = {
    "allocation": "£ in total",
    "per-1000-residents": "£ per 1,000 residents",
    "per-100-crimes": "£ per 100 crimes",
    "crime-per-1000": "Crime per 1,000 residents",
}

#: Weight URL parameter -> factor.
WEIGHT_PARAMS: dict[str, str] = {
    "w_population": "population",
    "w_crime": "crime",
    "w_violence": "violence",
    "w_deprivation": "deprivation",
    "w_equal": "equal",
}

DEFAULT_CATEGORY = "all-crime"
DEFAULT_MEASURE = "per-100-crimes"
DEFAULT_PRESET = "population"
FALLBACK_POT = Decimal(10_000_000)
MAX_POT = Decimal(1_000_000_000)

#: Why some boroughs' figures need care; shown beside them on the page and in the CSV.
CAVEATS: dict[str, str] = {
    CITY_OF_LONDON: (
        "Not part of the LCPF and not in the MPS figures: the City of London has its own "
        "police force (City of London Police)."
    ),
    "E09000033": "Crime per resident is inflated by a very large daytime and visitor population.",
    "E09000007": "Crime per resident is inflated by a large daytime and visitor population.",
    "E09000017": "Offences at Heathrow airport are published separately by the MPS and are not counted here.",
    "E09000025": "Offences at London City Airport are published separately by the MPS and are not counted here.",
}


@dataclass(frozen=True)
class LcpfQuery:
    """The page's state, as it travels in the URL.

    Attributes:
        year: The financial year shown, or None for the default.
        category: The crime measure (a key of :data:`CATEGORIES`).
        measure: The map measure (a key of :data:`MEASURES`).
        weights: The formula's weights.
        pot_gbp: The pot the formula shares, or None for the default.
        basis: ``formula`` (the weights) or ``current`` (the published allocations).
    """

    year: str | None = None
    category: str = DEFAULT_CATEGORY
    measure: str = DEFAULT_MEASURE
    weights: Weights = field(default_factory=lambda: PRESETS[DEFAULT_PRESET])
    pot_gbp: Decimal | None = None
    basis: str = "formula"

    def to_search(self) -> str:
        """The URL query string (with ``?``) that gives this state back."""
        params: list[tuple[str, str]] = []
        if self.year:
            params.append(("year", self.year))
        params += [("category", self.category), ("measure", self.measure)]
        if self.basis == "current":
            params.append(("basis", "current"))
        else:
            values = self.weights.as_dict()
            params += [(p, _number_text(values[f])) for p, f in WEIGHT_PARAMS.items() if values[f] > 0]
            if not self.weights.active:  # say "all zero" explicitly, or the default would come back
                params.append(("w_population", "0"))
        if self.pot_gbp is not None:
            params.append(("pot", _number_text(self.pot_gbp)))
        return "?" + urlencode(params)


def parse_query(query: Mapping[str, Sequence[str]]) -> tuple[LcpfQuery, tuple[str, ...]]:
    """Reads the page's state from URL parameters; bad values fall back with a notice.

    Args:
        query: Parameter -> values, as :func:`urllib.parse.parse_qs` gives them.

    Returns:
        The state and plain-English notices about anything ignored.
    """
    notices: list[str] = []

    def first(name: str) -> str | None:
        values = query.get(name) or []
        return values[0].strip() if values and values[0].strip() else None

    category = first("category") or DEFAULT_CATEGORY
    if category not in CATEGORIES:
        notices.append(f"Unknown crime measure {category!r}; showing all recorded crime.")
        category = DEFAULT_CATEGORY
    measure = first("measure") or DEFAULT_MEASURE
    if measure not in MEASURES:
        notices.append(f"Unknown map measure {measure!r}; showing {MEASURES[DEFAULT_MEASURE].lower()}.")
        measure = DEFAULT_MEASURE
    weights, weight_notices = _parse_weights({p: first(p) for p in WEIGHT_PARAMS})
    notices += weight_notices
    pot = None
    if first("pot") is not None:
        pot = parse_pot(first("pot"))
        if pot is None:
            notices.append(f"The pot {first('pot')!r} is not an amount in pounds; using the default.")
    basis = "current" if first("basis") == "current" else "formula"
    return LcpfQuery(first("year"), category, measure, weights, pot, basis), tuple(notices)


def parse_pot(text: object) -> Decimal | None:
    """A pot typed by a person (``13000000``, ``£13,000,000``) in pounds, or None if unreadable."""
    if text is None:
        return None
    cleaned = str(text).replace(",", "").replace("£", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > MAX_POT:
        return None
    return value.quantize(Decimal("0.01"))


def preset_query(query: LcpfQuery, preset: str) -> LcpfQuery:
    """The state after choosing a preset (``population``, ``crime``, ``equal``, ``current``)."""
    weights = PRESETS.get(preset)
    if preset == "current":
        return LcpfQuery(query.year, query.category, query.measure, query.weights, query.pot_gbp, "current")
    if weights is None:
        return query
    return LcpfQuery(query.year, query.category, query.measure, weights, query.pot_gbp, "formula")


def controls_query(
    snapshot: Snapshot,
    *,
    trigger: object,
    weights: Mapping[str, object],
    year: str | None,
    category: str | None,
    measure: str | None,
    pot: object,
    basis: str | None,
) -> tuple[LcpfQuery, tuple[str, ...]]:
    """The page's state from its controls after one of them changed.

    Args:
        snapshot: The published data (for the default pot).
        trigger: What changed: a preset name, ``"weight"``, or anything else.
        weights: Factor -> the value in its number box.
        year: The chosen financial year.
        category: The chosen crime measure.
        measure: The chosen map measure.
        pot: The value in the pot box.
        basis: ``formula`` or ``current`` before the change.

    Returns:
        The new state and notices about values that could not be read.
    """
    parsed, notices = _parse_weights({p: weights.get(f) for p, f in WEIGHT_PARAMS.items()}, default_when_empty=False)
    notices = list(notices)
    pot_value = parse_pot(pot) if pot not in (None, "") else None
    if pot not in (None, "") and pot_value is None:
        notices.append(f"The pot {pot!r} is not an amount in pounds from £0 to £1bn; using the default.")
    choice = default_pot(snapshot.lcpf_totals)
    if pot_value is not None and choice is not None and pot_value == choice.amount_gbp:
        pot_value = None
    query = LcpfQuery(
        year=year or None,
        category=category if category in CATEGORIES else DEFAULT_CATEGORY,
        measure=measure if measure in MEASURES else DEFAULT_MEASURE,
        weights=parsed,
        pot_gbp=pot_value,
        basis="current" if basis == "current" else "formula",
    )
    if trigger in PRESETS:
        return preset_query(query, str(trigger)), tuple(notices)
    if trigger == "weight":
        query = LcpfQuery(query.year, query.category, query.measure, query.weights, query.pot_gbp, "formula")
    return query, tuple(notices)


def preset_of(query: LcpfQuery) -> str | None:
    """The preset the state matches, if any."""
    if query.basis == "current":
        return "current"
    return next((name for name, w in PRESETS.items() if w is not None and _same_proportions(w, query.weights)), None)


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


CSV_COLUMNS = (
    "row_type", "borough_code", "borough", "inner_outer", "financial_year", "population", "population_census",
    "crime_measure", "crime_count", "crime_share", "actual_allocation_gbp", "actual_source",
    "scenario", "pot_gbp", "scenario_allocation_gbp", "scenario_share", "difference_gbp",
    "difference_percent", "note",
)


def scenario_csv(view: LcpfView) -> str:
    """The scenario as CSV: a row per borough, then inner and outer London totals.

    Missing figures are written as "not published" or left blank, never 0. The one safe tabular
    writer (:mod:`explorer.domain.tabular`) neutralises text a spreadsheet would run as a formula.
    """
    rows = []
    for r in view.rows:
        note = r.caveat or ""
        if r.in_lcpf and r.actual_gbp is None:
            note = (note + " " if note else "") + f"No published allocation for {r.name} {view.year}."
        rows.append([
            "borough", r.code, r.name, r.inner_outer, view.year or "", r.population, f"Census {view.census}",
            view.category_label, _blank(r.crime), _fixed(r.crime_share, 6),
            "not published" if r.actual_gbp is None else _fixed(r.actual_gbp, 2), r.actual_source or "",
            view.scenario_label, _fixed(view.pot_gbp, 2),
            "not published" if view.query.basis == "current" and r.scenario_gbp is None
            else _fixed(r.scenario_gbp, 2),
            _fixed(r.allocation_share, 6), _fixed(r.difference.gbp, 2), _fixed(r.difference.percent, 1), note,
        ])
    for g in view.groups:
        rows.append([
            "total", "", g.label, g.label.split()[0], view.year or "", g.population, f"Census {view.census}",
            view.category_label, _blank(g.crime), _fixed(g.crime_share, 6),
            "not published" if g.actual_gbp is None else _fixed(g.actual_gbp, 2),
            f"published for {g.actual_count} of {g.boroughs} boroughs", view.scenario_label,
            _fixed(view.pot_gbp, 2), _fixed(g.scenario_gbp, 2), _fixed(g.scenario_share, 6), "", "", "",
        ])
    return csv_text(CSV_COLUMNS, rows)


#: A text cell a spreadsheet would read as a formula gets a leading apostrophe (the one rule).
neutralise = inert


# -- private helpers -----------------------------------------------------------------------


def _parse_weights(raw: Mapping[str, object], *, default_when_empty: bool = True) -> tuple[Weights, tuple[str, ...]]:
    if default_when_empty and all(v in (None, "") for v in raw.values()):
        return PRESETS[DEFAULT_PRESET], ()
    notices, values = [], {}
    for param, text in raw.items():
        factor = WEIGHT_PARAMS[param]
        if text in (None, ""):
            values[factor] = 0.0
            continue
        try:
            value = float(str(text))
        except ValueError:
            value = float("nan")
        if not (0 <= value <= MAX_WEIGHT):
            notices.append(f"The {factor} weight {text!r} is not a number from 0 to {MAX_WEIGHT:g}; using 0.")
            value = 0.0
        values[factor] = value
    return Weights(**values), tuple(notices)


def _same_proportions(a: Weights, b: Weights) -> bool:
    x, y = a.as_dict(), b.as_dict()
    sx, sy = sum(x.values()), sum(y.values())
    return bool(sx and sy) and all(abs(x[k] / sx - y[k] / sy) < 1e-9 for k in x)


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


def _number_text(value) -> str:
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _fixed(value, places: int) -> Decimal | str:
    if value is None:
        return ""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def _blank(value) -> object:
    return "" if value is None else value

"""Domain layer: the London Crime Prevention Fund (LCPF) allocation formula and its money rules.

A formula shares a pot between boroughs by weighted factors (population, crime volume,
violence, a deprivation index, an equal amount per borough). Each factor gives a borough its
share of the London total of that factor; the weights mix the factors; the pot is then split
in whole pence by the largest remainder method, so the allocations always add up to the pot
exactly. A borough with no figure for a factor that has a weight is reported and gets no
allocation: a missing figure is never read as zero.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

from explorer.domain.formatting import money
from explorer.domain.records import LcpfTotal

#: Every factor a formula can weigh, with the words the page uses for it.
FACTOR_LABELS: dict[str, str] = {
    "population": "Population (residents at the census nearest the year)",
    "crime": "Crime volume (all recorded crime)",
    "violence": "Violence (violence against the person)",
    "deprivation": "Deprivation index",
    "equal": "Equal amount per borough",
}

MAX_WEIGHT = 100.0


class FormulaError(ValueError):
    """A formula cannot be applied (no weight at all, a negative pot, a factor that sums to zero)."""


@dataclass(frozen=True)
class Weights:
    """The weight of each factor; only their proportions matter (1:1 is the same as 50:50).

    Raises:
        FormulaError: A weight is negative, not a number, or above ``MAX_WEIGHT``.
    """

    population: float = 0.0
    crime: float = 0.0
    violence: float = 0.0
    deprivation: float = 0.0
    equal: float = 0.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or math.isnan(value) or math.isinf(value):
                raise FormulaError(f"the {f.name} weight must be a number")
            if value < 0 or value > MAX_WEIGHT:
                raise FormulaError(f"the {f.name} weight must be between 0 and {MAX_WEIGHT:g}")

    def as_dict(self) -> dict[str, float]:
        """The weights by factor name."""
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}

    @property
    def active(self) -> tuple[str, ...]:
        """The factors with a weight above zero, in declaration order."""
        return tuple(name for name, value in self.as_dict().items() if value > 0)


#: The named starting points of the simulator. ``current`` has no weights: it is the
#: published allocation itself, whose formula weights MOPAC has not published.
PRESETS: dict[str, Weights | None] = {
    "population": Weights(population=1),
    "crime": Weights(crime=1),
    "equal": Weights(equal=1),
    "current": None,
}

PRESET_LABELS: dict[str, str] = {
    "population": "Population only",
    "crime": "Crime only",
    "equal": "Equal per borough",
    "current": "Current allocation",
}


@dataclass(frozen=True)
class BoroughFactors:
    """The figures of one borough that a formula can use; None means not published."""

    code: str
    population: int | None = None
    crime: int | None = None
    violence: int | None = None
    deprivation: float | None = None

    def value(self, factor: str) -> Fraction | None:
        """The borough's figure for ``factor`` as an exact fraction (1 for ``equal``)."""
        if factor == "equal":
            return Fraction(1)
        raw = getattr(self, factor)
        return None if raw is None else Fraction(raw)


@dataclass(frozen=True)
class MissingInput:
    """A figure a formula needed and did not have."""

    borough_code: str
    factor: str


@dataclass(frozen=True)
class FormulaResult:
    """The allocation of a pot under one formula.

    Attributes:
        pot_pence: The pot, in whole pence.
        weights: The weights applied.
        allocations: Borough code to its allocation in pence; boroughs that could not be
            given a share are absent (not zero).
        missing: Every figure that was needed and missing.
    """

    pot_pence: int
    weights: Weights
    allocations: Mapping[str, int] = field(default_factory=dict)
    missing: tuple[MissingInput, ...] = ()

    @property
    def unallocated(self) -> tuple[str, ...]:
        """Boroughs left without a share because a figure was missing, in code order."""
        return tuple(sorted({m.borough_code for m in self.missing}))

    def amount_gbp(self, code: str) -> Decimal | None:
        """A borough's allocation in pounds (exact to the penny), or None when it has none."""
        pence = self.allocations.get(code)
        return None if pence is None else Decimal(pence) / 100


def largest_remainder(quotas: Mapping[str, Fraction], total: int) -> dict[str, int]:
    """Shares ``total`` whole units in proportion to ``quotas`` (the Hamilton method).

    Every key gets the whole part of its exact share; the units left over go one each to the
    keys with the largest fractional parts (ties to the earlier key in sorted order), so the
    result always adds up to ``total``.

    Args:
        quotas: Key to a non-negative weight; at least one must be above zero.
        total: The whole units to share (pence), zero or more.

    Raises:
        FormulaError: ``total`` is negative, a quota is negative, or all quotas are zero.
    """
    if total < 0:
        raise FormulaError("the amount to share must not be negative")
    if any(q < 0 for q in quotas.values()):
        raise FormulaError("a share must not be negative")
    whole = sum(quotas.values(), Fraction(0))
    if whole == 0:
        raise FormulaError("there is nothing to share the amount by")
    exact = {key: Fraction(total) * q / whole for key, q in quotas.items()}
    floors = {key: math.floor(value) for key, value in exact.items()}
    left = total - sum(floors.values())
    order = sorted(exact, key=lambda key: (-(exact[key] - floors[key]), key))
    for key in order[:left]:
        floors[key] += 1
    return floors


def apply_formula(
    boroughs: Sequence[BoroughFactors], weights: Weights, pot_gbp: Decimal | float | int
) -> FormulaResult:
    """Shares a pot between boroughs by a weighted formula.

    A borough's score is the weighted mean, over the factors with a weight, of its share of
    the London total of each factor (the total over the boroughs that can be scored). A
    borough missing a figure that a weighted factor needs is reported in ``missing`` and
    given no allocation; the pot is shared among the others. A factor whose weight is zero
    plays no part, so its missing figures do not matter.

    Args:
        boroughs: The boroughs to share between, with their figures.
        weights: How much each factor counts.
        pot_gbp: The pot in pounds; it is rounded to whole pence.

    Returns:
        The allocations in pence, adding up to the pot to the penny.

    Raises:
        FormulaError: All weights are zero, the pot is negative, or a weighted factor adds
            up to zero over the boroughs that have it.
    """
    pot_pence = to_pence(pot_gbp)
    active = weights.active
    if not active:
        raise FormulaError("give at least one factor a weight above zero")
    missing = tuple(
        MissingInput(b.code, factor)
        for b in boroughs
        for factor in active
        if b.value(factor) is None
    )
    lacking = {m.borough_code for m in missing}
    scored = [b for b in boroughs if b.code not in lacking]
    if not scored:
        return FormulaResult(pot_pence, weights, {}, missing)
    weight_of = {f: Fraction(weights.as_dict()[f]) for f in active}
    totals = {f: sum((b.value(f) for b in scored), Fraction(0)) for f in active}
    for factor, total in totals.items():
        if total <= 0:
            raise FormulaError(f"the {factor} figures add up to zero, so they cannot share a pot")
    scores = {
        b.code: sum((weight_of[f] * b.value(f) / totals[f] for f in active), Fraction(0))
        for b in scored
    }
    return FormulaResult(pot_pence, weights, largest_remainder(scores, pot_pence), missing)


def to_pence(amount: Decimal | float | int | str) -> int:
    """Pounds to whole pence, rounding half a penny up.

    Raises:
        FormulaError: The amount is not a number or is negative.
    """
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError) as exc:
        raise FormulaError("the pot must be an amount in pounds") from exc
    if not value.is_finite() or value < 0:
        raise FormulaError("the pot must be an amount in pounds, 0 or more")
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Difference:
    """How a formula's allocation differs from the actual one; None where it cannot be said."""

    gbp: Decimal | None
    percent: float | None


def difference(actual_gbp: float | Decimal | None, scenario_gbp: Decimal | None) -> Difference:
    """The scenario minus the actual, in pounds and as a percentage of the actual.

    Only computed where both exist; the percentage also needs an actual above zero.
    """
    if actual_gbp is None or scenario_gbp is None:
        return Difference(None, None)
    actual = Decimal(str(actual_gbp))
    gbp = scenario_gbp - actual
    percent = float(gbp / actual * 100) if actual > 0 else None
    return Difference(gbp, percent)


# -- periods and the default pot -----------------------------------------------------------

_YEAR = re.compile(r"(20\d\d)\s*[/-]\s*(\d\d)(?!\d)")


def period_years(text: str) -> tuple[str, ...]:
    """The financial years a published period covers, written ``2024-25``.

    Reads ``2024-25``, ``2024/25``, ``2022/23-2024/25`` and ``2022-23 to 2024-25``; a single
    year followed by "onwards" is that year only. Returns () when no year can be read.

    >>> period_years("2022/23-2024/25")
    ('2022-23', '2023-24', '2024-25')
    """
    found = [int(m.group(1)) for m in _YEAR.finditer(text or "") if (int(m.group(1)) + 1) % 100 == int(m.group(2))]
    if not found:
        return ()
    first, last = min(found), max(found)
    return tuple(f"{y}-{(y + 1) % 100:02d}" for y in range(first, last + 1))


@dataclass(frozen=True)
class PotChoice:
    """The default pot for the simulator and where it comes from.

    Attributes:
        amount_gbp: The pot for one year, in pounds (whole pounds).
        period: The published period it is taken from, as published.
        years: How many financial years that period covers.
        published_gbp: The published amount for the whole period.
        source_url: Where it was published.
    """

    amount_gbp: Decimal
    period: str
    years: int
    published_gbp: Decimal
    source_url: str

    @property
    def explanation(self) -> str:
        """One sentence saying how the default was worked out."""
        if self.years <= 1:
            return f"the published total of direct borough funding for {self.period}"
        return (
            f"the published total of direct borough funding for {self.period} "
            f"({money(self.published_gbp, exact=True)}) divided by its {self.years} years"
        )


def is_direct_borough_total(measure: str) -> bool:
    """True for a total of LCPF money given directly to boroughs (not co-commissioning)."""
    words = set(re.split(r"[\s_-]+", (measure or "").lower()))
    return {"direct", "borough"} <= words


def default_pot(totals: Iterable[LcpfTotal]) -> PotChoice | None:
    """The latest published total of direct borough funding, as an amount for one year.

    A multi-year total is divided by its number of years (whole pounds). Returns None when no
    such total is published.
    """
    best: tuple[str, LcpfTotal, tuple[str, ...]] | None = None
    for total in totals:
        if total.amount_gbp is None or not is_direct_borough_total(total.measure):
            continue
        years = period_years(total.financial_year)
        if not years:
            continue
        if best is None or years[-1] > best[0]:
            best = (years[-1], total, years)
    if best is None:
        return None
    _, total, years = best
    published = Decimal(str(total.amount_gbp))
    annual = (published / len(years)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return PotChoice(annual, total.financial_year, len(years), published, total.source_url)

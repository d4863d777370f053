"""Services layer: the LCPF page's state as it travels in the URL (and from its controls), with its constants."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Mapping, Sequence
from urllib.parse import urlencode

from explorer.domain.lcpf import MAX_WEIGHT, PRESETS, Weights, default_pot
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


def _number_text(value) -> str:
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text

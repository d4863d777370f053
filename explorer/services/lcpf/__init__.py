"""Services layer: the London Crime Prevention Fund (LCPF) page's read model.

Turns the snapshot (borough table, published LCPF allocations and totals, recorded crime) and
the page's state from the URL (year, crime measure, map measure, formula weights, pot) into
one :class:`LcpfView`: a row per borough with money against need, the inner and outer London
totals, and what the chosen formula would give. The same view feeds the page and the CSV
download, so both always agree. Missing figures stay missing (None), never zero.
"""

from explorer.services.lcpf.download import CSV_COLUMNS, neutralise, scenario_csv
from explorer.services.lcpf.query import (
    CATEGORIES,
    CATEGORY_LABELS,
    CAVEATS,
    CITY_OF_LONDON,
    DEFAULT_CATEGORY,
    DEFAULT_MEASURE,
    DEFAULT_PRESET,
    FALLBACK_POT,
    MAX_POT,
    MEASURES,
    WEIGHT_PARAMS,
    LcpfQuery,
    controls_query,
    parse_pot,
    parse_query,
    preset_of,
    preset_query,
)
from explorer.services.lcpf.view import BoroughRow, GroupTotal, LcpfView, build_view, default_year, lcpf_years

__all__ = [
    "BoroughRow", "CATEGORIES", "CATEGORY_LABELS", "CAVEATS", "CITY_OF_LONDON", "CSV_COLUMNS", "DEFAULT_CATEGORY",
    "DEFAULT_MEASURE", "DEFAULT_PRESET", "FALLBACK_POT", "GroupTotal", "LcpfQuery", "LcpfView", "MAX_POT", "MEASURES",
    "WEIGHT_PARAMS", "build_view", "controls_query", "default_year", "lcpf_years", "neutralise", "parse_pot",
    "parse_query", "preset_of", "preset_query", "scenario_csv",
]

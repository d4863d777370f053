"""Services layer: the LCPF scenario as a CSV download (the same view as the page, so both agree)."""

from __future__ import annotations

from decimal import Decimal

from explorer.domain.tabular import csv_text, inert
from explorer.services.lcpf.view import LcpfView


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


def _fixed(value, places: int) -> Decimal | str:
    if value is None:
        return ""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def _blank(value) -> object:
    return "" if value is None else value

"""Layout layer: the LCPF page's borough table, its notes and sources, and the money formats they share.

Split from :mod:`explorer.layout.lcpf` (the page's frame, controls, charts and update); the table is
drawn as one block of HTML (:func:`explorer.layout.static.static_block`): 33 rows of 11 cells as Dash
components cost the browser over a second on a mid-range phone.
"""

from __future__ import annotations

from decimal import Decimal

from dash import html

from explorer.domain import formatting
from explorer.domain.geography import CENSUS_2011_SOURCE
from explorer.layout.static import static_block
from explorer.services.lcpf import LcpfView

#: How every figure the formula simulator gives is titled: a simulation, never the allocation.
SIMULATION = "What this formula would give"

SOURCES = (
    ("MPS Borough Level Crime (London Datastore)", "https://data.london.gov.uk/dataset/recorded_crime_summary"),
    ("Census 2021 population estimates (ONS)",
     "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/bulletins/populationandhouseholdestimatesenglandandwales/census2021"),
    ("Census 2011 population and household estimates (ONS)", CENSUS_2011_SOURCE),
    ("PCD 79: London Crime Prevention Fund 2017 to 2021 (MOPAC)",
     "http://webcachetest.london.gov.uk/what-we-do/mayors-office-policing-and-crime-mopac/governance-and-decision-making/mopac-decisions-336"),
    ("PCD 421: LCPF 2019/20 and 2020/21 (MOPAC)",
     "http://webcachetest.london.gov.uk/what-we-do/mayors-office-policing-and-crime-mopac/governance-and-decision-making/mopac-decisions-0/london-crime-prevention-fund-201920-and-202021"),
    ("PCD 1792: LCPF 2025 to 2028 (MOPAC)",
     "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime-mopac/mopac-governance-and-decision-making/mopac-decisions/pcd-1792-vru-home-office-funding-2025-2026-and-lcpf-2025-2028"),
)


TABLE_HEADINGS = (
    "Borough", "Inner or outer", "Residents", "Crime", "Crime per 1,000 residents", "Published allocation",
    "What this formula would give", "Difference (£)", "Difference (%)", "Formula £ per 1,000 residents",
    "Formula £ per 100 crimes",
)


def build_table(view: LcpfView) -> html.Table:
    """Every borough with all the figures; missing ones say so in words."""
    headings = list(TABLE_HEADINGS)
    headings[3] = f"{view.category_label} ({view.year or 'no year'})"
    if view.query.basis == "current":
        headings[6] = "Scenario: published allocation"
    body = []
    for r in view.rows:
        actual = (html.A(gbp(r.actual_gbp), href=r.actual_source, rel="noopener")
                  if r.actual_gbp is not None and r.actual_source
                  else _missing("not published", f"No published allocation for {r.name} {view.year}"))
        if not r.in_lcpf:
            scenario = _missing("not in the LCPF")
        elif r.scenario_gbp is None:
            scenario = _missing("not published" if view.query.basis == "current" else "cannot be worked out")
        else:
            scenario = gbp(r.scenario_gbp)
        diff_gbp = _missing("—") if r.difference.gbp is None else _signed_gbp(r.difference.gbp)
        diff_pct = _missing("—") if r.difference.percent is None else f"{r.difference.percent:+.1f}%"
        cells = [
            html.Th([r.name, html.Span(r.caveat, className="caveat") if r.caveat else None], scope="row"),
            html.Td(r.inner_outer),
            html.Td(f"{r.population:,}" if r.population is not None else _missing("not known"), className="num"),
            html.Td(f"{r.crime:,}" if r.crime is not None
                    else _missing("not loaded" if r.in_lcpf else "no MPS figure"), className="num"),
            html.Td(_number(r.crime_per_1000, 1), className="num"),
            html.Td(actual, className="num"),
            html.Td(scenario, className="num"),
            html.Td(diff_gbp, className="num"),
            html.Td(diff_pct, className="num"),
            html.Td(_money_or_dash(r.allocation_per_1000), className="num"),
            html.Td(_money_or_dash(r.allocation_per_100_crimes), className="num"),
        ]
        body.append(html.Tr(cells, id=f"lcpf-row-{r.code}", className="" if r.in_lcpf else "lcpf-outside"))
    return html.Table(
        [
            html.Caption(
                f"{view.scenario_label}. Pot {formatting.money(float(view.pot_gbp))} for {view.year or 'no year'}. "
                f"Residents: {view.population_label}. Differences are shown only where an allocation is published."
            ),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in headings])),
            html.Tbody(body),
        ],
        className="table table-sm lcpf-table",
    )


def build_notes(view: LcpfView) -> html.Section:
    """What the data can and cannot show, with sources."""
    notes = [
        "Most borough allocations are not published. MOPAC's decisions give the London totals, but the "
        "table of each borough's LCPF allocation is in PDF appendices that are not published with them "
        "(PCD 79 for 2017 to 2021, PCD 421 for 2019/20 and 2020/21, the 2022 to 2025 settlement and PCD 1792 "
        "for 2025 to 2028). Where a borough's figure is not published this page says so; it never shows zero "
        "or an estimate in its place.",
        "The default pot is a yearly figure worked out from a published multi-year total, so it is an average "
        "year, not the allocation of any one year.",
        "Crime is recorded crime from the Metropolitan Police Service, summed by financial year (April to "
        "March). A year with missing months is not summed. Offences the MPS records at Heathrow and London "
        "City airports, or with no known borough, are left out.",
        "Crime per resident counts where an offence happened, not where people live. Westminster and Camden "
        "have very large daytime, working and visitor populations, so their rates per resident look much "
        "higher than the risk to residents.",
        "The City of London has its own police force, City of London Police, so it has no MPS crime figures "
        "and is not one of the 32 boroughs the LCPF funds. It is shown, greyed, for completeness.",
        "Recording practice changes over time (for example the Home Office counting rules and the move of "
        "fraud to Action Fraud, shown by the MPS as NFIB fraud), so compare years with care.",
        "Population is the usual resident count of the census nearest the year: Census 2011 (exact) up to "
        "2015-16, Census 2021 (rounded to the nearest 100 by ONS) from 2016-17. No estimate between censuses "
        "is made, and mid-year estimates are not loaded. No deprivation index is loaded, so that weight is off.",
        "The formula here is a simple weighted share of a pot. MOPAC's own needs-and-demand formula (PCD 79) "
        "is not published in enough detail to reproduce, so no preset claims to be it.",
    ]
    return html.Section(
        [
            html.H2("What the data can and cannot show", className="h4 mt-4"),
            html.Ul([html.Li(n) for n in notes]),
            html.H3("Sources", className="h6"),
            html.Ul([html.Li(html.A(label, href=url, rel="noopener")) for label, url in SOURCES], className="small"),
        ],
        className="lcpf-notes",
    )


def table_block(view: LcpfView):
    """The borough table as the page draws it: one block of HTML."""
    return static_block(build_table(view))


def _missing(text: str, title: str | None = None) -> html.Span:
    return html.Span(text, className="missing", title=title)


def gbp(value) -> str:
    """An amount in pounds, exactly (£1,234,567)."""
    return formatting.money(float(value), exact=True)


def _signed_gbp(value: Decimal) -> str:
    return ("+" if value >= 0 else "−") + formatting.money(abs(float(value)), exact=True)


def _money_or_dash(value: float | None):
    return _missing("—") if value is None else formatting.money(value, exact=True)


def _number(value: float | None, places: int):
    return _missing("—") if value is None else f"{value:,.{places}f}"


def pct(share: float | None) -> str:
    """A share as a percentage with one decimal, or "not known"."""
    return "not known" if share is None else f"{100 * share:.1f}%"

"""Layout layer: a service's public contracts (published figures, the notice linked) and the data page's coverage line."""

from __future__ import annotations

from typing import Sequence

from dash import html

from explorer.domain import formatting
from explorer.domain.records import Contract
from explorer.services.contracts import VALUE_BASIS, Coverage

BASIS = VALUE_BASIS


def build_service_contracts(contracts: Sequence[Contract]) -> html.Section | html.Div:
    """The "Published contracts" section of a service page (an empty Div when no contract is matched)."""
    if not contracts:
        return html.Div()
    return html.Section(
        [
            html.H2("Published contracts", className="h4 mt-4"),
            html.P("From public contract notices (Open Contracting Data Standard): published figures, "
                   "not sample values.", className="small"),
            html.Ul([_item(c) for c in contracts], className="list-unstyled contracts"),
        ],
        className="service-contracts",
    )


def build_coverage(coverage: Coverage) -> html.P:
    """The data page's count of services with published funding and end dates."""
    return html.P(coverage.sentence, className="published-coverage")


def _item(c: Contract) -> html.Li:
    period = " to ".join(formatting.date(d) for d in (c.start_date, c.end_date) if d)
    facts = []
    if c.value_gbp is not None:
        facts.append(f"{formatting.money(c.value_gbp)} ({BASIS.get(c.value_basis or '', 'value')})")
    if period:
        facts.append(period)
    if c.supplier_name:
        facts.append(f"supplier: {c.supplier_name}" + (f" ({c.supplier_scheme} {c.supplier_id})" if c.supplier_scheme else ""))
    if c.parent_ocid:
        facts.append(f"a variation of {c.parent_ocid}, not counted again in totals")
    return html.Li([
        html.Strong(c.title or c.ocid), html.Br(),
        html.Span("; ".join(facts) or "The notice's published fields give no value or period."), " ",
        html.A("Read the notice", href=c.source_url, rel="noopener", target="_blank"),
        html.Span(f" (published {c.release_date.isoformat()}, {c.buyer_name})" if c.release_date else "",
                  className="text-muted small"),
    ], className="mb-2")

"""Layout layer: the service page and the first versions of the funding, performance, LCPF and data pages."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from dash import html

from explorer.domain import formatting
from explorer.domain.contact import contact_links, referral_note
from explorer.layout.controls import with_abbreviations
from explorer.domain.thesaurus import AUDIENCES
from explorer.layout.components import sample_badge
from explorer.layout.freshness import resident_freshness
from explorer.layout.not_found import build_not_found
from explorer.layout.suggestions import build_report_change_form
from explorer.layout.contracts import BASIS as NOTICE_BASIS
from explorer.services.contracts import notice_for_dates, notice_for_value
from explorer.services.snapshot import ServiceEntry, Snapshot

def contract_note(snapshot: Snapshot, service: ServiceEntry) -> list:
    """Says where a value comes from when a public notice publishes it, and when it is part of
    another contract's (a variation), so nobody adds it twice."""
    notice = notice_for_value(snapshot, service)
    if notice is not None:
        basis = NOTICE_BASIS.get(notice.value_basis or "", "value")
        return [" (published: the ", basis, " in the ",
                html.A("public contract notice", href=notice.source_url, rel="noopener", target="_blank"), ")"]
    if not service.variation_of:
        return []
    parent = snapshot.service(service.variation_of)
    name = parent.name if parent else service.variation_of
    return [" (a variation of the ", html.A(name, href=f"/service/{service.variation_of}"),
            " contract, and part of its value)"]


def dates_note(snapshot: Snapshot, service: ServiceEntry) -> list:
    """Names the public notice a contract period comes from, when one publishes it."""
    notice = notice_for_dates(snapshot, service)
    if notice is None:
        return []
    return [" (published: the contract period in the ",
            html.A("public contract notice", href=notice.source_url, rel="noopener", target="_blank"), ")"]


def coverage_text(service: ServiceEntry, areas: str) -> str:
    """The boroughs covered, with the dates the coverage applies when the register gives them."""
    dates = service.coverage_dates
    if dates is None:
        return areas
    start, end = dates
    if start and end:
        return f"{areas}, from {formatting.date(start)} to {formatting.date(end)}"
    if start:
        return f"{areas}, from {formatting.date(start)}"
    return f"{areas}, until {formatting.date(end)}"


def build_service_page(
    snapshot: Snapshot,
    service: ServiceEntry | None,
    back_search: str = "",
    sections: Sequence = (),
    today: dt.date | None = None,
) -> html.Div:
    """A service's own page: what it does, who it is for, how to get help, who runs and pays for it.

    Args:
        snapshot: The current snapshot.
        service: The service, or None when the address names no service.
        back_search: The search's query string, for the link back to the results.
        sections: Further sections (performance, funding, report a change), in order.
        today: The page's date, for how long ago the service was checked.
    """
    back_query = back_search if back_search.startswith("?") or not back_search else "?" + back_search
    back = html.A("← Back to the search", href="/" + back_query, className="d-inline-block mb-3 back-link")
    if service is None:
        return build_not_found("", "service")
    if service.pan_london:
        areas = "All 33 London boroughs (pan-London)"
    else:
        areas = ", ".join(snapshot.borough_name(c) for c in service.borough_codes) or "not recorded"
    contact = [
        html.Li(html.A(link.label, href=link.href, className=f"contact-link contact-{link.kind}",
                       **({"rel": "noopener noreferrer"} if link.kind == "website" else {})))
        for link in contact_links(service.phone, service.email, service.url)
    ]
    referral = referral_note(service.access)
    where = (
        html.P("This service's location is kept confidential for people's safety. Use the contact details above.")
        if service.confidential_location
        else html.Ul([html.Li(f"{p.name}, {p.address or ''} {p.postcode}".replace(" ,", ",")) for p in service.points])
        if service.points
        else html.P("No public delivery point is recorded.")
    )
    rows = [
        ("Who it is for", formatting.age_range(service.minimum_age, service.maximum_age).capitalize()
         + (f". {service.eligibility}" if service.eligibility else "")),
        ("Audience", AUDIENCES.get(service.audience, service.audience)),
        ("How to get help", formatting.access(service.access)),
        ("Provider", service.provider_name),
        ("Areas covered", coverage_text(service, areas)),
        ("Service areas", ", ".join(snapshot.term_name(t) for t in service.term_ids)),
        ("Commissioner", " and ".join(snapshot.commissioner_name(c) for c in service.commissioners)),
        ("Funder of record", snapshot.commissioner_name(service.funder)),
        ("Programme", with_abbreviations(service.programme)),
        ("Funding stream", with_abbreviations(service.funding_stream) or "not recorded"),
        ("Contract value", [formatting.money(service.contract_value_gbp)] + contract_note(snapshot, service)
         + sample_badge(service.illustrative)),
        ("Contract dates", [f"{formatting.date(service.start_date)} to {formatting.date(service.end_date)}"]
         + dates_note(snapshot, service) + sample_badge(service.illustrative)),
        ("Last checked by a person", resident_freshness(service.last_verified)),
    ]
    return html.Div(
        [
            back,
            html.H1(service.name, className="h2"),
            html.P(with_abbreviations(service.description) + sample_badge(service.illustrative), className="lead"),
            html.H2("Get help", className="h4"),
            html.P(html.Strong("If you are in danger now, call 999."), className="danger-line"),
            html.Ul(contact, className="contact-list") if contact else html.P("No public contact route is recorded."),
            html.P(referral, className="referral-note") if referral else None,
            html.H2("Where", className="h4"),
            where,
            html.H2("About this service", className="h4"),
            html.Dl(
                [item for label, value in rows for item in (html.Dt(label), html.Dd(value))],
                className="details-list",
            ),
            html.P(["Source: ", html.A(service.source_url, href=service.source_url, rel="noopener")], className="small"),
            *sections,
            build_report_change_form(service.id),
        ]
    )

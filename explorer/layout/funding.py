"""Layout layer: the funding page, an opportunity's own page, and the funding section of a service page.

Builders take answers already worked out by :mod:`explorer.services.funding` and return
components; they decide nothing about which opportunities to show.
"""

from __future__ import annotations

from typing import Sequence
from urllib.parse import quote, urlencode

import dash_bootstrap_components as dbc
from dash import html

from explorer import ids
from explorer.layout.components import page_intro, sample_label
from explorer.layout import controls
from explorer.layout.static import static_block
from explorer.domain import formatting
from explorer.domain.funding import APPLICANT_LABELS, APPLICANT_TYPES, STATUS_FILTERS, STATUS_STYLES, Status
from explorer.domain.records import FundingOpportunity
from explorer.services.funding import (
    FundingQuery,
    FundingResult,
    OpportunityView,
    describe_query,
    opportunity_facts,
)
from explorer.pages.funding import OpportunityPage
from explorer.services.snapshot import ServiceEntry, Snapshot

DESCRIPTION_LIMIT = 240
#: The funding page's collapsible checklists and what each says when nothing is ticked.
CHECKLISTS = (
    (ids.FUNDING_BOROUGH, "All boroughs"),
    (ids.FUNDING_AREA, "Any kind of work"),
    (ids.FUNDING_APPLICANT, "Any organisation"),
)

#: A status filter in a sentence: "No opportunities closing soon for Enfield".
STATUS_PHRASES = {"open": "open now", "closing-soon": "closing soon", "upcoming": "opening later", "closed": "closed"}
#: At most this many cards in each list; the page says how many more there are.
MAX_CARDS = 100



def build_results(snapshot: Snapshot, result: FundingResult) -> tuple:
    """What changes when a filter changes: list, past list and its heading, summary, feed links, URL query."""
    ics, atom = feed_links(result.query)
    return (
        current_list(snapshot, result),
        past_list(snapshot, result),
        build_past_summary(result),
        build_summary(snapshot, result),
        ics,
        atom,
        result.query.to_search(),
    )


# -- the funding page --------------------------------------------------------------------------


def build_funding_page(snapshot: Snapshot, result: FundingResult) -> html.Div:
    """The funding page for a query already answered (its state came from the URL)."""
    query = result.query
    return html.Div(
        [
            *page_intro(
                "Funding opportunities",
                "Money that community organisations, boroughs and others can apply for from the "
                "Mayor's Office for Policing and Crime (MOPAC), the Violence Reduction Unit (VRU) "
                "and partners funding through them. Open and upcoming opportunities come first, "
                "soonest deadline first.",
            ),
            html.Div(
                [
                    build_filters(snapshot, query),
                    html.Div(
                        [
                            html.P(
                                build_summary(snapshot, result),
                                id=ids.FUNDING_SUMMARY,
                                className="result-summary",
                                role="status",
                                **{"aria-live": "polite"},
                            ),
                            html.Div(current_list(snapshot, result), id=ids.FUNDING_LIST),
                            html.Details(
                                [
                                    html.Summary(
                                        build_past_summary(result),
                                        id=ids.FUNDING_PAST_SUMMARY,
                                        className="h5",
                                    ),
                                    html.Div(past_list(snapshot, result), id=ids.FUNDING_PAST),
                                ],
                                className="past-opportunities mt-4",
                                open=query.statuses == ("closed",),
                            ),
                            build_subscribe(query),
                        ],
                        className="funding-results",
                    ),
                ],
                className="funding-grid",
            ),
        ]
    )


def build_filters(snapshot: Snapshot, query: FundingQuery) -> html.Form:
    """The search box and filters, set to the query's values."""
    return html.Form(
        [
            html.H2("Filter opportunities", className="h5"),
            _field(
                "Search",
                dbc.Input(
                    id=ids.FUNDING_SEARCH,
                    type="search",
                    value=query.text,
                    debounce=0.5,
                    className="form-control",
                    autocomplete="off",
                ),
                ids.FUNDING_SEARCH,
                hint="Words from the title, programme, description or service area, and a place. "
                "For example: youth violence Croydon.",
            ),
            controls.collapsible_checklist(
                ids.FUNDING_BOROUGH, "Borough",
                [{"label": b.name, "value": b.code} for b in sorted(snapshot.boroughs, key=lambda b: b.name)],
                query.boroughs, "All boroughs", scroll=True,
            ),
            controls.collapsible_checklist(
                ids.FUNDING_AREA, "Service area",
                [{"label": t.name, "value": t.id} for t in sorted(snapshot.terms, key=lambda t: t.name)],
                query.areas, "Any kind of work", scroll=True,
            ),
            controls.collapsible_checklist(
                ids.FUNDING_APPLICANT, "Who is applying",
                [{"label": APPLICANT_LABELS[k][0], "value": k} for k in APPLICANT_TYPES],
                query.applicants, "Any organisation",
            ),
            html.Fieldset(
                [
                    html.Legend("Award size (£)", className="form-label fs-6"),
                    html.Div(
                        [
                            html.Div(
                                [
                                    html.Label("At least", htmlFor=ids.FUNDING_MIN, className="form-label small"),
                                    dbc.Input(id=ids.FUNDING_MIN, type="number", min=0, step=500,
                                              value=query.min_award, debounce=True, className="form-control"),
                                ]
                            ),
                            html.Div(
                                [
                                    html.Label("At most", htmlFor=ids.FUNDING_MAX, className="form-label small"),
                                    dbc.Input(id=ids.FUNDING_MAX, type="number", min=0, step=500,
                                              value=query.max_award, debounce=True, className="form-control"),
                                ]
                            ),
                        ],
                        className="award-inputs",
                    ),
                ],
                className="mb-3",
            ),
            controls.checklist(
                ids.FUNDING_STATUS, "Status",
                [{"label": label, "value": key} for key, (label, _s) in STATUS_FILTERS.items()],
                query.statuses,
            ),
            html.P(html.A("Clear all filters", href="/funding"), className="small"),
        ],
        className="funding-filters",
        role="search",
        **{"aria-label": "Filter funding opportunities"},
    )


def build_summary(snapshot: Snapshot, result: FundingResult) -> list:
    """One sentence saying what the list shows, or, when it is empty, what to try instead."""
    if not snapshot.opportunities:
        return ["No funding opportunities are published yet."]
    context = describe_query(snapshot, result)
    where = f" for {context}" if context else ""
    statuses = result.query.statuses
    past_only = statuses == ("closed",)
    count = len(result.past if past_only else result.current)
    noun = "opportunity" if count == 1 else "opportunities"
    state = " or ".join(STATUS_PHRASES[s] for s in statuses) if statuses else "open or opening later"
    out: list = []
    if count and past_only:
        out.append(f"{count} past {noun}{where}.")
    elif count:
        out.append(f"{count} {noun} {state}{where}.")
    else:
        suggestion, href = suggest_wider(result)
        empty = "No past opportunities" if past_only else f"No opportunities {state}" if statuses else "No open opportunities"
        out.append(f"{empty}{where} — ")
        out.append(html.A(suggestion, href=href))
        out.append(".")
    if result.unused_words:  # the group's own words ("mums", "boxing club"), which no opportunity holds
        quoted = ", ".join(f"\u201c{w}\u201d" for w in result.unused_words)
        out.append(f" No open opportunity mentions {quoted}, so the search leaves it out." if len(result.unused_words) == 1
                   else f" No open opportunity mentions all of {quoted}, so the search leaves them out.")
    if result.hidden_without_amount:
        n = result.hidden_without_amount
        out.append(
            f" {n} {'opportunity does' if n == 1 else 'opportunities do'} not publish an award size "
            "and so are left out by the award filter."
        )
    return out


def suggest_wider(result: FundingResult) -> tuple[str, str]:
    """How to widen an empty search, as link text and the address to go to."""
    if result.wider is not None:
        words, wider = result.wider
        return words, "/funding" + wider.to_search()
    return "see past opportunities below", "#" + ids.FUNDING_PAST


def current_list(snapshot: Snapshot, result: FundingResult):
    """The open and upcoming list, drawn as one block of HTML (the cards hold no control)."""
    return static_block(html.Ol(build_current_items(snapshot, result), className="opportunity-list list-unstyled",
                                **{"aria-label": "Open and upcoming opportunities"}))


def past_list(snapshot: Snapshot, result: FundingResult):
    """The past list, drawn as one block of HTML."""
    return static_block(html.Ol(build_past_items(snapshot, result), className="opportunity-list list-unstyled",
                                **{"aria-label": "Past opportunities"}))


def build_current_items(snapshot: Snapshot, result: FundingResult) -> list[html.Li]:
    """Open and upcoming opportunities, one card each."""
    if not result.current:
        return [html.Li("Nothing open or opening later matches these filters.", className="empty")]
    return _cards(snapshot, result.current, result.query.to_search())


def build_past_items(snapshot: Snapshot, result: FundingResult) -> list[html.Li]:
    """Closed opportunities, most recently closed first, with what was awarded where known."""
    if not result.past:
        return [html.Li("No past opportunities match these filters.", className="empty")]
    return _cards(snapshot, result.past, result.query.to_search())


def build_past_summary(result: FundingResult) -> str:
    """The heading of the past opportunities section, with how many there are."""
    count = len(result.past)
    return f"Past opportunities ({count})"


def build_opportunity_card(snapshot: Snapshot, view: OpportunityView, *, search: str = "") -> html.Li:
    """An opportunity's card in a list."""
    opp = view.opportunity
    return html.Li(
        [
            build_status(view),
            html.H3(html.A(opp.title, href=f"/funding/{quote(opp.id, safe='')}{search}"), className="h5 mb-1"),
            html.P([html.Span(opp.funder, className="provider"), " · ", opp.programme], className="small mb-1"),
            html.P(_shorten(opp.description or "", DESCRIPTION_LIMIT), className="mb-2"),
            html.Dl(
                [item for label, value in opportunity_facts(snapshot, opp) for item in (html.Dt(label), html.Dd(value))],
                className="opportunity-facts small",
            ),
            _apply_line(view),
            _honesty_line(opp),
        ],
        className="opportunity-card",
        **{"data-status": view.status.value, "data-opportunity": opp.id},
    )


def build_status(view: OpportunityView) -> html.P:
    """The status as a word and an icon (colour is only an extra), with the key date."""
    style = STATUS_STYLES[view.status]
    return html.P(
        [
            html.Span(
                [html.Span(style.icon, className="status-icon", **{"aria-hidden": "true"}), " ", style.word],
                className=f"status-badge {style.css}",
            ),
            " ",
            html.Span(status_detail(view), className="status-detail"),
        ],
        className="status-line mb-1",
    )


def status_detail(view: OpportunityView) -> str:
    """The date that matters for the status, in words: "closes in 5 days (14 Mar 2026)"."""
    opp = view.opportunity
    if view.status is Status.UPCOMING:
        closes = f", closes {formatting.date(opp.closes)}" if opp.closes else ""
        return f"opens {formatting.date(opp.opens)}{closes}"
    if view.status is Status.CLOSED:
        return f"closed {formatting.date(opp.closes)}" if opp.closes else "closed: dates not published"
    if view.days_left is None:
        return "rolling: no closing date"
    when = formatting.date(opp.closes)
    if view.days_left == 0:
        return f"closes today ({when})"
    if view.days_left == 1:
        return f"closes tomorrow ({when})"
    return f"closes {when} (in {view.days_left} days)"


def build_subscribe(query: FundingQuery) -> html.Aside:
    """Links to the calendar and Atom feeds for the same filters."""
    ics, atom = feed_links(query)
    return html.Aside(
        [
            html.H2("Stay informed without an account", className="h5"),
            html.P(
                "Subscribe in your calendar app to get the opening and closing dates of these "
                "opportunities, or follow new and changed opportunities in a feed reader. The "
                "links keep the filters you have chosen."
            ),
            html.Ul(
                [
                    html.Li(html.A("Calendar of opening and closing dates (iCalendar)", href=ics, id=ids.FUNDING_ICS_LINK)),
                    html.Li(html.A("New and changed opportunities (Atom feed)", href=atom, id=ids.FUNDING_ATOM_LINK)),
                ]
            ),
        ],
        className="subscribe-box mt-4",
    )


def feed_links(query: FundingQuery) -> tuple[str, str]:
    """The calendar and Atom feed addresses for a query (status left out: feeds show every date)."""
    params = [(k, v) for k, v in query.to_params() if k != "status"]
    search = "?" + urlencode(params) if params else ""
    return f"/funding.ics{search}", f"/funding.atom{search}"


# -- an opportunity's own page -----------------------------------------------------------------


def build_opportunity_page(page: OpportunityPage) -> html.Div:
    """An opportunity's page: everything about it and the services already funded under its programme."""
    snapshot, view, services = page.snapshot, page.view, page.services
    back = html.A("← Back to funding opportunities", href="/funding" + (page.back_search or ""),
                  className="d-inline-block mb-3")
    if view is None:
        return html.Div(
            [
                back,
                html.H1("Opportunity not found", className="h2"),
                html.P("There is no funding opportunity with this address. It may have been removed."),
            ]
        )
    opp = view.opportunity
    rows = opportunity_facts(snapshot, opp, full=True)
    return html.Div(
        [
            back,
            build_status(view),
            html.H1(opp.title, className="h2"),
            html.P([html.Span(opp.funder, className="provider"), " · ", opp.programme], className="mb-2"),
            html.P(opp.description or "No description is published.", className="lead"),
            _honesty_line(opp),
            html.Dl(
                [item for label, value in rows for item in (html.Dt(label), html.Dd(value))],
                className="details-list",
            ),
            _apply_line(view, big=True),
            html.H2(f"Services already funded under {opp.programme}", className="h4 mt-4"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.A(s.name, href=f"/service/{s.id}"),
                            html.Span(f" — {s.provider_name}", className="text-muted"),
                        ]
                    )
                    for s in services
                ]
            )
            if services
            else html.P(f"No services in the register are funded under {opp.programme} yet.", className="empty"),
        ]
    )


# -- the service page's funding section --------------------------------------------------------


def build_service_opportunities(service: ServiceEntry, views: Sequence[OpportunityView]) -> html.Section:
    """A service page's section: open and upcoming funding in its service areas and boroughs.

    Args:
        service: The service whose page this is.
        views: Its open and upcoming opportunities (:func:`explorer.services.funding.opportunities_for_service`).
    """
    params = []
    if service.term_ids:
        params.append(("area", ",".join(service.term_ids)))
    if service.borough_codes and not service.pan_london:
        params.append(("borough", ",".join(service.borough_codes)))
    more = "/funding" + ("?" + urlencode(params) if params else "")
    if views:
        body = html.Ul(
            [
                html.Li(
                    [
                        html.A(v.opportunity.title, href=f"/funding/{quote(v.opportunity.id, safe='')}"),
                        " ",
                        build_status(v),
                    ]
                )
                for v in views
            ],
            className="list-unstyled",
        )
    else:
        body = html.P("No open or upcoming funding for this kind of work in these boroughs.", className="empty")
    return html.Section(
        [
            html.H2("Funding for this kind of work", className="h4"),
            body,
            html.P(html.A("See all funding opportunities for these areas", href=more), className="small"),
        ],
        id=ids.FUNDING_SERVICE_SECTION,
        className="service-funding mt-4",
    )


# -- private helpers ---------------------------------------------------------------------------


def _cards(snapshot: Snapshot, views, search: str) -> list[html.Li]:
    items = [build_opportunity_card(snapshot, v, search=search) for v in views[:MAX_CARDS]]
    if len(views) > MAX_CARDS:
        items.append(html.Li(
            f"Showing the first {MAX_CARDS} of {len(views)}. Narrow the filters to see the rest.",
            className="empty",
        ))
    return items


def _field(label: str, control, control_id: str, hint: str | None = None) -> html.Div:
    children = [html.Label(label, htmlFor=control_id, className="form-label")]
    if hint:
        children.append(html.P(hint, className="form-text mt-0 mb-1"))
    children.append(control)
    return html.Div(children, className="mb-3")


def _apply_line(view: OpportunityView, *, big: bool = False) -> html.P:
    opp = view.opportunity
    closed = view.status is Status.CLOSED
    label = "The funder's page (closed)" if closed else "How to apply"
    parts: list = []
    if opp.url:
        style = ("btn btn-outline-primary" if closed else "btn btn-primary") if big else "fw-bold"
        parts.append(html.A(label, href=opp.url, rel="noopener", className=style))
    else:
        parts.append("No application link is published.")
    if not big:  # the full page lists these among the facts
        parts += [" · Last checked ", formatting.date(opp.last_verified)]
        parts += [" · ", html.A("source", href=opp.source_url, rel="noopener")]
    return html.P(parts, className="small mb-1 apply-line")

def _honesty_line(opp: FundingOpportunity) -> html.P:
    if opp.illustrative:
        return html.P(
            [
                sample_label(),
                " Illustrative example, not a real opportunity: do not apply.",
            ],
            className="small mb-0 honesty illustrative",
        )
    return html.P(
        ["Real opportunity, as published by ", opp.funder, " (",
         html.A("source", href=opp.source_url, rel="noopener"), ")."],
        className="small mb-0 honesty real",
    )



def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",.;: ") + "…"

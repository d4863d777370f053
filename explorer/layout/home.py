"""Layout layer: the explorer home page (search, filters, service list and London map)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Sequence
from urllib.parse import quote, urlencode

__all__ = ["state_query"]  # re-exported for the embed

import dash_bootstrap_components as dbc
from dash import dcc, html

from explorer import ids
from explorer.layout.components import page_intro, sample_badge
from explorer.layout import controls
from explorer.domain import formatting
from explorer.domain.contact import contact_links, referral_note
from explorer.domain.paging import PageWindow
from explorer.layout.map import build_services_map, map_outputs
from explorer.layout.freshness import resident_freshness
from explorer.pages.home import Exploration, state_query
from explorer.domain.thesaurus import AUDIENCES
from explorer.services.search import (
    ACCESS_FILTERS, AGE_GROUPS, Filters, ResultItem, SearchResult, TopicElsewhere, commissioner_options, ended_line,
)
from explorer.pages.home import SearchUpdate
from explorer.services.mapview import MapState
from explorer.services.snapshot import Snapshot



def build_home(
    snapshot: Snapshot,
    found: Exploration,
    *,
    tile_url: str,
    tile_attribution: str,
    today: dt.date | None = None,
) -> html.Div:
    """The explorer page for a search (already parsed from the URL and run).

    On a phone the search box and the first results come first; the filters fold into one
    "Filters (2 set)" control, and List / Map switch between the two views of the same results.
    """
    result = found.result
    return html.Div(
        [
            *page_intro(
                "Find help near you",
                "Search the services that the Mayor's Office for Policing and Crime (MOPAC) and the "
                "Violence Reduction Unit (VRU) pay for, by topic and place.",
                lead_class="intro",
            ),
            build_search_form(result.query),
            build_danger_line(),
            html.Div([build_view_toggle(found.view), build_filter_panel(snapshot, found.filters)],
                     className="results-controls"),
            html.Div(
                [
                    html.Section(
                        [
                            html.H2("Results", className="visually-hidden"),
                            html.Div(
                                build_result_header(result, found.window, len(found.nearby), found.elsewhere,
                                                    found.state),
                                id=ids.RESULT_SUMMARY,
                                role="status",
                                tabIndex="-1",
                                **{"aria-live": "polite"},
                            ),
                            html.Ol(
                                build_service_items(snapshot, found.listed, found.state, today),
                                id=ids.SERVICE_LIST,
                                className="service-list list-unstyled",
                                start=found.window.start + 1,
                            ),
                            html.Div(build_pager(found.window), id=ids.RESULT_PAGES),
                        ],
                        className="results-pane",
                        **{"aria-label": "Services"},
                    ),
                    html.Section(
                        build_map(snapshot, result, tile_url=tile_url, tile_attribution=tile_attribution,
                                  map_state=found.map_state, selected_service=found.service or None,
                                  shapes_when_shown=True),
                        className="map-pane",
                        **{"aria-label": "Map of the services in the list"},
                    ),
                ],
                id=ids.EXPLORER_GRID,
                className=f"explorer-grid show-{found.view}",
            ),
        ]
    )


def build_danger_line() -> html.P:
    """The emergency line next to the search: first, before any result."""
    return html.P(
        [html.Strong("If you are in danger now, call 999."), " If you cannot speak, call 999 and then press 55. ",
         html.A("How to cover your tracks online", href="/staying-safe")],
        className="danger-line",
    )


def build_view_toggle(view: str = "list") -> html.Div:
    """List or Map: on a phone, two views of the same results (both show side by side on a laptop)."""
    return html.Div(
        [
            html.Button("List", id=ids.RESULTS_VIEW_LIST, n_clicks=0, className="btn view-button",
                        **{"aria-pressed": "false" if view == "map" else "true"}),
            html.Button("Map", id=ids.RESULTS_VIEW_MAP, n_clicks=0, className="btn view-button",
                        **{"aria-pressed": "true" if view == "map" else "false"}),
        ],
        className="view-toggle",
        role="group",
        **{"aria-label": "Show results as"},
    )


def build_pager(window: PageWindow) -> list:
    """Previous and next buttons with where the reader is (nothing when one page holds every result)."""
    if window.pages <= 1:
        return []
    buttons = []
    if window.page > 1:
        buttons.append(html.Button(["\u2190 Previous", html.Span(" page", className="visually-hidden")],
                                   id={"type": ids.RESULT_PAGER, "index": window.page - 1}, n_clicks=0,
                                   className="btn btn-outline-primary pager-previous"))
    buttons.append(html.Span(f"Page {window.page} of {window.pages}", className="pager-position"))
    if window.page < window.pages:
        buttons.append(html.Button(["Next", html.Span(" page", className="visually-hidden"), " \u2192"],
                                   id={"type": ids.RESULT_PAGER, "index": window.page + 1}, n_clicks=0,
                                   className="btn btn-outline-primary pager-next"))
    return [html.Nav(buttons, className="pager", **{"aria-label": "Pages of results"})]


def build_search_form(query: str) -> html.Div:
    """The one search box: topic and place together."""
    return html.Div(
        [
            html.Label("What help are you looking for, and where?", htmlFor=ids.SEARCH_INPUT,
                       className="form-label fw-bold"),
            html.Div(
                'For example "domestic abuse Peckham", "knife crime youth Croydon" or a postcode like "SE15 4".',
                id="search-hint",
                className="form-text mb-1 search-hint",
            ),
            html.Div(
                [
                    dbc.Input(
                        id=ids.SEARCH_INPUT,
                        type="search",
                        value=query,
                        debounce=True,
                        maxLength=500,
                        autocomplete="off",
                        size="lg",
                        placeholder="Topic, place or postcode",
                    ),
                    html.Button("Search", id=ids.SEARCH_BUTTON, n_clicks=0, className="btn btn-primary btn-lg"),
                ],
                className="input-group",
            ),
        ],
        id=ids.SEARCH_FORM,
        className="search-form mb-3",
        role="search",
    )


#: The home page's collapsible checklists and what each says when nothing is ticked.
CHECKLISTS = (
    (ids.BOROUGH_SELECT, "All boroughs"),
    (ids.AREA_SELECT, "All service areas"),
    (ids.COMMISSIONER_SELECT, "Any commissioner"),
)


def filter_options(snapshot: Snapshot) -> dict[str, list[dict]]:
    """The options of each checklist filter."""
    return {
        ids.BOROUGH_SELECT: [{"label": b.name, "value": b.code} for b in sorted(snapshot.boroughs, key=lambda b: b.name)],
        ids.AREA_SELECT: [{"label": t.name, "value": t.id} for t in sorted(snapshot.terms, key=lambda t: t.name)],
        ids.COMMISSIONER_SELECT: [{"label": code, "value": code} for code, _name in commissioner_options(snapshot)],
    }


def build_filters(snapshot: Snapshot, filters: Filters) -> html.Div:
    """The filters next to the search box: native checkboxes and selects, keyboard-friendly."""
    options = filter_options(snapshot)
    chosen = {ids.BOROUGH_SELECT: filters.boroughs, ids.AREA_SELECT: filters.areas,
              ids.COMMISSIONER_SELECT: filters.commissioners}
    legends = {ids.BOROUGH_SELECT: "Borough", ids.AREA_SELECT: "Service area", ids.COMMISSIONER_SELECT: "Paid for by"}
    return html.Div(
        [
            *(
                controls.collapsible_checklist(id_, legends[id_], options[id_], chosen[id_], nothing,
                                               scroll=id_ != ids.COMMISSIONER_SELECT)
                for id_, nothing in CHECKLISTS
            ),
            controls.select(ids.AGE_SELECT, "Who it is for",
                            [{"label": label, "value": key} for key, (label, _lo, _hi) in AGE_GROUPS.items()],
                            filters.age, "Any age"),
            controls.select(ids.ACCESS_SELECT, "How to get help",
                            [{"label": label, "value": key} for key, label in ACCESS_FILTERS.items()],
                            filters.access, "Any way"),
        ],
        className="filters",
        role="group",
        **{"aria-label": "Filters"},
    )


def filters_set(filters: Filters) -> int:
    """How many filters are set (each borough, area and commissioner ticked counts once)."""
    return (len(filters.boroughs) + len(filters.areas) + len(filters.commissioners)
            + bool(filters.age) + bool(filters.access))


def filter_panel_label(count: int) -> str:
    """The folded filters' label: ``Filters`` or ``Filters (2 set)``."""
    return f"Filters ({count} set)" if count else "Filters"


def build_filter_panel(snapshot: Snapshot, filters: Filters) -> html.Details:
    """Every filter folded into one control (opened on wide screens by the page's script)."""
    return html.Details(
        [html.Summary(filter_panel_label(filters_set(filters)), id=ids.FILTER_PANEL_SUMMARY,
                      className="filter-panel-summary"),
         build_filters(snapshot, filters)],
        id=ids.FILTER_PANEL,
        className="filter-panel",
    )


def build_result_header(result: SearchResult, window: PageWindow | None = None, nearby: int = 0,
                        elsewhere: Sequence[TopicElsewhere] = (), back: str = "") -> list:
    """What the search understood, how many services match and which are shown, and any message
    (``nearby``: how many of the nearest services elsewhere the list shows instead; ``elsewhere``:
    the topics of the search that nothing covers at its place, each with the nearest elsewhere,
    linked to their pages with ``back``)."""
    count = result.total
    noun = "service" if count == 1 else "services"
    header = [html.P(result.summary, className="understood mb-1")]
    for other in result.understood.also_places:  # "Hayes" is in Hillingdon and in Bromley
        header.append(html.P(
            [f"There is also a {other.location.label} in {other.borough} \u2014 ",
             html.A("search there", href="/" + state_query(other.query, result.filters), className="other-place")],
            className="other-place-line small"))
    if result.message:
        header.append(html.P(result.message, id=ids.SEARCH_MESSAGE, className="search-message"))
        if nearby:
            header.append(html.P(
                f"The nearest {'one' if nearby == 1 else nearby} elsewhere in London, closest first. "
                "Each says where it works: check with them that they can help you.",
                className="nearby-line"))
        elif count == 0:
            # The register holds only what MOPAC and the VRU pay for; someone searching "suicide" or
            # "homelessness" still needs somewhere to turn.
            header.append(html.P(
                ["Free national helplines are open day and night, such as Samaritans on ",
                 html.A("116 123", href="tel:116123"), " for anyone who needs to talk: ",
                 html.A("see all the national helplines", href="/staying-safe#helplines"), "."],
                className="helplines-line"))
    elif window is not None and window.pages > 1:
        header.append(html.P(f"{window.words} {noun}.", className="result-count"))
    else:
        header.append(html.P(f"{count} {noun}.", className="result-count"))
    for gap in elsewhere:  # "family support ... on drugs in Croydon": no drugs service covers Croydon
        named = []
        for k, item in enumerate(gap.nearest):
            named += [", " if k else "", html.A(item.service.name, href=service_href(item.service.id, back)),
                      f" ({item.where or f'{item.distance_km:.1f} km'})"]
        header.append(html.P(
            [f"{gap.sentence} The nearest elsewhere: ",
             *named, ". They may serve only their own borough: check with them that they can help you."],
            className="topic-elsewhere-line small"))
    if ended_line(result):
        with_ended = dataclasses.replace(result.filters, include_ended=True)
        header.append(html.P([f"{ended_line(result)} \u2014 ",
                              html.A("show them", href="/" + state_query(result.query, with_ended), id=ids.SHOW_ENDED)],
                             className="ended-line small"))
    return header


def build_service_items(
    snapshot: Snapshot, items: Sequence[ResultItem], back: str = "", today: dt.date | None = None,
    *, map_buttons: bool = True,
) -> list[html.Li]:
    """One list item per result; ``back`` is the search's query string, for the way back.

    ``map_buttons`` is False where there is no map (the list-only embed).
    """
    return [build_service_item(snapshot, item, back, today, map_buttons=map_buttons) for item in items]


def service_href(service_id: str, back: str = "") -> str:
    """The address of a service's page, remembering the search to return to."""
    return f"/service/{quote(service_id)}" + (f"?{urlencode({'back': back})}" if back else "")


def build_service_item(
    snapshot: Snapshot, item: ResultItem, back: str = "", today: dt.date | None = None,
    *, map_buttons: bool = True,
) -> html.Li:
    """A service's card: name, provider, coverage, how to get help, contacts a tap away, when checked.

    For residents freshness reads as when a person last checked the details and what to do; the
    red "stale" badge is for the data page and officers' views. ``today`` is kept for callers
    that pass the page's clock.
    """
    service = item.service
    if service.pan_london:
        coverage = html.Span("Pan-London", className="badge text-bg-primary")
    else:
        names = [snapshot.borough_name(c) for c in service.borough_codes]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        coverage = html.Span(shown, className="coverage")
    facts = [coverage, " · ", html.Span(formatting.access(service.access), className="access")]
    if item.distance_km is not None:
        facts += [" · ", html.Span(f"{item.distance_km:.1f} km away", className="distance")]
    if item.place_note:
        facts += [" · ", html.Span(item.place_note, className="place-note")]
    if service.audience != "public":
        facts += [" ", html.Span(f"For: {AUDIENCES.get(service.audience, service.audience).lower()}",
                                 className="badge text-bg-light audience")]
    if item.ended:
        facts += [" ", html.Span("Ended", className="badge text-bg-dark ended")]
    if service.confidential_location:
        facts += [" ", html.Span("Location kept confidential", className="badge text-bg-secondary")]
    if service.illustrative:
        facts += sample_badge(True)
    links = contact_links(service.phone, service.email, service.url)
    referral = referral_note(service.access)
    actions = [
        html.A(link.label, href=link.href, className=f"contact-link contact-{link.kind}",
               **({"rel": "noopener noreferrer"} if link.kind == "website" else {}))
        for link in links
    ]
    if map_buttons:
        actions.append(html.Button("Show area on map", id={"type": ids.SHOW_AREA, "index": service.id},
                                   className="btn btn-link btn-sm p-0 show-area", n_clicks=0))
    return html.Li(
        [
            html.H3(html.A(service.name, href=service_href(service.id, back)), className="h6 mb-1"),
            html.P(
                [
                    html.Span(service.provider_name, className="provider"),
                    " · ",
                    ", ".join(snapshot.term_name(t) for t in service.term_ids),
                ],
                className="small mb-1",
            ),
            html.P(facts, className="small mb-1"),
            html.P(referral, className="small mb-1 referral-note") if referral else None,
            html.P(actions, className="contact-actions mb-1") if actions else None,
            html.P(resident_freshness(service.last_verified), className="small text-muted mb-0"),
        ],
        id={"type": ids.SERVICE_CARD, "index": service.id},
        className="service-card",
    )


def asked_page(triggered_id, triggered: list | None) -> int | None:
    """The page of results a change asks for: a pager button's page, else 1 (a new search starts
    at the top).

    None means nothing was asked: Dash also fires the callback, with every input listed and the
    pager buttons unclicked, when the page's components are drawn anew (a page load, Back or
    Forward, or new pager buttons), and the address already holds the right view then.
    """
    items = triggered or []
    pagers = [t for t in items if f'"type":"{ids.RESULT_PAGER}"' in (t or {}).get("prop_id", "")]
    if any(not t.get("value") for t in pagers) or controls.drawn_anew(items):
        return None
    if isinstance(triggered_id, dict) and triggered_id.get("type") == ids.RESULT_PAGER:
        return int(triggered_id["index"])
    return 1


def render_exploration(snapshot: Snapshot, found: Exploration, today: dt.date | None = None) -> tuple:
    """What changes on the explorer page after a search, a filter or a page turn (in the callback's order)."""
    return (
        build_service_items(snapshot, found.listed, found.state, today),
        found.window.start + 1,
        build_result_header(found.result, found.window, len(found.nearby), found.elsewhere, found.state),
        build_pager(found.window),
        filter_panel_label(filters_set(found.filters)),
        *map_outputs(found.map_state),
        borough_hideout(found.filters, found.result),
        found.state,
    )


def with_service_area(hideout: dict | None, area: Sequence[str]) -> dict:
    """The borough layer's state with one service's covered boroughs highlighted."""
    return {**(hideout or {}), "area": list(area)}


def borough_hideout(filters: Filters, result: SearchResult, area: Sequence[str] = ()) -> dict:
    """What the borough layer highlights: chosen boroughs, the searched borough, a service's area."""
    selected = list(filters.boroughs)
    loc = result.understood.location
    if loc is not None and loc.borough_code not in selected:
        selected.append(loc.borough_code)
    return {"selected": selected, "area": list(area)}


def build_map(
    snapshot: Snapshot,
    result: SearchResult,
    *,
    tile_url: str,
    tile_attribution: str,
    map_state: MapState,
    selected_service: str | None = None,
    shapes_when_shown: bool = False,
) -> html.Div:
    """The London map for a search: basemap, borough shapes and names, the searched place, and the
    services in view (asked for by the browser per view), with a key. ``shapes_when_shown``: see
    :func:`explorer.layout.map.build_services_map`."""
    area = ()
    if selected_service and snapshot.service(selected_service):
        area = snapshot.service(selected_service).borough_codes
    return build_services_map(
        map_state,
        tile_url=tile_url,
        tile_attribution=tile_attribution,
        borough_data=snapshot.boundaries_geojson,
        borough_hideout=borough_hideout(result.filters, result, area),
        approximate=snapshot.boundaries_approximate,
        shapes_when_shown=shapes_when_shown,
    )


def build_search_update(update: SearchUpdate) -> tuple:
    """What a search, a filter change or a page turn sends back (in the callback's order): list, its
    first number, summary, pager, the filters' label, map points, borough highlight, page state."""
    return render_exploration(update.snapshot, update.found, update.today)

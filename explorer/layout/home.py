"""Layout layer: the explorer home page (search, filters, service list and London map)."""

from __future__ import annotations

import datetime as dt
from typing import Sequence
from urllib.parse import quote, urlencode

import dash_bootstrap_components as dbc
from dash import html

from explorer import ids
from explorer.layout.components import sample_badge
from explorer.layout import controls
from explorer.layout.freshness import freshness_badge
from explorer.layout.map import build_services_map, map_outputs
from explorer.domain import formatting
from explorer.services.search import ACCESS_FILTERS, AGE_GROUPS, COMMISSIONERS, Filters, ResultItem, SearchResult
from explorer.pages.home import SearchUpdate
from explorer.services.mapview import MapState
from explorer.services.snapshot import Snapshot

def state_query(query: str, filters: Filters, service: str | None = None) -> str:
    """The URL query string that reproduces a search (empty parts left out)."""
    params = {
        "q": query.strip(),
        "borough": ",".join(filters.boroughs),
        "commissioner": ",".join(filters.commissioners),
        "area": ",".join(filters.areas),
        "age": filters.age or "",
        "access": filters.access or "",
        "service": service or "",
    }
    encoded = urlencode({k: v for k, v in params.items() if v})
    return f"?{encoded}" if encoded else ""


def build_home(
    snapshot: Snapshot,
    result: SearchResult,
    *,
    tile_url: str,
    tile_attribution: str,
    map_state: MapState,
    selected_service: str | None = None,
    today: dt.date | None = None,
) -> html.Div:
    """The explorer page for a search (already parsed from the URL and run)."""
    filters = result.filters
    return html.Div(
        [
            html.H1("Find help near you", className="h2"),
            html.P(
                "Search the services that the Mayor's Office for Policing and Crime (MOPAC) and the "
                "Violence Reduction Unit (VRU) pay for, by topic and place.",
                className="lead",
            ),
            build_search_form(result.query),
            build_filters(snapshot, filters),
            html.Div(
                [
                    html.Section(
                        [
                            html.H2("Results", className="visually-hidden"),
                            html.Div(
                                build_result_header(result),
                                id=ids.RESULT_SUMMARY,
                                role="status",
                                **{"aria-live": "polite"},
                            ),
                            html.Ol(
                                build_service_items(snapshot, result.items, state_query(result.query, filters), today),
                                id=ids.SERVICE_LIST,
                                className="service-list list-unstyled",
                            ),
                        ],
                        className="results-pane",
                        **{"aria-label": "Services"},
                    ),
                    html.Section(
                        build_map(snapshot, result, tile_url=tile_url, tile_attribution=tile_attribution,
                                  map_state=map_state, selected_service=selected_service),
                        className="map-pane",
                        **{"aria-label": "Map of the services in the list"},
                    ),
                ],
                className="explorer-grid",
            ),
        ]
    )


def build_search_form(query: str) -> html.Div:
    """The one search box: topic and place together."""
    return html.Div(
        [
            html.Label("What help are you looking for, and where?", htmlFor=ids.SEARCH_INPUT,
                       className="form-label fw-bold"),
            html.Div(
                'For example "domestic abuse Peckham", "knife crime youth Croydon" or a postcode like "SE15 4".',
                id="search-hint",
                className="form-text mb-1",
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
    (ids.COMMISSIONER_SELECT, "MOPAC or VRU"),
)


def filter_options(snapshot: Snapshot) -> dict[str, list[dict]]:
    """The options of each checklist filter."""
    return {
        ids.BOROUGH_SELECT: [{"label": b.name, "value": b.code} for b in sorted(snapshot.boroughs, key=lambda b: b.name)],
        ids.AREA_SELECT: [{"label": t.name, "value": t.id} for t in sorted(snapshot.terms, key=lambda t: t.name)],
        ids.COMMISSIONER_SELECT: [{"label": c, "value": c} for c in COMMISSIONERS],
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


def build_result_header(result: SearchResult) -> list:
    """What the search understood, how many services match, and any message."""
    count = result.total
    noun = "service" if count == 1 else "services"
    header = [html.P(result.summary, className="understood mb-1")]
    if result.message:
        header.append(html.P(result.message, id=ids.SEARCH_MESSAGE, className="search-message"))
    else:
        shown = len(result.items)
        more = f" (the first {shown} are listed)" if shown < count else ""
        header.append(html.P(f"{count} {noun}{more}.", className="result-count"))
    return header


def build_service_items(
    snapshot: Snapshot, items: Sequence[ResultItem], back: str = "", today: dt.date | None = None
) -> list[html.Li]:
    """One list item per result; ``back`` is the search's query string, for the way back."""
    return [build_service_item(snapshot, item, back, today) for item in items]


def service_href(service_id: str, back: str = "") -> str:
    """The address of a service's page, remembering the search to return to."""
    return f"/service/{quote(service_id)}" + (f"?{urlencode({'back': back})}" if back else "")


def build_service_item(
    snapshot: Snapshot, item: ResultItem, back: str = "", today: dt.date | None = None
) -> html.Li:
    """A service's card in the list, with how recently a person checked it when ``today`` is given."""
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
    if service.confidential_location:
        facts += [" ", html.Span("Location kept confidential", className="badge text-bg-secondary")]
    if service.illustrative:
        facts += sample_badge(True)
    if today is not None:
        facts += [" ", freshness_badge(service.last_verified, today)]
    contact = service.phone or (service.url and "website") or service.email
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
            html.P(
                [
                    html.Span(f"Contact: {service.phone}" if service.phone else "", className="contact"),
                    html.Button(
                        "Show area on map",
                        id={"type": ids.SHOW_AREA, "index": service.id},
                        className="btn btn-link btn-sm p-0 ms-0" + (" ms-2" if service.phone else ""),
                        n_clicks=0,
                    ),
                ]
                if contact
                else [],
                className="small mb-0",
            ),
        ],
        id={"type": ids.SERVICE_CARD, "index": service.id},
        className="service-card",
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
) -> html.Div:
    """The London map for a search: basemap, borough shapes and names, the searched place, and the
    services in view (asked for by the browser per view), with a key."""
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
    )


def build_search_update(update: SearchUpdate) -> tuple:
    """What a search or filter change sends back: list, summary, the map's search, view and place
    marker, borough highlight, URL query."""
    found = update.found
    state = state_query(update.query, found.filters)
    return (
        build_service_items(update.snapshot, found.result.items, state, update.today),
        build_result_header(found.result),
        *map_outputs(found.map_state),
        borough_hideout(found.filters, found.result),
        state,
    )

"""Layout layer: the explorer home page (borough selector, service list and London map)."""

from __future__ import annotations

from typing import Sequence

import dash_leaflet as dl
from dash import dcc, html

from explorer import ids
from explorer.domain import formatting
from explorer.services.catalogue import BoroughSelection
from explorer.services.snapshot import ServiceEntry, Snapshot

LONDON_CENTRE = (51.49, -0.11)

#: One colour per service area, each with at least 3:1 contrast on the map's light ground.
TERM_COLOURS = {
    "vawg": "#8a2a7e",
    "sexual-violence": "#b1126f",
    "victims-witnesses": "#1d4f91",
    "youth-violence": "#b54a00",
    "exploitation": "#6a3d9a",
    "reducing-reoffending": "#2f6b3a",
    "hate-crime": "#a11d21",
    "early-intervention": "#00707a",
    "substance-misuse": "#5b5b00",
    "community-safety": "#4b4b4b",
}


def build_home(
    snapshot: Snapshot, selection: BoroughSelection, *, tile_url: str, tile_attribution: str
) -> html.Div:
    """The explorer page for a borough selection (already parsed from the URL)."""
    return html.Div(
        [
            html.H1("Find help near you", className="h2"),
            html.P(
                "Services commissioned by the Mayor's Office for Policing and Crime (MOPAC) and "
                "the Violence Reduction Unit (VRU). Choose one or more boroughs to see the "
                "services that cover them.",
                className="lead",
            ),
            html.Div(
                [
                    html.Label("Borough", htmlFor=ids.BOROUGH_SELECT, className="form-label"),
                    dcc.Dropdown(
                        id=ids.BOROUGH_SELECT,
                        options=[{"label": b.name, "value": b.code} for b in snapshot.boroughs],
                        value=list(selection.borough_codes),
                        multi=True,
                        placeholder="All of London",
                        className="borough-select",
                    ),
                ],
                className="filters mb-3",
            ),
            html.Div(
                [
                    html.Section(
                        [
                            html.H2("Services", className="h5 visually-hidden"),
                            html.P(
                                build_summary(snapshot, selection),
                                id=ids.RESULT_SUMMARY,
                                className="result-summary",
                                role="status",
                                **{"aria-live": "polite"},
                            ),
                            html.Ol(
                                build_service_items(snapshot, selection.services),
                                id=ids.SERVICE_LIST,
                                className="service-list list-unstyled",
                            ),
                        ],
                        className="results-pane",
                        **{"aria-label": "Service list"},
                    ),
                    html.Section(
                        build_map(snapshot, selection, tile_url=tile_url, tile_attribution=tile_attribution),
                        className="map-pane",
                        **{"aria-label": "Map of services (the list has the same services)"},
                    ),
                ],
                className="explorer-grid",
            ),
        ]
    )


def build_summary(snapshot: Snapshot, selection: BoroughSelection) -> str:
    """One sentence saying what the list shows."""
    total = len(selection.services)
    noun = "service" if total == 1 else "services"
    if not selection.borough_codes:
        return f"{total} {noun} across London."
    names = ", ".join(snapshot.borough_name(c) for c in selection.borough_codes)
    local = selection.local_count
    return f"{total} {noun} cover {names}: {local} local and {total - local} pan-London."


def build_service_items(snapshot: Snapshot, services: Sequence[ServiceEntry]) -> list[html.Li]:
    """One list item per service."""
    if not services:
        return [html.Li("No services match this choice. Try another borough.", className="empty")]
    return [build_service_item(snapshot, s) for s in services]


def build_service_item(snapshot: Snapshot, service: ServiceEntry) -> html.Li:
    """A service's card in the list."""
    if service.pan_london:
        coverage = html.Span("Pan-London", className="badge text-bg-primary")
    else:
        names = [snapshot.borough_name(c) for c in service.borough_codes]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        coverage = html.Span(shown, className="coverage")
    details = [
        html.Span(f"{service.provider_name}", className="provider"),
        " · ",
        html.Span(" and ".join(service.commissioners), className="commissioner"),
    ]
    badges = [coverage, " ", html.Span(formatting.access(service.access), className="access")]
    if service.confidential_location:
        badges += [" ", html.Span("Location kept confidential", className="badge text-bg-secondary")]
    if service.illustrative:
        badges += [" ", html.Span("sample value", className="badge text-bg-warning")]
    return html.Li(
        [
            html.H3(html.A(service.name, href=f"/service/{service.id}"), className="h6 mb-1"),
            html.P(details, className="small mb-1"),
            html.P(badges, className="small mb-0"),
        ],
        id={"type": ids.SERVICE_CARD, "index": service.id},
        className="service-card",
    )


def build_map(
    snapshot: Snapshot, selection: BoroughSelection, *, tile_url: str, tile_attribution: str
) -> dl.Map:
    """The London map: borough shapes and service points (clustered)."""
    layers = []
    if tile_url:
        layers.append(dl.TileLayer(url=tile_url, attribution=tile_attribution))
    layers.append(
        dl.GeoJSON(
            id=ids.BOROUGH_LAYER,
            data=snapshot.boundaries_geojson,
            style={"variable": "explorerMap.boroughStyle"},
            hideout={"selected": list(selection.borough_codes)},
            hoverStyle={"weight": 3},
        )
    )
    layers.append(
        dl.GeoJSON(
            id=ids.SERVICE_LAYER,
            data=selection.points_geojson,
            cluster=True,
            zoomToBoundsOnClick=True,
            pointToLayer={"variable": "explorerMap.pointToLayer"},
            hideout={"colours": TERM_COLOURS},
            superClusterOptions={"radius": 60},
        )
    )
    note = "Borough boundaries are approximate." if snapshot.boundaries_approximate else ""
    return html.Div(
        [
            dl.Map(
                layers,
                center=LONDON_CENTRE,
                zoom=10,
                minZoom=9,
                maxZoom=18,
                id=ids.MAP,
                className="explorer-map",
                attributionControl=bool(tile_url),
            ),
            html.P(
                [note, " Services with a confidential location have no pin."],
                className="small text-muted mt-1",
            ),
        ]
    )

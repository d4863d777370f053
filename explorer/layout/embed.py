"""Layout layer: the embeddable explorer (``/embed``), its builder page and the data page's downloads.

The embed is the explorer's list and map with a title and a small footer, preset from its
address (``?borough=E09000012&area=vawg&view=list``), for boroughs to put on their own sites
in an iframe. It reuses the home page's builders; links open the full explorer in a new tab.
"""

from __future__ import annotations


from dash import dcc, html

from explorer import ids
from explorer.layout.components import page_intro, sample_label
from explorer.layout import controls
from explorer.layout.home import build_map, build_result_header, build_service_items, state_query
from explorer.services.exports import download_url
from explorer.pages.embed import (  # noqa: F401 (parse_view, embed_query and embed_title re-exported)
    EMBED_TITLE,
    VIEWS,
    BuilderChoice,
    EmbedPage,
    embed_query,
    embed_title,
    parse_view,
)
from explorer.services.snapshot import Snapshot
from explorer.templates import render

EMBED_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right; Royal Mail data © Royal Mail copyright "
    "and database right; ONS data licensed under the Open Government Licence v3.0."
)
#: The document around the embed: links open in a new tab (base target) and nothing else loads.
EMBED_INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <base target="_blank">
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body class="embed-body">
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


#: The embed's meta description (search engines may index a borough's page that embeds it).
EMBED_DESCRIPTION = ("Services paid for by London's Mayor's Office for Policing and Crime (MOPAC) and "
                     "Violence Reduction Unit (VRU), with how to get help: a list and map for a borough's website.")


def embed_snippet(src: str, title: str, height: int = 640) -> str:
    """The HTML a borough pastes into its page."""
    return render("embed_snippet.html", src=src, title=title, height=height)


def build_embed_shell(content=None) -> html.Div:
    """The embed's whole document body: no site header, navigation or cookies; content comes from the address."""
    return html.Div(
        [dcc.Location(id=ids.EMBED_URL, refresh="callback-nav"),
         html.Main(content, id=ids.EMBED_PAGE, className="embed-main")],
        className="embed-app",
    )


def build_embed(page: EmbedPage) -> html.Div:
    """The list and map for a search, with a search box, a title and a small footer."""
    snapshot, result, view = page.snapshot, page.result, page.view
    tile_url, tile_attribution, map_state = page.tile_url, page.tile_attribution, page.map_state
    if page.unknown_boroughs:
        return build_unknown_borough(page)
    parts = []
    if view in ("list", "both"):
        parts.append(
            html.Section(
                [
                    html.H2("Services", className="visually-hidden"),  # the cards' h3s sit under it
                    html.Div(build_embed_count(result), id=ids.RESULT_SUMMARY, role="status"),
                    html.Ol(build_service_items(snapshot, result.items, map_buttons=view == "both"),
                            id=ids.SERVICE_LIST, className="service-list list-unstyled"),
                ],
                className="embed-list",
                **{"aria-label": "Services"},
            )
        )
    if view in ("map", "both"):
        parts.append(
            html.Section(
                build_map(snapshot, result, tile_url=tile_url, tile_attribution=tile_attribution, map_state=map_state),
                className="embed-map",
                **{"aria-label": "Map of the services"},
            )
        )
    parts = [build_embed_search(page), html.Div(parts, className=f"embed-grid embed-view-{view}")]
    full = "/" + state_query(page.query, result.filters)
    return html.Div(
        [
            html.H1(page.title, className="embed-title"),
            _sample_note(snapshot),
            *parts,
            html.Footer(
                [
                    html.P(
                        [
                            "From the ",
                            html.A("London commissioned services explorer", href=full, rel="noopener"),
                            " (opens in a new tab). Services commissioned by the Mayor's Office for Policing and "
                            "Crime (MOPAC) and the Violence Reduction Unit (VRU).",
                        ]
                    ),
                    html.P(EMBED_ATTRIBUTION, className="embed-attribution"),
                ],
                className="embed-footer",
            ),
        ],
        className="embed",
    )


def build_embed_search(page: EmbedPage) -> html.Form:
    """A search box that keeps the embed's borough, areas and view (a plain form: works in any frame)."""
    kept = {"borough": ",".join(page.filters.boroughs), "area": ",".join(page.filters.areas),
            "view": page.view if page.view != "both" else ""}
    return html.Form(
        [
            html.Label("Search these services", htmlFor=ids.EMBED_SEARCH, className="form-label fw-bold mb-1"),
            html.Div(
                [
                    dcc.Input(id=ids.EMBED_SEARCH, type="search", name="q", value=page.query, maxLength=500,
                              autoComplete="off", className="form-control", placeholder="Topic or place"),
                    html.Button("Search", type="submit", className="btn btn-primary"),
                ],
                className="input-group",
            ),
            *(dcc.Input(type="hidden", name=key, value=value, id=f"embed-keep-{key}")
              for key, value in kept.items() if value),
        ],
        action="/embed",
        method="get",
        target="_self",
        role="search",
        className="embed-search mb-2",
    )


def build_embed_count(result) -> list:
    """How many services the embed lists (its title already says where), or why there are none."""
    if result.message:
        return [html.P(result.message, id=ids.SEARCH_MESSAGE, className="search-message")]
    noun = "service" if result.total == 1 else "services"
    shown = len(result.items)
    more = f"; the first {shown} are listed, the rest are in the full explorer" if shown < result.total else ""
    return [html.P(f"{result.total} {noun}, local services first{more}.", className="result-count")]


def build_unknown_borough(page: EmbedPage) -> html.Div:
    """What the embed says when its address names a borough code London does not have."""
    codes = ", ".join(page.unknown_boroughs)
    return html.Div(
        [
            html.H1(EMBED_TITLE, className="embed-title"),
            html.P(
                [html.Strong(f"There is no London borough with the code {codes}. "),
                 "London's borough codes run from E09000001 (City of London) to E09000033 (Westminster). "
                 "Nothing is listed, so that this page does not show the wrong area. If you run this site, "
                 "check the borough in the embed code."],
                className="search-message",
                role="alert",
            ),
            html.P(html.A("Search every London service in the full explorer", href="/", rel="noopener")),
        ],
        className="embed",
    )


def build_embed_builder(choice: BuilderChoice, base_url: str = "") -> html.Div:
    """The page where a borough picks what to show and copies the iframe code."""
    snapshot, borough, view = choice.snapshot, choice.borough, choice.view
    src, snippet, title = builder_outputs(choice, base_url)
    return html.Div(
        [
            *page_intro(
                "Show these services on your website",
                "Boroughs and partners can put a live list and map of the services that MOPAC and the VRU pay "
                "for on their own pages. Pick what to show, check the preview, then copy the code into your page.",
            ),
            html.Div(
                [
                    controls.select(ids.BUILDER_BOROUGH, "Borough",
                                    [{"label": b.name, "value": b.code}
                                     for b in sorted(snapshot.boroughs, key=lambda b: b.name)],
                                    borough, "All of London"),
                    controls.collapsible_checklist(
                        ids.BUILDER_AREAS, "Service areas",
                        [{"label": t.name, "value": t.id} for t in sorted(snapshot.terms, key=lambda t: t.name)],
                        list(choice.areas), "All service areas", scroll=True,
                    ),
                    controls.radio_group(ids.BUILDER_VIEW, "Show",
                                         [{"label": label, "value": key} for key, label in VIEWS.items()],
                                         view, inline=True),
                ],
                className="filters",
            ),
            html.H2("Code to copy", className="h4"),
            html.P("Paste this where the list should appear on your page. It sets no cookies.", className="mb-1"),
            html.Div(
                [
                    html.Pre(snippet, id=ids.BUILDER_SNIPPET, className="embed-snippet", tabIndex="0",
                             **{"aria-label": "Code to copy"}),
                    dcc.Clipboard(target_id=ids.BUILDER_SNIPPET, id=ids.BUILDER_COPY, title="Copy the code",
                                  className="btn btn-outline-primary btn-sm embed-copy"),
                ],
                className="embed-snippet-box",
            ),
            html.P(
                [
                    "Your site's address (for example https://www.hackney.gov.uk) must be on our list of sites "
                    "allowed to show the explorer; other sites see nothing. Directory teams can load the same "
                    "services into their own directory from the ",
                    html.A("Open Referral UK API", href="/api/v1/"),
                    " (",
                    html.A("description", href="/api/v1/openapi.json"),
                    ") or download them from the ",
                    html.A("data page", href="/data"),
                    ".",
                ],
                className="small",
            ),
            html.H2("Preview", className="h4"),
            html.Iframe(id=ids.BUILDER_PREVIEW, src=src, title=title, className="embed-preview"),
        ]
    )


def builder_outputs(choice: BuilderChoice, base_url: str) -> tuple[str, str, str]:
    """The preview's address, the code to copy and the iframe's title for the builder's choices."""
    return choice.path, embed_snippet(base_url.rstrip("/") + choice.path, choice.title), choice.title


def build_downloads(snapshot: Snapshot) -> html.Section:
    """The data page's "Downloads" section: every export, and the services per borough."""
    files = [
        ("services.csv", "Services (CSV)", "One row per service: provider, commissioner, areas, contract value and dates."),
        ("services.geojson", "Services (GeoJSON)", "Public delivery points for maps. Services with a confidential location have no point."),
        ("grants.json", "Grants and contracts (360Giving JSON)", "In the 360Giving Data Standard."),
        ("grants.csv", "Grants and contracts (360Giving spreadsheet)", "The same, with the standard's column titles."),
        ("opportunities.csv", "Funding opportunities (CSV)", "Who can apply, for how much and by when."),
    ]
    return html.Section(
        [
            html.H2("Downloads", className="h4"),
            html.P(
                "Free to reuse under the Open Government Licence. Rows marked illustrative hold sample values, "
                "not published figures. Locations of confidential services are never included.",
            ),
            html.Ul(
                [
                    html.Li([html.A(label, href=download_url(name), download=name), f" — {text}"])
                    for name, label, text in files
                ]
            ),
            html.Details(
                [
                    html.Summary("Services in one borough"),
                    html.Ul(
                        [
                            html.Li(
                                [
                                    f"{b.name}: ",
                                    html.A("CSV", href=download_url("services.csv", b.code), download=f"services-{b.code}.csv"),
                                    " · ",
                                    html.A("GeoJSON", href=download_url("services.geojson", b.code), download=f"services-{b.code}.geojson"),
                                ]
                            )
                            for b in snapshot.boroughs
                        ],
                        className="list-unstyled columns-2",
                    ),
                ]
            ),
            html.P(
                [
                    "The same data as an ",
                    html.A("Open Referral UK API", href="/api/v1/"),
                    ", for local directories; boroughs can also ",
                    html.A("put the explorer on their own website", href="/embed/builder"),
                    ".",
                ],
                className="small",
            ),
        ],
        id=ids.DOWNLOADS,
    )


def _sample_note(snapshot: Snapshot) -> html.P | None:
    if not snapshot.on_sample:
        return None
    return html.P(
        [html.Strong("Sample data. "), "Figures marked ", sample_label(),
         " are illustrative."],
        className="embed-sample small",
        role="note",
    )

"""Layout layer: the page frame every screen shares (header, sample notice, footer)."""

from __future__ import annotations

from dash import dcc, html

from explorer import ids
from explorer.layout.safety import DEFAULT_EXIT_URL, build_exit_this_page
from explorer.layout.components import sample_label

SECTIONS = (
    ("/", "Find services"),
    ("/funding", "Funding"),
    ("/performance", "Performance"),
    ("/lcpf", "Crime prevention fund"),
    ("/data", "Data"),
)

ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Borough boundaries: London Datastore; contains National Statistics data © Crown copyright and "
    "database right; contains Ordnance Survey data © Crown copyright and database right. "
    "Postcodes: contains Royal Mail data © Royal Mail copyright and database right; "
    "source: Office for National Statistics licensed under the Open Government Licence v3.0. "
    "Crime: Metropolitan Police Service, via the London Datastore."
)


def build_shell(*, on_sample: bool, content=None, exit_url: str = DEFAULT_EXIT_URL,
                pathname: str | None = None) -> html.Div:
    """The whole page: skip link, exit control, header with the five sections (``pathname``'s
    marked as current), notice, main area, footer."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.PAGE_STATE, data=None),
            dcc.Store(id=ids.PAGE_HEAD, data=None),
            html.A("Skip to main content", href=f"#{ids.PAGE}", className="skip-link"),
            build_exit_this_page(exit_url),
            build_header(pathname),
            build_sample_banner(on_sample),
            html.Main(content, id=ids.PAGE, className="container-lg py-4", tabIndex="-1"),
            build_footer(),
        ],
        className="app",
    )


def build_header(pathname: str | None = None) -> html.Header:
    """The site header and navigation, ``pathname``'s section marked as current."""
    return html.Header(
        html.Div(
            [
                html.A(
                    [html.Span("London", className="brand-kicker"), " commissioned services"],
                    href="/",
                    className="brand",
                ),
                html.Nav(
                    html.Ul(build_nav_items(pathname), id=ids.NAV_LIST, className="nav-list"),
                    **{"aria-label": "Main"},
                ),
            ],
            className="container-lg header-inner",
        ),
        className="site-header",
    )


def current_section(pathname: str | None) -> str | None:
    """The header section the page at ``pathname`` belongs to (None for pages outside the five)."""
    path = (pathname or "/").rstrip("/") or "/"
    if path == "/" or path.startswith("/service/"):
        return "/"
    for section, _label in SECTIONS[1:]:
        if path == section or path.startswith(section + "/"):
            return section
    return None


def build_nav_items(pathname: str | None) -> list[html.Li]:
    """The five sections, the current one marked with ``aria-current`` (and shown underlined)."""
    current = current_section(pathname)
    return [
        html.Li(html.A(label, href=path, className="nav-link" + (" active" if path == current else ""),
                       **({"aria-current": "page" if path == (pathname or "/") else "true"}
                          if path == current else {})))
        for path, label in SECTIONS
    ]


def build_sample_banner(on_sample: bool) -> html.Div | None:
    """The notice shown while the explorer runs on the bundled sample register."""
    if not on_sample:
        return html.Div(id=ids.SAMPLE_BANNER, hidden=True)
    return html.Div(
        html.Div(
            [
                html.Strong("Sample data. "),
                html.Span("This explorer is running on a sample register built from published MOPAC and VRU "
                          "decisions. ", className="banner-long"),
                "Figures marked ",
                sample_label(),
                " are illustrative, not published figures.",
            ],
            className="container-lg",
        ),
        id=ids.SAMPLE_BANNER,
        className="sample-banner",
        role="note",
    )


def build_footer() -> html.Footer:
    """The footer with licences and attributions."""
    return html.Footer(
        html.Div(
            [
                html.P(
                    "An explorer of the services commissioned by the Mayor's Office for Policing "
                    "and Crime (MOPAC) and the London Violence Reduction Unit (VRU)."
                ),
                html.P(ATTRIBUTION, className="small"),
                html.P(
                    [
                        html.A("Data and downloads", href="/data"),
                        " · ",
                        html.A("Accessibility statement", href="/accessibility"),
                        " · ",
                        html.A("Health check", href="/healthz"),
                    ],
                    className="small",
                ),
            ],
            className="container-lg",
        ),
        className="site-footer",
    )

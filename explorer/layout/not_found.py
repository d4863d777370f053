"""Layout layer: the friendly page for an address or a record the explorer does not have.

Kept in its own module so the server can answer such addresses with HTTP 404 and this page.
"""

from __future__ import annotations

from dash import html

#: What the page calls the missing thing, by the address's first part.
KINDS = {"service": "service", "funding": "funding opportunity"}


def build_not_found(path: str, kind: str = "page") -> html.Div:
    """The page for an address the explorer does not have, with ways on (never a blank page).

    Args:
        path: The address asked for (shown as text, never as markup).
        kind: ``page``, ``service`` or ``funding opportunity``.
    """
    heading = "Page not found" if kind == "page" else f"{kind.capitalize()} not found"
    reason = (
        "There is no page at this address. If you typed it, check it is correct; if you followed a link, "
        "the page may have moved."
        if kind == "page"
        else f"There is no {kind} at this address. It may have been removed from the register, or the "
        "link may be out of date."
    )
    return html.Div(
        [
            html.H1(heading, className="h2"),
            html.P(reason),
            html.P(["You asked for ", html.Code(path, className="not-found-path"), "."], className="small")
            if path else None,
            html.H2("What you can do", className="h5"),
            html.Ul(
                [
                    html.Li(html.A("Search for help near you", href="/")),
                    html.Li(html.A("See funding you can apply for", href="/funding")),
                    html.Li(html.A("See how services are doing", href="/performance")),
                ]
            ),
            html.P([html.Strong("If you are in danger now, call 999.")], className="danger-line"),
        ],
        className="not-found",
    )

"""Callbacks: the page router (address in, page content out)."""

from __future__ import annotations

from dash import Input, Output, State

from explorer import ids
from explorer.layout.router import draw
from explorer.pages.context import PageContext
from explorer.pages.router import page_for


def render_page(provider, pathname: str | None, search: str | None, context: PageContext):
    """The components of the page at ``pathname`` with the state in ``search``: view model, then layout."""
    return draw(page_for(provider, pathname, search, context))


def register(app, provider, context: PageContext) -> None:
    """Registers the router on ``app``; pages come from ``provider``'s current snapshot."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
    )
    def update_page(pathname, search):
        return render_page(provider, pathname, search, context)

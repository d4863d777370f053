"""Callbacks: the page router (address in, page content out)."""

from __future__ import annotations

from dash import Input, Output, State

from explorer import ids
from explorer.layout.router import PageContext, render_page


def register(app, provider, context: PageContext) -> None:
    """Registers the router on ``app``; pages come from ``provider``'s current snapshot."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
    )
    def update_page(pathname, search):
        return render_page(provider, pathname, search, context)

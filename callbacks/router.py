"""Callbacks: the page router (address in, page content out) and the page state mirrored into the address.

Pages never write the address themselves: they write what they now show to ``PAGE_STATE`` and one
callback copies it into the address (a new history entry). The router hears both ``pathname`` and
``search``, so Back, Forward and links re-render the page, and skips the change a page just made.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, ctx, no_update

from explorer import ids
from explorer.pages.head import page_head
from explorer.layout.shell import build_nav_items
from explorer.layout.router import draw
from explorer.pages.context import PageContext
from explorer.pages.router import page_already_shows, page_for


def render_page(provider, pathname: str | None, search: str | None, context: PageContext):
    """The components of the page at ``pathname`` with the state in ``search``: view model, then layout."""
    return draw(page_for(provider, pathname, search, context))


def register(app, provider, context: PageContext) -> None:
    """Registers the router on ``app``; pages come from ``provider``'s current snapshot."""

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        Output(ids.PAGE_HEAD, "data"),
        Output(ids.NAV_LIST, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.PAGE_STATE, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def update_page(pathname, search, shown):
        if page_already_shows(ctx.triggered_prop_ids, search, shown):
            return no_update, no_update, no_update, no_update
        head = page_head(provider.current(), pathname, search)
        page = render_page(provider, pathname, search, context)
        return page, search or "", head.as_dict(), build_nav_items(pathname)

    # In the browser: no request to the server just to compare two strings.
    app.clientside_callback(
        ClientsideFunction(namespace="explorerResident", function_name="copyState"),
        Output(ids.URL, "search"),
        Input(ids.PAGE_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction(namespace="explorerResident", function_name="setHead"),
        Output(ids.PAGE_HEAD, "modified_timestamp"),
        Input(ids.PAGE_HEAD, "data"),
        prevent_initial_call=True,
    )

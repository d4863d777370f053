"""Callbacks: the embeddable explorer (its own small Dash app at /embed) and the embed builder."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

from callbacks.controls import register_summaries
from explorer import ids
from explorer.layout.controls import chosen
from explorer.layout.embed import builder_outputs, render_embed
from explorer.layout.home import with_service_area


def register_embed(embed_app, provider, context) -> None:
    """Registers the embed's callbacks on the embed's Dash app."""

    @embed_app.callback(
        Output(ids.EMBED_PAGE, "children"),
        Input(ids.EMBED_URL, "pathname"),
        State(ids.EMBED_URL, "search"),
    )
    def update_embed(_pathname, search):
        return render_embed(provider, search, tile_url=context.tile_url, tile_attribution=context.tile_attribution)

    @embed_app.callback(
        Output(ids.BOROUGH_LAYER, "hideout"),
        Input({"type": ids.SHOW_AREA, "index": ALL}, "n_clicks"),
        State(ids.BOROUGH_LAYER, "hideout"),
        prevent_initial_call=True,
    )
    def on_show_area(clicks, hideout):
        if not ctx.triggered_id or not any(clicks or []):
            return no_update
        return with_service_area(provider.current(), hideout, ctx.triggered_id["index"])


def register_builder(app, provider, site_address) -> None:
    """Registers the embed builder's callback on the main app.

    ``site_address()`` gives the site's public address for the code to copy (never the
    request's Host header).
    """
    register_summaries(app, [(ids.BUILDER_AREAS, "All service areas")])

    @app.callback(
        Output(ids.BUILDER_PREVIEW, "src"),
        Output(ids.BUILDER_PREVIEW, "title"),
        Output(ids.BUILDER_SNIPPET, "children"),
        Input(ids.BUILDER_BOROUGH, "value"),
        Input(ids.BUILDER_AREAS, "value"),
        Input(ids.BUILDER_VIEW, "value"),
    )
    def update_embed_code(borough, areas, view):
        src, snippet, title = builder_outputs(provider.current(), site_address(), chosen(borough), areas, view)
        return src, title, snippet

"""Callbacks: the embeddable explorer (its own small Dash app at /embed) and the embed builder."""

from __future__ import annotations

from dash import Input, Output, State
from flask import request

from callbacks.controls import register_show_area, register_summaries
from explorer import ids
from explorer.layout.controls import chosen
from explorer.layout.embed import build_embed, builder_outputs
from explorer.pages.embed import builder_choice, embed_page


def render_embed(provider, search: str | None, *, tile_url: str = "", tile_attribution: str = ""):
    """The embed for an address's query string: view model, then layout."""
    return build_embed(embed_page(provider, search, tile_url=tile_url, tile_attribution=tile_attribution))


def register_embed(embed_app, provider, context) -> None:
    """Registers the embed's callbacks on the embed's Dash app."""

    @embed_app.callback(
        Output(ids.EMBED_PAGE, "children"),
        Input(ids.EMBED_URL, "pathname"),
        State(ids.EMBED_URL, "search"),
    )
    def update_embed(_pathname, search):
        return render_embed(provider, search, tile_url=context.tile_url, tile_attribution=context.tile_attribution)

    register_show_area(embed_app, provider)


def register_builder(app, provider) -> None:
    """Registers the embed builder's callback on the main app."""
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
        choice = builder_choice(provider.current(), chosen(borough), areas, view)
        src, snippet, title = builder_outputs(choice, request.host_url)
        return src, title, snippet

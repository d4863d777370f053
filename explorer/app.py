"""App wiring: ``create_app(settings)`` is the one place that puts the layers together."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import secrets
from typing import Callable

import dash
from dash import html
from html import escape

from flask import jsonify, request
from flask_compress import Compress

from callbacks import embed as embed_callbacks
from callbacks import funding as funding_callbacks
from callbacks import home as home_callbacks
from callbacks import lcpf as lcpf_callbacks
from callbacks import mapview as mapview_callbacks
from callbacks import performance as performance_callbacks
from callbacks import router as router_callbacks
from callbacks import suggestions as suggestion_callbacks
from explorer import ids
from explorer.api import callback_guard, not_found, unavailable, urls
from explorer.api import exports as exports_api
from explorer.api import feeds
from explorer.api import headers as security_headers
from explorer.api import lcpf as lcpf_api
from explorer.api import mapview as mapview_api
from explorer.api import oruk as oruk_api
from explorer.api import reports
from explorer.ingest.publish import seed_sample
from explorer.pages.head import page_head
from callbacks.embed import render_embed
from callbacks.router import render_page
from explorer.layout.embed import EMBED_DESCRIPTION, EMBED_INDEX, EMBED_TITLE, build_embed_shell
from explorer.layout.shell import build_shell
from explorer.layout.first_paint import DEFERRED_RENDERER, first_paint_entry, hold_scripts
from explorer.layout.static_html import to_html
from explorer.layout.validation import skeleton
from explorer.layout.suggestions import build_report_change_form
from explorer.pages.context import PageContext
from explorer.pages.router import VALIDATION_PATHS
from explorer.reference import load_geography, prepare
from explorer.services.mapview import MapIndex
from explorer.services.oruk import ID_INDEX, id_index
from explorer.services.search import SearchIndex, warmed
from explorer.services.snapshot import SnapshotProvider
from explorer.settings import ROOT, Settings
from explorer.store.store import Store
from explorer.store.suggestions import SuggestionBox

ASSETS = ROOT / "assets"
#: The largest request body accepted (Dash callbacks and the report-a-change form are small).
MAX_REQUEST_BYTES = 1_000_000

#: Dash's page template with the document language set (WCAG 3.1.1).
INDEX_HTML = """<!DOCTYPE html>
<html lang="en-GB">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


def create_app(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> dash.Dash:
    """Builds the Dash app.

    Args:
        settings: Where things are; read from the environment when omitted.
        store: An already open store (tests); opened from ``settings`` when omitted.
        today: The clock pages use for dates (tests set it).
    """
    settings = settings or Settings.from_env()
    secret = settings.require_secret()
    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    store = store or Store.open(settings.store_url)
    if settings.seed_sample:
        seed_sample(store, settings.sample_dir, postcode_lookup_for(geography))
    provider = SnapshotProvider(store, geography, check_interval=settings.check_interval)
    provider.current()
    # The search, map and API id indexes are built now and with each new version, not on first use
    # (and, in a preloaded gunicorn master, before the workers fork, so they share them).
    provider.keep("search", lambda snapshot: warmed(SearchIndex(snapshot, geography)))
    provider.keep("map", MapIndex)
    provider.keep(ID_INDEX, id_index)
    freeze_heap()

    app = dash.Dash(
        __name__,
        title="London commissioned services explorer",
        assets_folder=str(ASSETS),
        external_stylesheets=[],
        serve_locally=True,
        compress=False,
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.index_string = INDEX_HTML
    Compress(app.server)
    app.layout = lambda: build_shell(on_sample=provider.current().on_sample, exit_url=settings.exit_url)
    context = PageContext(
        tile_url=settings.tile_url, tile_attribution=settings.tile_attribution, today=today
    )
    _add_page_index(app, provider, context, settings.exit_url)
    # Every page's components, so Dash can check each callback's ids without
    # suppress_callback_exceptions (which would hide id typos). Drawn from an excerpt of the
    # register: the ids are the same, and a report of 100,000 services is not drawn at start.
    excerpt = provider.excerpt()
    app.validation_layout = html.Div(
        skeleton(
            [build_shell(on_sample=True)]
            + [render_page(excerpt, path, "", context) for path in VALIDATION_PATHS]
            + [build_report_change_form("")]
        )
    )
    router_callbacks.register(app, provider, context)
    home_callbacks.register(app, provider, context)
    mapview_callbacks.register(app)
    funding_callbacks.register(app, provider, context)
    feeds.register(app.server, today=today)
    lcpf_callbacks.register(app, provider)
    lcpf_api.register(app.server)
    mapview_api.register(app.server)
    performance_callbacks.register(app, provider, context)
    reports.register(app.server, today)
    suggestion_callbacks.register(app, provider, SuggestionBox(store, key=secret).submit)
    _add_routes(app, provider)
    app.server.config["EXPLORER_PROVIDER"] = provider
    oruk_api.register(app.server)
    exports_api.register(app.server)
    embed_callbacks.register_builder(app, provider, urls.public_base)
    embed_app = _add_embed(app, provider, context)
    urls.register(app.server, settings.public_url, settings.trusted_hosts)
    unavailable.register(app.server)
    not_found.register(
        app.server, provider, {"/": app.index, "/<path:path>": app.index, "/embed/<path:path>": embed_app.index}
    )
    callback_guard.register(
        app.server, {"/_dash-update-component": app, "/embed/_dash-update-component": embed_app}
    )
    security_headers.register(
        app.server,
        settings.embed_origins,
        script_hashes=lambda: sorted(set(app.csp_hashes()) | set(embed_app.csp_hashes())),
        tile_url=settings.tile_url,
    )
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    return app


def freeze_heap() -> None:
    """Moves everything built so far (reference data, the snapshot, its indexes) out of the cyclic
    garbage collector's sight: a full collection over millions of long-lived objects would otherwise
    stall a request for hundreds of milliseconds at 100,000 services, and gunicorn workers forked
    from a preloaded app keep sharing those pages. Objects are still freed by reference counting."""
    gc.collect()
    gc.freeze()


def postcode_lookup_for(geography) -> Callable[[str], tuple[float, float, str]]:
    """Adapts the postcode index to the ingest layer's lookup: (lat, lon, borough) or ValueError."""

    def lookup(text: str) -> tuple[float, float, str]:
        match = geography.postcodes.lookup(text)
        if match.kind != "postcode":
            raise ValueError(f"{text!r} is not a full postcode")
        return match.latitude, match.longitude, match.borough_code

    return lookup


def _add_embed(app: dash.Dash, provider: SnapshotProvider, context: PageContext) -> dash.Dash:
    """Serves /embed as its own small Dash app on the same server: no site header, its own title."""
    embed = dash.Dash(
        "explorer.embed",
        server=app.server,
        url_base_pathname="/embed/",
        title=EMBED_TITLE,
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=False,
        update_title=None,
        index_string=EMBED_INDEX,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    embed._favicon = None
    embed.layout = build_embed_shell
    embed.validation_layout = html.Div(skeleton([build_embed_shell(), render_embed(provider, "?view=both")]))
    _add_first_paint(embed, lambda _path, search: build_embed_shell(render_embed(
        provider, search, tile_url=context.tile_url, tile_attribution=context.tile_attribution)), ids.EMBED_PAGE,
        head=lambda kwargs, _path, _search: {
            **kwargs, "metas": kwargs.get("metas", "") + f'<meta name="description" content="{escape(EMBED_DESCRIPTION)}">'})
    embed_callbacks.register_embed(embed, provider, context)
    mapview_callbacks.register(embed)
    # /embed without the slash, and the builder (a page of the full site, not of the embed).
    app.server.add_url_rule("/embed", endpoint="embed-page", view_func=embed.index)
    app.server.add_url_rule("/embed/builder", endpoint="embed-builder", view_func=app.index)
    return embed


def _add_page_index(app: dash.Dash, provider: SnapshotProvider, context: PageContext, exit_url: str) -> None:
    """Serves each address with its own <title> and meta description (shared links, search
    engines), and the page itself as the first paint."""

    def head(kwargs: dict, path: str, search: str) -> dict:
        page = page_head(provider.current(), path, search)
        kwargs["title"] = escape(page.title)
        kwargs["metas"] = kwargs.get("metas", "") + f'<meta name="description" content="{escape(page.description)}">'
        return kwargs

    def draw(path: str, search: str):
        return build_shell(on_sample=provider.current().on_sample, exit_url=exit_url, pathname=path,
                           content=render_page(provider, path, search, context))

    _add_first_paint(app, draw, ids.PAGE, head)


def _add_first_paint(app: dash.Dash, draw: Callable, page_id: str, head: Callable | None = None) -> None:
    """Serves each address as a page that paints before any script runs: the page as plain HTML
    (:mod:`explorer.layout.static_html`), shown until React has drawn the same page into
    ``page_id``, with Dash's scripts fetched after that paint (:mod:`explorer.layout.first_paint`).

    Args:
        app: The Dash app whose index this changes.
        draw: ``draw(path, query_string)`` gives the whole page's components for the address.
        page_id: The id of the element React fills with the page (the swap waits for its content).
        head: ``head(kwargs, path, query_string)`` adjusts Dash's index parts (title, metas).
    """
    base = app.interpolate_index
    app.renderer = DEFERRED_RENDERER

    def interpolate_index(**kwargs):
        path, search = request.path, request.query_string.decode("utf-8", "replace")
        if head is not None:
            kwargs = head(kwargs, path, search)
        kwargs["scripts"] = hold_scripts(kwargs.get("scripts", ""))
        kwargs["app_entry"] = first_paint_entry(to_html(draw(path, search)), page_id)
        return base(**kwargs)

    app.interpolate_index = interpolate_index


def _add_routes(app: dash.Dash, provider: SnapshotProvider) -> None:
    server = app.server
    # An opaque name for this worker (not its process id), so a check can tell workers apart: keyed
    # by the process, as gunicorn's workers are forked from one preloaded app (gunicorn.conf.py).
    salt = secrets.token_bytes(16)

    def instance() -> str:
        return hashlib.sha256(salt + str(os.getpid()).encode()).hexdigest()[:8]

    @server.get("/robots.txt")
    def robots():
        # Pages may be indexed (each has its own title and description); the API and exports need not be.
        body = "User-agent: *\nAllow: /\nDisallow: /api/\n"
        return server.response_class(body, mimetype="text/plain")

    @server.get("/healthz")
    def healthz():
        snapshot = provider.current()
        return jsonify(
            status="ok",
            worker=instance(),
            version=snapshot.version_key,
            versions=dict(snapshot.versions),
            services=len(snapshot.services),
            sample=snapshot.on_sample,
        )


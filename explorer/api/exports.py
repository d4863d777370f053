"""API layer: the downloads by URL (``/api/v1/exports/...``), with HTTP caching.

The files are built by :mod:`explorer.services.exports`, the same code as ``explorer export``.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from explorer.api.http_cache import cached, published_at
from explorer.api.oruk import SPACES, ApiError, API_PREFIX, api_error_response
from explorer.domain.records import BOROUGH_CODE
from explorer.services.exports import DOWNLOADS, build_export, download_url

__all__ = ["blueprint", "download_url", "register"]

blueprint = Blueprint("exports", __name__, url_prefix=API_PREFIX + "/exports")
blueprint.register_error_handler(ApiError, api_error_response)

@blueprint.get("/<name>")
def download(name: str) -> Response:
    """One download, as an attachment."""
    if name not in DOWNLOADS:
        raise ApiError(404, f"There is no download called {name!r}; see {API_PREFIX}/openapi.json.", error="not_found")
    fmt, by_borough = DOWNLOADS[name]
    snapshot = current_app.config["EXPLORER_PROVIDER"].current()
    borough = request.args.get("borough", "").strip(SPACES).upper() or None
    if borough is not None:
        if not by_borough:
            raise ApiError(400, f"{name} has no borough filter.", "borough")
        if not BOROUGH_CODE.match(borough) or snapshot.borough_name(borough) == borough:
            raise ApiError(400, "borough must be a London borough code, E09000001 to E09000033.", "borough")

    def build() -> Response:
        export = build_export(snapshot, fmt, published_at(snapshot), borough)
        response = Response(export.body, mimetype=export.media_type)
        response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response

    return cached(snapshot, build, variant=f"{fmt}-{borough or 'all'}")


def register(server) -> None:
    """Registers the downloads on the Flask server."""
    server.register_blueprint(blueprint)

"""API layer: ``/api/v1/map``, the home map's clusters and points for one view.

The page asks for the view on screen (``bbox=west,south,east,north&zoom=z``) with its own search
(``q``, ``borough``, ``area``, ``commissioner``, ``age``, ``access``, as in the page's address) and
gets back only the clusters and points in that view, as GeoJSON. Confidential services are never in
it. A bad ``bbox`` or ``zoom`` answers 400 with a message naming the field, the value and the rule.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from flask import Blueprint, Response, current_app, request

from explorer.services.mapview import map_view

blueprint = Blueprint("mapview", __name__)


@blueprint.get("/api/v1/map")
def view() -> Response:
    """The clusters and points for the bounds and zoom in the query string."""
    provider = current_app.config["EXPLORER_PROVIDER"]
    try:
        body = map_view(provider, parse_qs(request.query_string.decode("utf-8", "replace")))
        status = 200
    except ValueError as error:
        message = str(error)
        body, status = {"error": "bad_request", "message": message, "parameter": message.split(":")[0]}, 400
    return Response(
        json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        status=status,
        mimetype="application/json",  # compressed by Flask-Compress (GeoJSON body)
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


def register(server) -> None:
    """Adds the map endpoint to the Flask ``server``."""
    server.register_blueprint(blueprint)

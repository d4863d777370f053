"""API layer: the London Crime Prevention Fund (LCPF) scenario as a CSV download.

``/lcpf/scenario.csv`` takes the same query as the ``/lcpf`` page (year, category, weights,
pot, basis), so the download always matches what the page shows for that address.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from flask import Blueprint, Response, current_app, request

from explorer.services.lcpf import build_view, parse_query, scenario_csv

blueprint = Blueprint("lcpf", __name__)


@blueprint.get("/lcpf/scenario.csv")
def scenario_download() -> Response:
    """The scenario for the query string, one row per borough plus inner and outer totals."""
    snapshot = current_app.config["EXPLORER_PROVIDER"].current()
    query, notices = parse_query(parse_qs(request.query_string.decode("utf-8", "replace")))
    view = build_view(snapshot, query, notices)
    name = f"lcpf-scenario-{view.year or 'no-year'}.csv"
    return Response(
        "\ufeff" + scenario_csv(view),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
        },
    )


def register(server) -> None:
    """Adds the LCPF download to the Flask ``server``."""
    server.register_blueprint(blueprint)

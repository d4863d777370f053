"""API layer: a plain 503 while the database is not answering, instead of a 500 and a stack trace.

Each worker serves its snapshot from memory and asks the store only whether a newer version
was published (every ``EXPLORER_CHECK_INTERVAL`` seconds). While PostgreSQL is down or
restarting, that question fails: the request gets a 503 with ``Retry-After`` and a sentence,
and the next request asks again. The connection pool tests each connection before use
(``pool_pre_ping``), so once the database is back the app reconnects by itself.
"""

from __future__ import annotations

import json

from flask import Flask, Response, current_app, request
from sqlalchemy.exc import DBAPIError

MESSAGE = "The explorer cannot reach its database just now. Please try again in a minute."
RETRY_AFTER_SECONDS = 5


def unavailable_response() -> Response:
    """The 503: JSON for the API, plain text for everything else."""
    current_app.logger.warning("database unavailable for %s %s", request.method, request.path)
    if request.path.startswith("/api/"):
        body = json.dumps({"error": "service_unavailable", "message": MESSAGE})
        response = Response(body, status=503, mimetype="application/json")
    else:
        response = Response(MESSAGE + "\n", status=503, mimetype="text/plain")
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def register(server: Flask) -> None:
    """Answers any database connection error with :func:`unavailable_response`."""
    server.register_error_handler(DBAPIError, lambda _exc: unavailable_response())

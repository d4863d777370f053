"""API layer: the HTTP status of a page address: 404 for a path or id the explorer does not have.

Dash answers every path with its page (the router then draws "Page not found"), so without
this an unknown address answers 200. Here the same page is sent with the status 404; the
page itself (its words and design) is the router's.
"""

from __future__ import annotations

from typing import Callable, Mapping

from flask import Flask, request

from explorer.services.routes import page_exists


def register(server: Flask, provider, indexes: Mapping[str, Callable[[], str]]) -> None:
    """Answers 404 for page addresses :func:`page_exists` refuses.

    Args:
        server: The Flask server.
        provider: The snapshot provider (which services and opportunities exist).
        indexes: Each Dash endpoint that serves a page for any path (``/<path:path>``), and
            the function that draws that app's page; it is sent with the 404.
    """

    @server.before_request
    def _unknown_page():
        index = indexes.get(request.endpoint or "")
        if index is None or request.method not in ("GET", "HEAD"):
            return None
        if page_exists(provider.current(), request.path):
            return None
        return index(), 404

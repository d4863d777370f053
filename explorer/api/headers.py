"""API layer: security headers on every response (for now, who may show our pages in a frame).

Only the embeddable explorer (``/embed``) may be framed by other sites, and only by the borough
origins in ``Settings.embed_origins``; every other page may be framed by this site alone. The
embed's assets and ``_dash-*`` requests come from the framed page itself (same origin), so they
need nothing special. A later security issue can add a full Content-Security-Policy here.
"""

from __future__ import annotations

import re
from typing import Iterable

from flask import Flask, Response, request

EMBED_PREFIX = "/embed"
#: Pages under /embed that are part of the full site (with its header), not embeddable.
NOT_EMBEDDABLE = frozenset({"/embed/builder"})
#: A CSP source for one site: scheme, host (optionally ``*.`` for its subdomains), optional port.
ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$")


def check_origins(origins: Iterable[str]) -> tuple[str, ...]:
    """Validates configured embed origins, so nothing else can slip into the header.

    Raises:
        ValueError: An entry is not an origin like ``https://www.hackney.gov.uk``.
    """
    checked = []
    for origin in origins:
        origin = origin.strip().rstrip("/")
        if not ORIGIN.match(origin):
            raise ValueError(
                f"EXPLORER_EMBED_ORIGINS: {origin!r} is not an origin like https://www.hackney.gov.uk"
            )
        checked.append(origin)
    return tuple(checked)


def is_embeddable(path: str) -> bool:
    """Whether the page at ``path`` may be framed by the allowed borough sites."""
    path = path.rstrip("/") or "/"
    if path in NOT_EMBEDDABLE:
        return False
    return path == EMBED_PREFIX or path.startswith(EMBED_PREFIX + "/")


def frame_headers(path: str, embed_origins: Iterable[str]) -> dict[str, str]:
    """The framing headers for a response to ``path``."""
    if is_embeddable(path):
        ancestors = " ".join(["'self'", *embed_origins])
        return {"Content-Security-Policy": f"frame-ancestors {ancestors}"}
    return {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}


def register(server: Flask, embed_origins: Iterable[str]) -> None:
    """Adds the headers to every response of ``server``.

    Args:
        server: The Flask app behind Dash.
        embed_origins: Origins allowed to frame ``/embed`` (``https://www.hackney.gov.uk``).
    """
    origins = check_origins(embed_origins)

    @server.after_request
    def add_security_headers(response: Response) -> Response:
        for name, value in frame_headers(request.path, origins).items():
            response.headers[name] = value
        return response

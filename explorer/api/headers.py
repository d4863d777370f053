"""API layer: security headers on every response (CSP, framing, sniffing, referrer, HSTS).

Only the embeddable explorer (``/embed``) may be framed by other sites, and only by the borough
origins in ``Settings.embed_origins``; every other page may be framed by this site alone. The
embed's assets and ``_dash-*`` requests come from the framed page itself (same origin), so they
need nothing special. The Content-Security-Policy allows scripts from this site and Dash's own
inline scripts by hash only: no ``unsafe-eval``, no inline script injected by anyone else.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable
from urllib.parse import urlparse

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


def content_security_policy(
    path: str, embed_origins: Iterable[str], script_hashes: Iterable[str], tile_url: str = ""
) -> str:
    """The Content-Security-Policy for a response to ``path`` (no ``unsafe-eval``)."""
    frame = frame_headers(path, embed_origins)["Content-Security-Policy"]
    tiles = _origin_of(tile_url)
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *script_hashes]),
            # React and Leaflet set style attributes; styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            " ".join(["img-src 'self' data: blob:", *([tiles] if tiles else [])]),
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            frame,
        ]
    )


def register(
    server: Flask,
    embed_origins: Iterable[str],
    *,
    script_hashes: Callable[[], Iterable[str]] = tuple,
    tile_url: str = "",
) -> None:
    """Adds the security headers to every response of ``server``.

    Args:
        server: The Flask app behind Dash.
        embed_origins: Origins allowed to frame ``/embed`` (``https://www.hackney.gov.uk``).
        script_hashes: Returns the CSP hashes of the inline scripts the app serves
            (``Dash.csp_hashes()``); called once, at the first response.
        tile_url: The basemap tile URL template, whose origin may serve images.
    """
    origins = check_origins(embed_origins)
    hashes: list[str] = []
    # The headers depend on the path only through whether it is embeddable: both sets are written
    # once (after the first response has the script hashes) and reused, in the same order.
    written: dict[bool, tuple[tuple[str, str], ...]] = {}

    @server.after_request
    def add_security_headers(response: Response) -> Response:
        if not hashes:
            hashes.extend(script_hashes() or ["'none'"])
        path = request.path
        embeddable = is_embeddable(path)
        headers = written.get(embeddable)
        if headers is None:
            policy = {**frame_headers(path, origins)}
            policy["Content-Security-Policy"] = content_security_policy(
                path, origins, [h for h in hashes if h != "'none'"], tile_url
            )
            policy["X-Content-Type-Options"] = "nosniff"
            policy["Referrer-Policy"] = "strict-origin-when-cross-origin"
            headers = written.setdefault(embeddable, tuple(policy.items()))
        response_headers = response.headers
        for name, value in headers:
            response_headers[name] = value
        if request.is_secure:
            response_headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response


def _origin_of(url: str) -> str:
    if not url:
        return ""
    parsed = urlparse(url.replace("{s}", "a"))
    return f"{parsed.scheme}://{parsed.netloc}" if parsed.scheme and parsed.netloc else ""

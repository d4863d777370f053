"""API layer: the site's own address for absolute URLs, never taken from an untrusted ``Host`` header.

With ``EXPLORER_PUBLIC_URL`` set, every absolute URL (feeds, API links, the OpenAPI server,
service records, the embed code) starts with it and the ``Host`` header is not used. Without
it, only the trusted host names are answered (Flask's ``TRUSTED_HOSTS``: any other ``Host``
gets a 400 before a view runs), so a reflected host is always one the operator listed.
"""

from __future__ import annotations

from flask import Flask, current_app, request

CONFIG_KEY = "EXPLORER_PUBLIC_URL"


def register(server: Flask, public_url: str, trusted_hosts: tuple[str, ...]) -> None:
    """Sets the public address, or limits the accepted hosts when there is none."""
    server.config[CONFIG_KEY] = public_url.rstrip("/")
    if not public_url:
        server.config["TRUSTED_HOSTS"] = list(trusted_hosts)


def public_base() -> str:
    """The site's address without a trailing slash (``https://services.example.org``)."""
    return current_app.config.get(CONFIG_KEY) or request.host_url.rstrip("/")

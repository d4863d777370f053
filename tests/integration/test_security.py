"""Integration tests: security headers, request size limit, and production mode."""

from __future__ import annotations

import pytest

from explorer.app import MAX_REQUEST_BYTES, create_app


@pytest.fixture(scope="module")
def client(sample_db, tmp_path_factory):
    import shutil

    from explorer.settings import ROOT, Settings

    path = tmp_path_factory.mktemp("sec") / "app.db"
    shutil.copy(sample_db, path)
    app = create_app(Settings(database_url=f"sqlite:///{path}", data_dir=ROOT / "data",
                              cache_dir=ROOT / "data" / "cache", tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png"))
    assert app.server.debug is False
    return app.server.test_client()


@pytest.mark.parametrize("path", ["/", "/funding", "/healthz", "/api/v1/services", "/embed", "/assets/map.js"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in csp
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].startswith("'self'") and "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert "https://a.tiles.example.org" in directives["img-src"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP


def test_the_inline_renderer_script_is_allowed_by_its_hash(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "'sha256-" in csp


def test_hsts_when_served_over_tls(client):
    response = client.get("/healthz", base_url="https://explorer.example.org")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_an_oversized_request_is_refused(client):
    response = client.post("/_dash-update-component", data=b"x" * (MAX_REQUEST_BYTES + 1),
                           content_type="application/json")
    assert response.status_code == 413

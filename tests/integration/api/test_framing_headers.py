"""Integration tests: who may frame which page (real response headers from the Flask app)."""

from __future__ import annotations

import pytest

from explorer.api.headers import check_origins, frame_headers
from tests.integration.api.conftest import EMBED_ORIGIN


def frame_ancestors(response) -> str:
    """The frame-ancestors directive of the response's Content-Security-Policy."""
    directives = [d.strip() for d in response.headers["Content-Security-Policy"].split(";")]
    (found,) = [d for d in directives if d.startswith("frame-ancestors")]
    return found


@pytest.mark.parametrize("url", ["/embed", "/embed?borough=E09000012&view=list", "/embed/"])
def test_the_embed_may_be_framed_by_the_allowed_origins(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == f"frame-ancestors 'self' {EMBED_ORIGIN}"
    assert "X-Frame-Options" not in response.headers
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "url", ["/", "/funding", "/data", "/service/svc-london-havens", "/embed/builder", "/api/v1/services", "/healthz", "/assets/explorer.css", "/_dash-layout"]
)
def test_every_other_page_may_be_framed_by_this_site_only(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_embed_sets_no_cookies_on_any_request(client):
    for url in ["/embed?borough=E09000012", "/embed/_dash-layout", "/embed/_dash-dependencies"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.parametrize(
    "origins, expected",
    [
        ((), "frame-ancestors 'self'"),
        (("https://www.hackney.gov.uk",), "frame-ancestors 'self' https://www.hackney.gov.uk"),
        (("https://a.gov.uk", "http://localhost:8051"), "frame-ancestors 'self' https://a.gov.uk http://localhost:8051"),
    ],
)
def test_frame_headers(origins, expected):
    assert frame_headers("/embed", origins) == {"Content-Security-Policy": expected}


@pytest.mark.parametrize(
    "bad", ["hackney.gov.uk", "https://a.gov.uk; script-src *", "https://a.gov.uk/path", "javascript:alert(1)", "*", "'unsafe-inline'"]
)
def test_an_origin_that_is_not_an_origin_is_refused_at_start_up(bad):
    with pytest.raises(ValueError, match="EXPLORER_EMBED_ORIGINS"):
        check_origins([bad])


def test_origins_from_the_environment():
    from explorer.settings import Settings

    settings = Settings.from_env({"EXPLORER_EMBED_ORIGINS": " https://www.hackney.gov.uk/ , https://*.croydon.gov.uk "})
    assert check_origins(settings.embed_origins) == ("https://www.hackney.gov.uk", "https://*.croydon.gov.uk")


def test_the_headers_written_once_per_kind_of_page_follow_each_request_in_any_order(client):
    """The two header sets (embeddable or not) are written once and reused: asked in turn, each
    page still gets its own, in the same order, and HSTS only over HTTPS."""
    seen = {}
    for url in ["/embed", "/api/v1/", "/embed/", "/embed/builder", "/embed", "/healthz"] * 2:
        for base in ("http://localhost", "https://localhost"):
            response = client.get(url, base_url=base)
            names = [k for k, _ in response.headers.items() if k in
                     ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")]
            embeddable = url.rstrip("/") == "/embed"
            assert ("X-Frame-Options" in names) is not embeddable
            assert frame_ancestors(response).endswith(EMBED_ORIGIN) is embeddable
            assert ("Strict-Transport-Security" in response.headers) is base.startswith("https")
            assert seen.setdefault(embeddable, names) == names

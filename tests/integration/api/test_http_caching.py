"""Integration tests: ETag / Last-Modified on API responses and downloads, and 304 answers."""

from __future__ import annotations

import pytest

CACHED = [
    "/api/v1/",
    "/api/v1/services?borough=E09000012",
    "/api/v1/services/svc-london-havens",
    "/api/v1/taxonomy_terms",
    "/api/v1/openapi.json",
    "/api/v1/exports/services.csv",
    "/api/v1/exports/services.geojson?borough=E09000012",
    "/api/v1/exports/grants.json",
    "/api/v1/exports/grants.csv",
    "/api/v1/exports/opportunities.csv",
]


@pytest.mark.parametrize("url", CACHED)
def test_responses_carry_validators_and_answer_conditional_requests(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('W/"v') and "max-age" in first.headers["Cache-Control"]

    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag

    since = client.get(url, headers={"If-Modified-Since": modified})
    assert since.status_code == 304

    other = client.get(url, headers={"If-None-Match": 'W/"v0-f0"'})
    assert other.status_code == 200 and other.get_data() == first.get_data()


def test_if_none_match_wins_over_if_modified_since(client):
    first = client.get("/api/v1/taxonomy_terms")
    response = client.get(
        "/api/v1/taxonomy_terms",
        headers={"If-None-Match": 'W/"stale"', "If-Modified-Since": first.headers["Last-Modified"]},
    )
    assert response.status_code == 200


def test_a_gzipped_response_keeps_a_usable_etag(client):
    first = client.get("/api/v1/services", headers={"Accept-Encoding": "gzip"})
    assert first.headers.get("Content-Encoding") == "gzip"
    again = client.get("/api/v1/services", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_new_publish_changes_the_etag(client, provider):
    before = client.get("/api/v1/services")
    snapshot = provider.current()
    store = provider._store
    rows = store.read_version(snapshot.versions["services"])
    store.publish("services", rows, source="test", published_by="tester")
    try:
        after = client.get("/api/v1/services", headers={"If-None-Match": before.headers["ETag"]})
        assert after.status_code == 200
        assert after.headers["ETag"] != before.headers["ETag"]
    finally:
        store.rollback(snapshot.versions["services"], published_by="tester")


def test_errors_are_not_cached(client):
    response = client.get("/api/v1/services?page=0")
    assert response.status_code == 400 and "ETag" not in response.headers


def test_the_validators_kept_for_a_version_are_what_werkzeug_writes_and_another_versions_are_ignored(api_app, provider):
    import dataclasses

    from flask import Response
    from werkzeug.http import http_date

    from explorer.api.http_cache import Validators, cached, published_at

    snapshot = provider.current()
    kept = Validators.of(snapshot)
    assert kept.modified == published_at(snapshot).replace(microsecond=0)
    assert kept.last_modified == http_date(kept.modified)
    stale = dataclasses.replace(kept, version_key=kept.version_key - 1, last_modified="Thu, 01 Jan 1970 00:00:00 GMT")
    with api_app.server.test_request_context("/api/v1/services"):
        expected = Response(b"{}")
        expected.last_modified = published_at(snapshot).replace(microsecond=0)
        for validators in (None, kept, stale):
            response = cached(snapshot, lambda: Response(b"{}"), variant="h", validators=validators)
            assert response.headers["Last-Modified"] == expected.headers["Last-Modified"]
            assert response.headers["ETag"] == f'W/"v{snapshot.version_key}-f1-h"'


def test_a_changed_publish_time_is_sent_as_the_new_last_modified(api_app, provider):
    import datetime as dt

    from flask import Response

    from explorer.api.http_cache import Validators, cached

    snapshot = provider.current()
    kept = Validators.of(snapshot)
    with api_app.server.test_request_context("/api/v1/services", headers={"If-Modified-Since": kept.last_modified}):
        assert cached(snapshot, lambda: Response(b"{}"), validators=kept).status_code == 304
        newer = Validators(snapshot.version_key, kept.modified + dt.timedelta(seconds=1), "Sat, 01 Jan 2050 00:00:00 GMT")
        response = cached(snapshot, lambda: Response(b"{}"), validators=newer)
        assert response.status_code == 200 and response.headers["Last-Modified"] == "Sat, 01 Jan 2050 00:00:00 GMT"

"""Integration tests: ``explorer sync`` against a local HTTP server (127.0.0.1) that honours ETag and Last-Modified."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from explorer.cli import main
from explorer.ingest.sync import sync
from explorer.settings import ROOT
from explorer.store.sync_state import get_sync_state

SAMPLE_SPEND = (ROOT / "data" / "sample" / "spend.csv").read_bytes()
SPEND = SAMPLE_SPEND.replace(b"249745,248608", b"249745,200000")  # differs from the published sample
BAD = (ROOT / "tests" / "data" / "bad" / "negative_budget.csv").read_bytes()


class Published:
    """What the fake publisher serves, and what it was asked."""

    def __init__(self):
        self.body = SPEND
        self.etag_on = True
        self.last_modified = "Wed, 25 Nov 2026 10:00:00 GMT"
        self.status = 200
        self.requests: list[dict] = []

    @property
    def etag(self):
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@pytest.fixture()
def server():
    published = Published()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            published.requests.append(dict(self.headers))
            if published.status != 200:
                self.send_error(published.status)
                return
            if published.etag_on and self.headers.get("If-None-Match") == published.etag:
                self.send_response(304)
                self.end_headers()
                return
            if not published.etag_on and self.headers.get("If-Modified-Since") == published.last_modified:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/csv; charset=utf-8")
            self.send_header("Content-Length", str(len(published.body)))
            if published.etag_on:
                self.send_header("ETag", published.etag)
            self.send_header("Last-Modified", published.last_modified)
            self.end_headers()
            self.wfile.write(published.body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    published.url = f"http://127.0.0.1:{httpd.server_address[1]}/registers/spend"
    yield published
    httpd.shutdown()
    httpd.server_close()


def versions(store):
    return [v.id for v in store.versions()]


def test_an_unchanged_file_does_nothing_and_a_changed_one_is_published(sample_store, postcode_lookup, server):
    before = versions(sample_store)
    first = sync(sample_store, server.url, "spend", postcode_lookup)
    assert first.outcome == "published", first.message
    assert "If-None-Match" not in server.requests[0]
    assert get_sync_state(sample_store, server.url).etag == server.etag

    again = sync(sample_store, server.url, "spend", postcode_lookup)
    assert again.outcome == "unchanged"
    assert server.requests[1]["If-None-Match"] == server.etag
    assert versions(sample_store) == [first.result.version_id] + before

    server.body = SPEND.replace(b"249745,200000", b"249745,100")
    changed = sync(sample_store, server.url, "spend", postcode_lookup)
    assert changed.outcome == "published" and changed.result.version_id > first.result.version_id
    _, rows = sample_store.read_current()
    assert 100.0 in {r["actual_gbp"] for r in rows["spend"]}


def test_last_modified_is_used_when_there_is_no_etag(sample_store, postcode_lookup, server):
    server.etag_on = False
    assert sync(sample_store, server.url, "spend", postcode_lookup).outcome == "published"
    assert sync(sample_store, server.url, "spend", postcode_lookup).outcome == "unchanged"
    assert server.requests[1]["If-Modified-Since"] == server.last_modified


def test_new_validators_with_the_same_content_publish_nothing(sample_store, postcode_lookup, server):
    assert sync(sample_store, server.url, "spend", postcode_lookup).outcome == "published"
    count = len(versions(sample_store))
    server.last_modified = "Thu, 26 Nov 2026 10:00:00 GMT"
    server.body = SPEND + b"\n"  # a new ETag, the same records
    result = sync(sample_store, server.url, "spend", postcode_lookup)
    assert result.outcome == "unchanged" and "equals the current version" in result.message
    assert len(versions(sample_store)) == count


def test_a_bad_file_is_rejected_every_time_and_changes_nothing(sample_store, postcode_lookup, server):
    server.body = BAD
    current = sample_store.current_versions()
    for _ in range(2):
        result = sync(sample_store, server.url, "spend", postcode_lookup)
        assert result.outcome == "rejected"
        assert [p.field for p in result.report.errors] == ["budget_gbp"]
    assert "If-None-Match" not in server.requests[1]  # no validators kept for a rejected file
    assert sample_store.current_versions() == current


@pytest.mark.parametrize("status", [404, 500])
def test_a_server_error_fails_honestly(sample_store, postcode_lookup, server, status):
    server.status = status
    result = sync(sample_store, server.url, "spend", postcode_lookup)
    assert result.outcome == "failed" and str(status) in result.message


def test_a_download_over_the_limit_is_refused(sample_store, postcode_lookup, server):
    current = sample_store.current_versions()
    result = sync(sample_store, server.url, "spend", postcode_lookup, max_bytes=1000)
    assert result.outcome == "failed" and "over the limit" in result.message
    assert sample_store.current_versions() == current


def test_nothing_listens_there(sample_store, postcode_lookup):
    result = sync(sample_store, "http://127.0.0.1:9/none.csv", "spend", postcode_lookup)
    assert result.outcome == "failed" and "could not be fetched" in result.message


def test_the_sync_command_for_cron(monkeypatch, capsys, sample_settings, server):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sample_settings.database_url)
    assert main(["sync", server.url, "spend"]) == 0
    assert "published as version" in capsys.readouterr().out
    assert main(["sync", server.url, "spend"]) == 0
    assert "not modified" in capsys.readouterr().out
    server.body = BAD
    assert main(["sync", server.url, "spend"]) == 1
    assert "ERROR download.csv row 2, budget_gbp" in capsys.readouterr().out
    assert main(["sync", server.url, "nonsense"]) == 2

"""Issue 17's defects, each pinned by a test that failed before its fix: secrets, atomic rate
limits, URL inputs, markup, hosts, health, URLs."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from explorer import ids
from explorer.domain.suggestions import RATE_LIMIT
from explorer.settings import MissingSecretKey, Settings
from explorer.store.schema import suggestion
from explorer.store.suggestions import MissingSecret, SuggestionBox

SECRET = "a-secret-for-these-tests-only"
EVIL = "evil.example"


# -- 2. the address hash is keyed with a required secret ------------------------------------


def test_the_app_refuses_to_start_without_a_secret(hard_settings):
    from dataclasses import replace

    from explorer.app import create_app

    for weak in ("", "short"):
        with pytest.raises(MissingSecretKey, match="EXPLORER_SECRET_KEY"):
            create_app(replace(hard_settings, secret_key=weak))
    assert Settings.from_env({"EXPLORER_SECRET_KEY": SECRET}).require_secret() == SECRET
    with pytest.raises(MissingSecretKey):
        Settings.from_env({}).require_secret()


def test_the_stored_key_is_an_hmac_under_the_secret(sample_store):
    with pytest.raises(MissingSecret):
        SuggestionBox(sample_store).submit("svc-1", "Something is wrong here", None, "", "203.0.113.9")
    SuggestionBox(sample_store, key=SECRET).submit("svc-1", "Something is wrong here", None, "", "203.0.113.9")
    with sample_store.engine.connect() as conn:
        (stored,) = conn.execute(select(suggestion.c.client_key)).scalars()
    assert stored == hmac.new(SECRET.encode(), b"203.0.113.9", hashlib.sha256).hexdigest()
    assert stored != hmac.new(b"", b"203.0.113.9", hashlib.sha256).hexdigest()


# -- 3. the rate limit is atomic on both backends ---------------------------------------------


def test_concurrent_reports_from_one_address_never_pass_the_limit(store):
    box = SuggestionBox(store, key=SECRET)
    now = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)
    timed = SuggestionBox(store, key=SECRET, clock=lambda: now)

    def send(i):
        return timed.submit("svc-1", f"Suggestion number {i} for the team", None, "", "198.51.100.1")

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(send, range(50)))  # an exception (database is locked) fails the test
    assert sum(o.kept for o in outcomes) == RATE_LIMIT
    assert {o.reason for o in outcomes if not o.kept} == {"rate_limited"}
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(suggestion)).scalar() == RATE_LIMIT
    assert box.submit("svc-1", "From another address entirely", None, "", "198.51.100.2").kept


# -- 4. no 500 by URL; 404 for what is not there ----------------------------------------------


@pytest.mark.parametrize(
    "path, status",
    [
        ("/performance/report.csv?period=0000-H1", 400),
        ("/performance/report.xlsx?period=0000-H1", 400),
        ("/performance/report.csv?period=9999-H2", 400),
        ("/performance/report?period=9999-H2", 200),  # the page explains, with a choice of half-years
        ("/performance/report?period=0000-H1", 200),
        ("/performance?period=0000-Q1", 200),
        ("/nonexistent", 404),
        ("/service/no-such-service", 404),
        ("/service/", 404),
        ("/funding/no-such-opportunity", 404),
        ("/embed/no-such-page", 404),
        ("/api/v1/services/no-such-service", 404),
        ("/api/v1/nothing-here", 404),
        ("/service/svc-solace-refuges-sample", 200),
        ("/funding", 200),
        ("/embed", 200),
        ("/embed/builder", 200),
    ],
)
def test_url_inputs_get_a_status_never_a_500(client, path, status):
    response = client.get(path)
    assert response.status_code == status, path


def test_the_report_page_explains_a_year_out_of_range(client):
    from explorer.domain.periods import parse_half_year

    with pytest.raises(ValueError, match="between 1900 and 2999"):
        parse_half_year("9999-H2")
    body = client.get("/performance/report.csv?period=0000-H1").get_data(as_text=True)
    assert "between 1900 and 2999" in body


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"output": "nothing.children"}', b"[" * 10_000 + b"]" * 10_000])
def test_malformed_callback_bodies_get_400(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400 and response.mimetype == "text/plain"


# -- 5. markup found by a tokenizer, not a pattern ----------------------------------------------


@pytest.mark.parametrize(
    "value, markup",
    [
        ("<svg/onload=alert(1)>", True),
        ("<a/href=javascript:alert(1)>x</a>", True),
        ("<x:y onmouseover=alert(1)>", True),
        ("<!-- hidden -->", True),
        ("<b>bold</b>", True),
        ("Ages 5<10 and 11>9", False),
        ("a < b", False),
        ("&lt;script&gt;", False),
    ],
)
def test_markup_detection(value, markup):
    from explorer.ingest.tables import is_markup

    assert is_markup(value) is markup


def test_the_ingest_refuses_the_payloads_that_passed_the_regex(sample_store, postcode_lookup, tmp_path):
    from explorer.ingest.publish import ingest_path

    header = ("id,funder,programme,title,description,min_award_gbp,max_award_gbp,opens,closes,boroughs,url,"
              "last_verified,source_url\n")
    rows = [f"opp-{i},MOPAC,Fund,A fund,{p} Apply now,100,1000,2026-01-01,2026-02-01,,https://example.org/fund,"
            "2026-10-01,https://www.london.gov.uk/mopac\n"
            for i, p in enumerate(["<svg/onload=alert(1)>", "<a/href=javascript:alert(1)>", "<x:y onmouseover=alert(1)>"])]
    path = tmp_path / "opportunities.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    result = ingest_path(sample_store, "opportunities", path, postcode_lookup, fmt="table")
    flagged = [p for p in result.report.errors if "not HTML" in p.rule]
    assert sorted(p.row for p in flagged) == [2, 3, 4] and result.version_id is None


# -- 7. absolute URLs never come from the Host header ---------------------------------------


ABSOLUTE = ["/funding.ics", "/funding.atom", "/api/v1/", "/api/v1/openapi.json",
            "/api/v1/services/svc-solace-refuges-sample", "/api/v1/services"]


@pytest.mark.parametrize("path", ABSOLUTE)
def test_an_untrusted_host_is_refused_without_a_public_url(client, path):
    assert client.get(path, headers={"Host": EVIL}).status_code == 400
    assert client.get(path, headers={"Host": "localhost:8050"}).status_code == 200


@pytest.fixture(scope="module")
def public_client(hard_settings):
    from dataclasses import replace

    from explorer.app import create_app

    app = create_app(replace(hard_settings, public_url="https://services.example.org"))
    return app.server.test_client()


@pytest.mark.parametrize("path", ABSOLUTE)
def test_every_absolute_url_starts_with_the_public_url(public_client, path):
    response = public_client.get(path, headers={"Host": EVIL})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert EVIL not in body and "https://services.example.org" in body


def test_the_embed_code_uses_the_public_url(public_client):
    body = {
        "output": f"..{ids.BUILDER_PREVIEW}.src...{ids.BUILDER_PREVIEW}.title...{ids.BUILDER_SNIPPET}.children..",
        "outputs": [{"id": ids.BUILDER_PREVIEW, "property": "src"}, {"id": ids.BUILDER_PREVIEW, "property": "title"},
                    {"id": ids.BUILDER_SNIPPET, "property": "children"}],
        "inputs": [{"id": ids.BUILDER_BOROUGH, "property": "value", "value": "E09000012"},
                   {"id": ids.BUILDER_AREAS, "property": "value", "value": []},
                   {"id": ids.BUILDER_VIEW, "property": "value", "value": "both"}],
        "changedPropIds": [f"{ids.BUILDER_BOROUGH}.value"],
    }
    response = public_client.post("/_dash-update-component", json=body, headers={"Host": EVIL})
    text = response.get_data(as_text=True)
    assert response.status_code == 200, text[:300]
    snippet = response.get_json()["response"][ids.BUILDER_SNIPPET]["children"]
    assert 'src="https://services.example.org/embed?borough=E09000012' in snippet and EVIL not in text


# -- 10. the smaller ones ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://example.org/a\r\nSet-Cookie: x=1", "https://example.org/\n", "https://exa\tmple.org/"])
def test_check_url_refuses_line_breaks_and_controls(url):
    from explorer.domain.records import check_url

    with pytest.raises(ValueError):
        check_url(url)


def test_healthz_shows_no_process_id(client):
    import os

    body = client.get("/healthz").get_json()
    assert body["status"] == "ok" and "version" in body
    assert str(os.getpid()) not in client.get("/healthz").get_data(as_text=True)


def test_the_openapi_document_declares_what_the_api_refuses(client):
    import re

    document = client.get("/api/v1/openapi.json").get_json()
    borough = document["components"]["parameters"]["borough"]["schema"]["pattern"]
    assert re.fullmatch(borough, "E09000001,e09000033") and not re.fullmatch(borough, "E09000034")
    assert "postcode" in document["components"]["parameters"]["proximity"]["description"]
    assert client.get("/api/v1/services?proximity=500").status_code == 400


def test_every_page_the_router_draws_is_known_to_the_404_check(hard_app):
    from explorer.pages.router import VALIDATION_PATHS
    from explorer.services.routes import page_exists

    snapshot = hard_app.server.config["EXPLORER_PROVIDER"].current()
    assert all(page_exists(snapshot, p) for p in VALIDATION_PATHS if p != "/service/")
    assert page_exists(snapshot, "/accessibility") and not page_exists(snapshot, "/service/")

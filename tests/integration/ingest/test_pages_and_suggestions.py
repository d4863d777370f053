"""Integration tests: the data page, the report-a-change form and its callback, and the store's rate limit."""

from __future__ import annotations

import datetime as dt
import json

import plotly
import pytest

from explorer import ids
from explorer.app import create_app
from explorer.domain.suggestions import RATE_LIMIT
from callbacks.router import PageContext, render_page
from explorer.store.store import Store
from explorer.store.suggestions import SuggestionBox

TODAY = dt.date(2026, 11, 26)
SERVICE = "svc-london-havens"


@pytest.fixture()
def app(sample_settings):
    return create_app(sample_settings, today=lambda: TODAY)


@pytest.fixture()
def provider(app):
    return app.server.config["EXPLORER_PROVIDER"]


def text_of(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_the_data_page_shows_freshness_history_reports_and_the_downloads_place(provider):
    page = text_of(render_page(provider, "/data", "", PageContext(today=lambda: TODAY)))
    for expected in ("How fresh the register is", "By commissioner", "By provider", "By borough",
                     "Due for a check", "✓ Fresh", "Version history", "Reports of recent publishes",
                     ids.DATA_DOWNLOADS, "services.csv", "Southwark", "MOPAC"):
        assert expected in page, expected


def test_the_data_page_counts_every_service_in_a_band(provider):
    from explorer.layout.data import build_freshness_section

    snapshot = provider.current()
    section = text_of(build_freshness_section(snapshot, TODAY))
    assert f"Services ({len(snapshot.services)})" in section


def test_every_service_page_has_the_report_a_change_form(provider):
    page = text_of(render_page(provider, f"/service/{SERVICE}", "", PageContext()))
    assert ids.REPORT_CHANGE_FORM in page and ids.REPORT_CHANGE_WEBSITE in page
    assert f'"data": "{SERVICE}"' in page


def post_form(app, message, *, website="", service=SERVICE, address="192.0.2.10"):
    payload = {
        "output": f"..{ids.REPORT_CHANGE_STATUS}.children...{ids.REPORT_CHANGE_MESSAGE}.value..",
        "outputs": [{"id": ids.REPORT_CHANGE_STATUS, "property": "children"},
                    {"id": ids.REPORT_CHANGE_MESSAGE, "property": "value"}],
        "inputs": [{"id": ids.REPORT_CHANGE_SUBMIT, "property": "n_clicks", "value": 1}],
        "state": [{"id": ids.REPORT_CHANGE_SERVICE, "property": "data", "value": service},
                  {"id": ids.REPORT_CHANGE_MESSAGE, "property": "value", "value": message},
                  {"id": ids.REPORT_CHANGE_CONTACT, "property": "value", "value": "me@example.org"},
                  {"id": ids.REPORT_CHANGE_WEBSITE, "property": "value", "value": website}],
        "changedPropIds": [f"{ids.REPORT_CHANGE_SUBMIT}.n_clicks"],
    }
    response = app.server.test_client().post(
        "/_dash-update-component", json=payload, environ_base={"REMOTE_ADDR": address}
    )
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def test_the_form_keeps_a_clean_suggestion_and_never_changes_the_register(app, provider, sample_settings):
    before = provider.current().version_key
    answer = post_form(app, "The <b>phone</b> number has changed to 020 7946 0000<script>x()</script>")
    assert "Thank you" in text_of(answer) and answer[ids.REPORT_CHANGE_MESSAGE]["value"] == ""
    (kept,) = SuggestionBox(Store.open(sample_settings.database_url)).list()
    assert (kept.service_id, kept.message, kept.contact) == (
        SERVICE, "The phone number has changed to 020 7946 0000", "me@example.org")
    assert provider.refresh().version_key == before


def test_the_honeypot_and_unknown_services_keep_nothing(app, sample_settings):
    fooled = post_form(app, "Buy cheap things at spam.example now", website="https://spam.example")
    assert "Thank you" in text_of(fooled)  # the bot learns nothing
    answer = post_form(app, "The phone number has changed.", service="svc-no-such-thing")
    assert "no longer in the register" in text_of(answer)
    assert SuggestionBox(Store.open(sample_settings.database_url)).list() == []


def test_the_rate_limit_is_per_address_and_held_in_the_store(app, sample_settings):
    for i in range(RATE_LIMIT):
        assert "Thank you" in text_of(post_form(app, f"Suggestion number {i} for the team"))
    assert "try again later" in text_of(post_form(app, "One more suggestion for the team"))
    assert "Thank you" in text_of(post_form(app, "From somebody else entirely", address="198.51.100.7"))
    # A second app (another worker) on the same store sees the same count.
    other = create_app(sample_settings, today=lambda: TODAY)
    assert "try again later" in text_of(post_form(other, "Via the other worker now"))


def test_the_rate_limit_window_passes(sample_store):
    now = [dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)]
    box = SuggestionBox(sample_store, clock=lambda: now[0])
    for i in range(RATE_LIMIT):
        assert box.submit("svc-1", f"Suggestion number {i}", None, "", "10.0.0.1").kept
    assert box.submit("svc-1", "One too many now", None, "", "10.0.0.1").reason == "rate_limited"
    now[0] += dt.timedelta(minutes=61)
    assert box.submit("svc-1", "An hour later it is fine", None, "", "10.0.0.1").kept


def test_the_address_is_kept_only_as_a_keyed_hash(sample_store):
    from sqlalchemy import select

    from explorer.store.schema import suggestion

    SuggestionBox(sample_store, salt="secret").submit("svc-1", "Something is wrong here", None, "", "203.0.113.9")
    with sample_store.engine.connect() as conn:
        (key,) = conn.execute(select(suggestion.c.client_key)).scalars()
    assert "203.0.113.9" not in key and len(key) == 64

"""Integration tests: every page renders from the sample register, and the app's HTTP routes answer."""

from __future__ import annotations

import json

import plotly
import pytest

from explorer.app import create_app
from callbacks.router import PageContext, render_page


@pytest.fixture()
def app(sample_settings):
    return create_app(sample_settings)


@pytest.fixture()
def provider(app):
    return app.server.config["EXPLORER_PROVIDER"]


def rendered_text(component) -> str:
    """Serialises a component tree the way Dash sends it, so bad props fail here."""
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


@pytest.mark.parametrize(
    "path, search, expected",
    [
        ("/", "", "Find help near you"),
        ("/", "?q=domestic+abuse+Peckham", "Peckham (Southwark)"),
        ("/", "?borough=E09000012", "Hackney"),
        ("/", "?q=asdfgh", "No services match"),
        ("/", "?borough=E09999999&age=nonsense", "Showing: all services"),
        ("/service/svc-london-havens", "", "Havens"),
        ("/service/no-such-service", "", "Service not found"),
        ("/funding", "", "Funding"),
        ("/performance", "", "Performance"),
        ("/lcpf", "", "London Crime Prevention Fund"),
        ("/data", "", "Version history"),
        ("/accessibility", "", "Accessibility statement"),
        ("/nowhere", "", "Page not found"),
    ],
)
def test_every_page_renders(provider, path, search, expected):
    page = render_page(provider, path, search, PageContext())
    assert expected in rendered_text(page)


def test_healthz_reports_the_published_version(app, provider):
    response = app.server.test_client().get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["version"] == provider.current().version_key
    assert body["sample"] is True and body["services"] >= 60


def test_the_page_shell_carries_the_sample_notice(app):
    layout = app.layout() if callable(app.layout) else app.layout
    assert "Sample data" in rendered_text(layout)


def test_a_new_publish_is_picked_up_without_a_restart(app, provider):
    before = provider.current()
    store = provider._store  # the same store the app reads
    rows = store.read_version(before.versions["lcpf"])
    store.publish("lcpf", {**rows, "lcpf_total": rows["lcpf_total"][:1]}, source="test", published_by="tester")
    after = provider.current()
    assert after.version_key > before.version_key
    assert len(after.lcpf_totals) == 1 and after.on_sample is True


@pytest.mark.parametrize(
    "output",
    [
        "service-list.children", "result-summary.children", "borough-select.value", "page.children",
        "funding-list.children", "perf-results.children", "perf-measure-detail.children", "builder-snippet.children",
    ],
)
def test_each_screen_has_its_callbacks(app, output):
    """Every screen's interactive parts are wired (a callback lost in a refactor fails here, not only in a browser)."""
    outputs = " ".join(app.callback_map)
    assert output in outputs


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/?q=domestic+abuse+Peckham", "Peckham (Southwark)"),
        ("/service/svc-london-havens", "Havens"),
        ("/funding", "Filter opportunities"),
        ("/embed?borough=E09000028", "Services paid for by MOPAC and the VRU in Southwark"),
    ],
)
def test_each_address_is_served_as_its_page(app, path, expected):
    """The first paint: the page's own content in the document, before any script; Dash's scripts held."""
    body = app.server.test_client().get(path).get_data(as_text=True)
    first_paint = body.split('<div id="first-paint" class="first-paint">', 1)[1]
    assert expected in first_paint
    assert '<meta name="description" content="' in body
    assert '<template id="dash-scripts">' in body and "polyfill@" not in body
    assert __import__("re").search(r'<script defer src="[^"]*/assets/exit_this_page\.js', body)
    headings = [int(level) for level in __import__("re").findall(r"<h([1-6])\b", first_paint)]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings

"""Security: register text that carries script shows as text and runs nothing, on every page.

The records are published straight into the store (the ingest would refuse HTML in a cell), to
prove the pages escape whatever reaches them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest
from selenium.webdriver.common.by import By

from explorer.app import create_app

PAYLOAD = '<img src=x onerror="window.__xss=1">"><svg onload="window.__xss=1"><script>window.__xss=1</script>'
TODAY = dt.date(2026, 11, 26)


@pytest.fixture()
def hostile_app(sample_db, tmp_path):
    from explorer.settings import ROOT, Settings
    from explorer.store.store import Store, sqlite_url

    path = tmp_path / "xss.db"
    shutil.copy(sample_db, path)
    store = Store.open(sqlite_url(path))
    current = store.current_versions()

    rows = store.read_version(current["services"])
    for s in rows["service"]:
        if s["id"] == "svc-lcpf-croydon":
            s.update(name=f"Croydon {PAYLOAD}", description=PAYLOAD, eligibility=PAYLOAD)
    for o in rows["organization"]:
        if o["id"] == "org-croydon-council" or o["name"] == "London Borough of Croydon":
            o.update(name=f"Provider {PAYLOAD}")
    for loc in rows["location"]:
        loc.update(name=f"Place {PAYLOAD}")
    store.publish("services", rows, source="xss test", published_by="tester")

    opportunities = store.read_version(current["opportunities"])
    for o in opportunities["funding_opportunity"]:
        o.update(title=f"Grant {PAYLOAD}", description=PAYLOAD)
    store.publish("opportunities", opportunities, source="xss test", published_by="tester")

    measures = store.read_version(current["measures"])
    for m in measures["measure"]:
        m.update(name=f"Measure {PAYLOAD}")
    for v in measures["measure_value"]:
        v.update(narrative=PAYLOAD)
    store.publish("measures", measures, source="xss test", published_by="tester")
    store.dispose()

    settings = Settings(database_url=sqlite_url(path), data_dir=ROOT / "data", cache_dir=ROOT / "data" / "cache")
    return create_app(settings, today=lambda: TODAY)


PAGES = [
    ("/?q=Croydon", "Croydon <img"),
    ("/service/svc-lcpf-croydon", "Croydon <img"),
    ("/funding", "Grant <img"),
    ("/performance", "Measure <img"),
    ("/performance/report?period=2025-H2", "Measure <img"),
    ("/embed?borough=E09000008", "Croydon <img"),
    ("/data", "Data"),
]


def test_hostile_text_shows_as_text_and_runs_nothing(dash_duo, hostile_app):
    dash_duo.start_server(hostile_app)
    base = dash_duo.server.url.rstrip("/")
    for path, visible in PAGES:
        dash_duo.driver.get(base + path)
        end = time.time() + 20
        while time.time() < end and visible not in dash_duo.driver.find_element(By.TAG_NAME, "body").text:
            time.sleep(0.2)
        body = dash_duo.driver.find_element(By.TAG_NAME, "body").text
        assert visible in body, f"{path}: the text should show literally"
        # Open every map pin's card (pins are asked for per view), so the cards are built from the hostile names too.
        time.sleep(1.5)
        dash_duo.driver.execute_script(
            "document.querySelectorAll('.service-point').forEach(p => p.dispatchEvent(new MouseEvent('click', {bubbles: true})));"
        )
        time.sleep(0.5)
        assert dash_duo.driver.execute_script("return window.__xss === undefined"), f"{path}: script ran"
        assert not dash_duo.driver.find_elements(By.CSS_SELECTOR, "img[src='x']"), f"{path}: markup was rendered"
    assert dash_duo.get_logs() == []

"""Browser tests: a service's performance panels, the performance page and the report download."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select

from explorer.app import create_app
from tests.browser.axe import axe_violations

TODAY = dt.date(2026, 11, 26)


def _wait(predicate, timeout=15, message="condition"):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
        except StaleElementReferenceException:  # the page re-rendered under us: look again
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def _accessibility_problems(driver) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations on the page."""
    return axe_violations(driver)


def _pick(dash_duo, select_id: str, text: str) -> None:
    """Chooses the option whose label is ``text`` in a native select."""
    Select(dash_duo.find_element(f"#{select_id}")).select_by_visible_text(text)


def test_service_page_performance_and_report(dash_duo, sample_settings, tmp_path):
    app = create_app(sample_settings, today=lambda: TODAY)
    snapshot = app.server.config["EXPLORER_PROVIDER"].current()
    measured = {m.service_id for m in snapshot.measures}
    spent = {s.service_id for s in snapshot.spend}
    service = next(s for s in snapshot.services if s.id in measured and s.id in spent and s.status == "active")
    dash_duo.start_server(app)

    # A service's page: the overall rating in words, the spend chart and its table, the timeline.
    dash_duo.driver.get(dash_duo.server_url + f"/service/{service.id}")
    dash_duo.wait_for_contains_text("#service-performance", "Overall rating", timeout=15)
    dash_duo.wait_for_element("#service-spend-chart .main-svg", timeout=15)
    panel = dash_duo.find_element("#service-performance").text
    assert "The same figures as a table" in panel
    assert "Today, 26 Nov 2026" in panel
    assert any(word in panel for word in ("Green", "Amber", "Red", "Not reported"))
    assert "sample value" in panel
    assert _accessibility_problems(dash_duo.driver) == []

    # The performance page: counts, the sortable table, the borough map.
    dash_duo.driver.get(dash_duo.server_url + "/performance")
    dash_duo.wait_for_contains_text("#perf-results", "At a glance: 2026-Q3", timeout=20)
    _wait(lambda: len(dash_duo.find_elements("path.reach-shape")) == 33, message="33 borough shapes")
    rows_all = _wait(lambda: dash_duo.find_element("#perf-table").text, message="table")
    first_rating = dash_duo.find_elements("#perf-table td[data-dash-column=rating]")[0].text
    assert first_rating.endswith("Red")
    assert "Gaps in reporting" in dash_duo.find_element("#perf-results").text
    _wait(lambda: "Measures against targets" in dash_duo.find_element("#perf-dashboard").text, message="dashboard")
    dash_duo.wait_for_element("#perf-measure-detail svg.chart", timeout=15)
    assert _accessibility_problems(dash_duo.driver) == []

    # Switch a filter: the address keeps it and the table narrows.
    _pick(dash_duo, "perf-commissioner", "VRU")
    _wait(lambda: "commissioner=VRU" in dash_duo.driver.current_url, message="filter in the address")
    _wait(lambda: dash_duo.find_element("#perf-table").text != rows_all, message="table to change")
    commissioners = [c.text for c in dash_duo.find_elements("#perf-table td[data-dash-column=commissioner]")]
    assert commissioners and all("VRU" in c for c in commissioners)
    # Reloading the address gives the same view.
    dash_duo.driver.get(dash_duo.driver.current_url)
    _wait(lambda: dash_duo.find_elements("#perf-table td[data-dash-column=commissioner]"), message="table")
    commissioners = [c.text for c in dash_duo.find_elements("#perf-table td[data-dash-column=commissioner]")]
    assert all("VRU" in c for c in commissioners)

    # The six-monthly report: printable page, and the CSV downloads.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    dash_duo.driver.get(dash_duo.server_url + "/performance/report?period=2026-H1")
    dash_duo.wait_for_contains_text("#page", "Six-monthly performance report: January to June 2026", timeout=15)
    assert "Produced on 26 Nov 2026" in dash_duo.find_element("#page").text
    assert _accessibility_problems(dash_duo.driver) == []
    dash_duo.find_element("#report-csv").click()
    csv_file = _wait(lambda: _finished(downloads, "performance-report-2026-H1.csv"), message="CSV download")
    text = csv_file.read_text(encoding="utf-8")
    assert text.startswith("Service ID,Service,")
    assert "sample value" in text
    assert text.count("\n") > len(snapshot.services)

    assert dash_duo.get_logs() == []


def _finished(folder: Path, name: str) -> Path | None:
    path = folder / name
    return path if path.exists() and path.stat().st_size > 0 else None

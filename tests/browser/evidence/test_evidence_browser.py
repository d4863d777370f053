"""Browser tests: "What the evidence says" on a DIVERT service page, and the VRU dashboard filtered to "no evaluation published"."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select

from explorer.app import create_app
from tests.browser.axe import AXE, TAGS

TODAY = dt.date(2026, 11, 29)


def _wait(predicate, timeout=20, message="condition"):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def _violations_in(driver, selector: str) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations inside one part of the page."""
    driver.execute_script(Path(AXE).read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document.querySelector(arguments[1]), {runOnly: {type: 'tag', values: arguments[0]},"
        " resultTypes: ['violations']}).then(r => done(r.violations))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        TAGS, selector,
    )
    return [{"id": v["id"], "help": v["help"], "nodes": [n.get("target") for n in v["nodes"]][:5]} for v in result]


def _row_evidence(dash_duo):
    try:
        return {r.get_attribute("data-evidence") for r in dash_duo.find_elements("#perf-evidence-block tbody tr")}
    except StaleElementReferenceException:  # replaced while being read: look again
        return None


def test_divert_page_shows_the_natcen_finding_and_the_vru_view_filters_to_no_evaluation(dash_duo, sample_settings):
    app = create_app(sample_settings, today=lambda: TODAY)
    dash_duo.start_server(app)

    # A DIVERT service page: the NatCen finding, its date and its link; the overdue impact study.
    dash_duo.driver.get(dash_duo.server_url + "/service/svc-divert")
    dash_duo.wait_for_contains_text("#service-evidence", "NatCen Social Research", timeout=20)
    section = dash_duo.find_element("#service-evidence")
    text = section.text
    assert "What the evidence says" in text
    assert "Published July 2021" in text
    assert "by 12 months there was no difference" in text
    assert "4 of 5: Quasi-experimental" in text
    assert "Overdue: due 2025" in text
    links = [a.get_attribute("href") for a in section.find_elements("css selector", "a")]
    assert "https://natcen.ac.uk/our-research/research/diversion-from-serious-violence/" in links
    assert _violations_in(dash_duo.driver, "#service-evidence") == []

    # The VRU dashboard, filtered to services with no evaluation published (straight from the address).
    dash_duo.driver.get(dash_duo.server_url + "/performance?commissioner=VRU&evidence=none")
    block = _wait(lambda: dash_duo.find_elements("#perf-evidence-block tbody tr"), message="evidence table")
    assert Select(dash_duo.find_element("#perf-evidence")).first_selected_option.text == "No evaluation published"
    programmes = [r.find_element("css selector", "th").text for r in block]
    assert "Engage" in programmes and "VRU Robbery Response" in programmes
    assert "DIVERT" not in programmes and "Your Choice" not in programmes
    assert {r.get_attribute("data-evidence") for r in block} <= {"planned", "none"}
    block_text = dash_duo.find_element("#perf-evidence-block").text
    # Said once on the whole dashboard, not on every row.
    assert dash_duo.find_element("#perf-dashboard").text.count("publishes a cost-benefit ratio") == 1
    assert "sample value" in block_text
    assert _violations_in(dash_duo.driver, "#perf-evidence-block") == []
    assert _violations_in(dash_duo.driver, ".perf-filters") == []

    # Choosing "An evaluation published" in the page puts it in the address and turns the table round.
    Select(dash_duo.find_element("#perf-evidence")).select_by_visible_text("An evaluation published")
    _wait(lambda: "evidence=published" in dash_duo.driver.current_url, message="filter in the address")
    _wait(lambda: "DIVERT" in dash_duo.find_element("#perf-evidence-block").text, message="DIVERT to appear")
    # The block is one piece of HTML, replaced whole when the dashboard updates: read its rows afresh.
    _wait(lambda: _row_evidence(dash_duo) == {"published"}, message="only published evaluations")

    assert dash_duo.get_logs() == []

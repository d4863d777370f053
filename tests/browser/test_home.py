"""Browser tests: the explorer home page in real headless Chromium."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.helpers import tick
from explorer.app import create_app


def _wait_for_count(dash_duo, selector, predicate, timeout=10):
    dash_duo.wait_for_element(selector, timeout=timeout)
    import time

    end = time.time() + timeout
    while time.time() < end:
        found = dash_duo.find_elements(selector)
        if predicate(len(found)):
            return len(found)
        time.sleep(0.1)
    raise AssertionError(f"{selector}: {len(dash_duo.find_elements(selector))} elements")


def _total(count_text: str) -> int:
    """The number of matches in "Showing 1–20 of 70 services." or "12 services."."""
    words = count_text.replace(".", "").split()
    return int(words[words.index("of") + 1]) if "of" in words else int(words[0])


def test_home_shows_map_boroughs_services_and_filters_by_borough(dash_duo, sample_settings):
    app = create_app(sample_settings)
    dash_duo.start_server(app)

    # The map: 33 borough shapes and service points (single pins or clusters).
    _wait_for_count(dash_duo, "path.borough-shape", lambda n: n == 33)
    _wait_for_count(dash_duo, ".service-point, .marker-cluster", lambda n: n > 0)
    dash_duo.wait_for_contains_text("#result-summary", "Showing: all services")
    # Results come a page of 20 at a time, the position said in words (issue 15: every result reachable).
    assert len(dash_duo.find_elements(".service-card")) == 20
    count = dash_duo.find_element(".result-count").text
    assert count.startswith("Showing 1\u201320 of ")
    all_cards = _total(count)
    assert all_cards >= 60
    assert dash_duo.find_element("#sample-banner").text.startswith("Sample data")

    # Pick a borough: the list narrows to services covering it, and the URL keeps the choice.
    tick(dash_duo, "borough-select", "Hackney")
    dash_duo.wait_for_text_to_equal("#borough-select-summary", "Hackney")
    dash_duo.wait_for_contains_text("#result-summary", "Showing: Hackney")
    _wait_for_count(dash_duo, ".service-card", lambda n: n > 0)
    assert 0 < _total(dash_duo.find_element(".result-count").text) < all_cards
    assert "borough=E09000012" in dash_duo.driver.current_url
    _wait_for_count(dash_duo, "path.borough-selected", lambda n: n == 1)

    # Clicking a borough on the map adds it to the borough filter.
    dash_duo.driver.execute_script(
        "var p = document.querySelector('path.borough-E09000030');"
        "var r = p.getBoundingClientRect();"
        "p.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2}));"
    )
    dash_duo.wait_for_text_to_equal("#borough-select-summary", "Hackney, Tower Hamlets")
    dash_duo.wait_for_contains_text("#result-summary", "Tower Hamlets")
    assert "borough=E09000012%2CE09000030" in dash_duo.driver.current_url
    cards = _wait_for_count(dash_duo, ".service-card", lambda n: n > 0)

    # Reloading the address gives the same view.
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#result-summary", "Showing: Hackney, Tower Hamlets")
    assert len(dash_duo.find_elements(".service-card")) == cards

    assert dash_duo.get_logs() == []

"""Browser test: a resident searches, opens a service, comes back to the same results."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from explorer.app import create_app
from tests.browser.helpers import click


def test_search_open_a_service_and_come_back(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings))
    dash_duo.wait_for_element("path.borough-shape", timeout=10)

    box = dash_duo.find_element("#search-input")
    box.send_keys("knife crim youth croydon")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#result-summary", "Youth violence", timeout=10)
    dash_duo.wait_for_contains_text("#result-summary", "Croydon", timeout=10)
    assert "q=knife+crim+youth+croydon" in dash_duo.driver.current_url
    names = [e.text for e in dash_duo.find_elements(".service-card h3")]
    assert names and any("Croydon" in n for n in names)
    # The map shows only the matching services' points (clusters or single pins).
    dash_duo.wait_for_element(".service-point, .marker-cluster", timeout=10)
    # The searched borough is highlighted.
    dash_duo.wait_for_element("path.borough-selected", timeout=10)

    title = dash_duo.find_element(".service-card h3 a").text
    click(dash_duo, lambda: dash_duo.find_element(".service-card h3 a"))
    dash_duo.wait_for_contains_text("h1", title, timeout=10)
    assert "/service/" in dash_duo.driver.current_url
    dash_duo.find_element(".back-link").click()

    dash_duo.wait_for_contains_text("#result-summary", "Youth violence", timeout=10)
    assert dash_duo.find_element("#search-input").get_attribute("value") == "knife crim youth croydon"
    assert [e.text for e in dash_duo.find_elements(".service-card h3")] == names
    assert dash_duo.get_logs() == []


def test_nonsense_gets_a_helpful_message(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings))
    box = dash_duo.wait_for_element("#search-input", timeout=10)
    box.send_keys("<script>alert(1)</script>")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#search-message", "No services match", timeout=10)
    assert dash_duo.find_elements(".service-card") == []
    assert dash_duo.get_logs() == []

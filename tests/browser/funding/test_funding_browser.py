"""Browser test: Priya in Enfield filters the funding page to Enfield and youth violence, and opens one."""

from __future__ import annotations

import datetime as dt
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from tests.browser.helpers import tick
from selenium.webdriver.common.keys import Keys

from explorer.app import create_app

#: A day when the sample has opportunities open, closing soon, upcoming and closed.
TODAY = dt.date(2026, 11, 20)


def _wait_until(predicate, timeout=10, message=""):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(message or "timed out")


def _retry_stale(action, attempts=20):
    """Runs ``action``, again if the page re-rendered the element it held."""
    for attempt in range(attempts):
        try:
            return action()
        except StaleElementReferenceException:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2)


def _choose(dash_duo, checklist, label):
    """Ticks a box in one of the funding page's collapsible checklists."""
    tick(dash_duo, checklist, label)


def test_filter_by_borough_and_service_area_then_open_one(dash_duo, sample_settings):
    app = create_app(sample_settings, today=lambda: TODAY)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/funding")
    dash_duo.wait_for_contains_text("#funding-summary", "open or opening later")
    everything = len(dash_duo.find_elements("#funding-list .opportunity-card"))

    _choose(dash_duo, "#funding-borough", "Enfield")
    dash_duo.wait_for_contains_text("#funding-summary", "for Enfield")
    _choose(dash_duo, "#funding-area", "Youth violence")
    dash_duo.wait_for_contains_text("#funding-summary", "for Enfield and youth violence")

    # The address keeps the filters, and so do the feed links.
    _wait_until(lambda: "borough=E09000010" in dash_duo.driver.current_url
                and "area=youth-violence" in dash_duo.driver.current_url, message=dash_duo.driver.current_url)
    ics = dash_duo.find_element("#funding-ics-link").get_attribute("href")
    assert ics.endswith("/funding.ics?borough=E09000010&area=youth-violence")

    cards = dash_duo.find_elements("#funding-list .opportunity-card")
    assert 0 < len(cards) < everything
    titles = [c.find_element(By.CSS_SELECTOR, "h3").text for c in cards]
    statuses = [c.find_element(By.CSS_SELECTOR, ".status-badge").text for c in cards]
    # Every card says its status in words (an icon and colour only add to it).
    assert all(s.split(" ", 1)[-1] in {"Open", "Closing soon", "Opens later"} for s in statuses), statuses
    assert "Closing soon" in " ".join(statuses) and "Opens later" in " ".join(statuses)
    assert not any("Croydon" in t for t in titles)  # Croydon's microgrants are not open to Enfield
    for card in cards:
        assert "youth violence" in card.text.lower() or "any kind of work" in card.text.lower()
    # Soonest deadline first: the closing-soon card leads.
    assert statuses[0].endswith("Closing soon")

    # Reloading the address gives the same view.
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#funding-summary", "for Enfield and youth violence")
    assert len(dash_duo.find_elements("#funding-list .opportunity-card")) == len(cards)

    # Open the first one: its own page, with its status and the way back.
    def open_first():
        first = dash_duo.find_elements("#funding-list .opportunity-card h3 a")[0]
        text = first.text
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
        first.click()
        return text

    title = _retry_stale(open_first)
    dash_duo.wait_for_text_to_equal("h1", title)
    assert "Closing soon" in dash_duo.find_element(".status-badge").text
    assert "Services already funded under" in dash_duo.find_element("#page").text
    back = dash_duo.find_element("#page a").get_attribute("href")
    assert back.endswith("/funding?borough=E09000010&area=youth-violence")

    assert dash_duo.get_logs() == []


def test_empty_result_says_what_to_try(dash_duo, sample_settings):
    app = create_app(sample_settings, today=lambda: TODAY)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/funding?borough=E09000004&area=hate-crime&status=closing-soon")
    dash_duo.wait_for_contains_text("#funding-summary", "No opportunities closing soon for Bexley and hate crime")
    link = dash_duo.find_element("#funding-summary a")
    # Bexley has a schools fund closing soon, so the one widening that finds something is the service area.
    assert link.text == "try any kind of work"
    link.click()
    dash_duo.wait_for_contains_text("#funding-summary", "2 opportunities closing soon for Bexley.")
    assert "Closing soon" in dash_duo.find_element("#funding-list .status-badge").text
    assert dash_duo.get_logs() == []

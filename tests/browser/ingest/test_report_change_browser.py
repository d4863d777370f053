"""Browser tests: a resident reports a change on a service page; Sam reads freshness and history on the data page."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.keys import Keys

from explorer import ids
from explorer.app import create_app
from explorer.store.store import Store
from explorer.store.suggestions import SuggestionBox

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 26)


def test_report_a_change_on_a_service_page(dash_duo, sample_settings):
    app = create_app(sample_settings, today=lambda: TODAY)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/service/svc-london-havens")
    dash_duo.wait_for_contains_text(f"#{ids.REPORT_CHANGE_FORM}", "Report a change")
    hidden = dash_duo.driver.execute_script(
        f"return document.getElementById('{ids.REPORT_CHANGE_WEBSITE}').offsetParent === null")
    assert hidden  # the honeypot is not shown to people
    dash_duo.wait_for_element(f"#{ids.REPORT_CHANGE_MESSAGE}").send_keys("The opening hours <b>changed</b> in October.")
    button = dash_duo.wait_for_element(f"#{ids.REPORT_CHANGE_SUBMIT}")
    button.send_keys(Keys.ENTER)  # by keyboard, as many people send forms
    dash_duo.wait_for_contains_text(f"#{ids.REPORT_CHANGE_STATUS}", "Thank you")
    (kept,) = SuggestionBox(Store.open(sample_settings.database_url)).list()
    assert (kept.service_id, kept.message) == ("svc-london-havens", "The opening hours changed in October.")
    assert dash_duo.get_logs() == []


def test_the_data_page_shows_freshness_and_history(dash_duo, sample_settings):
    app = create_app(sample_settings, today=lambda: TODAY)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/data")
    dash_duo.wait_for_contains_text(f"#{ids.DATA_FRESHNESS_SUMMARY}", "Services")
    dash_duo.wait_for_element(f"#{ids.DATA_FRESHNESS_PROVIDER}")
    dash_duo.wait_for_element(f"#{ids.DATA_VERSION_TABLE}")
    assert "Version 1" in dash_duo.find_element(f"#{ids.DATA_VERSION_REPORTS}").text
    assert dash_duo.get_logs() == []

"""Helpers for browser tests: drive the explorer's native form controls like a person."""

from __future__ import annotations

import time

from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def tick(dash_duo, checklist_id: str, label: str) -> None:
    """Opens a collapsible checklist, ticks the box labelled ``label``, and closes it again."""
    checklist_id = checklist_id.lstrip("#")
    summary = dash_duo.find_element(f"#{checklist_id}-summary")
    _click(dash_duo, summary)
    box = dash_duo.driver.find_element(
        By.XPATH, f"//*[@id='{checklist_id}']//label[normalize-space()='{label}']"
    )
    _click(dash_duo, box)
    dash_duo.driver.execute_script("arguments[0].closest('details').open = false;", box)


def _click(dash_duo, element, attempts: int = 20) -> None:
    """Scrolls an element into view and clicks it, waiting out a layout that is still moving."""
    for attempt in range(attempts):
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        try:
            element.click()
            return
        except ElementClickInterceptedException:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2)


def pick(dash_duo, select_id: str, value: str) -> None:
    """Chooses ``value`` in a native select."""
    Select(dash_duo.find_element(f"#{select_id.lstrip('#')}")).select_by_value(value)


def choose_radio(dash_duo, group_id: str, value: str) -> None:
    """Chooses the radio button with ``value`` in a radio group."""
    dash_duo.find_element(f"#{group_id.lstrip('#')} input[value='{value}']").click()

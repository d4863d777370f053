"""Helpers for browser tests: drive the explorer's native form controls like a person."""

from __future__ import annotations

import time

from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def own_port() -> int:
    """A port for a test that must know its server's address before starting it (the quick exit's
    neutral page). dash only advances its port counter when it chooses the port itself, so a test
    passing ``port=`` would leave the next test the same port, which the last server may still hold
    ("Address already in use")."""
    from dash.testing.application_runners import BaseDashRunner

    port = BaseDashRunner._next_port
    BaseDashRunner._next_port += 1
    return port


def tick(dash_duo, checklist_id: str, label: str) -> None:
    """Opens a collapsible checklist, ticks the box labelled ``label``, and closes it again."""
    checklist_id = checklist_id.lstrip("#")
    # On a phone the filters are folded into one "Filters" control: open it first.
    dash_duo.driver.execute_script(
        "var d = document.getElementById(arguments[0]); var p = d && d.closest('details.filter-panel');"
        "if (p) p.open = true;",
        checklist_id,
    )
    _click(dash_duo, lambda: dash_duo.find_element(f"#{checklist_id}-summary"))
    _click(dash_duo, lambda: dash_duo.driver.find_element(
        By.XPATH, f"//*[@id='{checklist_id}']//label[normalize-space()='{label}']"
    ))
    dash_duo.driver.execute_script(
        "var d = document.getElementById(arguments[0] + '-summary'); if (d) d.closest('details').open = false;",
        checklist_id,
    )


def click(dash_duo, find, attempts: int = 50) -> None:
    """Finds an element with ``find``, scrolls it to the middle of the screen and clicks it, retrying
    while the page is still re-rendering or moving (a map fitting its view, a list redrawn)."""
    _click(dash_duo, find, attempts)


def _click(dash_duo, find, attempts: int = 50) -> None:
    """Finds an element, scrolls it into view and clicks it, waiting out a page still moving."""
    for attempt in range(attempts):
        try:
            element = find()
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            element.click()
            return
        except (ElementClickInterceptedException, StaleElementReferenceException):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2)


def pick(dash_duo, select_id: str, value: str) -> None:
    """Chooses ``value`` in a native select."""
    Select(dash_duo.find_element(f"#{select_id.lstrip('#')}")).select_by_value(value)


def choose_radio(dash_duo, group_id: str, value: str) -> None:
    """Chooses the radio button with ``value`` in a radio group."""
    dash_duo.find_element(f"#{group_id.lstrip('#')} input[value='{value}']").click()

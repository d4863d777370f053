"""Browser tests: the first paint. Each page arrives as HTML that reads before any script runs,
and React's copy replaces it without moving anything (issue 19: LCP and no layout shift)."""

from __future__ import annotations

import time

import pytest

from explorer.app import create_app

pytestmark = pytest.mark.first_paint

PHONE = (390, 844)
SEARCH = "/?q=domestic+abuse+Peckham"

#: Records layout shifts and largest-contentful-paint candidates from the very start of each page.
OBSERVE = """
window.__shifts = []; window.__lcp = [];
new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {
  if (!e.hadRecentInput) { window.__shifts.push(e.value); } }); }).observe({type: "layout-shift", buffered: true});
new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {
  window.__lcp.push(e.startTime); }); }).observe({type: "largest-contentful-paint", buffered: true});
"""


def _wait(predicate, timeout: float = 20, message: str = "condition"):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def test_a_search_reads_with_scripts_turned_off(dash_duo, sample_settings):
    dash_duo.driver.set_window_size(*PHONE)
    dash_duo.start_server(create_app(sample_settings))
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.execute_cdp_cmd("Page.navigate", {"url": dash_duo.server_url + SEARCH})
        _wait(lambda: driver.find_elements("css selector", "#first-paint .service-card"), message="server HTML")
        first = driver.find_element("css selector", "#first-paint")
        text = first.text
        assert "Find help near you" in text
        assert "Peckham (Southwark)" in text  # what the search understood
        assert "Rape Crisis South London" in text  # the first result, with its link to the service page
        link = first.find_element("css selector", ".service-card h3 a")
        assert link.get_attribute("href").startswith(dash_duo.server_url + "/service/")
        assert first.find_element("css selector", "#fp-search-input").get_attribute("value") == "domestic abuse Peckham"
        assert first.find_element("css selector", "a.exit-this-page__button").is_displayed()
        assert "Sample data" in text  # the sample notice is there before any script
        # Dash's own copy never started: nothing replaced the server's page.
        assert driver.find_element("css selector", "#react-entry-point").text == ""
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_react_replaces_the_first_paint_without_moving_anything(dash_duo, sample_settings):
    dash_duo.driver.set_window_size(*PHONE)
    dash_duo.start_server(create_app(sample_settings))
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE})
    for path in (SEARCH, "/", "/funding", "/staying-safe"):
        driver.get(dash_duo.server_url + path)
        _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"),
              message=f"React's page on {path}")
        root = driver.find_element("css selector", "#react-entry-point")
        assert "first-paint-pending" not in root.get_attribute("class")
        assert root.find_element("css selector", "#page h1").is_displayed()
        time.sleep(1.0)  # let late callbacks (the map, the page's head) settle
        shifts = driver.execute_script("return window.__shifts")
        assert sum(shifts) < 0.01, f"layout shift {sum(shifts):.3f} on {path}"
        # The largest paint is the server's HTML: nothing React drew later was larger.
        candidates = driver.execute_script("return window.__lcp")
        assert candidates, path
    # The served page now works as Dash: a search from the box updates the list in place.
    driver.get(dash_duo.server_url + SEARCH)
    _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"), message="swap")
    dash_duo.wait_for_contains_text("#result-summary", "Southwark", timeout=15)


def test_the_scripts_wait_for_the_first_paint(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings))
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + SEARCH)
    _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"), message="swap")
    timing = driver.execute_script("""
        var fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
        var react = performance.getEntriesByType('resource').filter(function (r) {
          return r.name.indexOf('/deps/react@') >= 0; })[0];
        return [fcp, react.startTime, performance.getEntriesByType('resource').some(function (r) {
          return r.name.indexOf('polyfill@') >= 0; })];
    """)
    fcp, react_start, polyfill = timing
    assert react_start >= fcp, "Dash's scripts were fetched before the page had painted"
    assert polyfill is False


def _held_app(settings, gate):
    """The app with Dash's renderer script held back until ``gate`` is set: a slow phone's network."""
    app = create_app(settings)

    @app.server.before_request
    def _slow_renderer():
        from flask import request

        if "dash_renderer" in request.path:
            gate.wait(30)

    return app


def test_typing_before_the_scripts_arrive_is_kept(dash_duo, sample_settings):
    import threading

    from selenium.webdriver.common.keys import Keys

    gate = threading.Event()
    dash_duo.driver.set_window_size(*PHONE)
    dash_duo.start_server(_held_app(sample_settings, gate), navigate=False)
    driver = dash_duo.driver
    try:
        driver.execute_cdp_cmd("Page.navigate", {"url": dash_duo.server.url + "/"})
        _wait(lambda: driver.find_elements("css selector", "#first-paint #fp-search-input"), message="first paint")
        box = driver.find_element("css selector", "#first-paint #fp-search-input")
        box.click()
        box.send_keys("stalking")
        assert driver.find_elements("css selector", "#first-paint"), "the scripts were not held"
    finally:
        gate.set()
    _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"), message="swap")
    react_box = driver.find_element("css selector", "#search-input")
    assert react_box.get_attribute("value") == "stalking"
    assert driver.switch_to.active_element == react_box
    react_box.send_keys(Keys.ENTER)  # React has the text: the search runs on it
    _wait(lambda: "q=stalking" in driver.current_url, message="the search in the address")
    dash_duo.wait_for_contains_text("#result-summary", "Violence against women and girls", timeout=15)


def test_the_quick_exit_works_on_the_first_paint(dash_duo, sample_settings):
    import dataclasses
    import threading

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from tests.browser.helpers import own_port

    port = own_port()
    neutral = f"http://127.0.0.1:{port}/healthz"
    gate = threading.Event()
    settings = dataclasses.replace(sample_settings, exit_url=neutral)
    dash_duo.start_server(_held_app(settings, gate), navigate=False, port=port)
    driver = dash_duo.driver
    try:
        driver.execute_cdp_cmd("Page.navigate", {"url": dash_duo.server.url + SEARCH})
        _wait(lambda: driver.find_elements("css selector", "#first-paint .service-card"), message="first paint")
        for _ in range(3):
            ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()
        _wait(lambda: driver.current_url == neutral, message="the neutral page")
    finally:
        gate.set()


#: Where each heading and paragraph on the first screen sits, keyed by its text.
POSITIONS = """
var scope = document.querySelector(arguments[0]);
var out = {};
scope.querySelectorAll("h1, h2, h3, p, label, summary, a.btn, button").forEach(function (e) {
  var box = e.getBoundingClientRect();
  var text = e.textContent.trim().slice(0, 60);
  if (box.height > 0 && box.top < window.innerHeight && text && !(text in out)) {
    out[text] = Math.round(box.top + window.scrollY);
  }
});
return out;
"""


def test_the_first_screen_is_laid_out_the_same_before_and_after_the_swap(dash_duo, sample_settings):
    dash_duo.driver.set_window_size(*PHONE)
    dash_duo.start_server(create_app(sample_settings))
    driver = dash_duo.driver
    for path in ("/?q=qqqzzzxx", SEARCH, "/service/svc-london-havens", "/funding", "/performance", "/data"):
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.execute_cdp_cmd("Page.navigate", {"url": dash_duo.server_url + path})
        _wait(lambda: driver.find_elements("css selector", "#first-paint footer"), message=f"first paint of {path}")
        time.sleep(0.3)
        before = driver.execute_script(POSITIONS, "#first-paint")
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        driver.get(dash_duo.server_url + path)
        _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"), message=path)
        time.sleep(0.5)
        after = driver.execute_script(POSITIONS, "#react-entry-point")
        moved = {text: (top, after[text]) for text, top in before.items() if text in after and abs(after[text] - top) > 2}
        assert before and not moved, f"{path}: moved at the swap {moved}"


def test_a_phone_draws_the_borough_shapes_only_when_the_map_is_shown(dash_duo, sample_settings):
    dash_duo.driver.set_window_size(*PHONE)
    dash_duo.start_server(create_app(sample_settings))
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + SEARCH)
    _wait(lambda: driver.execute_script("return !document.getElementById('first-paint')"), message="swap")
    time.sleep(1.0)
    shapes = "return document.querySelectorAll('.explorer-map path.leaflet-interactive').length"
    assert driver.execute_script(shapes) == 0  # the list is on screen; the hidden map is left empty
    driver.find_element("css selector", "#results-view-map").click()
    _wait(lambda: driver.execute_script(shapes) == 33, message="the 33 borough shapes")
    labels = driver.execute_script("return document.querySelector('.explorer-map').textContent")
    assert "Southwark" in labels and "Lambeth" in labels

"""Browser tests: the services map (pins with cards, fitting the searched place, basemap, names)."""

from __future__ import annotations

import base64
import dataclasses
import time
from urllib.parse import parse_qs, urlsplit

from flask import Response, request
from selenium.webdriver.common.keys import Keys

from explorer.app import create_app

#: A 1x1 PNG served as every tile by the test's own tile route.
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _wait(predicate, timeout=15, message="condition"):
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}")


def _show_map(dash_duo):
    dash_duo.driver.execute_script("document.querySelector('.explorer-map').scrollIntoView({block: 'start'});")


def _settled(dash_duo):
    """Waits until the map's first view has stopped moving (two reads of the map pane's position and
    Southwark's outline, 0.4 s apart, agree). Leaflet drops a fit asked for while a zoom animation runs,
    so a search sent during the first view's animation (a quarter of a second after the map draws,
    faster than a person types) would leave the map on all of London."""
    def where():
        return dash_duo.driver.execute_script(
            "var p = document.querySelector('.leaflet-map-pane');"
            "var s = document.querySelector('path.borough-E09000028').getBoundingClientRect();"
            "var m = document.querySelector('.explorer-map');"
            "return [p && p.style.transform, Math.round(s.height), m.classList.contains('leaflet-zoom-anim')];")

    def still():
        before = where()
        time.sleep(0.4)
        return not before[2] and before == where()

    _wait(still, message="the map's first view to settle")


def _pins_in_view(dash_duo):
    """The pins inside the map, found and measured in one script: the map replaces its pins when its
    view's answer arrives, so a pin found in one call may be gone (stale) by the next."""
    return dash_duo.driver.execute_script(
        "var m = document.querySelector('.explorer-map').getBoundingClientRect();"
        "return Array.prototype.filter.call(document.querySelectorAll('.service-point'), function (p) {"
        "  var r = p.getBoundingClientRect(); var x = r.left + r.width / 2, y = r.top + r.height / 2;"
        "  return x > m.left + 30 && x < m.right - 30 && y > m.top + 30 && y < m.bottom - 30; });")


def _map_views_asked(dash_duo):
    """The views (west, south, east, north) this page has asked ``/api/v1/map`` for."""
    urls = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (n) { return n.indexOf('/api/v1/map?') >= 0; });")
    return [tuple(float(v) for v in parse_qs(urlsplit(url).query)["bbox"][0].split(",")) for url in urls]


def _inside_map(dash_duo, element):
    return dash_duo.driver.execute_script(
        "var m = document.querySelector('.explorer-map').getBoundingClientRect();"
        "var r = arguments[0].getBoundingClientRect(); var x = r.left + r.width / 2, y = r.top + r.height / 2;"
        "return x > m.left + 30 && x < m.right - 30 && y > m.top + 30 && y < m.bottom - 30;", element)


def test_tap_a_pin_opens_a_card_with_a_phone_link(dash_duo, sample_settings):
    dash_duo.driver.set_window_size(390, 844)
    dash_duo.start_server(create_app(sample_settings))
    dash_duo.driver.get(dash_duo.server.url.rstrip("/") + "/?q=havens")
    dash_duo.wait_for_contains_text("#result-summary", "1 service", timeout=15)
    # The hidden map (the list is the phone's first view) has no size and asks for no pins: an answer
    # for its one-point view, arriving after the shown map's, would be drawn last and empty the map.
    time.sleep(0.5)
    assert _map_views_asked(dash_duo) == []
    # On a phone the list and the map are two views: switch to the map.
    dash_duo.find_element("#results-view-map").click()
    _wait(lambda: dash_duo.find_elements(".service-point"), message="the Havens' pins")
    for west, south, east, north in _map_views_asked(dash_duo):
        assert west < east and south < north
    _show_map(dash_duo)
    pin = _wait(lambda: _pins_in_view(dash_duo), message="a pin in view")[0]
    # Every pin is a named button a keyboard can reach.
    assert pin.get_attribute("role") == "button" and pin.get_attribute("tabindex") == "0"
    assert pin.get_attribute("aria-label").startswith("The Havens")
    # The tap, as the browser delivers it to the pin (a pointer press, release and click on it).
    dash_duo.driver.execute_script(
        "var p = arguments[0]; p.scrollIntoView({block: 'center'});"
        "['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].forEach(function (t) {"
        "  p.dispatchEvent(new MouseEvent(t, {bubbles: true, cancelable: true, view: window})); });",
        _pins_in_view(dash_duo)[0])
    card = dash_duo.wait_for_element(".pin-card", timeout=10)
    _wait(lambda: card.find_element("css selector", ".pin-card-name").text.startswith("The Havens"),
          message="the card, shown")
    tel = card.find_element("css selector", "a[href^='tel:']")
    assert tel.get_attribute("href") == "tel:02032996900"
    assert tel.text == "020 3299 6900"
    more = card.find_element("css selector", "a.pin-card-link")
    assert more.get_attribute("href").endswith("/service/svc-london-havens")

    # By keyboard: Enter on a focused pin opens its card and moves focus into it.
    dash_duo.driver.execute_script("document.querySelector('.leaflet-popup-close-button').click();")
    _wait(lambda: not dash_duo.find_elements(".pin-card"), message="the card to close")
    dash_duo.driver.execute_script("document.querySelector('.service-point').focus();")
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    dash_duo.wait_for_element(".pin-card", timeout=10)
    active = dash_duo.driver.switch_to.active_element
    assert active.get_attribute("href").startswith("tel:")
    assert dash_duo.get_logs() == []


def test_the_map_fits_the_searched_place_and_marks_it(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings))
    dash_duo.wait_for_element("path.borough-shape", timeout=15)
    # With no basemap the map still reads: every borough's name is written on it.
    _wait(lambda: len(dash_duo.find_elements(".borough-label")) == 33, message="33 borough names")
    _settled(dash_duo)
    box = dash_duo.find_element("#search-input")
    box.send_keys("domestic abuse Peckham")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#result-summary", "Peckham", timeout=15)
    marker = dash_duo.wait_for_element(".place-marker", timeout=15)
    assert "Peckham" in dash_duo.find_element(".place-label").text
    _show_map(dash_duo)

    _wait(lambda: _inside_map(dash_duo, dash_duo.find_element(".place-marker")), message="Peckham in view")
    # Zoomed in on it: Southwark's shape is larger than the map's quarter.
    _wait(lambda: dash_duo.driver.execute_script(
        "var s = document.querySelector('path.borough-E09000028').getBoundingClientRect();"
        "var m = document.querySelector('.explorer-map').getBoundingClientRect();"
        "return s.height > m.height / 2;"), message="zoomed to Peckham")
    # "domestic abuse Peckham" shows pins of domestic-abuse services around Peckham.
    pins = _wait(lambda: _pins_in_view(dash_duo), message="pins in view")
    assert pins
    assert marker is not None
    assert dash_duo.get_logs() == []


def test_a_late_answer_for_an_older_view_is_not_drawn(dash_duo, sample_settings):
    """The first view's answer (every service) is held back three seconds; meanwhile the resident
    searches. The map shows the search's pins, and the older answer arriving late changes nothing."""
    app = create_app(sample_settings)
    held = []

    @app.server.before_request
    def hold_the_first_view():
        if request.path == "/api/v1/map" and "q" not in request.args and not held:
            held.append(request.full_path)
            time.sleep(3)

    dash_duo.start_server(app)
    dash_duo.wait_for_element("path.borough-shape", timeout=15)
    _wait(lambda: held, message="the first view to be asked for")
    _settled(dash_duo)  # (a search during the first view's zoom animation would lose its fit: see _settled)
    box = dash_duo.find_element("#search-input")
    box.send_keys("havens")
    box.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#result-summary", "1 service", timeout=15)
    _wait(lambda: dash_duo.find_elements(".service-point"), message="the Havens' pins")
    time.sleep(3.5)  # the held answer has been sent by now
    labels = [p.get_attribute("aria-label") for p in dash_duo.find_elements(".service-point")]
    assert labels and all(label.startswith("The Havens") for label in labels)
    assert dash_duo.find_elements(".service-cluster") == []
    assert dash_duo.get_logs() == []


def test_pins_that_could_not_load_are_said_with_a_way_to_try_again(dash_duo, sample_settings):
    """The map's view answers 503 (a server restarting, a phone losing signal): the page says so
    above the map with a "Try again" button, which loads the pins once the server is back."""
    app = create_app(sample_settings)
    down = [True]

    @app.server.before_request
    def unavailable():
        if request.path == "/api/v1/map" and down:
            return Response('{"error": "unavailable"}', status=503, mimetype="application/json")
        return None

    dash_duo.start_server(app)
    dash_duo.wait_for_element("path.borough-shape", timeout=15)
    dash_duo.wait_for_contains_text("#map-status", "could not be loaded", timeout=15)
    assert not dash_duo.find_elements(".service-point, .service-cluster")
    down.clear()
    dash_duo.find_element("#map-status button").click()
    _wait(lambda: dash_duo.find_elements(".service-point, .service-cluster"), message="the pins")
    _wait(lambda: dash_duo.find_element("#map-status").text == "", message="the message to go")
    assert not dash_duo.find_element("#map-status").is_displayed()
    # The browser logs the 503 itself; nothing else is logged.
    assert all("503" in entry["message"] for entry in dash_duo.get_logs())


def test_basemap_and_its_attribution_when_a_tile_url_is_set(dash_duo, sample_settings):
    settings = dataclasses.replace(
        sample_settings, tile_url="/test-tiles/{z}/{x}/{y}.png", tile_attribution="Test tiles by the test suite"
    )
    app = create_app(settings)

    @app.server.get("/test-tiles/<int:z>/<int:x>/<int:y>.png")
    def tile(z, x, y):
        return Response(PIXEL_PNG, mimetype="image/png")

    dash_duo.start_server(app)
    dash_duo.wait_for_element("path.borough-shape", timeout=15)
    _wait(lambda: dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('img.leaflet-tile')).filter("
        "i => i.complete && i.naturalWidth > 0 && i.src.indexOf('/test-tiles/') !== -1).length;"), message="tiles")
    attribution = dash_duo.find_element(".leaflet-control-attribution").text
    assert "Test tiles by the test suite" in attribution
    assert dash_duo.get_logs() == []

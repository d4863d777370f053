"""Browser tests: the embed inside an iframe on another site (allowed and refused), at 320 px, and its builder."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By

from tests.browser.helpers import pick
from explorer.app import create_app

HACKNEY = "E09000012"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _BoroughSite:
    """A stand-in for a borough's website: one page that frames the explorer's /embed."""

    def __init__(self, port: int):
        self.port = port
        self.frame_src = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                if self.path != "/":
                    self.send_response(404)
                    self.end_headers()
                    return
                body = (
                    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><link rel='icon' href='data:,'><title>Borough site</title></head>"
                    "<body><h1>Community safety in Hackney</h1>"
                    f"<iframe id='explorer' src='{site.frame_src}' title='Services in Hackney' width='100%' "
                    "height='700' loading='lazy'></iframe></body></html>"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def allowed_site():
    with _BoroughSite(_free_port()) as site:
        yield site


@pytest.fixture()
def other_site():
    with _BoroughSite(_free_port()) as site:
        yield site


def _wait(predicate, timeout=15.0, message="condition"):
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def test_embed_works_in_an_iframe_on_an_allowed_site_and_is_refused_elsewhere(dash_duo, sample_settings, allowed_site, other_site):
    app = create_app(replace(sample_settings, embed_origins=(allowed_site.origin,)))
    dash_duo.start_server(app)
    src = f"{dash_duo.server_url}/embed?borough={HACKNEY}&view=list"
    driver = dash_duo.driver

    # The allowed borough site shows the services inside its page.
    allowed_site.frame_src = src
    driver.get(allowed_site.origin + "/")
    frame = dash_duo.wait_for_element("#explorer")
    driver.switch_to.frame(frame)
    try:
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".service-card"), message="service cards in the frame")
        title = driver.find_element(By.CSS_SELECTOR, "h1.embed-title").text
        assert "Hackney" in title
        assert driver.find_elements(By.CSS_SELECTOR, ".site-header, nav") == []
        link = driver.find_element(By.CSS_SELECTOR, ".service-card h3 a")
        # Links open the full explorer in a new tab (the document's base target).
        assert driver.execute_script("return arguments[0].target || document.querySelector('base').target", link) == "_blank"
        assert driver.execute_script("return document.cookie") == ""
        # The list-only view has no map: its "show area" buttons must not break anything.
        buttons = driver.find_elements(By.CSS_SELECTOR, ".service-card button")
        if buttons:
            buttons[0].click()
            time.sleep(0.5)
    finally:
        driver.switch_to.default_content()
    assert dash_duo.get_logs() == []

    # A site that is not on the list gets nothing: the browser refuses to render the frame.
    other_site.frame_src = src
    driver.get(other_site.origin + "/")
    frame = dash_duo.wait_for_element("#explorer")
    refused = _wait(
        lambda: [e for e in driver.get_log("browser") if "frame-ancestors" in e["message"]],
        message="the browser's frame-ancestors refusal",
    )
    assert other_site.origin not in refused[0]["message"].split("directive")[-1]
    driver.switch_to.frame(frame)
    try:
        assert driver.find_elements(By.CSS_SELECTOR, ".service-card, .embed-title") == []
    finally:
        driver.switch_to.default_content()
    assert dash_duo.get_logs() == []


def test_embed_map_and_list_fit_a_320px_screen(dash_duo, sample_settings):
    app = create_app(sample_settings)
    dash_duo.start_server(app, navigate=False)
    base = dash_duo.server.url
    dash_duo.driver.set_window_size(320, 800)
    dash_duo.driver.get(f"{base}/embed?borough={HACKNEY}&area=youth-violence")
    dash_duo.wait_for_contains_text("h1.embed-title", "Hackney")
    _wait(lambda: dash_duo.find_elements(".service-card"), message="service cards")
    _wait(lambda: dash_duo.find_elements("path.borough-shape"), message="the map")
    assert "youth violence" in dash_duo.find_element("h1.embed-title").text.lower()
    assert dash_duo.driver.execute_script("return window.innerWidth") <= 330
    overflow = dash_duo.driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert dash_duo.find_elements(".site-header") == []
    assert "Sample data" in dash_duo.find_element(".embed-sample").text
    assert dash_duo.get_logs() == []


def test_builder_makes_the_iframe_code_and_previews_it(dash_duo, sample_settings):

    app = create_app(sample_settings)
    dash_duo.start_server(app, navigate=False)
    base = dash_duo.server.url
    dash_duo.driver.get(f"{base}/embed/builder")
    dash_duo.wait_for_contains_text("#builder-snippet", "<iframe")
    pick(dash_duo, "builder-borough", HACKNEY)
    dash_duo.wait_for_contains_text("#builder-snippet", f"borough={HACKNEY}")
    dash_duo.find_element("#builder-view input[value='list']").click()
    dash_duo.wait_for_contains_text("#builder-snippet", "view=list")
    snippet = dash_duo.find_element("#builder-snippet").text
    assert snippet.startswith(f'<iframe src="{base}/embed?borough={HACKNEY}')
    assert 'title="Services paid for by MOPAC and the VRU in Hackney"' in snippet and 'loading="lazy"' in snippet

    preview = dash_duo.find_element("#builder-preview")
    assert preview.get_attribute("src").endswith(f"/embed?borough={HACKNEY}&view=list")
    dash_duo.driver.switch_to.frame(preview)
    try:
        _wait(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, ".service-card"), message="the preview")
    finally:
        dash_duo.driver.switch_to.default_content()
    assert dash_duo.find_elements(".site-header")  # the builder is a page of the full site
    assert dash_duo.get_logs() == []

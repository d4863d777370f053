"""Browser test set-up: headless Debian Chromium for dash[testing]'s dash_duo.

A machine without Chromium fails these tests with a message saying how to install it; they are
never skipped silently.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


#: dash_duo's servers use ports below Linux's ephemeral range (32768 and up, where the kernel
#: gives outgoing connections their local ports: a CI run failed with "Port 55954 is in use by
#: another program" when a connection held the port its server was given).
FIRST_PORT = 20_000
PORT_BLOCKS = 500  # of 20 ports each: 20,000 to 29,999


def pytest_configure(config):
    """Starts dash_duo's servers on ports of this process's own, so parallel runs on one machine
    (several clones, or a developer beside CI) do not collide on dash's fixed 58050."""
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port = FIRST_PORT + (os.getpid() % PORT_BLOCKS) * 20


def free_port_from(port: int) -> int:
    """The first port from ``port`` up that nothing on this machine holds on 127.0.0.1."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                port += 1
                continue
        return port


@pytest.fixture(autouse=True)
def _dash_port_is_free():
    """Before each test, moves dash's next port past any port another program holds, so a server
    never starts on a port in use ("Address already in use")."""
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port = free_port_from(BaseDashRunner._next_port)


def pytest_setup_options():
    """Chrome options for dash_duo: Debian's Chromium, headless, no network chatter."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    if CHROMIUM:
        options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    return options


@pytest.fixture(autouse=True)
def _require_chromium():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail(
            "browser tests need Debian's chromium and chromium-driver: run `make browser-deps` "
            "(or apt-get install chromium chromium-driver)"
        )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


#: True once React's copy of the page has replaced the server's first paint (explorer/layout/first_paint.py).
SWAPPED = "return !document.getElementById('first-paint')"


@pytest.fixture(autouse=True)
def _wait_for_the_swap(request):
    """Every element a browser test looks up is looked up once React's page has replaced the
    server's first paint (or after 30 s), so a test never holds an element of the server's copy,
    about to be removed, or of React's copy while it is still hidden: what a person sees is the
    same page either way. Tests of the first paint itself (marked ``first_paint``) look for
    themselves."""
    if "dash_duo" not in request.fixturenames or request.node.get_closest_marker("first_paint"):
        return
    from selenium.webdriver.support.ui import WebDriverWait

    driver = request.getfixturevalue("dash_duo").driver
    plain_find, plain_find_all = driver.find_element, driver.find_elements

    def settled():
        try:
            WebDriverWait(driver, 30, poll_frequency=0.05).until(lambda d: d.execute_script(SWAPPED))
        except Exception:  # not an explorer page (a data: URL, the API, a neutral exit page)
            pass

    def find_element(*args, **kwargs):
        settled()
        return plain_find(*args, **kwargs)

    def find_elements(*args, **kwargs):
        settled()
        return plain_find_all(*args, **kwargs)

    driver.find_element, driver.find_elements = find_element, find_elements

"""Browser test set-up: headless Debian Chromium for dash[testing]'s dash_duo.

A machine without Chromium fails these tests with a message saying how to install it; they are
never skipped silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def pytest_configure(config):
    """Starts dash_duo's servers on ports of this process's own, so parallel runs on one machine
    (several clones, or a developer beside CI) do not collide on dash's fixed 58050."""
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port = 20_000 + (os.getpid() % 2_000) * 20


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

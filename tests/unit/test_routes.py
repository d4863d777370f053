"""Unit test: every fixed address the page router draws answers 200, not the not-found 404."""

from __future__ import annotations

import inspect
import re

from explorer.pages import router
from explorer.services.routes import FIXED_PAGES


def test_every_fixed_page_the_router_draws_is_known_to_the_status_check():
    drawn = set(re.findall(r'path == "([^"]+)"', inspect.getsource(router.page_for)))
    assert drawn, "the router names its fixed addresses as path == \"...\""
    assert drawn - FIXED_PAGES == set(), "a page the router draws would be answered with a 404"

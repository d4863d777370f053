"""Unit tests: pages of results and their words."""

import pytest

from explorer.domain.paging import page_window, parse_page


@pytest.mark.parametrize(
    "total, page, expected",
    [
        (70, 1, (1, 4, 0, 20, "Showing 1\u201320 of 70")),
        (70, 2, (2, 4, 20, 40, "Showing 21\u201340 of 70")),
        (70, 4, (4, 4, 60, 70, "Showing 61\u201370 of 70")),
        (70, 9, (4, 4, 60, 70, "Showing 61\u201370 of 70")),
        (20, 1, (1, 1, 0, 20, "Showing 1\u201320 of 20")),
        (21, 2, (2, 2, 20, 21, "Showing 21\u201321 of 21")),
        (0, 3, (1, 1, 0, 0, "No services to show")),
    ],
)
def test_page_window(total, page, expected):
    window = page_window(total, page)
    assert (window.page, window.pages, window.start, window.end, window.words) == expected


@pytest.mark.parametrize("value, page", [("3", 3), (" 2 ", 2), ("0", 1), ("-4", 1), ("two", 1), (None, 1), ("", 1), (5, 5)])
def test_parse_page(value, page):
    assert parse_page(value) == page


def test_page_size_must_be_positive():
    with pytest.raises(ValueError, match="page size must be 1 or more, not 0"):
        page_window(10, 1, size=0)


def _pager(page, clicks):
    return {"prop_id": '{"index":%d,"type":"result-pager"}.n_clicks' % page, "value": clicks}


@pytest.mark.parametrize(
    "triggered_id, triggered, page",
    [
        ({"type": "result-pager", "index": 3}, [_pager(3, 1)], 3),
        ("search-input", [{"prop_id": "search-input.value", "value": "youth"}], 1),
        ("borough-select", [{"prop_id": "borough-select.value", "value": ["E09000012"]}], 1),
        # New pager buttons drawn: nothing was clicked.
        ({"type": "result-pager", "index": 2}, [_pager(2, 0), _pager(4, 0)], None),
        # The whole page drawn anew (load, Back, Forward): every input listed.
        ("search-input", [{"prop_id": "search-input.value", "value": ""},
                          {"prop_id": "search-button.n_clicks", "value": 0},
                          {"prop_id": "borough-select.value", "value": []}], None),
    ],
)
def test_asked_page(triggered_id, triggered, page):
    from explorer.layout.home import asked_page

    assert asked_page(triggered_id, triggered) == page

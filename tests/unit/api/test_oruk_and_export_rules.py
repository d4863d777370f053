"""Unit tests: paging, identifiers, RAG, spreadsheet-safe cells and framing rules (plain functions)."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.api.headers import is_embeddable
from explorer.services.exports import inert, to_csv
from explorer.services.oruk import api_rag, iso_datetime, oruk_id, paginate


@pytest.mark.parametrize(
    "total, page, per_page, size, total_pages, first, last, empty",
    [
        (0, 1, 10, 0, 0, True, True, True),
        (25, 1, 10, 10, 3, True, False, False),
        (25, 3, 10, 5, 3, False, True, False),
        (25, 4, 10, 0, 3, False, True, True),
        (10, 1, 10, 10, 1, True, True, False),
        (1, 1, 100, 1, 1, True, True, False),
    ],
)
def test_paginate(total, page, per_page, size, total_pages, first, last, empty):
    contents, paging = paginate(list(range(total)), page, per_page)
    assert len(contents) == paging["size"] == size
    assert (paging["total_items"], paging["total_pages"], paging["page_number"]) == (total, total_pages, page)
    assert (paging["first_page"], paging["last_page"], paging["empty"]) == (first, last, empty)


def test_identifiers_are_stable_uuids_per_kind():
    assert oruk_id("service", "svc-a") == oruk_id("service", "svc-a")
    assert oruk_id("service", "svc-a") != oruk_id("location", "svc-a")
    assert len(oruk_id("service", "svc-a")) == 36 and oruk_id("service", "svc-a")[14] == "5"


@pytest.mark.parametrize(
    "actual, direction, target, green, amber, expected",
    [
        (None, "higher", 90, 90, 70, None),  # not reported
        (95, "higher", None, None, None, None),  # no target set
        (95, "higher", 100, None, None, "amber"),  # the default rule: within 10% of the target
        (85, "higher", 100, None, None, "red"),
        (95, "higher", None, 90, 70, "green"),
        (90, "higher", None, 90, 70, "green"),
        (80, "higher", None, 90, 70, "amber"),
        (60, "higher", None, 90, 70, "red"),
        (5, "lower", None, 10, 20, "green"),
        (15, "lower", None, 10, 20, "amber"),
        (25, "lower", None, 10, 20, "red"),
    ],
)
def test_api_rag_follows_the_domain_rule(actual, direction, target, green, amber, expected):
    assert api_rag(direction, target, actual, green, amber) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Refuge", "Refuge"),
        ("", ""),
        (-2.5, -2.5),
        (True, True),
        (None, None),
    ],
)
def test_inert(value, expected):
    assert inert(value) == expected


def test_csv_cells_are_inert_and_unknown_stays_empty():
    body = to_csv(["a", "b", "c"], [{"a": "=cmd", "b": None, "c": 12.0}]).decode("utf-8-sig")
    assert body.splitlines()[1] == "'=cmd,,12"


def test_iso_datetime_is_utc_with_milliseconds():
    assert iso_datetime(dt.datetime(2026, 3, 14, 9, 30)) == "2026-03-14T09:30:00.000Z"
    bst = dt.timezone(dt.timedelta(hours=1))
    assert iso_datetime(dt.datetime(2026, 6, 1, 10, 0, tzinfo=bst)) == "2026-06-01T09:00:00.000Z"


@pytest.mark.parametrize(
    "path, embeddable",
    [("/embed", True), ("/embed/", True), ("/embed/_dash-layout", True), ("/embed/builder", False),
     ("/embed/builder/", False), ("/", False), ("/embedded", False), ("/api/v1/services", False)],
)
def test_which_paths_are_embeddable(path, embeddable):
    assert is_embeddable(path) is embeddable


def test_identifiers_are_exactly_uuid5_of_kind_and_key():
    import uuid

    from explorer.services.oruk import NAMESPACE

    keys = ["svc-a", "", "é-ü-ß", "a" * 300, "loc/1:2", *(f"syn-{i}" for i in range(500))]
    for kind in ("service", "location", "taxonomy_term", "service_at_location"):
        for key in keys:
            assert oruk_id(kind, key) == str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def test_api_json_is_compact_utf8_in_build_order_and_falls_back_for_what_orjson_refuses():
    import json

    from explorer.api.oruk import json_bytes

    body = {"b": 1, "a": [1.5, None, True], "name": "Hackney \u2014 caf\u00e9", 3: "x"}
    out = json_bytes(body)
    assert out == '{"b":1,"a":[1.5,null,true],"name":"Hackney \u2014 caf\u00e9","3":"x"}'.encode("utf-8")
    huge = {"n": 2**70}
    assert json.loads(json_bytes(huge)) == huge

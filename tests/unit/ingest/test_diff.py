"""Unit tests: comparing two versions' rows by key."""

from __future__ import annotations

from explorer.store.diff import diff_rows


def test_added_changed_and_removed_records_are_found_by_key():
    before = [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]
    after = [{"id": "a", "name": "A"}, {"id": "b", "name": "Bee"}, {"id": "d", "name": "D"}]
    found = diff_rows("service", before, after)
    assert found.added == ("d",) and found.removed == ("c",)
    (change,) = found.changed
    assert (change.key, change.fields) == ("b", {"name": ("B", "Bee")})


def test_composite_keys_and_no_difference():
    rows = [{"service_id": "s", "borough_code": "E09000001"}]
    assert diff_rows("service_area", rows, list(rows)).empty
    found = diff_rows("service_area", rows, [{"service_id": "s", "borough_code": "E09000002"}])
    assert found.added == ("s/E09000002",) and found.removed == ("s/E09000001",)

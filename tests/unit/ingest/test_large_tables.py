"""Large tables are checked and validated a part at a time (issue 19: bounded memory); the problems
found must be exactly those found with the table checked whole."""

from __future__ import annotations

import pytest

from explorer.domain import records
from explorer.ingest import tables, validate
from explorer.ingest.files import ROW_KEY
from explorer.ingest.validate import _columns


def _rows() -> list[dict]:
    rows = [
        {"service_id": f"svc-{i % 23}", "borough_code": f"E09{1 + i % 7:06d}", ROW_KEY: i + 2}
        for i in range(60)
    ]
    rows[5]["borough_code"] = "<b>E09000001</b>"  # markup
    rows[17]["service_id"] = "=HYPERLINK(\"x\")"  # a formula
    rows[40]["note"] = "an extra column in one row only"
    rows[44]["service_id"] = "  "  # blank key
    rows[51]["service_id"] = None
    for later, earlier in ((30, 3), (58, 3), (12, 11)):  # the same key again, in other parts and in one
        rows[later].update(service_id=rows[earlier]["service_id"], borough_code=rows[earlier]["borough_code"])
    return rows


@pytest.mark.parametrize("part", [1, 7, 20, 59])
def test_a_table_checked_in_parts_finds_what_it_finds_whole(monkeypatch, part):
    rows = _rows()
    arguments = dict(columns=_columns(records.ServiceArea), keys=("service_id", "borough_code"), label="areas.csv")
    whole = tables.check_table(rows, **arguments)
    assert {p.row for p in whole[0] if "must be unique" in p.rule} >= {32, 60, 14}
    assert any(p.field == "note" for p in whole[0])
    monkeypatch.setattr(tables, "CHECK_CHUNK", part)
    parts = tables.check_table(rows, **arguments)
    assert sorted(parts[0], key=repr) == sorted(whole[0], key=repr)
    assert parts[1] == whole[1]
    assert [(p.row, p.field) for p in parts[0]] == sorted((p.row, p.field) for p in parts[0])


def test_a_missing_required_column_is_reported_once_and_stops_row_checks(monkeypatch):
    rows = [{"service_id": f"svc-{i}", ROW_KEY: i + 2} for i in range(30)]
    arguments = dict(columns=_columns(records.ServiceArea), keys=("service_id", "borough_code"), label="areas.csv")
    whole = tables.check_table(rows, **arguments)
    monkeypatch.setattr(tables, "CHECK_CHUNK", 4)
    parts = tables.check_table(rows, **arguments)
    assert parts == whole and parts[1] is False
    assert sum("required column" in p.rule for p in parts[0]) == 1


def test_rows_validated_in_parts_give_the_same_records_and_problems(monkeypatch):
    rows = [{"service_id": f"svc-{i}", "borough_code": "E09000001" if i != 9 else "", ROW_KEY: i + 2}
            for i in range(25)]
    whole = validate._validate_rows(records.ServiceArea, rows, "areas.csv")
    monkeypatch.setattr(validate, "VALIDATE_CHUNK", 4)
    parts = validate._validate_rows(records.ServiceArea, rows, "areas.csv")
    assert parts == whole
    assert [p.row for p in parts[2]] == [11]
    released = list(rows)
    assert validate._validate_rows(records.ServiceArea, released, "areas.csv", release=True) == whole
    assert released == [None] * len(rows)  # each part's rows dropped once its records were made
    good = parts[0]
    assert len(good) == 24
    # Records that set the same fields share one set of their names.
    assert all(r.__pydantic_fields_set__ is good[0].__pydantic_fields_set__ for r in good)
    assert good[0].model_fields_set == {"service_id", "borough_code"}
    changed = good[0].model_copy(update={"borough_code": "E09000002"})
    assert changed.borough_code == "E09000002" and good[1].model_fields_set == {"service_id", "borough_code"}


def test_rows_that_fail_are_named_by_id_and_not_reported_again_where_referenced(monkeypatch):
    from explorer.ingest.validate import validate_tables

    monkeypatch.setattr(validate, "VALIDATE_CHUNK", 2)
    services = [
        {"id": f"svc-{i}", "name": f"Service {i}", "status": "active", "commissioner": "MOPAC",
         "programme": "LCPF", "organization_id": "org-1", "access": "self-referral", "email": "a@example.org",
         "source_url": "https://www.london.gov.uk/", "last_verified": "2026-09-01", ROW_KEY: i + 2}
        for i in range(5)
    ]
    services[3]["status"] = "not a status"
    raw = {
        "organization": [{"id": "org-1", "name": "Org", "source_url": "https://www.london.gov.uk/", ROW_KEY: 2}],
        "service": services,
        "service_area": [{"service_id": f"svc-{i}", "borough_code": "E09000001", ROW_KEY: i + 2} for i in range(5)],
    }
    kept = {t: list(rows) for t, rows in raw.items()}
    report = validate_tables(raw, postcode_lookup=lambda p: (0.0, 0.0, ""), consume=True).report
    assert raw == {}
    again = validate_tables(kept, postcode_lookup=lambda p: (0.0, 0.0, "")).report
    assert report == again
    errors = [(p.file, p.row, p.field) for p in report.errors]
    assert ("services.csv", 5, "status") in errors
    assert not any(p.file == "service_areas.csv" for p in report.errors)  # svc-3 already reported

"""Integration tests: the one publish step, history and rollback on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from explorer.store.schema import dataset_version, spend
from explorer.store.store import PublishError

SOURCE = "https://www.london.gov.uk/mopac"


def spend_rows(n, budget=100.0):
    return {"spend": [
        {"service_id": f"svc-{i}", "period": "2025-Q1", "budget_gbp": budget, "actual_gbp": None,
         "illustrative": True, "source_url": SOURCE}
        for i in range(n)
    ]}


def count(store, table):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_a_new_store_runs_its_migrations(store):
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"
    assert store.latest_version_id() is None
    assert store.current_versions() == {}


def test_publish_writes_the_rows_and_their_version_together(store):
    version = store.publish("spend", spend_rows(3), source="spend.csv", report={"ok": True})
    assert store.current_versions() == {"spend": version}
    (info,) = store.versions()
    assert (info.entity, info.row_counts, info.current) == ("spend", {"spend": 3}, True)
    versions, rows = store.read_current()
    assert versions == {"spend": version} and len(rows["spend"]) == 3
    assert rows["service"] == []


def test_a_failing_publish_leaves_the_previous_version_untouched(store):
    first = store.publish("spend", spend_rows(2), source="good.csv")
    bad = spend_rows(3)
    bad["spend"][2]["period"] = None  # NOT NULL: the database refuses the third row
    with pytest.raises(PublishError, match="nothing changed"):
        store.publish("spend", bad, source="bad.csv")
    assert store.current_versions() == {"spend": first}
    assert count(store, dataset_version) == 1
    assert count(store, spend) == 2
    _, rows = store.read_current()
    assert len(rows["spend"]) == 2


@pytest.mark.parametrize(
    "entity, rows, message",
    [
        ("nonsense", {}, "unknown entity"),
        ("spend", {"service": []}, "does not own"),
    ],
)
def test_publish_refuses_unknown_shapes(store, entity, rows, message):
    with pytest.raises(PublishError, match=message):
        store.publish(entity, rows, source="x")
    assert store.latest_version_id() is None


def test_versions_are_kept_and_a_rollback_is_a_new_version(store):
    v1 = store.publish("spend", spend_rows(2, budget=1.0), source="one.csv")
    v2 = store.publish("spend", spend_rows(5, budget=2.0), source="two.csv")
    assert [v.id for v in store.versions()] == [v2, v1]
    v3 = store.rollback(v1, published_by="tester")
    assert v3 > v2
    _, rows = store.read_current()
    assert len(rows["spend"]) == 2 and {r["budget_gbp"] for r in rows["spend"]} == {1.0}
    info = store.version(v3)
    assert info.restored_from == v1 and info.published_by == "tester"
    assert store.version(v1).checksum == info.checksum
    assert len(store.read_version(v2)["spend"]) == 5  # the replaced version is still there


def test_rollback_to_a_missing_version_is_refused(store):
    with pytest.raises(PublishError, match="no version 42"):
        store.rollback(42)


def test_entities_are_versioned_independently(store):
    s = store.publish("spend", spend_rows(1), source="spend.csv")
    r = store.publish("reach", {"reach": [
        {"service_id": "svc-1", "borough_code": "E09000001", "period": "2025-Q1", "people": 4,
         "illustrative": True, "source_url": SOURCE}]}, source="reach.csv")
    assert store.current_versions() == {"spend": s, "reach": r}
    assert store.latest_version_id() == r

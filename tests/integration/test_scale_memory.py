"""Memory at scale (issue 19): lean rows, one object per repeated value, the excerpt for the validation
layout, and a store used after a fork (its own database connections). Gunicorn workers forked from the
preloaded app, and how a publish reaches them: tests/integration/test_workers.py."""

from __future__ import annotations

from explorer.services.snapshot import EXCERPT_SERVICES, ServiceEntry, SnapshotProvider, build_snapshot


def test_lean_rows_hold_the_same_values_as_dicts(sample_store):
    versions, rows = sample_store.read_current()
    lean_versions, lean = sample_store.read_current(lean=True)
    assert lean_versions == versions
    assert set(lean) == set(rows)
    for name, table in rows.items():
        assert [dict(r) for r in lean[name]] == table, name
    assert all(isinstance(r, dict) for table in rows.values() for r in table)


def test_a_snapshot_from_lean_rows_equals_one_from_dicts(sample_store, geography):
    versions, rows = sample_store.read_current()
    _, lean = sample_store.read_current(lean=True)
    from_dicts = build_snapshot(1, versions, rows, geography, on_sample=True)
    from_lean = build_snapshot(1, versions, lean, geography, on_sample=True)
    assert from_lean.services == from_dicts.services
    assert from_lean.opportunities == from_dicts.opportunities
    assert from_lean.measures == from_dicts.measures


def test_equal_values_of_services_are_one_object(sample_store, geography):
    versions, rows = sample_store.read_current(lean=True)
    services = build_snapshot(1, versions, rows, geography, on_sample=True).services
    assert not hasattr(services[0], "__dict__")  # slotted
    by_status: dict[str, ServiceEntry] = {}
    for s in services:
        first = by_status.setdefault(s.status, s)
        assert s.status is first.status
    dated = [s for s in services if s.last_verified is not None]
    for a in dated:
        for b in dated:
            if a.last_verified == b.last_verified:
                assert a.last_verified is b.last_verified
    codes = [s.borough_codes for s in services if s.pan_london]
    assert len(codes) >= 2 and all(c is codes[0] for c in codes)


def test_the_excerpt_keeps_the_first_services_and_every_other_table(sample_store, geography):
    provider = SnapshotProvider(sample_store, geography, check_interval=0)
    snapshot = provider.current()
    excerpt = provider.excerpt()
    small = excerpt.current()
    assert small.services == snapshot.services[:EXCERPT_SERVICES]
    assert small.measures == snapshot.measures and small.opportunities == snapshot.opportunities
    assert excerpt.geography is geography
    built = []
    assert excerpt.derived("x", lambda s: built.append(s) or len(s.services)) == len(small.services)
    assert excerpt.derived("x", lambda s: built.append(s)) == len(small.services)
    assert len(built) == 1
    assert provider.current() is snapshot  # the provider's own snapshot is untouched


def test_a_store_used_after_fork_opens_its_own_connection(sample_store):
    before = sample_store.latest_version_id()
    sample_store.after_fork()
    assert sample_store.latest_version_id() == before
    assert sample_store.engine.pool.checkedout() == 0

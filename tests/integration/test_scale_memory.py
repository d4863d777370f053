"""Memory at scale (issue 19): lean rows, one object per repeated value, the excerpt for the validation
layout, and gunicorn workers forked from a preloaded app (each on its own database connections)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from explorer.services.snapshot import EXCERPT_SERVICES, ServiceEntry, SnapshotProvider, build_snapshot
from explorer.settings import ROOT
from explorer.store.store import Store, sqlite_url
from tests.conftest import CACHE_DIR


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as response:
        return json.loads(response.read())


def test_preloaded_gunicorn_workers_each_switch_to_a_new_publish(sample_db, tmp_path):
    """The repository's gunicorn.conf.py preloads the app and forks two workers from it: each answers
    under its own name, on its own SQLite connection, and each reads a later publish."""
    path = tmp_path / "app.db"
    shutil.copy(sample_db, path)
    port = _free_port()
    env = {**os.environ, "EXPLORER_DATABASE_URL": sqlite_url(path), "EXPLORER_CHECK_INTERVAL": "0.2",
           "EXPLORER_CACHE_DIR": str(CACHE_DIR), "EXPLORER_SEED_SAMPLE": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "explorer.wsgi:server"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    store = Store.open(sqlite_url(path))
    try:
        seen: dict[str, int] = {}
        deadline = time.time() + 180
        while len(seen) < 2 and time.time() < deadline:
            try:
                body = _health(port)
                seen[body["worker"]] = body["version"]
            except OSError:
                time.sleep(0.3)
        assert len(seen) == 2, f"expected two workers, saw {seen}"
        with open(f"/proc/{server.pid}/task/{server.pid}/children") as handle:
            assert len(handle.read().split()) == 2
        new = store.publish("lcpf", store.read_version(store.current_versions()["lcpf"]), source="test republish")
        switched: dict[str, int] = {}
        deadline = time.time() + 60
        while time.time() < deadline and not (len(switched) == 2 and set(switched.values()) == {new}):
            body = _health(port)
            switched[body["worker"]] = body["version"]
            time.sleep(0.05)
        assert set(switched) == set(seen)
        assert set(switched.values()) == {new}, switched
    finally:
        store.dispose()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

"""Scale-out: gunicorn workers forked from the preloaded app (the repository's gunicorn.conf.py) on one
store, SQLite or PostgreSQL. A publish is built once, in the master, which then replaces its workers with
fresh forks sharing it (explorer.prefork): every worker serves the new version within a bounded time,
no request fails during the swap, the workers are new processes forked after the publish, and the
master was asked to reload once."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from explorer.settings import ROOT
from explorer.store.store import Store, sqlite_url
from tests.conftest import CACHE_DIR, DATA_DIR, postgres_database

WORKERS = 2
#: How long a publish may take to reach every worker (the master builds it, then forks).
SWITCH_S = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Connection": "close"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def _health(port: int) -> dict:
    return json.loads(_get(port, "/healthz")[1])


def _sample(port: int, n: int = 8) -> list[dict]:
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: _health(port), range(n)))


def _children(pid: int) -> set[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return {int(p) for p in handle.read().split()}


def _ticks_now() -> float:
    """Clock ticks since boot (the unit of a process's start time in /proc/PID/stat)."""
    with open("/proc/uptime") as handle:
        return float(handle.read().split()[0]) * os.sysconf("SC_CLK_TCK")


def _started_at(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as handle:
        return int(handle.read().rsplit(")", 1)[1].split()[19])  # field 22: starttime


class _Traffic(threading.Thread):
    """Requests (each on a new connection) one after another until stopped; records every failure."""

    PATHS = ("/healthz", "/api/v1/services?search=youth", "/")

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.port, self.stop, self.done, self.failures = port, threading.Event(), 0, []

    def run(self) -> None:
        while not self.stop.is_set():
            path = self.PATHS[self.done % len(self.PATHS)]
            try:
                status, _ = _get(self.port, path)
                if status != 200:
                    self.failures.append((path, status))
            except (OSError, urllib.error.HTTPError) as error:
                self.failures.append((path, repr(error)))
            self.done += 1


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, sample_db, tmp_path, postcode_lookup):
    """A store with the bundled sample published: a copy of the sample SQLite file, or a fresh
    PostgreSQL database seeded with it."""
    if request.param == "sqlite":
        path = tmp_path / "app.db"
        shutil.copy(sample_db, path)
        return sqlite_url(path)
    from explorer.ingest.publish import seed_sample

    url = postgres_database()
    store = Store.open(url)
    assert all(r.published for r in seed_sample(store, DATA_DIR / "sample", postcode_lookup))
    store.dispose()
    return url


def test_a_publish_reaches_every_worker_as_new_forks_of_the_master(store_url, tmp_path):
    port = _free_port()
    env = {**os.environ, "EXPLORER_DATABASE_URL": store_url, "EXPLORER_CHECK_INTERVAL": "0.3",
           "EXPLORER_CACHE_DIR": str(CACHE_DIR), "EXPLORER_SEED_SAMPLE": "0"}
    log = tmp_path / "gunicorn.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--threads", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "info", "explorer.wsgi:server"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    store = Store.open(store_url)
    traffic = _Traffic(port)
    try:
        seen: dict[str, int] = {}
        deadline = time.time() + 180
        while len(seen) < WORKERS and time.time() < deadline:
            try:
                seen.update((b["worker"], b["version"]) for b in _sample(port))
            except OSError:
                time.sleep(0.3)
        assert len(seen) == WORKERS, f"expected {WORKERS} workers, saw {seen}"
        before = store.latest_version_id()
        assert set(seen.values()) == {before}
        old = _children(server.pid)
        assert len(old) == WORKERS

        traffic.start()
        published_at = _ticks_now()
        new = store.publish("lcpf", store.read_version(store.current_versions()["lcpf"]), source="test republish")
        switched: dict[str, int] = {}
        deadline = time.time() + SWITCH_S
        while time.time() < deadline:
            switched.update((b["worker"], b["version"]) for b in _sample(port))
            fresh = {w for w, v in switched.items() if v == new}
            if len(fresh) >= WORKERS and _children(server.pid).isdisjoint(old):
                break
            time.sleep(0.2)
        traffic.stop.set()
        traffic.join(timeout=60)

        # (a) every worker serves the new version, and only it, within SWITCH_S
        fresh = {w for w, v in switched.items() if v == new}
        assert len(fresh) == WORKERS, f"not every worker serves version {new} after {SWITCH_S} s: {switched}"
        assert {b["version"] for b in _sample(port, 16)} == {new}
        # (b) no request failed while the workers were replaced
        assert traffic.done > 0 and traffic.failures == [], traffic.failures
        # (c) the workers are new processes, forked after the publish; the old workers' names are gone
        now = _children(server.pid)
        assert len(now) == WORKERS and now.isdisjoint(old), (old, now)
        assert all(_started_at(pid) >= int(published_at) for pid in now)
        assert fresh.isdisjoint(seen)
        # the master was asked once and built the version once
        text = log.read_text(errors="replace")
        assert text.count("Hang up") == 1, text[-3000:]
        assert text.count(f"explorer: built version {new} in the master") == 1, text[-3000:]
    finally:
        traffic.stop.set()
        store.dispose()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

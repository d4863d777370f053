"""Scale-out: several gunicorn workers on one PostgreSQL store all switch to a new publish."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from explorer.settings import ROOT

DATA_DIR = ROOT / "data"
CACHE_DIR = DATA_DIR / "cache"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health(port: int) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Connection": "close"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def _sample(port: int, n: int = 8) -> list[dict]:
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: _health(port), range(n)))


@pytest.fixture()
def seeded_postgres(postcode_lookup, postgres_url):
    from explorer.ingest.publish import seed_sample
    from explorer.store.store import Store

    url = postgres_url
    store = Store.open(url)
    results = seed_sample(store, DATA_DIR / "sample", postcode_lookup)
    assert all(r.published for r in results)
    yield url, store
    store.dispose()


def test_two_workers_both_switch_to_a_new_version(seeded_postgres):
    url, store = seeded_postgres
    port = _free_port()
    env = {**os.environ, "EXPLORER_DATABASE_URL": url, "EXPLORER_CHECK_INTERVAL": "0.5",
           "EXPLORER_CACHE_DIR": str(CACHE_DIR), "EXPLORER_SEED_SAMPLE": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "2", "--bind", f"127.0.0.1:{port}",
         "explorer.wsgi:server"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        seen: dict[int, int] = {}
        while len(seen) < 2 and time.time() < deadline:
            try:
                for body in _sample(port):
                    seen[body["worker"]] = body["version"]
            except OSError:
                time.sleep(0.3)
        assert len(seen) == 2, f"expected two workers, saw {seen}"
        before = store.latest_version_id()
        assert set(seen.values()) == {before}

        rows = store.read_version(store.current_versions()["lcpf"])
        new = store.publish("lcpf", rows, source="test republish", published_by="tester")

        switched: dict[int, int] = {}
        deadline = time.time() + 30
        while time.time() < deadline and not (len(switched) == 2 and set(switched.values()) == {new}):
            for body in _sample(port):
                switched[body["worker"]] = body["version"]
            time.sleep(0.2)
        assert set(switched) == set(seen), f"workers changed: {seen} -> {switched}"
        assert set(switched.values()) == {new}, switched
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

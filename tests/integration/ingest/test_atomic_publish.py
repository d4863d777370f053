"""Integration tests: a publish is all or nothing, even when its process is killed, and readers never see a mix of versions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import text

from explorer.settings import ROOT
from explorer.store.store import Store, sqlite_url

SRC = "https://www.london.gov.uk/mopac"


def services_generation(generation: int, size: int) -> dict:
    """A complete services version whose every id carries its generation."""
    sid = [f"g{generation}-svc-{i}" for i in range(size)]
    return {
        "taxonomy_term": [{"id": f"g{generation}-term", "name": "Term", "source_url": SRC}],
        "organization": [{"id": f"g{generation}-org", "name": "Org", "source_url": SRC}],
        "service": [
            {"id": s, "name": s, "status": "active", "commissioner": "MOPAC", "programme": "LCPF",
             "organization_id": f"g{generation}-org", "access": "both", "confidential_location": False,
             "illustrative": False, "source_url": SRC}
            for s in sid
        ],
        "service_area": [{"service_id": s, "borough_code": "E09000001"} for s in sid],
        "service_taxonomy": [{"service_id": s, "term_id": f"g{generation}-term"} for s in sid],
        "location": [],
        "service_at_location": [],
    }


CHILD_PRELUDE = textwrap.dedent(
    f"""
    import sys, time
    sys.path[:0] = [{str(ROOT)!r}, {str(Path(__file__).parent)!r}]
    from explorer.store import store as store_module
    from explorer.store.store import Store, sqlite_url
    from test_atomic_publish import services_generation
    """
)


def child(tmp_path, body: str) -> subprocess.Popen:
    """Runs ``body`` in a separate Python process (after the prelude above)."""
    script = tmp_path / "child.py"
    script.write_text(CHILD_PRELUDE + textwrap.dedent(body))
    return subprocess.Popen([sys.executable, str(script)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def generations_seen(rows) -> set[str]:
    ids = [r["id"] for r in rows["service"]] + [r["service_id"] for r in rows["service_area"]]
    ids += [r["id"] for r in rows["organization"]] + [r["service_id"] for r in rows["service_taxonomy"]]
    return {i.split("-", 1)[0] for i in ids}


def test_a_publish_killed_midway_leaves_the_previous_version_current_and_intact(tmp_path):
    db = tmp_path / "killed.db"
    store = Store.open(sqlite_url(db))
    first = store.publish("services", services_generation(1, 500), source="first")
    marker = tmp_path / "inside-the-transaction"
    proc = child(tmp_path, f"""
        original = store_module._insert_values
        calls = []
        def slow_insert(conn, table, values, version_id):
            original(conn, table, values, version_id)
            calls.append(table.name)
            if len(calls) == 3:  # rows of three tables written, transaction still open
                open({str(marker)!r}, "w").close()
                time.sleep(120)
        store_module._insert_values = slow_insert
        store = Store.open(sqlite_url({str(db)!r}))
        store.publish("services", services_generation(2, 5000), source="killed")
        print("not killed")
    """)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the child never reached the middle of its publish"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    after = Store.open(sqlite_url(db))
    with after.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert after.current_versions() == {"services": first}
    assert [v.id for v in after.versions()] == [first]
    _, rows = after.read_current()
    assert generations_seen(rows) == {"g1"} and len(rows["service"]) == 500
    with after.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM service")).scalar() == 500  # no orphan rows
    second = after.publish("services", services_generation(3, 10), source="next")
    assert after.current_versions() == {"services": second}
    assert generations_seen(after.read_current()[1]) == {"g3"}


def test_readers_never_see_a_mix_of_two_versions_while_another_process_publishes(tmp_path):
    db = tmp_path / "busy.db"
    store = Store.open(sqlite_url(db))
    store.publish("services", services_generation(0, 300), source="start")
    proc = child(tmp_path, f"""
        store = Store.open(sqlite_url({str(db)!r}))
        for generation in range(1, 31):
            store.publish("services", services_generation(generation, 2000 + 37 * generation), source=str(generation))
        print("done")
    """)
    reads, seen = 0, set()
    try:
        while proc.poll() is None:
            versions, rows = store.read_current()
            generations = generations_seen(rows)
            assert len(generations) == 1, f"a mixed read: {sorted(generations)}"
            (generation,) = generations
            n = int(generation[1:])
            assert len(rows["service"]) == len(rows["service_area"]) == 2000 + 37 * n if n else 300
            seen.add(generation)
            reads += 1
    finally:
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "done" in out, err
    assert reads > 5 and len(seen) > 2, (reads, seen)  # the reads really overlapped the publishes
    assert generations_seen(store.read_current()[1]) == {"g30"}

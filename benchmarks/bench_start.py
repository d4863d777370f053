"""Benchmark: the app's start, its snapshot rebuild after a publish, and its memory, at 100,000 services.

Run: ``make bench-start`` (or ``.venv/bin/python benchmarks/bench_start.py [SERVICES]``). In a child
process it seeds a fresh SQLite store with the bundled sample, then publishes a generated register
(``benchmarks/bench_ingest.write_register``: services, providers, areas and service areas; no delivery
points) over the sample's services, so the store is like a deployment's after its first real publish.
Then:

1. **In one process**: ``create_app`` on that store, timed (wall and CPU): reference data, the snapshot,
   the search, map and API id indexes; the first search after start, the same search again (median
   of five) and the median of eight others (the index is built at start, so the first is no
   slower); a new version published (a rollback of the services entity) and the next reader's
   snapshot with its indexes, timed; the resident set (RSS) after start,
   after the rebuild, and at its peak (``ru_maxrss``).
2. **Under gunicorn as in production**: two workers forked from the app preloaded in the master
   (``gunicorn.conf.py``). Each process's RSS, PSS (shared pages divided among the processes that
   share them) and USS (pages only it holds) from ``/proc/PID/smaps_rollup``: after start and a few
   requests, then after one publish and after three. Each publish is built by the master, which then
   forks new workers (``explorer/prefork.py``): its build time (wall and CPU, from its log), the time
   from the publish until every worker is a new process serving it, and the first searches after it.

Figures go to stdout and ``benchmarks/results/start.json``. Targets (issue #19): start and rebuild under
10 s, each serving process at most 300 MB.
"""

from __future__ import annotations

import json
import os
import re
import resource
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_ingest import write_register  # noqa: E402
from explorer.ingest.publish import ingest_path, seed_sample  # noqa: E402
from explorer.settings import ROOT, Settings  # noqa: E402
from explorer.store.store import Store, sqlite_url  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "start.json"
WORKERS = 2
#: Searches none of the requests before them made (a worker caches each query's parse).
FRESH_QUERIES = ("knife crime Croydon", "hate crime Tower Hamlets", "domestic abuse Hackney", "youth Lambeth",
                 "mentoring Southwark", "gangs Newham", "stalking Camden", "violence Brent")


def rss_mb() -> float:
    """The resident set of this process now, from /proc (MiB, like ru_maxrss / 1024)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory_of(pid: int) -> dict[str, int]:
    """RSS, PSS and USS (private clean + private dirty) of a process, in MiB, from smaps_rollup."""
    fields: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    return {
        "rss_mb": round(fields["Rss"] / 1024),
        "pss_mb": round(fields["Pss"] / 1024),
        "uss_mb": round((fields["Private_Clean"] + fields["Private_Dirty"]) / 1024),
    }


def build_store(path: Path, services: int) -> None:
    """Seeds a new store at ``path`` with the sample, then publishes the generated register (run in a
    child process, so the serving process's memory is measured alone)."""
    from explorer.app import postcode_lookup_for
    from explorer.reference import load_geography

    folder = path.parent / "register"
    folder.mkdir()
    write_register(folder, services)
    store = Store.open(sqlite_url(path))
    geography = load_geography(ROOT / "data", ROOT / "data" / "cache")
    seeded = seed_sample(store, ROOT / "data" / "sample", postcode_lookup_for(geography))
    assert all(r.published for r in seeded), [r.entity for r in seeded if not r.published]
    result = ingest_path(store, "services", folder, lambda p: (51.5, -0.1, "E09000001"), published_by="benchmark")
    assert result.published, [p.as_text() for p in result.report.errors[:5]]
    store.dispose()


def in_process(path: Path) -> dict:
    """Start, first and later searches, rebuild and memory, in this process."""
    from explorer.app import create_app
    from explorer.services.search import search_index

    settings = Settings(database_url=sqlite_url(path), data_dir=ROOT / "data", cache_dir=ROOT / "data" / "cache",
                        check_interval=0.0)
    before = rss_mb()
    t, c = time.perf_counter(), time.process_time()
    app = create_app(settings)
    start_s, start_cpu = time.perf_counter() - t, time.process_time() - c
    after_start = rss_mb()
    provider = app.server.config["EXPLORER_PROVIDER"]

    t, c = time.perf_counter(), time.process_time()
    search_index(provider).search("domestic abuse Peckham")
    first_ms, first_cpu_ms = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
    again, again_cpu = [], []
    for _ in range(5):  # the same search again: the fair comparison for the first one
        t, c = time.perf_counter(), time.process_time()
        search_index(provider).search("domestic abuse Peckham")
        again.append((time.perf_counter() - t) * 1000)
        again_cpu.append((time.process_time() - c) * 1000)
    rest, rest_cpu = [], []
    for q in FRESH_QUERIES:  # other searches, each the first of its words (a query's parse is cached)
        t, c = time.perf_counter(), time.process_time()
        search_index(provider).search(q)
        rest.append((time.perf_counter() - t) * 1000)
        rest_cpu.append((time.process_time() - c) * 1000)

    store = Store.open(settings.store_url)
    new = store.rollback(store.current_versions()["services"])
    t, c = time.perf_counter(), time.process_time()
    snapshot = provider.current()
    rebuild_s, rebuild_cpu = time.perf_counter() - t, time.process_time() - c
    assert snapshot.version_key == new
    store.dispose()
    return {
        "services": len(snapshot.services),
        "start_s": round(start_s, 2),
        "start_cpu_s": round(start_cpu, 2),
        "rebuild_s": round(rebuild_s, 2),
        "rebuild_cpu_s": round(rebuild_cpu, 2),
        "first_search_ms": round(first_ms, 1),
        "same_search_again_median_ms": round(statistics.median(again), 1),
        "first_search_cpu_ms": round(first_cpu_ms, 1),
        "same_search_again_median_cpu_ms": round(statistics.median(again_cpu), 1),
        "other_searches_median_ms": round(statistics.median(rest), 1),
        "other_searches_median_cpu_ms": round(statistics.median(rest_cpu), 1),
        "rss_before_app_mb": round(before),
        "rss_after_start_mb": round(after_start),
        "rss_after_rebuild_mb": round(rss_mb()),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        return response.read()


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(p) for p in handle.read().split()]


def _workers_on(port: int, version: int | None, workers: int, timeout: float) -> dict[str, int]:
    """Polls /healthz until ``workers`` distinct workers answer (with ``version`` when given)."""
    seen: dict[str, int] = {}
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            body = json.loads(_get(port, "/healthz"))
            seen[body["worker"]] = body["version"]
        except OSError:
            time.sleep(0.5)
            continue
        fresh = [w for w, v in seen.items() if version is None or v == version]
        if len(fresh) >= workers:
            return seen
        time.sleep(0.05)
    raise SystemExit(f"gunicorn workers did not answer in {timeout:.0f} s: {seen}")


def _replaced(master: int, old: set[int], timeout: float) -> set[int]:
    """Waits until the master's workers are all new processes (the old ones retired)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        now = set(_children(master))
        if len(now) == WORKERS and now.isdisjoint(old):
            return now
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not replace its workers in {timeout:.0f} s")


def _traffic(port: int) -> None:
    """A few requests of each kind, spread over the workers (keep-alive is off: new connections)."""
    for _ in range(3):
        for path in ("/", "/api/v1/services?search=domestic+abuse+Peckham", "/api/v1/services?search=youth",
                     "/api/v1/services?search=SE15+4", "/healthz"):
            _get(port, path)


def _first_searches_ms(port: int) -> dict:
    """The client's time of the first searches the new workers answer after a publish (one each, if the
    kernel spreads the connections), then of the next ones: all different queries, none cached."""
    times = []
    for query in FRESH_QUERIES:
        t = time.perf_counter()
        _get(port, "/api/v1/services?search=" + urllib.parse.quote_plus(query))
        times.append(round((time.perf_counter() - t) * 1000, 1))
    return {"first_ms": times[:WORKERS], "next_median_ms": statistics.median(times[WORKERS:])}


_BUILT = re.compile(r"explorer: built version (\d+) in the master in ([\d.]+) s \(CPU ([\d.]+) s\)")


def under_gunicorn(path: Path) -> dict:
    """Per-process memory of gunicorn (master and two workers, app preloaded) after start and a few
    requests, then after one publish and after three (each built by the master, which forks new
    workers: gunicorn.conf.py), with the master's build time of each version from its log."""
    port = _free_port()
    env = {**os.environ, "EXPLORER_DATABASE_URL": sqlite_url(path), "EXPLORER_CHECK_INTERVAL": "0.5",
           "EXPLORER_SEED_SAMPLE": "0"}
    env.setdefault("EXPLORER_SECRET_KEY", secrets.token_urlsafe(48))
    log = path.parent / "gunicorn.log"
    t = time.perf_counter()
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(WORKERS), "--threads", "4",
             "--bind", f"127.0.0.1:{port}", "--log-level", "info", "explorer.wsgi:server"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    figures: dict = {"gunicorn_workers": WORKERS}
    try:
        _workers_on(port, None, WORKERS, timeout=600)
        figures["gunicorn_ready_s"] = round(time.perf_counter() - t, 1)
        _traffic(port)

        def measure() -> dict:
            workers = _children(server.pid)
            return {"master": memory_of(server.pid), "workers": [memory_of(w) for w in workers]}

        figures["gunicorn_after_start"] = measure()
        switched, first = [], []
        for publish in range(1, 4):
            store = Store.open(sqlite_url(path))
            new = store.rollback(store.current_versions()["services"])
            store.dispose()
            old = set(_children(server.pid))
            t = time.perf_counter()
            _workers_on(port, new, WORKERS, timeout=600)
            _replaced(server.pid, old, timeout=600)
            switched.append(round(time.perf_counter() - t, 1))
            first.append(_first_searches_ms(port))
            _traffic(port)
            if publish in (1, 3):
                figures[f"gunicorn_after_{publish}_publish{'es' if publish > 1 else ''}"] = measure()
        figures["gunicorn_switched_to_new_version_s"] = switched
        figures["gunicorn_first_searches_after_each_publish"] = first
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    builds = _BUILT.findall(log.read_text(errors="replace"))
    figures["master_rebuilds"] = [{"version": int(v), "wall_s": float(w), "cpu_s": float(c)} for v, w, c in builds]
    figures["master_reloads"] = log.read_text(errors="replace").count("Hang up")
    return figures


def main(services: int = 100_000) -> dict:
    os.environ.setdefault("EXPLORER_SECRET_KEY", secrets.token_urlsafe(48))
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        path = Path(tmp) / "start.db"
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--build-store", str(path), str(services)], check=True)
        figures = {"generate_seed_and_ingest_s": round(time.perf_counter() - t, 2)}
        # Each measurement in a process of its own, so neither's memory is counted in the other's.
        child = subprocess.run([sys.executable, __file__, "--in-process", str(path)], check=True,
                               capture_output=True, text=True)
        figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
        figures.update(under_gunicorn(path))
    figures["load_average"] = round(os.getloadavg()[0], 1)
    figures["cores"] = os.cpu_count()
    print(json.dumps(figures, indent=2), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build-store"]:
        build_store(Path(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1:2] == ["--in-process"]:
        print(json.dumps(in_process(Path(sys.argv[2]))), flush=True)
    else:
        arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
        main(int(arguments[0]) if arguments else 100_000)

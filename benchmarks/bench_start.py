"""Benchmark: the app's start, its snapshot rebuild after a publish, and its memory, at 100,000 services.

Run: ``make bench-start`` (or ``.venv/bin/python benchmarks/bench_start.py [SERVICES]``). It publishes a
generated register (``benchmarks/bench_ingest.write_register``: services, providers, areas and service
areas; no delivery points) into a fresh SQLite store beside the bundled sample's other entities, then
times in one process:

* start: ``create_app`` on that store (reference data, snapshot, search and map indexes built);
* the first search after start and the median of the next twenty (built at start, so they match);
* rebuild: a new version published (a rollback of the services entity), then the next reader's
  snapshot with its indexes;
* memory: the process's resident set after start and its peak (``ru_maxrss``).

Figures go to stdout and ``benchmarks/results/start.json``. Targets (issue #19): start and rebuild under
10 s, a serving process at most 300 MB.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_ingest import write_register  # noqa: E402
from explorer.ingest.publish import ingest_path  # noqa: E402
from explorer.settings import ROOT, Settings  # noqa: E402
from explorer.store.store import Store, sqlite_url  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "start.json"


def rss_mb() -> float:
    """The resident set of this process now, from /proc (MiB, like ru_maxrss / 1024)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def build_store(path: Path, services: int) -> None:
    """Publishes the generated register into a new store at ``path`` (run in a child process, so the
    serving process's memory is measured alone)."""
    folder = path.parent / "register"
    folder.mkdir()
    write_register(folder, services)
    store = Store.open(sqlite_url(path))
    result = ingest_path(store, "services", folder, lambda p: (51.5, -0.1, "E09000001"), published_by="benchmark")
    assert result.published, [p.as_text() for p in result.report.errors[:5]]
    store.dispose()


def main(services: int = 100_000) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        path = Path(tmp) / "start.db"
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--build-store", str(path), str(services)], check=True)
        ingest_s = time.perf_counter() - t

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

        t = time.perf_counter()
        search_index(provider).search("domestic abuse Peckham")
        first_ms = (time.perf_counter() - t) * 1000
        rest = []
        for q in ["knife crime Croydon", "youth", "SE15 4", "hate crime in Tower Hamlets"] * 5:
            t = time.perf_counter()
            search_index(provider).search(q)
            rest.append((time.perf_counter() - t) * 1000)

        store = Store.open(settings.store_url)
        new = store.rollback(store.current_versions()["services"])
        t, c = time.perf_counter(), time.process_time()
        snapshot = provider.current()
        rebuild_s, rebuild_cpu = time.perf_counter() - t, time.process_time() - c
        assert snapshot.version_key == new
        figures = {
            "services": len(snapshot.services),
            "generate_and_ingest_s": round(ingest_s, 2),
            "start_s": round(start_s, 2),
            "start_cpu_s": round(start_cpu, 2),
            "rebuild_s": round(rebuild_s, 2),
            "rebuild_cpu_s": round(rebuild_cpu, 2),
            "first_search_ms": round(first_ms, 1),
            "next_searches_median_ms": round(statistics.median(rest), 1),
            "rss_before_app_mb": round(before),
            "rss_after_start_mb": round(after_start),
            "rss_after_rebuild_mb": round(rss_mb()),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_average": round(os.getloadavg()[0], 1),
        }
        store.dispose()
    print(json.dumps(figures), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build-store"]:
        build_store(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
        main(int(arguments[0]) if arguments else 100_000)

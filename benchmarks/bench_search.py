"""Search benchmark: server-side search latency and map payload at 10,000 and 100,000 services.

Run: ``make bench-search`` (or ``.venv/bin/python -m benchmarks.bench_search``). Prints p50/p95 per
size for a mixed set of queries (asked repeatedly, so the index remembers their readings, and
each as a first ask with that memory cleared), the time of a filter change, and the gzip size of
the point layer.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time

from explorer.reference import load_geography, prepare
from explorer.services.search import Filters, SearchIndex
from explorer.services.snapshot import build_snapshot
from explorer.settings import Settings
from benchmarks.synthetic import empty_tables, synthetic_rows

QUERIES = [
    "domestic abuse Peckham", "knife crim youth croydon", "SE15 4", "se154ab", "county lines",
    "victim support near Brixton", "hate crime in Tower Hamlet", "parenting", "asdfgh", "rape crisis",
    "drugs Westminster", "mentoring E1 4NS", "walthamstow", "youth", "",
]
FILTERS = [Filters(boroughs=("E09000022",)), Filters(areas=("youth-violence",)),
           Filters(boroughs=("E09000028", "E09000022"), areas=("vawg",)), Filters(commissioners=("VRU",))]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def run(size: int, geography, repeats: int) -> dict:
    rows = {**synthetic_rows(size, geography.postcodes), **empty_tables()}
    t0 = time.perf_counter()
    snapshot = build_snapshot(size, {"services": 1}, rows, geography, on_sample=False)
    index = SearchIndex(snapshot, geography)
    build_s = time.perf_counter() - t0
    timings = []
    for _ in range(repeats):
        for q in QUERIES:
            t = time.perf_counter()
            index.search(q)
            timings.append((time.perf_counter() - t) * 1000)
    first = []  # each query as if never asked before (the index remembers recent readings)
    for _ in range(max(1, repeats // 4)):
        for q in QUERIES:
            index._read.cache_clear()
            t = time.perf_counter()
            index.search(q)
            first.append((time.perf_counter() - t) * 1000)
    filter_timings = []
    for _ in range(repeats):
        for f in FILTERS:
            t = time.perf_counter()
            index.search("", f)
            filter_timings.append((time.perf_counter() - t) * 1000)
    everything = index.search("")
    payload = json.dumps(index.points(everything), separators=(",", ":")).encode()
    return {
        "services": size,
        "build_s": round(build_s, 2),
        "search_p50_ms": round(statistics.median(timings), 2),
        "search_p95_ms": round(percentile(timings, 95), 2),
        "first_ask_p50_ms": round(statistics.median(first), 2),
        "first_ask_p95_ms": round(percentile(first, 95), 2),
        "filter_p95_ms": round(percentile(filter_timings, 95), 2),
        "points_kb": round(len(payload) / 1024),
        "points_gzip_kb": round(len(gzip.compress(payload, 6)) / 1024),
    }


def main(argv=None) -> int:
    sizes = [int(a) for a in (argv or sys.argv[1:])] or [10_000, 100_000]
    settings = Settings.from_env()
    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    for size in sizes:
        print(json.dumps(run(size, geography, repeats=20 if size <= 10_000 else 5)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

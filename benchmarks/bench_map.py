"""Map benchmark: the home page's size and the map's pan/zoom server time at 100,000 services.

Run: ``make bench-map`` (or ``.venv/bin/python -m benchmarks.bench_map [N ...]``). For each size it
builds a synthetic register (``benchmarks/synthetic.py``), its snapshot, search index and map index,
then measures:

* the home page's content as Dash sends it (the router callback's JSON, gzip level 6 as Flask-Compress),
  and the first map view the browser then asks for (all of London at zoom 10 on a 1366 px screen,
  and Peckham at zoom 14 on a 390 px phone), also gzipped;
* pan and zoom: ``/api/v1/map``'s work (parse, search, clusters, JSON) for random views at zoom 10
  to 17 with no search, a topic, a topic and place, and a filter; p50, p95 and max in milliseconds
  of wall time, and p50 and p95 of CPU time (this machine is shared, so wall time includes waits).

Figures go to stdout as JSON lines and to ``benchmarks/results/map.json``.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs

import plotly

from benchmarks.synthetic import empty_tables, synthetic_rows
from explorer.app import freeze_heap
from callbacks.router import render_page
from explorer.pages.context import PageContext
from explorer.reference import load_geography, prepare
from explorer.services.mapview import map_index, map_view
from explorer.services.search import search_index
from explorer.services.snapshot import build_snapshot
from explorer.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results" / "map.json"
QUERIES = ["", "q=domestic+abuse", "q=domestic+abuse+Peckham", "area=youth-violence&borough=E09000008"]
#: Degrees per screen pixel at zoom z near London (Web Mercator, 256 px tiles).
LON_PER_PX_Z0 = 360 / 256


class StaticProvider:
    """One snapshot, with derived values built once (like SnapshotProvider between publishes)."""

    def __init__(self, snapshot, geography):
        self.snapshot, self.geography, self._derived = snapshot, geography, {}

    def current(self):
        return self.snapshot

    def derived(self, name, factory):
        if name not in self._derived:
            self._derived[name] = factory(self.snapshot)
        return self._derived[name]


def view_box(lat: float, lon: float, zoom: int, width_px: int, height_px: int) -> str:
    """The bbox a screen of this size shows around (lat, lon) at ``zoom``."""
    import math

    dlon = LON_PER_PX_Z0 / 2 ** zoom * width_px / 2
    dlat = dlon * height_px / width_px * math.cos(math.radians(lat))
    return f"{lon - dlon:.5f},{lat - dlat:.5f},{lon + dlon:.5f},{lat + dlat:.5f}"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def answer(provider, query: str) -> bytes:
    """What the endpoint does for one request: parse, search, cluster, serialise."""
    return json.dumps(map_view(provider, parse_qs(query)), separators=(",", ":"), ensure_ascii=False).encode()


def run(size: int, geography, views: int) -> dict:
    rows = {**synthetic_rows(size, geography.postcodes), **empty_tables()}
    t0 = time.perf_counter()
    snapshot = build_snapshot(size, {"services": 1}, rows, geography, on_sample=False)
    provider = StaticProvider(snapshot, geography)
    search_index(provider)
    t1 = time.perf_counter()
    index = map_index(provider)
    map_build_s = time.perf_counter() - t1
    build_s = time.perf_counter() - t0
    freeze_heap()  # as the app does once its indexes are built

    page = render_page(provider, "/", "", PageContext())
    page_json = json.dumps({"response": {"page": {"children": page}}}, cls=plotly.utils.PlotlyJSONEncoder).encode()
    london = answer(provider, f"bbox={view_box(51.49, -0.11, 10, 1366, 640)}&zoom=10")
    peckham = answer(provider, f"q=domestic+abuse+Peckham&bbox={view_box(51.4700, -0.0693, 14, 390, 500)}&zoom=14")

    rng = random.Random(11)
    timings: dict[str, list[float]] = {q or "(none)": [] for q in QUERIES}
    cpu: list[float] = []
    sizes: list[int] = []
    for _ in range(views):
        for q in QUERIES:
            zoom = rng.randint(10, 17)
            lat, lon = 51.38 + rng.random() * 0.24, -0.35 + rng.random() * 0.5
            query = (q + "&" if q else "") + f"bbox={view_box(lat, lon, zoom, 1366, 640)}&zoom={zoom}"
            t, c = time.perf_counter(), time.process_time()
            body = answer(provider, query)
            timings[q or "(none)"].append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            sizes.append(len(body))
    every = [ms for values in timings.values() for ms in values]
    return {
        "services": size,
        "public_points": len(index),
        "snapshot_and_indexes_s": round(build_s, 2),
        "map_index_build_s": round(map_build_s, 2),
        "home_content_kb": round(len(page_json) / 1024, 1),
        "home_content_gzip_kb": round(gz(page_json) / 1024, 1),
        "first_view_london_gzip_kb": round(gz(london) / 1024, 1),
        "first_view_peckham_phone_gzip_kb": round(gz(peckham) / 1024, 1),
        "home_total_gzip_kb": round((gz(page_json) + gz(london)) / 1024, 1),
        "pan_zoom_p50_ms": round(statistics.median(every), 1),
        "pan_zoom_p95_ms": round(percentile(every, 95), 1),
        "pan_zoom_max_ms": round(max(every), 1),
        # CPU time of the request's thread: what the server spends, without other jobs' waits.
        "pan_zoom_cpu_p50_ms": round(statistics.median(cpu), 1),
        "pan_zoom_cpu_p95_ms": round(percentile(cpu, 95), 1),
        "pan_zoom_p95_ms_by_query": {k: round(percentile(v, 95), 1) for k, v in timings.items()},
        "view_kb_p95": round(percentile(sizes, 95) / 1024, 1),
    }


def main(argv=None) -> int:
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or [100_000]
    settings = Settings.from_env()
    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    results = []
    for size in sizes:
        result = run(size, geography, views=40 if size <= 10_000 else 25)
        results.append(result)
        print(json.dumps(result), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

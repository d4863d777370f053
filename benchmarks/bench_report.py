"""Benchmark: the six-monthly report's services block as Dash components against the template's HTML.

Run: ``make bench-report`` (or ``.venv/bin/python -m benchmarks.bench_report``). Issue 13 wants
``dangerously_allow_html`` gone from the report "if the report can be drawn fast without it". This
serves the app on the bundled register twice on a free loopback port, once as it is (the autoescaping
template's one HTML block in ``dcc.Markdown``) and once with the block built as Dash components (the
same elements, classes and text: ``components_block`` below), and opens ``/performance/report`` in
headless Chromium several times each. It reports, per variant and as medians:

* build: building the page's components in Python, and the JSON the browser is sent (bytes);
* drawn: from navigation start until every measure row of the block is in the page (polled every
  10 ms), as the browser's ``performance.now()``;
* long tasks: the main thread's blocked time over 50 ms per task (what total blocking time counts).

Figures go to stdout and ``benchmarks/results/report.json``. The machine is shared: compare the two
variants within one run.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results" / "report.json"
RUNS = int(os.environ.get("RUNS", "5"))


def components_block(report):
    """The services block as Dash components: the template's elements, one component each."""
    from dash import html

    from explorer.domain import rag
    from explorer.domain.rag import Rag
    from explorer.layout.components import rag_badge, sample_label
    from explorer.layout.performance import report as layout
    from explorer.services import performance as perf

    by_service: dict[str, list] = {}
    for row in report.rows:
        by_service.setdefault(row.service_id, []).append(row)
    by_word = {rag.style(r).word: r for r in Rag}
    sections = []
    for rows in by_service.values():
        first = rows[0]
        head = ["Measure", "Target", first.first_quarter, first.second_quarter, "Rating", "Trend", "Thresholds",
                "Provider's note", "Figures"]
        body = []
        for r in rows:
            cells = layout._measure_cells(r, {w: rag.style(v) for w, v in by_word.items()})
            body.append(html.Tr([
                html.Td(cells["measure"]), html.Td(cells["target"]), html.Td(cells["first"]),
                html.Td(cells["second"]), html.Td(rag_badge(by_word[r.rag], cells["thresholds"] or None)),
                html.Td(cells["trend"]), html.Td(cells["thresholds"]), html.Td(cells["narrative"]),
                html.Td(sample_label() if cells["sample"] else "published"),
            ]))
        sample = any(r.illustrative == perf.SAMPLE for r in rows)
        sections.append(html.Section([
            html.H2([first.service, " ", rag_badge(by_word[first.overall_rag])], className="h5"),
            html.P([layout._service_facts(first)] + ([" ", sample_label()] if sample else []), className="small mb-1"),
            html.Table([html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(body)],
                       className="table table-sm perf-table report-measures"),
        ], className="report-service"))
    return html.Div(sections, className="report-services", **{"data-variant": "components"})


def _serve(variant: str, port: int, env: dict) -> subprocess.Popen:
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from benchmarks import bench_report\n"
        "bench_report._child(%r, %d)\n" % (str(ROOT), variant, port)
    )
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _child(variant: str, port: int) -> None:
    """Serves the app (in a child process), with the components block when asked."""
    from explorer.app import create_app
    from explorer.layout.performance import report as layout

    if variant == "components":
        layout._report_services = components_block
    create_app().run(host="127.0.0.1", port=port, debug=False)


def _build_figures(variant: str) -> dict:
    """Python-side: building the page and its JSON, median of RUNS."""
    import datetime as dt

    import plotly

    from explorer.layout.performance import report as layout
    from explorer.pages.performance import report_page
    from explorer.reference import load_geography
    from explorer.services.snapshot import SnapshotProvider
    from explorer.settings import Settings
    from explorer.store.store import Store

    settings = Settings.from_env()
    snapshot = SnapshotProvider(Store.open(settings.store_url), load_geography(settings.data_dir, settings.cache_dir)).current()
    page = report_page(snapshot, {}, dt.date.today())
    original = layout._report_services
    if variant == "components":
        layout._report_services = components_block
    try:
        times, size = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            built = layout.build_report_page(page)
            size = len(json.dumps(built, cls=plotly.utils.PlotlyJSONEncoder))
            times.append((time.perf_counter() - start) * 1000)
    finally:
        layout._report_services = original
    rows = len(page.report.rows) if page.report else 0
    return {"build_ms": round(statistics.median(times), 1), "json_bytes": size, "measure_rows": rows}


_DRAWN = """
const rows = document.querySelectorAll('.report-services table.report-measures tbody tr').length;
const mine = document.querySelector('[data-variant="components"]') !== null;
return [rows, mine, performance.now(),
        (window.__longtasks || []).reduce((t, d) => t + Math.max(0, d - 50), 0)];
"""
_OBSERVE = """
window.__longtasks = [];
new PerformanceObserver(l => l.getEntries().forEach(e => window.__longtasks.push(e.duration)))
  .observe({type: 'longtask', buffered: true});
"""


def _browser_figures(variant: str, expected_rows: int, env: dict) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    port = _free_port()
    server = _serve(variant, port, env)
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--disable-background-networking", "--no-first-run"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        _wait_for(port)
        drawn, blocked = [], []
        for _ in range(RUNS):
            driver.get(f"http://127.0.0.1:{port}/performance/report")
            driver.execute_script(_OBSERVE)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                rows, mine, now, long_ms = driver.execute_script(_DRAWN)
                if rows >= expected_rows:
                    break
                time.sleep(0.01)
            else:
                raise RuntimeError(f"{variant}: the report did not draw ({rows} of {expected_rows} rows)")
            if mine != (variant == "components"):
                raise RuntimeError(f"{variant}: the page was not drawn by the variant asked for")
            time.sleep(0.5)  # let the last long task finish before reading them
            long_ms = driver.execute_script(_DRAWN)[3]
            drawn.append(now)
            blocked.append(long_ms)
        return {"drawn_ms": round(statistics.median(drawn)), "drawn_ms_all": [round(t) for t in drawn],
                "long_task_ms_over_50": round(statistics.median(blocked))}
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int) -> None:
    import urllib.request

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the app did not start")


def main() -> int:
    env = {**os.environ, "EXPLORER_TILE_URL": "", "EXPLORER_CHECK_INTERVAL": "3600"}
    env.setdefault("EXPLORER_SECRET_KEY", "bench-report-" + "x" * 40)
    os.environ.update(env)
    results = {}
    for variant in ("template", "components"):
        figures = _build_figures(variant)
        figures.update(_browser_figures(variant, figures["measure_rows"], env))
        results[variant] = figures
        print(variant, json.dumps(figures))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"runs": RUNS, **results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

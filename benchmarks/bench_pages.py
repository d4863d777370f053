"""Benchmark: page budgets as a browser sees them, measured with Lighthouse on the bundled register.

Run from the project root with ``make bench-pages`` (or ``python -m benchmarks.bench_pages``). It
serves the app with gunicorn (two workers, as in production) on a free loopback port, runs
Lighthouse 12.2.3 with Debian's Chromium on each page under the mobile preset (a simulated
mid-range phone on slow 4G) and the desktop preset, several runs each, and writes the median
performance score, largest contentful paint, total blocking time, cumulative layout shift and bytes
(with the accessibility and SEO scores) to ``benchmarks/results/pages.json`` and ``pages.md``.

Settings: ``RUNS`` (default 3), ``PAGES`` (comma-separated names, default all), ``PRESETS``
(default ``mobile,desktop``). This machine is shared and timings vary between runs: compare pages
and versions within one run. Tiles are turned off (``EXPLORER_TILE_URL=``) because the machine has
no internet; a basemap's tiles would otherwise count as failed requests.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "benchmarks" / "results"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic --no-first-run"
)
AUDITS = {
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    """The JSON body at ``url``."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return json.load(response)


def pages(base: str) -> dict[str, str]:
    """The pages to measure, by name; ids of a service and an opportunity come from the app itself."""
    # The page's address takes the register's id (the API's own ids are ORUK uuids).
    service = get_json(f"{base}/api/v1/services?per_page=1")["contents"][0]["x_commissioning"]["register_id"]
    with (ROOT / "data" / "sample" / "opportunities.csv").open(newline="", encoding="utf-8") as stream:
        opportunity = next(csv.DictReader(stream))["id"]
    return {
        "home": "/",
        "search": "/?q=domestic+abuse+near+Peckam",
        "service": f"/service/{service}",
        "funding": "/funding",
        "opportunity": f"/funding/{opportunity}",
        "performance": "/performance",
        "report": "/performance/report",
        "lcpf": "/lcpf",
        "embed": "/embed?borough=E09000028",
    }


def lighthouse(url: str, preset: str, out: Path) -> dict[str, float]:
    """One Lighthouse run; returns the figures of one page under one preset."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,seo",
        "--max-wait-for-load=60000",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    figures = {key: float(report["audits"][audit]["numericValue"]) for key, audit in AUDITS.items()}
    for category in ("performance", "accessibility", "seo"):
        score = report["categories"][category]["score"]
        figures[category] = round(100 * score) if score is not None else float("nan")
    return figures


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each figure over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def markdown(results: dict[str, dict[str, dict[str, float]]], runs: int) -> str:
    """The results as the README's table."""
    lines = [
        f"Median of {runs} Lighthouse 12.2.3 runs per page and preset.",
        "",
        "| page | preset | performance | LCP | TBT | CLS | KB | accessibility | SEO |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, presets in results.items():
        for preset, f in presets.items():
            lines.append(
                f"| {name} | {preset} | {f['performance']:.0f} | {f['lcp_ms'] / 1000:.1f} s | "
                f"{f['tbt_ms']:.0f} ms | {f['cls']:.3f} | {f['bytes'] / 1024:.0f} | "
                f"{f['accessibility']:.0f} | {f['seo']:.0f} |"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run scripts/ensure-lighthouse.sh (make bench-pages does)", file=sys.stderr)
        return 2
    runs = int(os.environ.get("RUNS", "3"))
    presets = os.environ.get("PRESETS", "mobile,desktop").split(",")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "EXPLORER_TILE_URL": ""}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", "2", "--threads", "4", "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning", "explorer.wsgi:server"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    try:
        for _ in range(240):
            try:
                get_json(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.5)
        else:
            print("the app did not start", file=sys.stderr)
            return 1
        chosen = pages(base)
        wanted = os.environ.get("PAGES")
        if wanted:
            chosen = {name: path for name, path in chosen.items() if name in wanted.split(",")}
        results: dict[str, dict[str, dict[str, float]]] = {}
        with tempfile.TemporaryDirectory() as folder:
            for name, path in chosen.items():
                for preset in presets:
                    figures = [lighthouse(base + path, preset, Path(folder) / "report.json") for _ in range(runs)]
                    results.setdefault(name, {})[preset] = median_of(figures)
                    f = results[name][preset]
                    print(f"{name:12} {preset:8} perf {f['performance']:>3.0f}  LCP {f['lcp_ms'] / 1000:4.1f} s  "
                          f"TBT {f['tbt_ms']:>5.0f} ms  CLS {f['cls']:.3f}  {f['bytes'] / 1024:>5.0f} KB  "
                          f"a11y {f['accessibility']:.0f}  SEO {f['seo']:.0f}", flush=True)
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = {"runs": runs, "lighthouse": "12.2.3", "when": time.strftime("%Y-%m-%d"), "pages": chosen}
        (RESULTS / "pages.json").write_text(json.dumps({**stamp, "results": results}, indent=2), encoding="utf-8")
        (RESULTS / "pages.md").write_text(markdown(results, runs), encoding="utf-8")
        print(f"Wrote {RESULTS / 'pages.json'} and pages.md")
        return 0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())

"""Fault riding under load (issue 17): a gunicorn worker killed, and PostgreSQL restarted, while
clients keep asking. Run with ``make bench-faults``; figures go in the README.

It starts its own throwaway PostgreSQL (initdb on a free loopback port; as the ``postgres`` user
when run as root, as ``scripts/with-postgres.sh`` does), publishes the sample into it, starts
gunicorn with two workers on it, and runs a closed loop of client threads (each request on a
new connection, so a failure is a request that was in flight, never a stale keep-alive socket).

1. **Worker kill**: after a warm-up, ``kill -9`` one worker. Counted: requests, failures, and
   how many requests were in flight when it died (the most that may be lost); then whether the
   master's replacement worker serves.
2. **PostgreSQL restart**: ``pg_ctl restart -m fast`` under the same load. Counted: answers by
   status (503 while down is expected; 500 never), the time from the database accepting
   connections again to the app's first 200, and whether the register is the same afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["/healthz", "/api/v1/services?search=domestic%20abuse", "/funding.ics", "/api/v1/taxonomy_terms",
         "/performance/report.csv?period=2025-H2", "/api/v1/exports/services.csv"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throwaway PostgreSQL cluster that can be restarted."""

    def __init__(self):
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parts[-2]))[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="explorer-faults-pg."))
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "explorer", "-E", "UTF8")
        self.start()
        self.url = f"postgresql+psycopg://explorer@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True)

    def _ctl(self, action: str, *extra: str) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "server.log"), "-w", *extra, action)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._ctl("start", "-o", options)

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")

    def accepting(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                pass
        except OSError:
            return False
        result = subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                capture_output=True)
        return result.returncode == 0

    def destroy(self) -> None:
        try:
            self._ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class Load:
    """Client threads in a closed loop; every answer is recorded with its time."""

    def __init__(self, port: int, clients: int):
        self.base = f"http://127.0.0.1:{port}"
        self.clients = clients
        self.results: list[tuple[float, float, int | str]] = []  # (start, end, status or error)
        self.in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._loop, args=(i,), daemon=True) for i in range(clients)]

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=30)

    def _loop(self, index: int) -> None:
        n = index
        while not self._stop.is_set():
            path = PATHS[n % len(PATHS)]
            n += 1
            request = urllib.request.Request(self.base + path, headers={"Connection": "close"})
            began = time.monotonic()
            with self._lock:
                self.in_flight += 1
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    outcome: int | str = response.status
            except urllib.error.HTTPError as exc:
                outcome = exc.code
            except (OSError, urllib.error.URLError) as exc:
                outcome = type(getattr(exc, "reason", exc)).__name__
            with self._lock:
                self.in_flight -= 1
                self.results.append((began, time.monotonic(), outcome))


def gunicorn(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}",
         "--graceful-timeout", "5", "--log-level", "warning", "explorer.wsgi:server"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def workers_of(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_healthy(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not become healthy")


def register_state(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
        body = json.load(r)
    return {"versions": body["versions"], "services": body["services"]}


def worker_kill(port: int, master: int, clients: int, warmup: float, after: float) -> dict:
    load = Load(port, clients)
    load.start()
    time.sleep(warmup)
    victim = workers_of(master)[0]
    in_flight = load.in_flight  # across both workers: an upper bound for those on the victim
    killed_at = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    time.sleep(after)
    load.stop()
    failed = [r for r in load.results if not (isinstance(r[2], int) and r[2] < 500)]
    replaced = victim not in workers_of(master) and len(workers_of(master)) == 2
    served_after = sum(1 for r in load.results if r[0] > killed_at + 1 and r[2] == 200)
    return {
        "requests": len(load.results),
        "failed": len(failed),
        "failures": dict(Counter(str(r[2]) for r in failed)),
        "in_flight_when_killed": in_flight,
        "failed_beyond_in_flight": max(0, len(failed) - in_flight),
        "worker_replaced": replaced,
        "served_after_kill": served_after,
    }


def pg_restart(port: int, pg: Postgres, clients: int, warmup: float, after: float) -> dict:
    before = register_state(port)
    load = Load(port, clients)
    load.start()
    time.sleep(warmup)
    stopped_at = time.monotonic()
    pg.stop()
    time.sleep(2.0)  # down for two seconds
    pg.start()
    while not pg.accepting():
        time.sleep(0.05)
    ready_at = time.monotonic()
    time.sleep(after)
    load.stop()
    statuses = Counter(str(r[2]) for r in load.results)
    first_ok = min((r[1] for r in load.results if r[0] >= ready_at and r[2] == 200), default=None)
    during = Counter(str(r[2]) for r in load.results if stopped_at <= r[0] < ready_at)
    return {
        "requests": len(load.results),
        "statuses": dict(statuses),
        "while_down": dict(during),
        "server_errors_500": statuses.get("500", 0),
        "seconds_from_db_ready_to_first_200": None if first_ok is None else round(first_ok - ready_at, 2),
        "register_unchanged": register_state(port) == before,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--after", type=float, default=8.0)
    args = parser.parse_args(argv)

    pg = Postgres()
    server = None
    try:
        env = {**os.environ, "EXPLORER_DATABASE_URL": pg.url, "EXPLORER_CHECK_INTERVAL": "1",
               "EXPLORER_SECRET_KEY": os.environ.get("EXPLORER_SECRET_KEY") or "benchmark-only-secret-key"}
        subprocess.run([str(ROOT / ".venv/bin/explorer"), "prepare"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        port = free_port()
        server = gunicorn(env, port)
        wait_healthy(port)
        results = {
            "machine": f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}",
            "clients": args.clients,
            "worker_kill": worker_kill(port, server.pid, args.clients, args.warmup, args.after),
        }
        wait_healthy(port)
        results["postgres_restart"] = pg_restart(port, pg, args.clients, args.warmup, args.after)
        print(json.dumps(results, indent=2))
        out = ROOT / "benchmarks" / "results"
        out.mkdir(exist_ok=True)
        (out / "faults.json").write_text(json.dumps(results, indent=2) + "\n")
        kill, restart = results["worker_kill"], results["postgres_restart"]
        ok = (kill["failed_beyond_in_flight"] == 0 and kill["worker_replaced"] and restart["server_errors_500"] == 0
              and restart["register_unchanged"] and (restart["seconds_from_db_ready_to_first_200"] or 99) <= 5)
        return 0 if ok else 1
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        pg.destroy()


if __name__ == "__main__":
    sys.exit(main())

"""CLI benchmark: wall time of ``explorer search`` at 10,000 services, cold (index built) and warm (cached).

Run: ``.venv/bin/python -m benchmarks.bench_cli [SIZE]``. It publishes the synthetic register
into a throwaway SQLite store, then runs the real command in a fresh process each time: the
first run builds the search index and keeps it in the cache folder; the next runs read it.
It reports wall time and CPU time (user + system: what the command itself costs, whatever else
the machine is doing), and times ``python -c "import numpy"`` and the load average so a loaded
machine shows in the figures. Children may write bytecode (``PYTHONDONTWRITEBYTECODE`` is
dropped), as an installed program does.
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

QUERIES = ["domestic abuse Peckham", "knife crime Croydon", "N15 youth", "county lines"]


def _run(args: list[str], env: dict) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    from benchmarks.synthetic import synthetic_rows
    from explorer.reference import load_geography, prepare
    from explorer.settings import Settings
    from explorer.store.store import Store, sqlite_url

    size = int((argv if argv is not None else sys.argv[1:] or ["10000"])[0])
    settings = Settings.from_env()
    prepare(settings.data_dir, settings.cache_dir)
    geography = load_geography(settings.data_dir, settings.cache_dir)
    explorer = str(Path(sys.executable).with_name("explorer"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store.open(sqlite_url(db))
        store.publish("services", synthetic_rows(size, geography.postcodes), source="synthetic (benchmark)")
        store.dispose()
        cache = Path(tmp) / "cache"
        cache.mkdir()
        for f in Path(settings.cache_dir).iterdir():
            if f.is_file() and not f.name.startswith("search-index-"):
                (cache / f.name).symlink_to(f.resolve())
        env = {**os.environ, "EXPLORER_DATABASE_URL": sqlite_url(db), "EXPLORER_CACHE_DIR": str(cache),
               "EXPLORER_DATA_DIR": str(settings.data_dir)}
        # As an installed program runs: Python keeps compiled bytecode (the first run writes it),
        # so no run compiles the explorer's sources again (a build sandbox may forbid writing it).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cold = _run([explorer, "search", QUERIES[0]], env)
        warm = [_run([explorer, "search", q], env) for _ in range(3) for q in QUERIES]
        numpy = [_run([sys.executable, "-c", "import numpy"], env) for _ in range(3)]
    print(json.dumps({
        "services": size,
        "cold_wall_s": round(cold[0], 2),
        "warm_wall_median_s": round(statistics.median(w for w, _ in warm), 3),
        "warm_cpu_median_s": round(statistics.median(c for _, c in warm), 3),
        "warm_cpu_max_s": round(max(c for _, c in warm), 3),
        "import_numpy_wall_s": round(statistics.median(w for w, _ in numpy), 3),
        "import_numpy_cpu_s": round(statistics.median(c for _, c in numpy), 3),
        "load_average": round(os.getloadavg()[0], 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env bash
# Bounded load run on loopback: gunicorn with 2 workers, locust with 200 users for 120 s.
# The store is EXPLORER_DATABASE_URL when set (make load-postgres), else the SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-200}"; DURATION="${DURATION:-120s}"; PORT="${LOAD_PORT:-8077}"
if [ ! -x .venv-load/bin/locust ]; then
  python3 -m venv .venv-load
  .venv-load/bin/pip install --quiet "locust>=2.20"
fi
.venv/bin/gunicorn --workers 2 --threads 4 --keep-alive 30 --bind "127.0.0.1:$PORT" --log-level warning 'explorer.wsgi:server' &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
.venv-load/bin/locust -f benchmarks/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users "$USERS" --spawn-rate 10 --run-time "$DURATION" --stop-timeout 5 --only-summary \
  --csv "benchmarks/results/load${LOAD_NAME:+-$LOAD_NAME}"
python3 - <<'PY'
import csv
import os
name = os.environ.get("LOAD_NAME")
rows = list(csv.DictReader(open(f"benchmarks/results/load{'-' + name if name else ''}_stats.csv")))
total = [r for r in rows if r["Name"] == "Aggregated"][0]
print(f"requests={total['Request Count']} failures={total['Failure Count']} "
      f"p50={total['50%']}ms p95={total['95%']}ms p99={total['99%']}ms rps={float(total['Requests/s']):.1f}")
PY

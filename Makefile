# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The secret that keys senders' address hashes: made once, on first start, in an ignored file
# readable only by its owner. A set EXPLORER_SECRET_KEY wins (production sets its own).
SECRET_FILE := .secret-key
WITH_SECRET = EXPLORER_SECRET_KEY="$${EXPLORER_SECRET_KEY:-$$(cat $(SECRET_FILE))}"
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: install prepare run serve-prod test test-fast browser-deps clean bench-search bench-relevance bench-unseen bench-ingest bench-map bench-start bench-pages bench-report bench-faults load load-postgres audit

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

prepare: install
	$(VENV)/bin/explorer prepare

$(SECRET_FILE):
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(48))" > $@
	@echo "Made a secret key in $@ (ignored by git); set EXPLORER_SECRET_KEY to use another."

run: prepare $(SECRET_FILE)
	@echo "Starting the explorer on http://$(HOST):$(PORT)/"
	@$(WITH_SECRET) $(VENV)/bin/explorer serve --host $(HOST) --port $(PORT)

# Production: several gunicorn workers forked from one preloaded app (gunicorn.conf.py: they share
# its snapshot and indexes; the master builds each new publish and forks fresh workers), all on one store.
WORKERS ?= 4
serve-prod: prepare $(SECRET_FILE)
	@echo "Serving with $(WORKERS) workers on http://$(HOST):$(PORT)/"
	@$(WITH_SECRET) $(VENV)/bin/gunicorn --workers $(WORKERS) --threads 4 --keep-alive 30 --bind $(HOST):$(PORT) --access-logfile - 'explorer.wsgi:server'

# Chromium and its driver for the browser tests (Debian packages; needs root, as in CI).
browser-deps:
	@bash scripts/ensure-chromium.sh
	@bash scripts/ensure-axe.sh

test: install browser-deps
	bash scripts/with-postgres.sh $(PY) -m pytest

# Dependency audit (pip-audit); CI runs it after the tests.
audit: install
	bash scripts/audit.sh

test-fast: install
	$(PY) -m pytest -m "not browser"

clean:
	rm -rf $(VENV) data/cache/*.npz data/cache/*.geojson data/cache/*.json data/explorer.db*

# Benchmarks (figures in the README). One core, so figures compare across machines.
bench-search: prepare
	taskset -c 0 $(PY) -m benchmarks.bench_search 10000 100000

# Relevance: the labelled query set (NDCG@10, P@10, zero results) and the synthetic register
# against SQLite FTS5, plain and under Datasette (precision and HTTP latency), in one run.
SIZES ?= 10000 100000
bench-relevance: prepare
	@bash scripts/ensure-datasette.sh
	taskset -c 0 $(PY) -m benchmarks.bench_relevance $(SIZES)

# Unseen residents' queries (benchmarks/relevance/unseen): right borough and topic in the top 3.
bench-unseen: prepare
	$(PY) -m benchmarks.bench_unseen

bench-ingest: install
	$(PY) benchmarks/bench_ingest.py

# The home page's size and the map's pan/zoom server time at 100,000 services (figures in the README).
bench-map: prepare
	taskset -c 0 $(PY) -m benchmarks.bench_map 10000 100000

# Start, snapshot rebuild after a publish, first search and memory on a 100,000-service store.
bench-start: prepare
	$(PY) benchmarks/bench_start.py 100000

# Page budgets: Lighthouse 12.2.3 (mobile and desktop presets, RUNS runs each) on nine pages.
bench-pages: prepare browser-deps $(SECRET_FILE)
	@bash scripts/ensure-lighthouse.sh
	@$(WITH_SECRET) $(PY) -m benchmarks.bench_pages

# The report's services block drawn as Dash components against the template's HTML (README figures).
bench-report: prepare browser-deps $(SECRET_FILE)
	@$(WITH_SECRET) $(PY) -m benchmarks.bench_report

# Load: gunicorn with 2 workers, 200 simulated users for 120 s on loopback (figures in the README),
# on the SQLite store, and on a throwaway PostgreSQL.
load: prepare $(SECRET_FILE)
	@$(WITH_SECRET) LOAD_NAME=sqlite bash scripts/load.sh

load-postgres: install $(SECRET_FILE)
	@$(WITH_SECRET) bash scripts/with-postgres.sh bash -c 'export EXPLORER_DATABASE_URL="$$EXPLORER_TEST_DATABASE_URL" LOAD_NAME=postgresql && $(VENV)/bin/explorer prepare >/dev/null && bash scripts/load.sh'

# Faults under load: a gunicorn worker killed, PostgreSQL restarted (figures in the README).
bench-faults: install
	$(PY) benchmarks/faults.py

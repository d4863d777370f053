# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: install prepare run serve-prod test test-fast browser-deps clean bench-search bench-ingest bench-map bench-start bench-pages load audit

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

prepare: install
	$(VENV)/bin/explorer prepare

run: prepare
	@echo "Starting the explorer on http://$(HOST):$(PORT)/"
	$(VENV)/bin/explorer serve --host $(HOST) --port $(PORT)

# Production: several gunicorn workers, each with its own snapshot, all on one store.
WORKERS ?= 4
serve-prod: prepare
	@echo "Serving with $(WORKERS) workers on http://$(HOST):$(PORT)/"
	$(VENV)/bin/gunicorn --workers $(WORKERS) --threads 4 --keep-alive 30 --bind $(HOST):$(PORT) --access-logfile - 'explorer.wsgi:server'

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

bench-ingest: install
	$(PY) benchmarks/bench_ingest.py

# The home page's size and the map's pan/zoom server time at 100,000 services (figures in the README).
bench-map: prepare
	taskset -c 0 $(PY) -m benchmarks.bench_map 10000 100000

# Start, snapshot rebuild after a publish, first search and memory on a 100,000-service store.
bench-start: prepare
	$(PY) benchmarks/bench_start.py 100000

# Page budgets: Lighthouse 12.2.3 (mobile and desktop presets, RUNS runs each) on nine pages.
bench-pages: prepare browser-deps
	@bash scripts/ensure-lighthouse.sh
	$(PY) -m benchmarks.bench_pages

# Load: gunicorn with 2 workers, 50 simulated users for 60 s on loopback (figures in the README).
load: prepare
	bash scripts/load.sh

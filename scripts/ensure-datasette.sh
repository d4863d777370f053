#!/usr/bin/env bash
# Installs Datasette into its own virtualenv (.venv-datasette) for `make bench-relevance`, which
# serves the synthetic register's FTS5 index through it: the full-text peer that issue #14 measured
# against. Kept apart from .venv so that its dependencies (uvicorn, asgiref …) never reach the app's.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv-datasette/bin/datasette ] && exit 0
python3 -m venv .venv-datasette
.venv-datasette/bin/pip install --quiet "datasette>=0.65"
test -x .venv-datasette/bin/datasette

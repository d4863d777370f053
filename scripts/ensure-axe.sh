#!/usr/bin/env bash
# Fetches axe-core (the npm package) for the accessibility browser tests into .cache/axe-core.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=.cache/axe-core/node_modules/axe-core/axe.min.js
[ -f "$TARGET" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "error: the accessibility tests need npm (Node.js) to fetch axe-core; install nodejs and npm." >&2
  exit 1
fi
mkdir -p .cache/axe-core
npm install --silent --no-audit --no-fund --prefix .cache/axe-core axe-core@4 >/dev/null
test -f "$TARGET"

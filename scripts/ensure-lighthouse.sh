#!/usr/bin/env bash
# Fetches Lighthouse 12.2.3 (pinned: newer releases want Node 22) into .cache/lighthouse for
# `make bench-pages`. It drives Debian's Chromium (scripts/ensure-chromium.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=.cache/lighthouse/node_modules/.bin/lighthouse
[ -x "$TARGET" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "error: the page benchmark needs npm (Node.js) to fetch Lighthouse; install nodejs and npm." >&2
  exit 1
fi
mkdir -p .cache/lighthouse
npm install --silent --no-audit --no-fund --prefix .cache/lighthouse lighthouse@12.2.3 >/dev/null
test -x "$TARGET"

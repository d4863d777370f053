#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver when either is missing; fails loudly otherwise.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the browser tests need Debian's chromium and chromium-driver;" >&2
  echo "       install them (sudo apt-get install chromium chromium-driver) and rerun." >&2
  exit 1
fi
echo "Installing chromium and chromium-driver for the browser tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null

#!/usr/bin/env bash
# Makes sure Debian's chromium is installed at /usr/bin/chromium, for the Skywatch
# browser tests (Playwright drives it through playwright-core; no browser download).
# Installs it with apt-get when missing and running as root; otherwise explains and fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing and this is not root; install it with: sudo apt-get install chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available (not Debian/Ubuntu?); install chromium by hand" >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM missing; running apt-get update"
if ! apt-get update; then
  echo "ensure-chromium: apt-get update failed (no access to the Debian mirror?)" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium with apt-get"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation; then
  echo "ensure-chromium: apt-get install chromium failed" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"

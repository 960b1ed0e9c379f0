#!/bin/sh
# Installs what the end-to-end tier needs and the npm registry cannot give: Debian's chromium.
# Playwright drives it through playwright-core; its own browser download is never used.
set -e
if [ -x /usr/bin/chromium ]; then
  echo "setup:e2e: chromium is present ($(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup:e2e: /usr/bin/chromium is missing and this is not a Debian/Ubuntu machine; install Chromium at /usr/bin/chromium yourself" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup:e2e: installing Debian's chromium…"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
  echo "setup:e2e: could not install the chromium package (apt-get failed); the end-to-end tests need /usr/bin/chromium" >&2
  exit 1
fi
echo "setup:e2e: installed $(/usr/bin/chromium --version 2>/dev/null)"

#!/usr/bin/env bash
# Provides /usr/bin/chromium for the browser tests (playwright-core drives Debian's chromium).
# Installs Debian's package only; never lets a tool download its own browser.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | grep -i chromium || echo present) at /usr/bin/chromium"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: /usr/bin/chromium is missing. Install Debian's package as root: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

echo "chromium: installing Debian's chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
[ -x /usr/bin/chromium ] || { echo "chromium: apt-get finished but /usr/bin/chromium is still missing" >&2; exit 1; }
echo "chromium: installed at /usr/bin/chromium"

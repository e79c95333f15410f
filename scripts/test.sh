#!/usr/bin/env bash
# Runs every test of Cakap against the local Postgres and Redis (and Debian's Chromium for
# the portal). Installs what is missing first. Each test run uses databases and Redis key
# prefixes of its own, so it can run while the demo system is up.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
bash infra/scripts/chromium.sh
bash infra/scripts/pdf-tools.sh
pnpm test "$@"

#!/usr/bin/env bash
# Starts the whole of Cakap on this machine with demo data: installs what is missing, starts
# Postgres and Redis, builds, migrates, seeds, then runs the api, the worker and the portal
# in the foreground. Ctrl-C stops all three. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cakap}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
export PORTAL_PORT="${PORTAL_PORT:-5173}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$PORTAL_PORT}"
export API_URL="http://127.0.0.1:$PORT"

for port in "$PORT" "$PORTAL_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "start: port $port is already in use (is Cakap already running?). Stop it or set PORT / PORTAL_PORT." >&2
    exit 1
  fi
done

echo "start: building"
pnpm turbo run build --output-logs=errors-only
echo "start: migrating and seeding $DATABASE_URL"
pnpm db:migrate
pnpm db:seed

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "start: stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

prefix() { sed -u "s/^/[$1] /"; }
# Output goes through process substitution so that $! is the node process itself and
# stopping it really stops it (STACK.md trap 7: the vite binary directly, not `pnpm preview`).
node apps/api/dist/main.js > >(prefix api) 2>&1 & pids+=($!)
# The worker's heap limits are those of its start:prod script (apps/worker/package.json).
node $(node -p "require('./apps/worker/package.json').scripts['start:prod'].split(' ').filter((a) => a.startsWith('--')).join(' ')") apps/worker/dist/main.js > >(prefix worker) 2>&1 & pids+=($!)
(cd apps/portal && exec node node_modules/vite/bin/vite.js preview --port "$PORTAL_PORT" --strictPort --host 0.0.0.0) > >(prefix portal) 2>&1 & pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$PORTAL_PORT/" >/dev/null 2>&1 && break
  sleep 1
done

cat <<MSG

  Cakap is running.
    Portal:   http://localhost:$PORTAL_PORT
    API:      http://localhost:$PORT/api/v1   (OpenAPI: http://localhost:$PORT/api/docs)

  Demo accounts (NIP / password):
    admin     198001012005011001 / admin12345
    author    198502152010012002 / penulis12345
    learner   199003202015031003 / peserta12345

  Ctrl-C stops everything.
MSG
wait

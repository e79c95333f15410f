#!/usr/bin/env bash
# Makes sure Postgres (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer on a Debian machine.
# Idempotent: a service that already answers is left alone. Installs the Debian packages when
# they are missing and this runs as root; otherwise says what to install.
#
#   bash infra/scripts/services.sh            # wait at most 60 s
#   CAKAP_SERVICES_TIMEOUT=120 bash infra/scripts/services.sh
set -euo pipefail

TIMEOUT="${CAKAP_SERVICES_TIMEOUT:-60}"
IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

say() { printf 'services: %s\n' "$*"; }
die() { printf 'services: %s\n' "$*" >&2; exit 1; }

# Without the client tools (services in Docker), fall back to bash's /dev/tcp.
pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}
redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]
  else
    (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && read -r -t 2 line <&3 && [[ $line == +PONG* ]]) 2>/dev/null
  fi
}

pg_installed() { command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; }
redis_installed() { command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; }

# ---------------------------------------------------------------- install what is missing
missing=()
pg_up || pg_installed || missing+=(postgresql)
redis_up || redis_installed || missing+=(redis-server)
FRESH_PG=0
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$IS_ROOT" -eq 1 ]; then
    say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
    [[ " ${missing[*]} " == *" postgresql "* ]] && FRESH_PG=1
  else
    die "not installed: ${missing[*]}. Install them as root: sudo apt-get update && sudo apt-get install -y ${missing[*]}  (or use Docker: docker compose -f infra/compose.yaml up -d)"
  fi
fi

# ---------------------------------------------------------------- start what is not running
if pg_up; then
  say "Postgres already answers on 127.0.0.1:5432"
else
  say "starting Postgres"
  # shellcheck disable=SC2046 # one cluster version directory, as on the CI machines
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start \
    || say "pg_ctlcluster failed (run as root or as the postgres user; logs in /var/log/postgresql/)"
fi

if redis_up; then
  say "Redis already answers on 127.0.0.1:6379"
else
  say "starting Redis"
  if ! mkdir -p /var/lib/redis /var/log/redis 2>/dev/null; then
    die "cannot create /var/lib/redis and /var/log/redis: run as root (sudo bash $0)"
  fi
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || say "redis-server failed to start (log: /var/log/redis/ci.log)"
fi

# ---------------------------------------------------------------- wait until both answer
deadline=$((SECONDS + TIMEOUT))
until pg_up && redis_up; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    pg_up || printf 'services: Postgres does not answer on 127.0.0.1:5432 after %ss (logs: /var/log/postgresql/)\n' "$TIMEOUT" >&2
    redis_up || printf 'services: Redis does not answer on 127.0.0.1:6379 after %ss (log: /var/log/redis/ci.log)\n' "$TIMEOUT" >&2
    exit 1
  fi
  sleep 1
done

if [ "$FRESH_PG" -eq 1 ]; then
  # A fresh Debian cluster asks for a password on TCP logins: give the postgres user one.
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" \
    && say "fresh cluster: use DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/cakap"
fi

say "ready: Postgres 127.0.0.1:5432, Redis 127.0.0.1:6379"

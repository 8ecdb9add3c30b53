#!/usr/bin/env bash
# Liftback on a real PostgreSQL: Debian's package, a throwaway cluster on loopback (port 5433,
# trust auth, data under a temporary folder), stopped again at the end. Runs the store contract
# suite, then the browser journeys and the API fuzzing against `liftback serve --database postgres://...`,
# each on a database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
data=$(mktemp -d /tmp/liftback-pg.XXXXXX)
chown postgres "$data" 2>/dev/null || true
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
run_pg "$bin/initdb -D $data -A trust -U postgres" >/dev/null
run_pg "$bin/pg_ctl -D $data -o '-c listen_addresses=127.0.0.1 -p 5433 -k $data' -l $data/log -w start" >/dev/null
trap 'run_pg "$bin/pg_ctl -D $data -m fast stop" >/dev/null 2>&1 || true' EXIT
database() {  # database NAME: creates it and prints its URL
  run_pg "$bin/psql -h 127.0.0.1 -p 5433 -U postgres -c 'CREATE DATABASE $1'" >/dev/null
  echo "postgres://postgres@127.0.0.1:5433/$1"
}

echo "-- the store contract suite"
LIFTBACK_TEST_POSTGRES_URL=$(database liftback_test) swift test --filter StoreContractTests
if [ "${1:-}" != "--store-only" ]; then
  echo "-- browser journeys with the server on PostgreSQL"
  LIFTBACK_BROWSER_DATABASE=$(database liftback_browser) LIFTBACK_SCREENSHOTS=0 bash scripts/browser-tests.sh
  echo "-- API fuzzing with the server on PostgreSQL"
  LIFTBACK_FUZZ_DATABASE=$(database liftback_fuzz) bash scripts/api-fuzz.sh
fi

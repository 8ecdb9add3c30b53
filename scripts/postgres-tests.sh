#!/usr/bin/env bash
# Runs the store contract suite against a real PostgreSQL: Debian's package, a throwaway cluster on
# loopback (port 5433, trust auth, data under a temporary folder), stopped again at the end.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
data=$(mktemp -d /tmp/liftback-pg.XXXXXX)
chown postgres "$data"
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
run_pg "$bin/initdb -D $data -A trust -U postgres" >/dev/null
run_pg "$bin/pg_ctl -D $data -o '-c listen_addresses=127.0.0.1 -p 5433 -k $data' -l $data/log -w start" >/dev/null
trap 'run_pg "$bin/pg_ctl -D $data -m fast stop" >/dev/null 2>&1 || true' EXIT
run_pg "$bin/psql -h 127.0.0.1 -p 5433 -U postgres -c 'CREATE DATABASE liftback_test'" >/dev/null
LIFTBACK_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5433/liftback_test swift test --filter StoreContractTests

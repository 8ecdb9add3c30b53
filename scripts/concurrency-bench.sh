#!/usr/bin/env bash
# Logging under concurrency on SQLite and on PostgreSQL, in one run (docs/performance.md,
# "SQLite and PostgreSQL under concurrency"): one busy patient at 16 connections, then 16 patients
# with a connection each. A throwaway PostgreSQL cluster (scripts/throwaway-postgres.sh, port 5434,
# default settings), a release build, `hey` as the load generator on the same two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hey >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
swift build -c release --product liftback >/dev/null
source scripts/throwaway-postgres.sh
start_postgres 5434
run_pg "$pgbin/psql -h 127.0.0.1 -p 5434 -U postgres -c 'CREATE DATABASE liftback_bench'" >/dev/null
python3 scripts/concurrency-bench.py .build/release/liftback "$pgdata/bench.sqlite" \
  "postgres://postgres@127.0.0.1:5434/liftback_bench" "${BENCH_SECONDS:-10}"

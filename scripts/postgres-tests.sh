#!/usr/bin/env bash
# Liftback on a real PostgreSQL: Debian's package, a throwaway cluster on loopback (port 5433,
# trust auth, data under a temporary folder), stopped again at the end. Runs the store contract
# suite, then the browser journeys and the API fuzzing against `liftback serve --database postgres://...`,
# each on a database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh
start_postgres 5433
bin=$pgbin
data=$pgdata
database() {  # database NAME: creates it and prints its URL
  run_pg "$bin/psql -h 127.0.0.1 -p 5433 -U postgres -c 'CREATE DATABASE $1'" >/dev/null
  echo "postgres://postgres@127.0.0.1:5433/$1"
}

# --store-only: the store suite alone; --restore-only: the backup and restore check alone;
# --instances-only: two app servers on one database alone.
mode=${1:-}
if [ "$mode" != "--restore-only" ] && [ "$mode" != "--instances-only" ]; then
  echo "-- the store contract suite"
  LIFTBACK_TEST_POSTGRES_URL=$(database liftback_test) swift test --filter StoreContractTests
fi
if [ "$mode" = "" ]; then
  echo "-- browser journeys with the server on PostgreSQL"
  LIFTBACK_BROWSER_DATABASE=$(database liftback_browser) LIFTBACK_SCREENSHOTS=0 bash scripts/browser-tests.sh
  echo "-- API fuzzing with the server on PostgreSQL"
  LIFTBACK_FUZZ_DATABASE=$(database liftback_fuzz) bash scripts/api-fuzz.sh
fi
if [ "$mode" = "" ] || [ "$mode" = "--instances-only" ]; then
  echo "-- two app servers on one PostgreSQL (docs/scale.md)"
  swift build --product liftback >/dev/null
  python3 scripts/instances-test.py .build/debug/liftback "$(database liftback_instances)" "$data"
  echo "-- load seeding into PostgreSQL (docs/scale.md): 250 people, 100 a clinician"
  .build/debug/liftback admin seed-load --database "$(database liftback_seed)" --patients 250 --weeks 4 \
    --per-clinician 100 --today 2026-12-01 2>/dev/null
  counts=$(run_pg "$bin/psql -h 127.0.0.1 -p 5433 -U postgres -d liftback_seed -Atc \"SELECT (SELECT count(*) FROM links), (SELECT count(DISTINCT clinician_id) FROM links), (SELECT count(*) FROM case_status), (SELECT count(DISTINCT patient_id) FROM case_entries)\"")
  [ "$counts" = "250|3|250|250" ] || { echo "FAIL seeded PostgreSQL holds $counts, not 250|3|250|250"; exit 1; }
  echo "seeded: 250 people on 3 caseloads, each with a history and a status"
fi
if [ "$mode" != "--store-only" ] && [ "$mode" != "--instances-only" ]; then
  echo "-- backup and restore (docs/deploy.md): pg_dump of the database a server writes to, restored into another"
  swift build --product liftback >/dev/null
  source_url=$(database liftback_backup)
  free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
  serve() {  # serve URL PORT: starts the server and waits until it answers
    .build/debug/liftback serve --port "$2" --database "$1" >"$data/serve-$2.log" 2>&1 &
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$2/health" >/dev/null && return 0; sleep 0.1; done; return 1
  }
  p1=$(free_port); serve "$source_url" "$p1"; first=$!
  api="http://127.0.0.1:$p1/api/v1"; json='Content-Type: application/json'
  curl -fs -o /dev/null -X POST "$api/accounts" -H "$json" -d '{"email":"kept@example.org","password":"a long pass phrase","name":"Kept"}'
  read -r token id < <(curl -fs -X POST "$api/auth/token" -H "$json" -d '{"email":"kept@example.org","password":"a long pass phrase"}' \
    | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['token'], d['accountId'])")
  curl -fs -o /dev/null -X PUT "$api/patients/$id/intake" -H "$json" -H "Authorization: Bearer $token" \
    -d '{"date":"2026-11-02","pattern":"muscular","pain":3}'
  curl -fs -o /dev/null -X POST "$api/patients/$id/workouts" -H "$json" -H "Authorization: Bearer $token" \
    -d '{"date":"2026-11-03","exercises":[{"exercise":"walk","sets":[{"holdSeconds":10}]}]}'
  run_pg "$bin/pg_dump -Fc -h 127.0.0.1 -p 5433 -U postgres liftback_backup" >"$data/backup.dump"
  kill $first; wait $first 2>/dev/null || true
  restored_url=$(database liftback_restored)
  run_pg "$bin/pg_restore -h 127.0.0.1 -p 5433 -U postgres -d liftback_restored" <"$data/backup.dump"
  p2=$(free_port); serve "$restored_url" "$p2"; second=$!
  workouts=$(curl -fs "http://127.0.0.1:$p2/api/v1/patients/$id/history" -H "Authorization: Bearer $token" \
    | python3 -c "import json,sys; print(len(json.load(sys.stdin)['workouts']))")
  kill $second; wait $second 2>/dev/null || true
  [ "$workouts" = 1 ] || { echo "FAIL the restored database has $workouts sessions, not 1"; exit 1; }
  echo "restored: the account, its token, the intake and the session"
fi

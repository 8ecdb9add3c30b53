#!/usr/bin/env bash
# The command line's contract (README, "The engine's commands"), checked on the real binary:
# JSON on standard output and exit 0 on success; on bad input a non-zero exit, a message on
# standard error that names the item, and nothing on standard output.
set -uo pipefail
bin=${1:-.build/debug/liftback}
passed=0
failed=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

ok() {  # ok NAME JSON-CHECK -- ARGS...: must exit 0 and print JSON that the python check accepts
  local name=$1 check=$2; shift 3
  if "$bin" "$@" >"$out" 2>"$err" && python3 -c "import json,sys; d=json.load(open('$out')); sys.exit(0 if ($check) else 1)"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $name: $(head -c 300 "$out") $(cat "$err")"
  fi
}

refused() {  # refused NAME TEXT -- ARGS...: must exit non-zero, stdout empty, stderr containing TEXT
  local name=$1 text=$2; shift 3
  "$bin" "$@" >"$out" 2>"$err"; local rc=$?
  if [ $rc -ne 0 ] && [ ! -s "$out" ] && grep -q -- "$text" "$err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $name: rc=$rc stdout=$(head -c 200 "$out") stderr=$(cat "$err")"
  fi
}

ok "startback" "d['score']==5 and d['psychosocial']==3 and d['category']=='medium'" -- score startback --answers 1,0,0,1,0,1,1,0,3
ok "odi one missing" "d['score']==31.1 and d['category']=='moderate'" -- score odi --answers 1,2,3,-,2,2,1,0,1,2
ok "rmdq" "d['score']==3" -- score rmdq --answers 1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
ok "tsk11" "d['score']==22" -- score tsk11 --answers 2,2,2,2,2,2,2,2,2,2,2
ok "fabq" "d['physicalActivity']==8 and d['work']==0" -- score fabq --answers 6,2,2,2,2,0,0,6,0,0,0,0,6,6,0,6
ok "psfs" "d['score']==4.7" -- score psfs --answers 3,5,6
ok "triage emergency" "d['disposition']=='emergency' and d['reasons']" -- triage --flags saddle-numbness,fever
ok "triage weak flag" "d['disposition']=='proceed' and d['notes']" -- triage --flags age-over-50
ok "triage list" "len(d)>=17" -- triage --list
ok "catalog" "len(d['exercises'])>=40" -- catalog
ok "next" "d['exercises'][0]['weight']==75 and d['exercises'][0]['decision']=='progress'" -- next --case examples/contract-example.json
ok "next red flag" "d['disposition']=='clinician' and all('weight' not in e for e in d['exercises'])" -- next --case examples/red-flag-in-check-in.json
ok "baseline" "d[0]['estimatedMax']['epley']>0" -- baseline --case examples/climbing-symptoms.json

refused "startback item 9" "item 9" -- score startback --answers 1,0,0,1,0,1,1,0,5
refused "odi two missing" "not computable" -- score odi --answers 1,-,3,-,2,2,1,0,1,2
refused "wrong count" "expected 24 answers" -- score rmdq --answers 1,0
refused "not a number" "item 2" -- score tsk11 --answers 1,x,1,1,1,1,1,1,1,1,1
refused "unknown instrument" "unknown instrument" -- score sf36 --answers 1
refused "unknown flag" "sore-toe" -- triage --flags fever,sore-toe
refused "missing case" "cannot read" -- next --case /no/such/case.json
refused "calendar of no days" "from 1 to 92" -- export ics --case examples/contract-example.json --days 0
refused "calendar of a missing case" "cannot read" -- export ics --case /no/such/case.json
# A Strong file written from a case is read back by the importer.
strong=$(mktemp --suffix=.csv)
"$bin" export strong --case examples/reviewed-flag-and-overrides.json >"$strong" 2>/dev/null
ok "strong round trip" "d['format']=='strong' and d['workouts'] and not d['unmatched']" -- import "$strong" --unit kg
rm -f "$strong"
if "$bin" export ics --case - <examples/contract-example.json >"$out" && head -1 "$out" | grep -q $'^BEGIN:VCALENDAR\r$'; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL export ics from standard input"
fi
bad=$(mktemp --suffix=.json)
sed 's/"painAfter": 3/"painAfter": 11/' examples/contract-example.json >"$bad"
refused "pain 11" "workouts\[0\].painAfter" -- next --case "$bad"
sed 's/"trap-bar-deadlift"/"sumo-spine-crusher"/' examples/contract-example.json >"$bad"
refused "unknown exercise" "unknown exercise" -- next --case "$bad"
sed 's/"2026-11-30"/"2026-11-31"/' examples/contract-example.json >"$bad"
refused "not a date" "workouts\[0\].date" -- next --case "$bad"
rm -f "$bad"

if "$bin" next --case - <examples/contract-example.json | python3 -c "import json,sys; json.load(sys.stdin)"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL next from standard input"
fi

# Importing exports: the repository's own small ones, one per dialect (Tests/Fixtures/imports).
fixtures=$(dirname "$0")/../Tests/Fixtures/imports
ok "import hevy lb" "d['format']=='hevy' and d['sourceUnit']=='lb' and d['workouts'] and d['baseline']" -- \
  import "$fixtures/hevy-lb.csv" --unit kg
ok "import strong unit named" "d['format']=='strong' and d['unit']=='lb'" -- \
  import "$fixtures/strong-comma-no-unit.csv" --unit lb --source-unit lb
refused "import strong without unit" "source-unit" -- import "$fixtures/strong-comma-no-unit.csv"
refused "import missing file" "cannot read the export" -- import /nonexistent/export.csv

# Adding clinicians: to the server's database, which must exist.
admin=$(mktemp -d)
"$bin" admin seed-load --database "$admin/liftback.sqlite" --patients 1 --weeks 1 --today 2026-12-01 >/dev/null 2>&1
ok "add-clinician" "d['accountId'] and len(d['setPasswordToken'])>=40 and d['expiresAt'].endswith('Z')" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email new@clinic.test --name "Dr New"
refused "add-clinician twice" "exists already" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email NEW@clinic.test --name "Dr New"
refused "add-clinician bad email" "email" -- \
  admin add-clinician --database "$admin/liftback.sqlite" --email not-an-email --name "Dr New"
ok "reset-link" "len(d['setPasswordToken'])>=40 and 'accountId' not in d" -- \
  admin reset-link --database "$admin/liftback.sqlite" --email new@clinic.test
refused "reset-link unknown" "no account" -- admin reset-link --database "$admin/liftback.sqlite" --email nobody@clinic.test
refused "admin without the database" "there is no file" -- \
  admin add-clinician --database "$admin/typo.sqlite" --email other@clinic.test --name "Dr Other"
[ ! -e "$admin/typo.sqlite" ] || { failed=$((failed + 1)); echo "FAIL a mistyped database was created"; }

# A backup taken while the server runs and writes, restored into a second server (docs/deploy.md).
port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
wait_up() { for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done; return 1; }
live=$(port)
LIFTBACK_TODAY=2026-12-01 LIFTBACK_IDLE_TIMEOUT=1 "$bin" serve --port "$live" --database "$admin/liftback.sqlite" \
  >"$admin/serve.log" 2>&1 &
server=$!
wait_up "$live"
api="http://127.0.0.1:$live/api/v1"
refused "serve on a port that cannot exist" "--port should be from 1 to 65535" -- serve --port 70000 --database "$admin/third.sqlite"
# A second server on the same port says so and stops, never announcing that it runs.
refused "serve on a port in use" "could not listen on 127.0.0.1:$live" -- serve --port "$live" --database "$admin/second.sqlite"
token=$(curl -fs -X POST "$api/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"patient0@liftback.test","password":"load-test-password"}' | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['token'], d['accountId'])")
read -r bearer patient <<<"$token"
count() { curl -fs "$1/patients/$patient/history" -H "Authorization: Bearer $bearer" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['workouts']))"; }
log_one() { curl -fs -o /dev/null -X POST "$api/patients/$patient/workouts" -H "Authorization: Bearer $bearer" \
  -H 'Content-Type: application/json' \
  -d '{"date":"2026-12-01","exercises":[{"exercise":"goblet-squat","sets":[{"weight":20,"reps":8}]}]}'; }
seeded=$(count "$api")
log_one
( for _ in $(seq 1 20); do log_one; done ) &
writer=$!
ok "backup while writing" "d['backup'].endswith('copy.sqlite')" -- admin backup --database "$admin/liftback.sqlite" --to "$admin/copy.sqlite"
wait $writer
refused "backup onto a file" "exists already" -- admin backup --database "$admin/liftback.sqlite" --to "$admin/copy.sqlite"
refused "backup of postgres" "pg_dump" -- admin backup --database postgres://localhost/x --to "$admin/pg.sqlite"
refused "backup into memory" "name a new file" -- admin backup --database "$admin/liftback.sqlite" --to ':memory:'
refused "backup of a foreign file" "not a Liftback database" -- admin backup --database "$bin" --to "$admin/foreign.sqlite"
# A connection that goes silent mid-request is closed after the idle timeout.
if python3 - "$live" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
time.sleep(2.5)
s.settimeout(2)
sys.exit(0 if s.recv(100) == b"" else 1)
PY
then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL a silent connection stayed open"; fi
before=$(count "$api")
kill $server; wait $server 2>/dev/null
restored=$(port)
metrics=$(port)
LIFTBACK_TODAY=2026-12-01 LIFTBACK_METRICS_PORT="$metrics" "$bin" serve --port "$restored" --database "$admin/copy.sqlite" \
  >"$admin/restored.log" 2>&1 &
server=$!
wait_up "$restored"
after=$(count "http://127.0.0.1:$restored/api/v1")
# Metrics on their own loopback port (Prometheus text, the history read just made counted per
# route), never on the public one; a line per request in the log, without the record.
if curl -fs "http://127.0.0.1:$metrics/metrics" | grep -q 'liftback_http_request_duration_seconds_count{route="GET /api/v1/patients/{id}/history",status="2xx"}' \
  && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$restored/metrics")" = 404 ] \
  && grep -q 'route=GET /api/v1/patients/{id}/history' "$admin/restored.log" && ! grep -q goblet "$admin/restored.log"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL metrics port or request log"; fi
# The copy holds every session acknowledged before it began (the seeded ones and the first logged)
# and nothing half written: at most all of them.
if [ -n "$after" ] && [ "$after" -ge $((seeded + 1)) ] && [ "$after" -le "$before" ]; then passed=$((passed + 1));
else failed=$((failed + 1)); echo "FAIL restored copy: $after sessions of $before"; fi
kill $server; wait $server 2>/dev/null
rm -rf "$admin"

echo "cli-contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

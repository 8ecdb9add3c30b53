#!/usr/bin/env bash
# Server performance on loopback (docs/performance.md): a release build on SQLite, 1,000 patients
# with a year of history each (and, to show the caseload does not grow with history, 1,000 with four
# weeks), `hey` from Debian sending a steady 200 requests a second.
set -euo pipefail
command -v hey >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
swift build -c release --product liftback
bin=.build/release/liftback
dir=$(mktemp -d /tmp/liftback-load.XXXXXX)
today=2026-12-07
seconds=${LOAD_SECONDS:-20}

json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

run_against() {  # run_against WEEKS
  local weeks=$1 db="$dir/load-$1.sqlite" port
  "$bin" admin seed-load --database "$db" --patients 1000 --weeks "$weeks" --today "$today" >/dev/null 2>&1
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
  LIFTBACK_TODAY=$today "$bin" serve --port "$port" --database "$db" >"$dir/server-$weeks.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
  local base="http://127.0.0.1:$port/api/v1"
  local clinician patient pid
  clinician=$(json "$(curl -fs -X POST "$base/auth/token" -H "Content-Type: application/json" -d '{"email":"load-clinician@liftback.test","password":"load-test-password"}')" token)
  echo "== $weeks weeks of history, 1,000 patients"
  local start=$(date +%s.%N)
  curl -fs -o /dev/null "$base/caseload?asOf=$today" -H "Authorization: Bearer $clinician"
  echo "first caseload (computes and caches 1,000 statuses): $(python3 -c "print(round($(date +%s.%N) - $start, 2))") s"
  echo "-- caseload, cached (one request at a time, 200 requests)"
  hey -n 200 -c 1 -H "Authorization: Bearer $clinician" "$base/caseload?asOf=$today" | grep -E "Requests/sec|50% in|99% in|\[200\]"
  local login
  login=$(curl -fs -X POST "$base/auth/token" -H "Content-Type: application/json" -d '{"email":"patient0@liftback.test","password":"load-test-password"}')
  patient=$(json "$login" token)
  pid=$(json "$login" accountId)
  echo "-- next prescription for a patient with this history, steady 200/s for ${seconds}s"
  hey -z "${seconds}s" -c 4 -q 50 -H "Authorization: Bearer $patient" "$base/patients/$pid/next?asOf=$today" | grep -E "Requests/sec|50% in|99% in|\[200\]"
  echo "-- logging a one-set session, steady 200/s for ${seconds}s"
  hey -z "${seconds}s" -c 4 -q 50 -m POST -T application/json -H "Authorization: Bearer $patient" \
    -d "{\"date\":\"$today\",\"painDuring\":2,\"exercises\":[{\"exercise\":\"trap-bar-deadlift\",\"sets\":[{\"weight\":70,\"reps\":8,\"pain\":2}]}]}" \
    "$base/patients/$pid/workouts" | grep -E "Requests/sec|50% in|99% in|\[201\]"
  kill $server
  wait $server 2>/dev/null || true
}

run_against 4
run_against 52

#!/usr/bin/env bash
# API fuzzing: Schemathesis (PyPI) generates requests from /openapi.json against a real server on
# loopback, signed in as a patient with an intake, and fails on any server error or any status the
# document does not describe. The server runs on SQLite, or on LIFTBACK_FUZZ_DATABASE (a postgres:// URL).
set -euo pipefail
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q "schemathesis==4.32.5"
swift build --product liftback
dir=$(mktemp -d /tmp/liftback-fuzz.XXXXXX)
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
.build/debug/liftback serve --port "$port" --database "${LIFTBACK_FUZZ_DATABASE:-$dir/liftback.sqlite}" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port/api/v1"
curl -fs -X POST "$base/accounts" -H "Content-Type: application/json" -d '{"email":"fuzz@example.org","password":"correct horse battery","name":"Fuzz","role":"patient"}' >/dev/null
login=$(curl -fs -X POST "$base/auth/token" -H "Content-Type: application/json" -d '{"email":"fuzz@example.org","password":"correct horse battery"}')
token=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['token'])" "$login")
id=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['accountId'])" "$login")
curl -fs -X PUT "$base/patients/$id/intake" -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  -d '{"date":"2026-11-02","pattern":"muscular","previousWorkingWeights":[{"exercise":"conventional-deadlift","weight":140,"reps":5}]}' >/dev/null
logged=$(curl -fs -X POST "$base/patients/$id/workouts" -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{"date":"2026-11-30","painDuring":2}')
workout=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['id'])" "$logged")
cat >"$dir/schemathesis.toml" <<TOML
[parameters]
"path.id" = "$id"
"path.workoutId" = $workout
"query.asOf" = "2026-12-07"
TOML
# Signing out (DELETE /auth/token) would end the token every other operation runs with, so it is
# fuzzed on its own afterwards, with a token of its own.
schemathesis --config-file "$dir/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" -H "Authorization: Bearer $token" \
  --exclude-operation-id deleteAuthToken \
  --checks not_a_server_error,status_code_conformance --max-examples 40 --seed 7 --workers 1
spare=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['token'])" \
  "$(curl -fs -X POST "$base/auth/token" -H "Content-Type: application/json" -d '{"email":"fuzz@example.org","password":"correct horse battery"}')")
schemathesis --config-file "$dir/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" -H "Authorization: Bearer $spare" \
  --include-operation-id deleteAuthToken \
  --checks not_a_server_error,status_code_conformance --max-examples 10 --seed 7 --workers 1
if grep -qi "error: \|fatal" "$dir/server.log"; then
  echo "the server logged errors during fuzzing:"; grep -i "error: \|fatal" "$dir/server.log" | head -20; exit 1
fi

#!/usr/bin/env bash
# Group commit on SQLite (docs/performance.md): the disk's ceiling for single-row durable commits
# (WAL, synchronous=FULL, Python's sqlite3 on the same file system), then `liftback serve` (release)
# taking session logs from `hey` at 16 connections, in the same run; the batch sizes from /metrics.
set -euo pipefail
command -v hey >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
swift build -c release --product liftback >/dev/null
bin=.build/release/liftback
dir=$(mktemp -d /tmp/liftback-commit.XXXXXX)
seconds=${BENCH_SECONDS:-15}
today=2026-12-07
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT

echo "== the disk: single-row transactions a second, WAL and synchronous=FULL, for ${seconds}s"
python3 - "$dir/ceiling.sqlite" "$seconds" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
end, count = time.time() + float(sys.argv[2]), 0
while time.time() < end:
    db.execute("BEGIN"); db.execute("INSERT INTO t (body) VALUES (?)", ("x" * 300,)); db.execute("COMMIT"); count += 1
print(f"single-commit ceiling: {count / float(sys.argv[2]):.0f} commits/s")
PY

"$bin" admin seed-load --database "$dir/load.sqlite" --patients 100 --weeks 4 --today "$today" >/dev/null 2>&1
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
metrics=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
LIFTBACK_TODAY=$today LIFTBACK_REQUEST_LOG=off LIFTBACK_METRICS_PORT=$metrics "$bin" serve --port "$port" --database "$dir/load.sqlite" >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port/api/v1"
login=$(curl -fs -X POST "$base/auth/token" -H "Content-Type: application/json" -d '{"email":"patient0@liftback.test","password":"load-test-password"}')
token=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['token'])" "$login")
pid=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['accountId'])" "$login")
echo "== logging a one-set session at 16 connections for ${seconds}s (one busy patient)"
hey -z "${seconds}s" -c 16 -m POST -T application/json -H "Authorization: Bearer $token" \
  -d "{\"date\":\"$today\",\"painDuring\":2,\"exercises\":[{\"exercise\":\"trap-bar-deadlift\",\"sets\":[{\"weight\":70,\"reps\":8,\"pain\":2}]}]}" \
  "$base/patients/$pid/workouts" | grep -E "Requests/sec|50% in|99% in|\[201\]|\[5"
echo "== commit batch sizes (writes per durable commit)"
curl -fs "http://127.0.0.1:$metrics/metrics" | grep -E "^liftback_commit_batch_size_(sum|count)" || true

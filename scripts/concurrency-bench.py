"""Logging under concurrency: the same server on SQLite and on PostgreSQL, one busy patient and
many patients, measured with `hey` in one run. Called by scripts/concurrency-bench.sh.

usage: concurrency-bench.py BINARY SQLITE_FILE POSTGRES_URL SECONDS
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

binary, sqlite_file, postgres_url, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
TODAY = "2026-12-07"
PATIENTS = 16
BODY = json.dumps(
    {
        "date": TODAY,
        "painDuring": 2,
        "painAfter": 2,
        "exercises": [{"exercise": "trap-bar-deadlift", "sets": [{"weight": 70, "reps": 8, "pain": 2}]}],
    }
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def hey(args):
    return subprocess.Popen(["hey", *args], stdout=subprocess.PIPE, text=True)


def figures(output):
    """Requests a second, the 50th and 99th percentiles in ms, and the non-201 answers, from hey."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = float(re.search(r"50%+ in ([\d.]+) secs", output).group(1)) * 1000
    p99 = float(re.search(r"99%+ in ([\d.]+) secs", output).group(1)) * 1000
    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", output))
    return rate, p50, p99, sum(n for c, n in codes.items() if c != 201)


def cpu_seconds(name):
    """CPU seconds so far of every process whose command is `name` (utime + stime, /proc)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)
            command = fields[0].split("(", 1)[1]
            if command == name:
                parts = fields[1].split()
                total += int(parts[11]) + int(parts[12])
        except (OSError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def measure(database):
    seeded = subprocess.run(
        [binary, "admin", "seed-load", "--database", database, "--patients", str(PATIENTS), "--weeks", "4", "--today", TODAY],
        capture_output=True,
        text=True,
    )
    if seeded.returncode != 0:
        sys.exit(f"seeding {database} failed: {seeded.stderr}")
    port = free_port()
    environment = dict(os.environ, LIFTBACK_TODAY=TODAY, LIFTBACK_REQUEST_LOG="off")
    with open(f"{sqlite_file}.{port}.log", "w") as log:
        server = subprocess.Popen([binary, "serve", "--port", str(port), "--database", database], env=environment, stdout=log, stderr=log)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        people = []
        for index in range(PATIENTS):
            login = post(f"{base}/auth/token", {"email": f"patient{index}@liftback.test", "password": "load-test-password"})
            people.append((login["token"], login["accountId"]))

        def args(token, patient, connections):
            return [
                "-z", f"{seconds}s", "-c", str(connections), "-m", "POST", "-T", "application/json",
                "-H", f"Authorization: Bearer {token}", "-d", BODY, f"{base}/patients/{patient}/workouts",
            ]

        def timed(start):
            """Runs the loads `start` begins; their outputs, and the CPU seconds of the server and
            the database meanwhile (the load generator has the rest of the two cores)."""
            before = [cpu_seconds(n) for n in ("liftback", "postgres")]
            outputs = [run.communicate()[0] for run in start()]
            after = [cpu_seconds(n) for n in ("liftback", "postgres")]
            return outputs, [b - a for a, b in zip(before, after)]

        (busy_out,), busy_cpu = timed(lambda: [hey(args(*people[0], 16))])
        busy = figures(busy_out) + tuple(busy_cpu)
        many_out, many_cpu = timed(lambda: [hey(args(token, patient, 1)) for token, patient in people])
        many = [figures(output) for output in many_out]
        spread = (
            sum(f[0] for f in many),
            sorted(f[1] for f in many)[len(many) // 2],
            max(f[2] for f in many),
            sum(f[3] for f in many),
            *many_cpu,
        )
        return busy, spread
    finally:
        server.terminate()
        server.wait()


rows = [("SQLite", measure(sqlite_file)), ("PostgreSQL", measure(postgres_url))]
print(f"logging a one-set session, {seconds}s each, {PATIENTS} connections")
print("| store | load | sessions a second | p50 ms | p99 ms | not 201 | CPU s: server, database |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for store, (busy, many) in rows:
    for load, (rate, p50, p99, failed, server, database) in (
        ("one busy patient, 16 connections", busy),
        (f"{PATIENTS} patients, one connection each", many),
    ):
        print(f"| {store} | {load} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {failed} | {server:.1f}, {database:.1f} |")

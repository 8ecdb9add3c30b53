"""The caseload and `next` on a large seeded database (docs/scale.md). Usage:
scale-measure.py BASE_URL PATIENTS [TODAY]. BASE_URL is a running `liftback serve` on a database that
`liftback admin seed-load --per-clinician 100` filled; requests go one at a time."""
import json, random, statistics, sys, time, urllib.request

base, patients = sys.argv[1].rstrip("/") + "/api/v1", int(sys.argv[2])
today = sys.argv[3] if len(sys.argv) > 3 else "2026-12-01"
password = "load-test-password"


def call(path, token=None, body=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if token: request.add_header("Authorization", "Bearer " + token)
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        data = response.read()
    return (time.perf_counter() - start) * 1000, json.loads(data or b"{}")


def line(name, times):
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{name}: n={len(times)} p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms")


random.seed(1)
clinician = call("/auth/token", body={"email": "load-clinician@liftback.test", "password": password})[1]["token"]
first, rows = call(f"/caseload?asOf={today}", clinician)
print(f"caseload of {len(rows.get('patients', rows) if isinstance(rows, dict) else rows)} people, first read: {first:.1f} ms")
line("caseload (cached statuses)", [call(f"/caseload?asOf={today}", clinician)[0] for _ in range(50)])
cold, warm = [], []
for index in random.sample(range(patients), 30):
    login = call("/auth/token", body={"email": f"patient{index}@liftback.test", "password": password})[1]
    path = f"/patients/{login['accountId']}/next?asOf={today}"
    cold.append(call(path, login["token"])[0])
    warm.extend(call(path, login["token"])[0] for _ in range(5))
line("next, first read of a case (decoded and decided)", cold)
line("next, again (from the cache after a version check)", warm)

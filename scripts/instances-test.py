"""Two app servers on one PostgreSQL (issue 11, docs/scale.md): a token revoked on one is refused by
the other at once; the caseload statuses are recomputed once between them (the refresher takes turns,
Store.asTheOnlyOne), counted from both servers' /metrics; and killing one while the other is busy
costs the other nothing. Usage: instances-test.py BINARY DATABASE_URL WORKDIR"""
import json, os, re, signal, socket, subprocess, sys, threading, time, urllib.error, urllib.request

binary, database, work = sys.argv[1:4]


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def serve(name):
    port, metrics = free_port(), free_port()
    log = open(os.path.join(work, f"instance-{name}.log"), "w")
    env = dict(os.environ, LIFTBACK_TODAY="2026-12-07", LIFTBACK_METRICS_PORT=str(metrics))
    process = subprocess.Popen([binary, "serve", "--port", str(port), "--database", database], stdout=log, stderr=log, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1); break
        except Exception:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}/api/v1", f"http://127.0.0.1:{metrics}/metrics"


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json"})
    if token: request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def refreshed(metrics):
    text = urllib.request.urlopen(metrics, timeout=5).read().decode()
    match = re.search(r"^liftback_status_refreshed_total (\d+)", text, re.M)
    return int(match.group(1)) if match else 0


failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what); ok or failures.append(what)


a, api_a, metrics_a = serve("a")
b, api_b, metrics_b = serve("b")
try:
    added = json.loads(subprocess.check_output([binary, "admin", "add-clinician", "--database", database,
                                                "--email", "doc@example.org", "--name", "Dr Two"]))
    call(api_a, "POST", "/accounts/set-password", {"token": added["setPasswordToken"], "password": "a long pass phrase"})
    doctor = call(api_b, "POST", "/auth/token", {"email": "doc@example.org", "password": "a long pass phrase"})[1]["token"]
    people = []
    for index in range(12):
        base = (api_a, api_b)[index % 2]
        email = f"p{index}@example.org"
        call(base, "POST", "/accounts", {"email": email, "password": "a long pass phrase", "name": f"P {index}"})
        login = call(base, "POST", "/auth/token", {"email": email, "password": "a long pass phrase"})[1]
        code = call(api_a, "POST", "/invites", {}, doctor)[1]["code"]
        call(api_b, "POST", f"/invites/{code}/accept", {}, login["token"])
        call(base, "PUT", f"/patients/{login['accountId']}/intake", {"date": "2026-11-02", "pattern": "muscular", "pain": 3}, login["token"])
        people.append(login)

    # Revoked on one server, refused by the other at once.
    status, _ = call(api_b, "GET", f"/patients/{people[0]['accountId']}/next?asOf=2026-12-07", token=people[0]["token"])
    call(api_a, "DELETE", "/auth/token", token=people[0]["token"])
    revoked, _ = call(api_b, "GET", f"/patients/{people[0]['accountId']}/next?asOf=2026-12-07", token=people[0]["token"])
    check(status == 200 and revoked == 401, f"a token revoked on one server is refused by the other at once ({status}, then {revoked})")

    # Quiet first: every status fresh, the counts still.
    def settled():
        before = refreshed(metrics_a) + refreshed(metrics_b)
        time.sleep(2.5)
        return before == refreshed(metrics_a) + refreshed(metrics_b)
    for _ in range(20):
        if settled(): break
    start = refreshed(metrics_a) + refreshed(metrics_b)
    # One write each for the other eleven: each status goes stale once and is recomputed once, by one server.
    for index, person in enumerate(people[1:]):
        call((api_a, api_b)[index % 2], "POST", f"/patients/{person['accountId']}/check-ins", {"date": "2026-12-07", "pain": 2}, person["token"])
    for _ in range(20):
        if settled(): break
    done = refreshed(metrics_a) + refreshed(metrics_b) - start
    check(done == len(people) - 1, f"{len(people) - 1} statuses gone stale were recomputed {done} times between the two servers")
    rows = call(api_b, "GET", "/caseload", token=doctor)[1]
    check(len(rows.get("patients", rows if isinstance(rows, list) else [])) == len(people), "the caseload on either server holds everyone")

    # Killing one while the other is busy costs the other nothing.
    answers, stop = [], threading.Event()
    def load():
        person = people[1]
        while not stop.is_set():
            answers.append(call(api_b, "GET", f"/patients/{person['accountId']}/next?asOf=2026-12-07", token=person["token"])[0])
    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads: thread.start()
    time.sleep(1.0)
    a.send_signal(signal.SIGKILL); a.wait()
    time.sleep(1.5)
    stop.set()
    for thread in threads: thread.join()
    check(len(answers) > 20 and set(answers) == {200}, f"{len(answers)} requests to the other server while one was killed: {sorted(set(answers))}")
finally:
    for process in (a, b):
        if process.poll() is None: process.terminate(); process.wait()
print(f"instances: {len(failures)} failed")
sys.exit(1 if failures else 0)

"""Nothing acknowledged is lost over kill -9 (docs/security.md, V12; group commit in
docs/performance.md): sixteen clients log sessions into one SQLite server, the server is killed
with SIGKILL mid-stream, started again on the same file, and every session it answered 201 for
must be there. Usage: durability-test.py BINARY WORKDIR"""
import json, os, signal, socket, subprocess, sys, threading, time, urllib.error, urllib.request

binary, work = sys.argv[1], sys.argv[2]
database = os.path.join(work, "durable.sqlite")


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def serve():
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--port", str(port), "--database", database],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, LIFTBACK_TODAY="2026-12-07", LIFTBACK_REQUEST_LOG="off"))
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1); break
        except Exception:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}/api/v1"


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json"})
    if token: request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"{}")


server, api = serve()
call(api, "POST", "/accounts", {"email": "d@example.org", "password": "a long pass phrase", "name": "D"})
login = call(api, "POST", "/auth/token", {"email": "d@example.org", "password": "a long pass phrase"})[1]
token, me = login["token"], login["accountId"]
call(api, "PUT", f"/patients/{me}/intake", {"date": "2026-11-02", "pattern": "muscular", "pain": 3}, token)
acknowledged, lock, stop = [], threading.Lock(), threading.Event()


def client():
    while not stop.is_set():
        try:
            status, body = call(api, "POST", f"/patients/{me}/workouts", {"date": "2026-12-07", "painAfter": 1, "exercises": [
                {"exercise": "goblet-squat", "sets": [{"weight": 12, "reps": 8}]}]}, token)
            if status == 201:
                with lock: acknowledged.append(body["id"])
        except Exception:
            return  # the server is gone


threads = [threading.Thread(target=client) for _ in range(16)]
for thread in threads: thread.start()
time.sleep(3)
server.send_signal(signal.SIGKILL); server.wait()
stop.set()
for thread in threads: thread.join()
server, api = serve()
token = call(api, "POST", "/auth/token", {"email": "d@example.org", "password": "a long pass phrase"})[1]["token"]
stored = len(call(api, "GET", f"/patients/{me}/history?asOf=2026-12-07", token=token)[1]["workouts"])
server.terminate(); server.wait()
# Every answered session is there (the history has no ids, so by count: the ones in flight when the
# server died may be there too, never fewer than were answered).
ok = len(acknowledged) > 50 and stored >= len(acknowledged)
print(f"{'ok  ' if ok else 'FAIL'} kill -9 while logging: {len(acknowledged)} acknowledged, {stored} stored")
sys.exit(0 if ok else 1)

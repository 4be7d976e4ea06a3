#!/usr/bin/env python3
"""Load for bench/two-instances.sh: a send/list/open mix through the load balancer, standard library only.

Each client thread keeps one keep-alive connection, picks a caller (token, tutorId, studentId) per request and
sends (40 %), lists its threads (30 %) or opens the thread its last send went to (30 %). Every 201 of a send writes
the message id to --acked, so the caller can check that nothing acknowledged was lost. Prints one JSON object:
requests, errors and latencies per phase (by when each request ended: before the kill, the 5 s after it, the rest),
errors by kind, and when requests succeeded again after the kill. The client itself sends the signal to the instance
at --kill-at, so the phases line up with the kill.
"""
import argparse
import http.client
import json
import os
import random
import signal
import threading
import time
import urllib.parse


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--targets", required=True)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--duration", type=float, default=30)
    p.add_argument("--kill-at", type=float, default=12)
    p.add_argument("--kill-pid", type=int, required=True)
    p.add_argument("--kill-signal", default="KILL")
    p.add_argument("--acked", required=True)
    a = p.parse_args()

    targets = [line.split() for line in open(a.targets) if line.strip()]
    url = urllib.parse.urlparse(a.base)
    start = time.monotonic()
    results = []          # (t ended, kind, outcome, latency_ms); outcome: HTTP status or an error name
    acked = []
    lock = threading.Lock()

    def client(seed):
        rnd = random.Random(seed)
        conn = None
        thread_of = {}
        while time.monotonic() - start < a.duration:
            token, tutor, student = rnd.choice(targets)
            headers = {"Authorization": "Bearer " + token}
            r = rnd.random()
            if r < 0.4 or token not in thread_of:
                kind, method, path = "send", "POST", "/api/parent/messages"
                body = json.dumps({"tutorId": tutor, "studentId": student,
                                   "message": "Two instances, one database: message %d" % rnd.randrange(10**9)})
                headers["Content-Type"] = "application/json"
            elif r < 0.7:
                kind, method, path, body = "list", "GET", "/api/parent/threads?limit=20", None
            else:
                kind, method, path, body = "open", "GET", "/api/parent/threads/%s/messages" % thread_of[token], None
            t0 = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                outcome = resp.status
                if kind == "send" and resp.status == 201:
                    sent = json.loads(data)
                    thread_of[token] = sent["threadId"]
                    with lock:
                        acked.append(sent["id"])
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (ConnectionError, http.client.HTTPException, OSError) as e:
                outcome = type(e).__name__
                if conn is not None:
                    conn.close()
                conn = None
            t1 = time.monotonic()
            with lock:
                results.append((t1 - start, kind, outcome, (t1 - t0) * 1000))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
    for t in threads:
        t.start()
    time.sleep(max(0.0, a.kill_at - (time.monotonic() - start)))
    os.kill(a.kill_pid, getattr(signal, "SIG" + a.kill_signal))
    for t in threads:
        t.join()

    with open(a.acked, "w") as f:
        f.write("".join(i + "\n" for i in acked))

    def ok(outcome):
        return isinstance(outcome, int) and outcome < 400

    def pct(values, q):
        if not values:
            return None
        values = sorted(values)
        return round(values[min(len(values) - 1, int(q * len(values)))], 1)

    # By the time each request ended: a request in flight at the kill ends after it, in the second phase.
    phases = [("ended before the kill", 0, a.kill_at), ("ended in the 5 s after the kill", a.kill_at, a.kill_at + 5),
              ("the rest", a.kill_at + 5, a.duration + 60)]
    out = {"phases": [], "errors_by_kind": {}}
    for name, lo, hi in phases:
        rows = [r for r in results if lo <= r[0] < hi]
        lat = [r[3] for r in rows if ok(r[2])]
        out["phases"].append({"name": name, "requests": len(rows), "errors": sum(1 for r in rows if not ok(r[2])),
                              "p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95)})
    for r in results:
        if not ok(r[2]):
            key = "%s %s" % (r[1], r[2])
            out["errors_by_kind"][key] = out["errors_by_kind"].get(key, 0) + 1
    after = sorted((r for r in results if r[0] >= a.kill_at), key=lambda r: r[0])
    errors_after = [r for r in after if not ok(r[2])]
    out["last_error_after_ms"] = round((errors_after[-1][0] - a.kill_at) * 1000) if errors_after else 0
    first_ok = next((r for r in after if ok(r[2]) and r[0] >= (errors_after[0][0] if errors_after else 0)), None)
    out["recovered_after_ms"] = round((first_ok[0] - a.kill_at) * 1000) if first_ok else None
    out["acknowledged_sends"] = len(acked)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

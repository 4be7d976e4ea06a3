#!/usr/bin/env python3
"""Live-update measurements against running instances (stdlib only; driven by bench/live.sh).

  live_sse.py latency SEND_BASE STREAM_BASE TOKENS.json COUNT
      Opens GET /api/events on STREAM_BASE as the tutor, sends COUNT messages as the parent through SEND_BASE and
      prints, per message, the time from the send's 201 to the `message` event on the stream; then p50/p95/max.
  live_sse.py idle BASE TOKENS.json CONNECTIONS PID COUNT [-- COMMAND...]
      Opens CONNECTIONS idle streams on BASE (each a user of its own, 16 opening at a time; one event loop holds
      them all, no thread per socket), measures RSS, threads and heap (after a full GC, through jcmd) of PID before
      and after, then the same send->event latency with them open, then runs COMMAND (a load generator) while they
      stay open and takes the `BENCH {json}` line of its output; prints a JSON summary.
  live_sse.py send BASE[,BASE...] TARGETS COUNT GAP_MS
      Sends COUNT messages GAP_MS apart, the k-th to the (k mod m)-th line of TARGETS ("token tutorId studentId", as
      bench/run.sh writes them) through the ((k + k div m) mod n)-th BASE, so that every target gets messages through
      every base; prints the sends per base.
TOKENS.json: {"parent": tok, "tutor": tok, "tutorId": id, "studentId": id, "idle": [tok, ...]}.
"""
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def post_message(base, token, body):
    req = urllib.request.Request(base + "/api/parent/messages", data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 201, r.status
        return json.loads(r.read())


async def open_stream(base, token):
    """Opens GET /api/events; returns (lines, writer): an async iterator of the body's lines, and the socket."""
    u = urllib.parse.urlparse(base)
    reader, writer = await asyncio.open_connection(u.hostname, u.port)
    writer.write((f"GET /api/events HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nAccept: text/event-stream\r\n"
                  f"Authorization: Bearer {token}\r\n\r\n").encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError("stream answered " + status.decode().strip())
    chunked = False
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        if line.lower().startswith(b"transfer-encoding:") and b"chunked" in line.lower():
            chunked = True
    return body_lines(reader, chunked), writer


async def body_lines(reader, chunked):
    """The body's lines, with HTTP/1.1 chunked transfer encoding undone."""
    if not chunked:
        while line := await reader.readline():
            yield line.decode().rstrip("\r\n")
        return
    buffer = b""
    while True:
        size = int((await reader.readline()).strip() or b"0", 16)
        if size == 0:
            return
        buffer += await reader.readexactly(size)
        await reader.readline()  # the CRLF after the chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.decode().rstrip("\r")


async def events(lines):
    """Yields (name, data) of each event of a stream's lines; comments are skipped."""
    name, data = None, None
    async for text in lines:
        if text.startswith("event:"):
            name = text[6:].strip()
        elif text.startswith("data:"):
            data = text[5:].strip()
        elif text == "" and data is not None:
            yield name, data
            name, data = None, None


async def measure(send_base, stream_base, tokens, count):
    lines, writer = await open_stream(stream_base, tokens["tutor"])
    stream = events(lines)
    latencies = []
    body = {"tutorId": tokens["tutorId"], "studentId": tokens["studentId"], "message": "ping"}
    loop = asyncio.get_running_loop()
    for i in range(count):
        sent = await loop.run_in_executor(None, post_message, send_base, tokens["parent"], body)
        t201 = time.perf_counter()
        while True:
            name, data = await asyncio.wait_for(stream.__anext__(), timeout=10)
            if name == "message" and json.loads(data)["messageId"] == sent["id"]:
                latencies.append((time.perf_counter() - t201) * 1000)
                break
        await asyncio.sleep(0.05)
    writer.close()
    return latencies


def summary(latencies):
    s = sorted(latencies)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))]
    return {"n": len(s), "p50_ms": round(pick(0.50), 1), "p95_ms": round(pick(0.95), 1),
            "max_ms": round(s[-1], 1), "mean_ms": round(statistics.mean(s), 1)}


def proc_status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def heap_used_kb(pid):
    """Heap in use after a full GC (jcmd GC.run, then GC.heap_info's "used"); None without jcmd."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60, check=True)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    used = re.findall(r"total \d+K, used (\d+)K", info)  # each generation's line
    return sum(map(int, used)) if used else None


def snapshot(pid, histogram=None):
    """RSS and threads first, then the heap (its full GC would disturb the others); with HISTOGRAMS=DIR set, also
    the live objects by class (jcmd GC.class_histogram) into DIR/HISTOGRAM.txt, to see what a stream holds."""
    rss, threads = proc_status(pid, "VmRSS"), proc_status(pid, "Threads")
    heap = heap_used_kb(pid)
    if histogram and os.environ.get("HISTOGRAMS"):
        with open(os.path.join(os.environ["HISTOGRAMS"], histogram + ".txt"), "w") as f:
            subprocess.run(["jcmd", str(pid), "GC.class_histogram"], stdout=f, timeout=120)
    return {"rss_kb": rss, "threads": threads, "heap_used_kb": heap}


async def during(command):
    """Runs a load generator while the streams stay open; its `BENCH {json}` line, and the load average around it."""
    load_before = os.getloadavg()[0]
    proc = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.STDOUT)
    out, _ = await proc.communicate()
    lines = [line[6:] for line in out.decode().splitlines() if line.startswith("BENCH ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{command[0]} exited with {proc.returncode}: {out.decode()[-2000:]}")
    return {**json.loads(lines[-1]), "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


async def idle(base, tokens, n, pid, count, command):
    # Attach once before counting: the JVM starts jcmd's "Attach Listener" thread then, not between the snapshots.
    subprocess.run(["jcmd", str(pid), "VM.uptime"], capture_output=True, timeout=60)
    before = snapshot(pid, f"histogram-{n}-before")
    gate = asyncio.Semaphore(16)

    async def one(token):
        async with gate:
            return await open_stream(base, token)

    if len(tokens["idle"]) < n:
        raise RuntimeError(f"only {len(tokens['idle'])} idle tokens for {n} streams")
    started = time.perf_counter()
    opened = await asyncio.gather(*(one(token) for token in tokens["idle"][:n]), return_exceptions=True)
    opened_s = time.perf_counter() - started
    held = [o for o in opened if not isinstance(o, BaseException)]
    if len(held) < n:
        failures = [o for o in opened if isinstance(o, BaseException)]
        raise RuntimeError(f"{len(held)} of {n} streams opened in {opened_s:.0f} s, {proc_status(pid, 'VmRSS')} KB RSS;"
                           f" the first failure: {failures[0]!r}")
    await asyncio.sleep(3)
    after = snapshot(pid, f"histogram-{n}-after")
    load = os.getloadavg()[0]
    latencies = await measure(base, base, tokens, count)
    throughput = await during(command) if command else None
    for reader, writer in held:
        writer.close()
    per = lambda key: (round((after[key] - before[key]) / len(held), 1)
                       if held and after[key] is not None and before[key] is not None else None)
    return {"connections": len(held), "opened_in_s": round(opened_s, 1), "load": round(load, 2),
            "rss_before_kb": before["rss_kb"], "rss_after_kb": after["rss_kb"], "rss_per_connection_kb": per("rss_kb"),
            "threads_before": before["threads"], "threads_after": after["threads"],
            "heap_before_kb": before["heap_used_kb"], "heap_after_kb": after["heap_used_kb"],
            "heap_per_connection_kb": per("heap_used_kb"), **summary(latencies), "send_load": throughput}


def send(bases, targets, count, gap_ms):
    per_base = {base: 0 for base in bases}
    for k in range(count):
        token, tutor_id, student_id = targets[k % len(targets)]
        base = bases[(k + k // len(targets)) % len(bases)]
        post_message(base, token, {"tutorId": tutor_id, "studentId": student_id, "message": f"Mail check {k + 1}"})
        per_base[base] += 1
        time.sleep(gap_ms / 1000)
    return per_base


def main():
    mode = sys.argv[1]
    if mode == "latency":
        send_base, stream_base, tokens_file, count = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        tokens = json.load(open(tokens_file))
        latencies = asyncio.run(measure(send_base, stream_base, tokens, count))
        for i, ms in enumerate(latencies):
            print(f"message {i + 1}: 201 on A -> event on B in {ms:.1f} ms")
        print(json.dumps(summary(latencies)))
    elif mode == "idle":
        base, tokens_file, n, pid, count = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
        command = sys.argv[8:] if len(sys.argv) > 8 and sys.argv[7] == "--" else None
        tokens = json.load(open(tokens_file))
        print(json.dumps(asyncio.run(idle(base, tokens, n, pid, count, command))))
    elif mode == "send":
        bases, targets_file, count, gap_ms = sys.argv[2].split(","), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        targets = [line.split() for line in open(targets_file) if line.strip()]
        print(json.dumps(send(bases, targets, count, gap_ms)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

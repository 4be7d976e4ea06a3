#!/usr/bin/env python3
"""Live-update measurements against running instances (stdlib only; driven by bench/live.sh).

  live_sse.py latency SEND_BASE STREAM_BASE TOKENS.json COUNT
      Opens GET /api/events on STREAM_BASE as the tutor, sends COUNT messages as the parent through SEND_BASE and
      prints, per message, the time from the send's 201 to the `message` event on the stream; then p50/p95/max.
  live_sse.py idle BASE TOKENS.json CONNECTIONS PID COUNT
      Opens CONNECTIONS idle streams on BASE (each a user of its own), measures the RSS of PID before and after,
      then the same send->event latency with them open; prints a JSON summary.
TOKENS.json: {"parent": tok, "tutor": tok, "tutorId": id, "studentId": id, "idle": [tok, ...]}.
"""
import asyncio
import json
import statistics
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


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def idle(base, tokens, n, pid, count):
    before = rss_kb(pid)
    held = []
    for i, token in enumerate(tokens["idle"][:n]):
        held.append(await open_stream(base, token))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.sleep(3)
    after = rss_kb(pid)
    latencies = await measure(base, base, tokens, count)
    for reader, writer in held:
        writer.close()
    return {"connections": len(held), "rss_before_kb": before, "rss_after_kb": after,
            "rss_per_connection_kb": round((after - before) / max(1, len(held)), 1), **summary(latencies)}


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
        tokens = json.load(open(tokens_file))
        print(json.dumps(asyncio.run(idle(base, tokens, n, pid, count))))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

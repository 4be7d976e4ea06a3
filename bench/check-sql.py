#!/usr/bin/env python3
"""Checks that a pgbench script runs the statements the service ran, in the same order and transactions.

    bench/check-sql.py bench/out/captured-send.sql bench/pgbench/send.sql

The capture holds two requests of one kind, cut out of PostgreSQL's log (log_statement=all) by run.sh. The user
upsert of the first request (its own transaction) is left out; the rest must be the same sequence twice. Values
are compared as placeholders: $n in the capture; quoted literals, now(), true, numbers and :variables in the
script. Prints the two sequences side by side and exits 1 where they differ.
"""
import re
import sys


BACKGROUND = ("select r.user_id,r.last_mailed_at", "select count(*)as queued", "delete from live_event",
              "select pg_try_advisory_xact_lock")


def statements_of_capture(path):
    stmts, cur = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"^(?:statement|execute [^:]*):\s?(.*)$", line.rstrip("\n"))
        if m:
            if cur is not None:
                stmts.append(cur)
            cur = m.group(1)
        elif line.startswith("parameters:"):
            if cur is not None:
                stmts.append(cur)
            cur = None
        elif cur is not None:
            cur += " " + line.strip()
    if cur is not None:
        stmts.append(cur)
    # the user upsert (first request only, in a transaction of its own), the driver's catalog lookups, and what the
    # instance's background jobs ran meanwhile on pooled connections (the notice worker's poll, the outbox gauge)
    out, skip = [], False
    for s in stmts:
        n = norm(s)
        if not n:
            continue
        if n.startswith(BACKGROUND):
            if out and out[-1] == "begin":
                out.pop()
                skip = True
            continue
        if n.startswith("select c.oid,a.attnum"):
            continue
        if n == "begin" and not skip:
            out.append(n)
            continue
        if n.startswith("insert into app_user"):
            if out and out[-1] == "begin":
                out.pop()
                skip = True
            continue
        if skip and n == "commit":
            skip = False
            continue
        out.append(n)
    half = len(out) // 2
    if len(out) % 2 or out[:half] != out[half:]:
        sys.exit(f"{path}: the two captured requests differ; cannot tell one request's statements:\n  "
                 + "\n  ".join(out))
    return out[:half]


def statements_of_script(path):
    text = "\n".join(l for l in open(path, encoding="utf-8").read().splitlines()
                     if not l.lstrip().startswith(("--", "\\set")))
    text = re.sub(r"\\gset\s+\S+", ";", text)
    return [norm(s) for s in text.split(";") if s.strip()]


def norm(sql):
    s = sql.lower()
    s = re.sub(r"md5\([^)]*\)::uuid", "?", s)
    # casts say nothing about which statement runs, and a script writes its arrays as array[...] literals
    s = re.sub(r"::\w+(\[\])?", "", s)
    s = re.sub(r"array\[[^\]]*\]", "?", s)
    s = re.sub(r"string_to_array\([^)]*\)", "?", s)
    s = re.sub(r"'[^']*'(::\w+)?", "?", s)
    s = re.sub(r":\w+(::\w+)?", "?", s)
    s = re.sub(r"\$\d+", "?", s)
    s = re.sub(r"\bnow\(\)", "?", s)
    s = re.sub(r"\b(true|null)\b", "?", s)
    s = re.sub(r"\b\d+\b", "?", s)
    s = re.sub(r"\s+", " ", s).strip().rstrip(";").strip()
    s = re.sub(r"\s*([(),=<>])\s*", r"\1", s)
    return s


def main():
    captured, script = statements_of_capture(sys.argv[1]), statements_of_script(sys.argv[2])
    if captured == script:
        print(f"{sys.argv[2]}: the same {len(script)} statements as the service")
        return 0
    print(f"{sys.argv[2]} differs from what the service ran ({sys.argv[1]}):")
    for i in range(max(len(captured), len(script))):
        a = captured[i] if i < len(captured) else "(none)"
        b = script[i] if i < len(script) else "(none)"
        print(("  same: " if a == b else "  DIFF:\n    service: " + a + "\n    pgbench: ") + b)
    return 1


if __name__ == "__main__":
    sys.exit(main())

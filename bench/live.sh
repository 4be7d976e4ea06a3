#!/usr/bin/env bash
# Live updates and notification mail across instances, and SSE at scale (issue 13). Starts two instances of the
# packaged service (target/quarkus-app) against one PostgreSQL schema, then runs the phases in PHASES:
#   two:  a message sent through A reaches an SSE client connected to B; prints the latency of each of COUNT sends
#         (the send's 201 on A -> the `message` event on B) and fails if any takes a second or more;
#   idle: SSE at scale: for each number in STREAMS, that many idle streams held open on A (a user each), A's RSS,
#         threads and heap before and after (per connection), the send->event latency on A with them open, and the
#         send throughput on A with them open (wrk, bench/lua/send.lua, LOAD_CONNECTIONS for LOAD_SECONDS);
#   mail: each notice mailed exactly once by two instances: both restarted with a short batching window and pointed
#         at one counting SMTP sink (bench/smtp_sink.py), MAILS messages sent through A and B in turn to
#         MAIL_RECIPIENTS tutors, and once the outbox has drained, the mails and notices each recipient received are
#         compared with what the outbox says it sent; prints PASS or FAIL (and fails).
# Needs: Java 17+ (jcmd), the local PostgreSQL (trust auth), openssl, jq, curl, wrk, python3 with cryptography. No
# identity provider: tokens are signed with a key made here (bench/tokens.py, the claims of bench/token.sh) and
# checked offline (quarkus.oidc.public-key), as in bench/run.sh. About 3.5 minutes on 2 cores with the defaults.
#   bench/live.sh                                  # builds the jar if missing
#   BUILD=1 STREAMS="0 1000" PHASES="two idle" bench/live.sh
#   APP_DIR=/elsewhere/target/quarkus-app PHASES=mail bench/live.sh     # a jar built elsewhere
#   HISTOGRAMS=$PWD/out PHASES=idle STREAMS=2000 bench/live.sh  # and what a stream holds (jcmd class histograms)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SCHEMA=${LIVE_BENCH_SCHEMA:-live_bench}
PORT_A=${PORT_A:-18191}
PORT_B=${PORT_B:-18192}
SMTP_PORT=${SMTP_PORT:-18193}
PHASES=${PHASES:-two idle mail}
COUNT=${COUNT:-20}
STREAMS=${STREAMS:-0 1000 10000 0}     # idle streams per round of the idle phase (the last 0: did A recover?)
LOAD_SECONDS=${LOAD_SECONDS:-20}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-4}
MAILS=${MAILS:-80}
MAIL_RECIPIENTS=${MAIL_RECIPIENTS:-8}
MAIL_WINDOW=${MAIL_WINDOW:-PT2S}       # the batching window of the mail phase (default PT10M)
ISSUER=https://bench.tutoring.invalid
OUT=${OUT:-$(mktemp -d /tmp/live-bench.XXXXXX)}
APP_DIR=${APP_DIR:-$ROOT/target/quarkus-app}
# An idle stream holds ~22 KB of heap: 10,000 need ~215 MB on top of ~21 MB (-Xmx128m runs out before 10,000).
JVM_OPTS=${LIVE_JVM_OPTS:--XX:+UseSerialGC -Xmx512m -Xss512k}
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
has() { [[ " $PHASES " == *" $1 "* ]]; }
psql_q() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test "$@"; }

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  log "building the jar: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; die "build"; }
fi
MAX_STREAMS=$(printf '%s\n' $STREAMS | sort -n | tail -1)
has idle || MAX_STREAMS=0
FILES=$((MAX_STREAMS + 1024)) HARD=$(ulimit -Hn)
[ "$HARD" = unlimited ] || [ "$FILES" -le "$HARD" ] || FILES=$HARD
ulimit -n "$FILES" || log "could not raise the open-files limit: $(ulimit -n)"
log "open files: $(ulimit -n) (client and each instance); load average $(cut -d' ' -f1-3 /proc/loadavg); out: $OUT"
psql_q -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade" >/dev/null

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/issuer.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$OUT/issuer.pem" -pubout | grep -v -- '-----' | tr -d '\n')
sign() { python3 bench/tokens.py "$OUT/issuer.pem" "$ISSUER"; }   # stdin: "sub<TAB>email<TAB>name<TAB>roles" lines
token() { printf '%s\t%s\t%s\t%s\n' "$@" | sign; }                # subject email name roles

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # name port [NAME=value...]: an instance; its pid in STARTED
  (
    cd "$APP_DIR"
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" DB_USER=postgres DB_SCHEMA=$SCHEMA
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$2 LOG_JSON=false SHUTDOWN_DELAY=0S
    export QUARKUS_OIDC_AUTH_SERVER_URL= OIDC_AUTH_SERVER_URL=
    export QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service
    export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT PUBLIC_URL=http://127.0.0.1:$PORT_A
    # The same key on both instances (an unsubscribe link mailed by one works on the other). The benchmark tokens
    # carry no audience and there is no issuer URL: start without those checks, on purpose.
    export UNSUBSCRIBE_SECRET=bench-only-unsubscribe-secret-0123456789abcdef ALLOW_UNSAFE_DEFAULTS=true
    # shellcheck disable=SC2086
    exec env "${@:3}" java $JVM_OPTS -jar quarkus-run.jar
  ) >>"$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  STARTED=$!
}
ADMIN=$(token admin-live admin@live.test Admin ADMIN)
wait_up() { # port pid
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$1/api/me" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
start_pair() { # [NAME=value...]: A (which migrates the schema), then B, with these settings
  log "starting A on :$PORT_A and B on :$PORT_B${*:+ with $*}"
  start A "$PORT_A" "$@"; PID_A=$STARTED
  wait_up "$PORT_A" "$PID_A" || { tail -40 "$OUT/A.log"; die "A did not start"; }
  start B "$PORT_B" "$@"; PID_B=$STARTED
  wait_up "$PORT_B" "$PID_B" || { tail -40 "$OUT/B.log"; die "B did not start"; }
}
# The mail phase needs a short batching window; the others the default (no mail due while they measure).
MAIL_SETTINGS=(NOTIFICATIONS_WINDOW="$MAIL_WINDOW" NOTIFICATIONS_WORKER_EVERY=1s)
if [ "$PHASES" = mail ]; then start_pair "${MAIL_SETTINGS[@]}"; MAIL_READY=1; else start_pair; MAIL_READY=0; fi
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B

api() { # method url token [json]
  curl -sf -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$2"
}
make_targets() { # name pairs tutors: per pair a parent and their student, enrolled with one of the tutors
  local name=$1 pairs=$2 tutors=$3 i ids=()
  { for i in $(seq 1 "$tutors"); do printf '%s-tutor-%d\t%s-tutor-%d@live.test\tTutor %d\tTUTOR\n' "$name" "$i" "$name" "$i" "$i"; done
    for i in $(seq 1 "$pairs"); do
      printf '%s-parent-%d\t%s-parent-%d@live.test\tParent %d\tPARENT\n' "$name" "$i" "$name" "$i" "$i"
      printf '%s-student-%d\t%s-student-%d@live.test\tStudent %d\tSTUDENT\n' "$name" "$i" "$name" "$i" "$i"
    done; } | sign >"$OUT/$name.tokens"
  mapfile -t TOKENS <"$OUT/$name.tokens"
  for i in "${!TOKENS[@]}"; do ids+=("$(api GET "$A/api/me" "${TOKENS[$i]}" | jq -r .id)"); done
  : >"$OUT/$name.targets"
  for i in $(seq 0 $((pairs - 1))); do
    local tutor=${ids[$((i % tutors))]} parent=$((tutors + 2 * i)) student=${ids[$((tutors + 2 * i + 1))]}
    api PUT "$A/api/admin/enrollments" "$ADMIN" "{\"studentId\":\"$student\",\"tutorId\":\"$tutor\"}" >/dev/null
    api PUT "$A/api/admin/links" "$ADMIN" "{\"parentId\":\"${ids[$parent]}\",\"studentId\":\"$student\"}" >/dev/null
    printf '%s %s %s\n' "${TOKENS[$parent]}" "$tutor" "$student" >>"$OUT/$name.targets"
  done
}

if has two || has idle; then
  make_targets live 1 1
  read -r PARENT TUTOR_ID STUDENT_ID <"$OUT/live.targets"
  log "signing $MAX_STREAMS tokens for the idle streams"
  seq 1 "$MAX_STREAMS" | awk '{ printf "idle-%d\tidle%d@live.test\tIdle %d\tPARENT\n", $1, $1, $1 }' | sign \
    | jq -R . | jq -s . >"$OUT/idle.json"
  jq -n --arg parent "$PARENT" --arg tutor "${TOKENS[0]}" --arg tutorId "$TUTOR_ID" --arg studentId "$STUDENT_ID" \
    --slurpfile idle "$OUT/idle.json" \
    '{parent: $parent, tutor: $tutor, tutorId: $tutorId, studentId: $studentId, idle: $idle[0]}' >"$OUT/tokens.json"
fi

if has two; then
  log "two instances: $COUNT messages sent through A, the tutor's stream on B"
  python3 bench/live_sse.py latency "$A" "$B" "$OUT/tokens.json" "$COUNT" | tee "$OUT/two-instances.txt"
  MAX=$(tail -1 "$OUT/two-instances.txt" | jq .max_ms)
  awk -v m="$MAX" 'BEGIN { exit !(m < 1000) }' || die "a message took $MAX ms to reach B"
  log "every message reached B within a second (max $MAX ms)"
fi

if has idle; then
  make_targets load 20 10
  # wrk's send load on A, as bench/run.sh runs it (20 parents, each to a tutor of their own student)
  WRK=(env BENCH_TARGETS="$OUT/load.targets" BENCH_LUA_DIR="$ROOT/bench/lua"
    wrk -t2 -c"$LOAD_CONNECTIONS" --timeout 10s -s bench/lua/send.lua "$A")
  log "warming A up: 10 s of sends"
  "${WRK[@]}" -d10s >"$OUT/wrk-warmup.txt"
  round=0
  for n in $STREAMS; do
    round=$((round + 1))
    log "idle round $round: $n idle streams on A, the send->event latency, then ${LOAD_SECONDS} s of sends"
    python3 bench/live_sse.py idle "$A" "$OUT/tokens.json" "$n" "$PID_A" "$COUNT" -- "${WRK[@]}" -d"$LOAD_SECONDS"s \
      | tee "$OUT/idle-$round.json"
  done
  jq -rs '["streams", "opened s", "RSS KB/conn", "heap KB/conn", "threads", "event p50/p95 ms", "send req/s",
      "send p50/p95 ms", "load"], (.[] | [.connections, .opened_in_s, .rss_per_connection_kb, .heap_per_connection_kb,
      "\(.threads_before)->\(.threads_after)", "\(.p50_ms)/\(.p95_ms)", .send_load.rps,
      "\(.send_load.p50_us / 1000)/\(.send_load.p95_us / 1000)", "\(.load)/\(.send_load.load_after)"]) | @tsv' \
    "$OUT"/idle-*.json | column -t -s $'\t' | tee "$OUT/idle-summary.txt"
fi

if has mail; then
  python3 bench/smtp_sink.py serve "$SMTP_PORT" "$OUT/mails.jsonl" >"$OUT/smtp.log" 2>&1 &
  PIDS+=($!)
  if [ "$MAIL_READY" = 0 ]; then
    log "restarting A and B with the batching window $MAIL_WINDOW"
    kill "$PID_A" "$PID_B"; wait "$PID_A" "$PID_B" 2>/dev/null || true
    start_pair "${MAIL_SETTINGS[@]}"
  fi
  make_targets mail "$MAIL_RECIPIENTS" "$MAIL_RECIPIENTS"
  log "mail: $MAILS messages to $MAIL_RECIPIENTS tutors, sent through A and B in turn, 100 ms apart"
  python3 bench/live_sse.py send "$A,$B" "$OUT/mail.targets" "$MAILS" 100
  OF_RECIPIENTS="from notice n join app_user u on u.id = n.recipient_id where u.email like 'mail-tutor-%'"
  for _ in $(seq 1 120); do
    [ "$(psql_q -c "set search_path = $SCHEMA; select count(*) $OF_RECIPIENTS and n.state = 'QUEUED'")" = 0 ] && break
    sleep 0.5
  done
  psql_q -F $'\t' -c "set search_path = $SCHEMA; select u.email, count(distinct n.done_at) filter (where n.state = 'SENT'),
      count(*) filter (where n.state = 'SENT') $OF_RECIPIENTS group by u.email order by 1" >"$OUT/outbox.tsv"
  psql_q -c "set search_path = $SCHEMA; select n.state, count(*) $OF_RECIPIENTS group by 1 order by 1" \
    | tr '\n' ' ' | sed 's/^/outbox: /' >&2; echo >&2
  log "mails logged as sent: A $(grep -c 'Mailed .* notice' "$OUT/A.log" || true), B $(grep -c 'Mailed .* notice' "$OUT/B.log" || true)"
  SENT=$(awk -F'\t' '{ s += $3 } END { print s + 0 }' "$OUT/outbox.tsv")
  python3 bench/smtp_sink.py check "$OUT/mails.jsonl" <"$OUT/outbox.tsv" | tee "$OUT/mail-check.txt" \
    || die "the mails received differ from the outbox"
  [ "$SENT" = "$MAILS" ] || die "the outbox mailed $SENT notices of $MAILS messages"
fi
log "results in $OUT (logs A.log, B.log)"

#!/usr/bin/env bash
# Live updates across instances, and SSE at scale (issue 13). Starts two instances of the packaged service
# (target/quarkus-app) against one PostgreSQL schema, then:
#   1. two instances: a message sent through A reaches an SSE client connected to B; prints the latency of each of
#      COUNT sends (the send's 201 on A -> the `message` event on B) and fails if any takes a second or more;
#   2. SSE at scale: IDLE idle streams held open on A (one user each), the RSS of A before and after (memory per
#      connection), and the send->event latency on A with them open.
# Needs: Java 17+, the local PostgreSQL (trust auth), openssl, jq, curl, python3. No identity provider: tokens are
# signed with a key made here and checked offline (quarkus.oidc.public-key), as in bench/run.sh.
#   bench/live.sh                 # builds the jar if missing; COUNT=20 IDLE=1000
#   BUILD=1 IDLE=10000 bench/live.sh
#   APP_DIR=/elsewhere/target/quarkus-app bench/live.sh    # a jar built elsewhere
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SCHEMA=${LIVE_BENCH_SCHEMA:-live_bench}
PORT_A=${PORT_A:-18191}
PORT_B=${PORT_B:-18192}
COUNT=${COUNT:-20}
IDLE=${IDLE:-1000}
ISSUER=https://bench.tutoring.invalid
OUT=${OUT:-$(mktemp -d /tmp/live-bench.XXXXXX)}
APP_DIR=${APP_DIR:-$ROOT/target/quarkus-app}
JVM_OPTS=${LIVE_JVM_OPTS:--XX:+UseSerialGC -Xmx128m -Xss512k}
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  log "building the jar: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; die "build"; }
fi
ulimit -n "$((IDLE * 2 + 1024))" 2>/dev/null || log "could not raise the open-files limit: $(ulimit -n)"
psql -q -h 127.0.0.1 -U postgres -d test -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade" >/dev/null

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/issuer.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$OUT/issuer.pem" -pubout | grep -v -- '-----' | tr -d '\n')
token() { bench/token.sh "$OUT/issuer.pem" "$ISSUER" "$@"; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # name port
  (
    cd "$APP_DIR"
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" DB_USER=postgres DB_SCHEMA=$SCHEMA
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$2 LOG_JSON=false
    export QUARKUS_OIDC_AUTH_SERVER_URL= OIDC_AUTH_SERVER_URL=
    export QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service
    # shellcheck disable=SC2086
    exec java $JVM_OPTS -jar quarkus-run.jar
  ) >"$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  STARTED=$!
}
ADMIN=$(token admin-live admin@live.test "Admin" ADMIN)
wait_up() { # port pid
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$1/api/me" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
log "starting A on :$PORT_A (it migrates the schema $SCHEMA)"
start A "$PORT_A"; PID_A=$STARTED
log "signing $IDLE tokens for the idle streams meanwhile"
for i in $(seq 1 "$IDLE"); do token "idle-$i" "idle$i@live.test" "Idle $i" PARENT; done | jq -R . | jq -s . \
  >"$OUT/idle.json"
wait_up "$PORT_A" "$PID_A" || { tail -40 "$OUT/A.log"; die "A did not start"; }
log "starting B on :$PORT_B"
start B "$PORT_B"; PID_B=$STARTED
wait_up "$PORT_B" "$PID_B" || { tail -40 "$OUT/B.log"; die "B did not start"; }

A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
api() { # method url token [json]
  curl -sf -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$2"
}
PARENT=$(token parent-live parent@live.test "Parent" PARENT)
TUTOR=$(token tutor-live tutor@live.test "Tutor" TUTOR)
STUDENT=$(token student-live student@live.test "Student" STUDENT)
PARENT_ID=$(api GET "$A/api/me" "$PARENT" | jq -r .id)
TUTOR_ID=$(api GET "$A/api/me" "$TUTOR" | jq -r .id)
STUDENT_ID=$(api GET "$A/api/me" "$STUDENT" | jq -r .id)
api PUT "$A/api/admin/enrollments" "$ADMIN" "{\"studentId\":\"$STUDENT_ID\",\"tutorId\":\"$TUTOR_ID\"}" >/dev/null
api PUT "$A/api/admin/links" "$ADMIN" "{\"parentId\":\"$PARENT_ID\",\"studentId\":\"$STUDENT_ID\"}" >/dev/null

jq -n --arg parent "$PARENT" --arg tutor "$TUTOR" --arg tutorId "$TUTOR_ID" --arg studentId "$STUDENT_ID" \
  --slurpfile idle "$OUT/idle.json" \
  '{parent: $parent, tutor: $tutor, tutorId: $tutorId, studentId: $studentId, idle: $idle[0]}' >"$OUT/tokens.json"

log "1. two instances: $COUNT messages sent through A, the tutor's stream on B"
python3 bench/live_sse.py latency "$A" "$B" "$OUT/tokens.json" "$COUNT" | tee "$OUT/two-instances.txt"
MAX=$(tail -1 "$OUT/two-instances.txt" | jq .max_ms)
awk -v m="$MAX" 'BEGIN { exit !(m < 1000) }' || die "a message took $MAX ms to reach B"
log "every message reached B within a second (max $MAX ms)"

log "2. $IDLE idle streams on A, then the send->event latency with them open"
python3 bench/live_sse.py idle "$A" "$OUT/tokens.json" 0 "$PID_A" "$COUNT" | tee "$OUT/idle-0.json"
python3 bench/live_sse.py idle "$A" "$OUT/tokens.json" "$IDLE" "$PID_A" "$COUNT" | tee "$OUT/idle-$IDLE.json"
log "results in $OUT (logs A.log, B.log)"

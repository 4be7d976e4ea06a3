#!/usr/bin/env bash
# Two instances of the packaged service behind HAProxy, one PostgreSQL (issue 15 item 3):
#   bench/two-instances.sh
# 1. builds the jar (BENCH_SKIP_BUILD=1 reuses target/quarkus-app), starts s3proxy (in memory), instance A (which
#    migrates a schema of its own) and instance B, and HAProxy in front of both (round robin, readiness checks);
# 2. loads a small generated data set and signs tokens with a key made here (bench/token.sh);
# 3. drives a send/list/open mix through HAProxy (bench/two_instances_load.py) and kills instance A with SIGKILL
#    part-way through;
# 4. checks that every message whose send was acknowledged (201) is in the database, and prints the figures:
#    requests and errors before, around and after the kill, latencies, and how long until requests succeeded again.
# Exits non-zero if an acknowledged message is missing, if there were errors before the kill, or if B did not
# serve on. Not part of `./mvnw verify` (about 3 minutes on 2 cores, most of it the build).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SCHEMA=${BENCH_SCHEMA:-bench_two}
LB_PORT=${BENCH_LB_PORT:-18090}
PORT_A=${BENCH_PORT_A:-18091}
PORT_B=${BENCH_PORT_B:-18092}
S3_PORT=${BENCH_S3_PORT:-18093}
DURATION=${BENCH_DURATION:-40}            # seconds of load
KILL_AT=${BENCH_KILL_AT:-20}              # seconds into the load when instance A is killed
KILL_SIGNAL=${BENCH_KILL_SIGNAL:-KILL}    # KILL: a crash; TERM: a graceful stop (SHUTDOWN_DELAY applies)
CLIENTS=${BENCH_CLIENTS:-8}
JVM_OPTS=${BENCH_JVM_OPTS:--XX:+UseSerialGC -Xmx128m}
SKIP_BUILD=${BENCH_SKIP_BUILD:-0}
OUT=$ROOT/bench/out/two-instances
KEYS=$ROOT/bench/keys
ISSUER=https://bench.tutoring.invalid
PGCONN=(-h 127.0.0.1 -p 5432 -U postgres -d test)
mkdir -p "$OUT" "$KEYS"
: >"$OUT/run.log"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
psql_q() { psql "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 "$@"; }

PIDS=()
cleanup() {
  local rc=$?
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_pkg() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (for $1)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need_pkg haproxy haproxy
need_pkg jq jq
need_pkg openssl openssl
need_pkg curl curl
need_pkg python3 python3
for p in "$LB_PORT" "$PORT_A" "$PORT_B" "$S3_PORT"; do
  if (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then die "port $p is taken (see BENCH_*_PORT)"; fi
done

# ---------------------------------------------------------------- build, S3
if [ "$SKIP_BUILD" != 1 ]; then
  log "building the jar: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests >"$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; die "build failed"; }
fi
[ -f target/quarkus-app/quarkus-run.jar ] || die "no target/quarkus-app/quarkus-run.jar"
# shellcheck source=bench/s3proxy-lib.sh
. bench/s3proxy-lib.sh
start_s3proxy "$OUT" "$S3_PORT" bench bench-secret || die "s3proxy"
PIDS+=("$S3PROXY_PID")

# ---------------------------------------------------------------- token issuer
[ -f "$KEYS/issuer.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/issuer.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$KEYS/issuer.pem" -pubout | grep -v -- '-----' | tr -d '\n')

# ---------------------------------------------------------------- instances
start_instance() { # name port -> pid on stdout
  local name=$1 port=$2
  (
    cd target/quarkus-app
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" DB_USER=postgres DB_SCHEMA=$SCHEMA
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port
    export QUARKUS_OIDC_AUTH_SERVER_URL= OIDC_AUTH_SERVER_URL=
    export QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service
    export S3_ENDPOINT=http://127.0.0.1:$S3_PORT S3_PATH_STYLE=true S3_BUCKET=bench-attachments
    export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret ATTACHMENTS_CREATE_BUCKET=true
    export PUBLIC_URL=http://127.0.0.1:$LB_PORT LOG_JSON=false SHUTDOWN_DELAY=0S
    # The same key on both instances: an unsubscribe link mailed by one works on the other.
    export UNSUBSCRIBE_SECRET=bench-only-unsubscribe-secret-0123456789abcdef
    # The benchmark tokens carry no audience (bench/token.sh): start without the audience check, on purpose.
    export ALLOW_UNSAFE_DEFAULTS=true
    # shellcheck disable=SC2086
    exec java $JVM_OPTS -jar quarkus-run.jar
  ) >"$OUT/instance-$name.log" 2>&1 &
  echo $!
}
wait_ready() { # port pid seconds
  for _ in $(seq 1 $(($3 * 10))); do
    curl -s -o /dev/null -f "http://127.0.0.1:$1/q/health/ready" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

psql_q -c "drop schema if exists $SCHEMA cascade"
log "starting instance A on $PORT_A (it migrates schema $SCHEMA)"
PID_A=$(start_instance A "$PORT_A"); PIDS+=("$PID_A")
wait_ready "$PORT_A" "$PID_A" 120 || { tail -30 "$OUT/instance-A.log"; die "instance A did not start"; }
log "generating a small data set"
psql "${PGCONN[@]}" -v schema="$SCHEMA" -v tutors=40 -v parents=400 -v students=500 -v messages=20000 -v seed=0.42 \
  -f bench/generate.sql >"$OUT/generate.log" 2>&1 || { tail -20 "$OUT/generate.log"; die "data generator failed"; }
log "starting instance B on $PORT_B"
PID_B=$(start_instance B "$PORT_B"); PIDS+=("$PID_B")
wait_ready "$PORT_B" "$PID_B" 120 || { tail -30 "$OUT/instance-B.log"; die "instance B did not start"; }

cat >"$OUT/haproxy.cfg" <<EOF
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 2
    option redispatch
frontend api
    bind 127.0.0.1:$LB_PORT
    default_backend service
backend service
    balance roundrobin
    option httpchk GET /q/health/ready
    default-server inter 1s fall 2 rise 2
    # A request that never reached an instance is retried on the other one; a GET that the killed instance took
    # but never answered is retried too. A POST that reached it is not: it may have been committed there, so the
    # client gets the error and decides (with an Idempotency-Key, a retry is safe).
    retry-on conn-failure empty-response response-timeout
    http-request disable-l7-retry if METH_POST
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check
EOF
haproxy -f "$OUT/haproxy.cfg" -db >"$OUT/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do curl -s -o /dev/null -f "http://127.0.0.1:$LB_PORT/q/health/ready" && break; sleep 0.1; done

# ---------------------------------------------------------------- targets: token and ids per caller
token() { bench/token.sh "$KEYS/issuer.pem" "$ISSUER" "$@"; }
log "signing tokens for the load"
psql_q -tA -F$'\t' -c "select u.subject, coalesce(u.email,''), coalesce(u.name,''), array_to_string(u.roles, ','),
       x.tutor_id, x.student_id
  from (select distinct on (l.parent_id) l.parent_id, e.tutor_id, l.student_id
          from $SCHEMA.parent_student_link l join $SCHEMA.enrollment e on e.student_id = l.student_id
         order by l.parent_id, e.tutor_id) x
  join $SCHEMA.app_user u on u.id = x.parent_id
 order by u.id limit 60" >"$OUT/parents.rows"
: >"$OUT/targets.txt"
while IFS=$'\t' read -r sub email uname roles tutor student; do
  printf '%s %s %s\n' "$(token "$sub" "$email" "$uname" "$roles")" "$tutor" "$student" >>"$OUT/targets.txt"
done <"$OUT/parents.rows"
[ -s "$OUT/targets.txt" ] || die "no targets"

# ---------------------------------------------------------------- load, kill, check
log "load: $CLIENTS clients for $DURATION s through HAProxy; SIG$KILL_SIGNAL to instance A at $KILL_AT s"
python3 bench/two_instances_load.py --base "http://127.0.0.1:$LB_PORT" --targets "$OUT/targets.txt" \
  --clients "$CLIENTS" --duration "$DURATION" --kill-at "$KILL_AT" --kill-pid "$PID_A" --kill-signal "$KILL_SIGNAL" \
  --acked "$OUT/acked.txt" >"$OUT/load.json"
wait_a=0; while kill -0 "$PID_A" 2>/dev/null && [ $wait_a -lt 50 ]; do sleep 0.1; wait_a=$((wait_a + 1)); done

acked=$(wc -l <"$OUT/acked.txt")
psql_q -c "create temp table acked(id uuid)" -c "\\copy acked from '$OUT/acked.txt'" \
  -tA -c "select count(*) from acked a where not exists (select 1 from $SCHEMA.message m where m.id = a.id)" \
  >"$OUT/missing.txt"
missing=$(tail -1 "$OUT/missing.txt")
duplicates=$(psql_q -tA -c "select count(*) - count(distinct id) from $SCHEMA.message")

jq -r --arg acked "$acked" --arg missing "$missing" '
  "| phase | requests | errors | p50 ms | p95 ms |",
  "|---|---|---|---|---|",
  (.phases[] | "| \(.name) | \(.requests) | \(.errors) | \(.p50_ms) | \(.p95_ms) |"),
  "",
  "errors by kind: \(.errors_by_kind)",
  "first success after the kill: \(.recovered_after_ms) ms; last error after the kill: \(.last_error_after_ms) ms",
  "sends acknowledged (201): \($acked); acknowledged but missing from the database: \($missing)"' "$OUT/load.json" \
  | tee "$OUT/summary.md"
log "instance B still ready: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/q/health/ready")"

[ "$missing" = 0 ] || die "$missing acknowledged messages are missing"
[ "$duplicates" = 0 ] || die "duplicate message ids"
[ "$(jq '.phases[0].errors' "$OUT/load.json")" = 0 ] || die "errors before the kill"
[ "$(jq '.phases[2].requests - .phases[2].errors' "$OUT/load.json")" -gt 0 ] || die "instance B did not serve on"
log "passed: nothing acknowledged was lost, B served on (summary in $OUT/summary.md)"

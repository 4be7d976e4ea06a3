#!/usr/bin/env bash
# One command for the benchmark of issue 6 (see bench/README-run.md):
#   bench/run.sh
# builds the jar (and the JDK 25 AOT-cache jar), loads generated data into a schema of its own, starts the service
# in prod mode with a token issuer of its own (an RSA key made here), drives load with wrk, runs pgbench with the
# same SQL at the same concurrency, measures cold start and RSS, and writes the tables into BENCHMARKS.md.
# Every knob is an environment variable (defaults below). Not part of `./mvnw verify`.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SCHEMA=${BENCH_SCHEMA:-bench_run}
PORT=${BENCH_PORT:-18089}
S3_PORT=${BENCH_S3_PORT:-18094}         # s3proxy in memory: readiness checks the attachments bucket
LEVELS=${BENCH_LEVELS:-"1 4 16 64"}
DURATION=${BENCH_DURATION:-10}          # seconds per measured wrk or pgbench run
WARMUP=${BENCH_WARMUP:-60}              # at least this many seconds of warm-up load before each endpoint
WARMUP_MAX=${BENCH_WARMUP_MAX:-360}     # at most this many (see warm_up: it stops once the JIT and req/s have settled)
COLD_RUNS=${BENCH_COLD_RUNS:-5}
TUTORS=${BENCH_TUTORS:-2000} PARENTS=${BENCH_PARENTS:-20000} STUDENTS=${BENCH_STUDENTS:-25000}
MESSAGES=${BENCH_MESSAGES:-1000000} SEED=${BENCH_SEED:-0.42}
GENERATOR=${BENCH_GENERATOR:-bench/generate.sql}
TARGETS_PER_ENDPOINT=${BENCH_TARGETS_PER_ENDPOINT:-100}   # distinct parents / threads; pgbench takes at most 128 scripts
LIST_TUTORS=${BENCH_LIST_TUTORS:-50}                       # busiest tutors whose inbox is listed
JDK25=${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
# JVM flags of the measured service (the load run and every cold start use the same).
# Defaults chosen for RSS (see BENCHMARKS.md): a small serial-collected heap (the live set after the load is ~22 MB),
# native heap trimmed every 5 s, fewer malloc arenas (MALLOC_ARENA_MAX below).
LOAD_JAVA=${BENCH_JAVA:-java}            # the java that runs the service under load (cold starts name their own)
JVM_OPTS=${BENCH_JVM_OPTS--XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000 -XX:ReservedCodeCacheSize=64m -Xss512k}
MALLOC_ARENAS=${BENCH_MALLOC_ARENA_MAX-2}
ENDPOINTS=${BENCH_ENDPOINTS:-"send list open page-list page-open"}
JFR=${BENCH_JFR:-0}                     # 1: record the load run with JFR (bench/out/load.jfr, hot methods in jfr-hot-methods.txt)
AOT_TRAIN=${BENCH_AOT_TRAIN:-1}         # 1: also measure an AOT cache trained with requests
SKIP_BUILD=${BENCH_SKIP_BUILD:-0}       # 1: reuse target/quarkus-app and target/quarkus-app-aot
SKIP_DATA=${BENCH_SKIP_DATA:-0}         # 1: reuse the data already in the schema
SKIP_LOAD=${BENCH_SKIP_LOAD:-0}         # 1: cold start only
SKIP_COLD=${BENCH_SKIP_COLD:-0}         # 1: load only
REPORT=${BENCH_REPORT:-BENCHMARKS.md}
ALLOW_SQL_DRIFT=${BENCH_ALLOW_SQL_DRIFT:-0}   # 1: go on when bench/pgbench/*.sql differs from the captured SQL
PGBENCH_DIR=${BENCH_PGBENCH_DIR:-bench/pgbench}   # the pgbench scripts (another commit's, for an A/B of an older jar)

OUT=$ROOT/bench/out
KEYS=$ROOT/bench/keys
ISSUER=https://bench.tutoring.invalid
PGCONN=(-h 127.0.0.1 -p 5432 -U postgres -d test)
PGLOG=${BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
BASE=http://127.0.0.1:$PORT
APP_PID=
mkdir -p "$OUT" "$KEYS"
: > "$OUT/run.log"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }
psql_q() { psql "${PGCONN[@]}" -X -q -v ON_ERROR_STOP=1 "$@"; }

stop_app() { # [pid] [seconds to wait before SIGKILL]
  local pid=${1:-$APP_PID} secs=${2:-10}
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((secs * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  [ "$pid" = "$APP_PID" ] && APP_PID=
  return 0
}
S3PROXY_PID=
cleanup() {
  local rc=$?
  stop_app
  [ -n "$S3PROXY_PID" ] && kill "$S3PROXY_PID" 2>/dev/null || true
  local jobs_left
  jobs_left=$(jobs -p)
  [ -n "$jobs_left" ] && kill $jobs_left 2>/dev/null || true
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'log "ERROR: command failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

# ---------------------------------------------------------------- tools
need_pkg() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (for $1)"
  if [ ! -f "$OUT/.apt-updated" ]; then apt-get update -qq && touch "$OUT/.apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need_pkg wrk wrk
need_pkg pgbench postgresql-contrib
need_pkg jq jq
need_pkg openssl openssl
need_pkg curl curl
need_pkg python3 python3
[ -d "$JDK25" ] || die "JDK 25 not found at $JDK25 (set BENCH_JDK25)"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  log "PostgreSQL is not answering; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is taken; set BENCH_PORT"; fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "loadavg at start: $LOAD_BEFORE"

# ---------------------------------------------------------------- build
JVM_APP=${BENCH_APP_DIR:-$ROOT/target/quarkus-app}
AOT_APP=${BENCH_AOT_APP_DIR:-$ROOT/target/quarkus-app-aot}
if [ "$SKIP_BUILD" != 1 ]; then
  log "building the jar: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests >"$OUT/build-jvm.log" 2>&1 || { tail -50 "$OUT/build-jvm.log"; die "build failed"; }
  log "building the AOT-cache jar with JDK 25 (quarkus.package.jar.aot, training at build time)"
  JAVA_HOME=$JDK25 ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.aot.enabled=true \
      -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD \
      -Dquarkus.package.output-directory=quarkus-app-aot >"$OUT/build-aot.log" 2>&1 \
    || { tail -50 "$OUT/build-aot.log"; die "AOT build failed"; }
fi
[ -f "$JVM_APP/quarkus-run.jar" ] || die "no $JVM_APP/quarkus-run.jar"
[ -f "$AOT_APP/app.aot" ] || log "WARNING: no $AOT_APP/app.aot; the AOT cold start will be skipped"

# shellcheck source=bench/s3proxy-lib.sh
. bench/s3proxy-lib.sh
start_s3proxy "$OUT" "$S3_PORT" bench bench-secret || die "s3proxy did not start"

# ---------------------------------------------------------------- token issuer
if [ ! -f "$KEYS/issuer.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/issuer.pem" 2>/dev/null
fi
PUBLIC_KEY=$(openssl pkey -in "$KEYS/issuer.pem" -pubout | grep -v -- '-----' | tr -d '\n')
token() { bench/token.sh "$KEYS/issuer.pem" "$ISSUER" "$@"; }

# ---------------------------------------------------------------- service
# start_app LOGFILE JAVA APP_DIR [extra JVM flags...]; env DB_URL_EXTRA adds JDBC URL parameters.
start_app() {
  local logfile=$1 java=$2 dir=$3; shift 3
  (
    cd "$dir"
    export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA${DB_URL_EXTRA:-}"
    export DB_USER=postgres DB_SCHEMA=$SCHEMA
    [ -n "$MALLOC_ARENAS" ] && export MALLOC_ARENA_MAX=$MALLOC_ARENAS
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT
    # Offline token check: the issuer's public key instead of discovery at an auth server.
    export QUARKUS_OIDC_AUTH_SERVER_URL= OIDC_AUTH_SERVER_URL=
    export QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service
    # No auth server, audience or public URL here: the prod start-up check must let it run (never in production).
    export ALLOW_UNSAFE_DEFAULTS=true
    # Notices are queued by every send as in production, but mailed after the run: no SMTP server here, and a
    # worker retrying refused connections would add its CPU to the requests'.
    export NOTIFICATIONS_WINDOW=PT12H
    export S3_ENDPOINT=http://127.0.0.1:$S3_PORT S3_PATH_STYLE=true S3_BUCKET=bench-attachments
    # The bucket is made once, by the capture start (s3proxy keeps it in memory); the measured starts find it there,
    # as a production instance does, instead of creating it (which puts the AWS SDK's set-up into the start).
    export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret ATTACHMENTS_CREATE_BUCKET=${CREATE_BUCKET:-false}
    export LOG_JSON=false
    # shellcheck disable=SC2086
    exec "$java" $JVM_OPTS "$@" -jar quarkus-run.jar
  ) >"$logfile" 2>&1 &
  APP_PID=$!
}
wait_ready() { # seconds
  for _ in $(seq 1 $(($1 * 10))); do
    curl -s -o /dev/null -f "$BASE/q/health/ready" && return 0
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# user + system CPU of a process, in clock ticks, less what its JIT compiler threads used (their work is warm-up,
# and on a loaded machine it stretches into the measured runs). The process total keeps the CPU of threads that
# have exited (Quarkus's worker pool grows and shrinks), so this is total minus compiler threads, not a sum of threads.
jit_ticks() { # pid -> CPU ticks of its JIT compiler threads
  local t comm f jit=0
  for t in /proc/"$1"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    case $comm in C1\ Compiler*|C2\ Compiler*) ;; *) continue ;; esac
    f=$(cat "$t/stat" 2>/dev/null) || continue
    f=${f##*) }
    # shellcheck disable=SC2086
    set -- $f
    jit=$((jit + ${12} + ${13}))
  done
  echo "$jit"
}
cpu_ticks() {
  local f total
  f=$(cat "/proc/$1/stat") || { echo 0; return; }
  f=${f##*) }
  # shellcheck disable=SC2086
  set -- $f
  total=$((${12} + ${13}))
  echo $((total - $(jit_ticks "$1")))
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

# ---------------------------------------------------------------- schema and data
if [ "$SKIP_DATA" != 1 ]; then
  [ -f "$GENERATOR" ] || die "data generator $GENERATOR is missing: it comes from the tutor-inbox issue \
(bench/generate.sql, psql -v schema tutors parents students messages seed). Merge it, or point BENCH_GENERATOR at one."
  log "fresh schema $SCHEMA; the service's Flyway migration creates it"
  psql_q -c "drop schema if exists $SCHEMA cascade"
fi
log "starting the service once with log_statement=all on its own connections (migration + SQL capture)"
DB_URL_EXTRA='&ApplicationName=bench-capture&options=-c%20log_statement%3Dall' CREATE_BUCKET=true \
  start_app "$OUT/app-capture.log" "$LOAD_JAVA" "$JVM_APP"
wait_ready 120 || { tail -40 "$OUT/app-capture.log"; die "service did not start"; }

if [ "$SKIP_DATA" != 1 ]; then
  log "generating data: tutors=$TUTORS parents=$PARENTS students=$STUDENTS messages=$MESSAGES seed=$SEED"
  t0=$(date +%s)
  psql -h 127.0.0.1 -U postgres -d test -v schema="$SCHEMA" -v tutors="$TUTORS" -v parents="$PARENTS" \
    -v students="$STUDENTS" -v messages="$MESSAGES" -v seed="$SEED" -f "$GENERATOR" >"$OUT/generate.log" 2>&1 \
    || { tail -20 "$OUT/generate.log"; die "data generator failed"; }
  psql_q -c "vacuum analyze $SCHEMA.app_user, $SCHEMA.thread, $SCHEMA.message, $SCHEMA.enrollment, $SCHEMA.parent_student_link"
  log "data generated in $(( $(date +%s) - t0 )) s"
fi
COUNTS=$(psql_q -tA -F' ' -c "select (select count(*) from $SCHEMA.app_user), (select count(*) from $SCHEMA.thread),
  (select count(*) from $SCHEMA.message), (select count(*) from $SCHEMA.parent_student_link), (select count(*) from $SCHEMA.enrollment),
  pg_size_pretty(pg_database_size('test'))")
log "rows: app_user thread message link enrollment, db size: $COUNTS"

# ---------------------------------------------------------------- targets and tokens
# Many distinct callers and threads, so that the load does not pile onto one row: run.sh writes one line per target.
log "choosing targets and signing tokens"
SQL_SEND="select u.subject, coalesce(u.email,''), coalesce(u.name,''), array_to_string(u.roles, ','), x.tutor_id, x.student_id, x.parent_id
  from (select distinct on (l.parent_id) l.parent_id, e.tutor_id, l.student_id
          from $SCHEMA.parent_student_link l join $SCHEMA.enrollment e on e.student_id = l.student_id
         order by l.parent_id, md5(e.tutor_id::text || l.student_id::text)) x
  join $SCHEMA.app_user u on u.id = x.parent_id
 where 'PARENT' = any(u.roles)
 order by md5(u.id::text) limit $TARGETS_PER_ENDPOINT"
SQL_LIST="select u.subject, coalesce(u.email,''), coalesce(u.name,''), array_to_string(u.roles, ','), u.id
  from (select tutor_id, count(*) n from $SCHEMA.thread group by tutor_id order by n desc, tutor_id limit $LIST_TUTORS) b
  join $SCHEMA.app_user u on u.id = b.tutor_id
 where 'TUTOR' = any(u.roles) order by b.n desc"
SQL_OPEN="select u.subject, coalesce(u.email,''), coalesce(u.name,''), array_to_string(u.roles, ','), t.id, t.parent_id, t.student_id
  from (select distinct on (t.parent_id) t.* from $SCHEMA.thread t
          join $SCHEMA.parent_student_link l on l.parent_id = t.parent_id and l.student_id = t.student_id
         where (select count(*) from (select 1 from $SCHEMA.message m where m.thread_id = t.id limit 21) c) = 21
         order by t.parent_id, t.last_message_at desc) t
  join $SCHEMA.app_user u on u.id = t.parent_id
 where 'PARENT' = any(u.roles)
 order by md5(t.id::text) limit $TARGETS_PER_ENDPOINT"

make_targets() { # name sql
  local name=$1 sql=$2
  psql_q -tA -F$'\t' -c "$sql" >"$OUT/$name.rows"
  [ -s "$OUT/$name.rows" ] || die "no targets for $name"
  : >"$OUT/$name.targets"
  while IFS=$'\t' read -r sub email uname roles a b c; do
    printf '%s %s %s %s\n' "$(token "$sub" "$email" "$uname" "$roles")" "$a" "${b:-}" "${c:-}" >>"$OUT/$name.targets"
  done <"$OUT/$name.rows"
  log "  $name: $(wc -l <"$OUT/$name.targets") targets"
}
make_targets send "$SQL_SEND"
make_targets list "$SQL_LIST"
make_targets open "$SQL_OPEN"

# One pgbench script per target, the same statements with that target's ids (pgbench picks one script at random
# per transaction, as the wrk scripts pick a target per request).
make_pgbench() { # name
  local name=$1 i=0 dir=$OUT/pgbench-$1
  rm -rf "$dir"; mkdir -p "$dir"
  while IFS=$'\t' read -r _ _ _ _ a b c; do
    i=$((i + 1))
    case $name in
      send) sed -e "s/@TUTOR@/$a/g; s/@STUDENT@/$b/g; s/@PARENT@/$c/g" ;;
      list) sed -e "s/@TUTOR@/$a/g" ;;
      open) sed -e "s/@THREAD@/$a/g; s/@PARENT@/$b/g; s/@STUDENT@/$c/g" ;;
    esac <"$PGBENCH_DIR/$name.sql" >"$dir/$i.sql"
  done <"$OUT/$name.rows"
}
for ep in send list open; do make_pgbench "$ep"; done

# ---------------------------------------------------------------- SQL capture
# Two requests of each kind on the capture instance; the statements its connections ran are cut out of the
# PostgreSQL log, so bench/pgbench/*.sql can be checked against what the service really sends.
first_target() { head -1 "$OUT/$1.targets"; }
capture_requests() { # name
  local t a b code
  read -r t a b _ < <(first_target "$1")
  for _ in 1 2; do
    case $1 in
      send) code=$(curl -s -o "$OUT/capture-$1.body" -w '%{http_code}' -H "Authorization: Bearer $t" \
              -H 'Content-Type: application/json' \
              -d "{\"tutorId\":\"$a\",\"studentId\":\"$b\",\"message\":\"Benchmark message from a parent about the next lesson.\"}" \
              "$BASE/api/parent/messages" || true) ;;
      list) code=$(curl -s -o "$OUT/capture-$1.body" -w '%{http_code}' -H "Authorization: Bearer $t" "$BASE/api/parent/threads" || true) ;;
      open) code=$(curl -s -o "$OUT/capture-$1.body" -w '%{http_code}' -H "Authorization: Bearer $t" \
              "$BASE/api/parent/threads/$a/messages" || true) ;;
    esac
    case $code in 2??) ;; *) cat "$OUT/capture-$1.body" >&2; die "$1 answered $code during the capture";; esac
  done
}
declare -A CAP_FROM CAP_TO
for ep in send list open; do
  CAP_FROM[$ep]=$(stat -c %s "$PGLOG" 2>/dev/null || echo 0)
  capture_requests "$ep"
  sleep 0.3
  CAP_TO[$ep]=$(stat -c %s "$PGLOG" 2>/dev/null || echo 0)
done
CAP_PIDS=$(psql_q -tAc "select coalesce(string_agg(pid::text, '|'), '0') from pg_stat_activity where application_name = 'bench-capture'")
for ep in send list open; do
  if [ -r "$PGLOG" ]; then
    dd if="$PGLOG" iflag=skip_bytes,count_bytes skip="${CAP_FROM[$ep]}" count="$((CAP_TO[$ep] - CAP_FROM[$ep]))" bs=64K status=none | awk -v pids="$CAP_PIDS" '
      /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { keep = match($0, "\\[(" pids ")\\]"); if (keep) { sub(/^.*(LOG|DETAIL): +/, ""); print }; next }
      keep { print }' >"$OUT/captured-$ep.sql"
    log "  captured $(grep -c -E '^(statement|execute)' "$OUT/captured-$ep.sql" || true) statements for 2 $ep requests -> bench/out/captured-$ep.sql"
    # pgbench must run what the service runs: a changed query makes the ratio meaningless until the script follows.
    if ! python3 bench/check-sql.py "$OUT/captured-$ep.sql" "$PGBENCH_DIR/$ep.sql" >"$OUT/check-sql-$ep.txt" 2>&1; then
      cat "$OUT/check-sql-$ep.txt" >&2
      [ "$ALLOW_SQL_DRIFT" = 1 ] || die "bench/pgbench/$ep.sql no longer matches the service's SQL; update it (or BENCH_ALLOW_SQL_DRIFT=1)"
      log "  WARNING: bench/pgbench/$ep.sql differs from the service's SQL (BENCH_ALLOW_SQL_DRIFT=1)"
    else
      log "  $(cat "$OUT/check-sql-$ep.txt")"
    fi
  else
    log "  WARNING: PostgreSQL log $PGLOG not readable; no SQL capture"
  fi
done
stop_app

# ---------------------------------------------------------------- load: wrk against the service, pgbench alone
threads_for() { [ "$1" -lt 2 ] && echo 1 || echo 2; }
# The endpoints: send posts (send.lua); the others are GETs of get.lua with a path and the targets of list or open.
# page-list and page-open are the HTML pages that show what list and open answer in JSON.
targets_of() { case $1 in page-list) echo list ;; page-open) echo open ;; *) echo "$1" ;; esac; }
path_of() {
  case $1 in
    list) echo '/api/parent/threads' ;;
    open) echo '/api/parent/threads/{2}/messages' ;;
    page-list) echo '/messages' ;;
    page-open) echo '/threads/{2}' ;;
  esac
}
json_of() { case $1 in page-list) echo list ;; page-open) echo open ;; esac; }
run_wrk() { # name conns seconds outfile
  local script=get.lua accept=application/json
  [ "$1" = send ] && script=send.lua
  case $1 in page-*) accept=text/html ;; esac
  BENCH_TARGETS=$OUT/$(targets_of "$1").targets BENCH_LUA_DIR=$ROOT/bench/lua BENCH_PATH=$(path_of "$1") \
    BENCH_ACCEPT=$accept wrk -t"$(threads_for "$2")" -c"$2" -d"$3"s --timeout 10s -s "bench/lua/$script" "$BASE" >"$4" 2>&1
}
free_connections() {
  psql_q -tAc "select current_setting('max_connections')::int - (select count(*) from pg_stat_activity where backend_type = 'client backend') - 1"
}
run_pgbench() { # name conns seconds outprefix
  local args=() f
  for f in "$OUT/pgbench-$1"/*.sql; do args+=(-f "$f"); done
  rm -f "$4".log.*
  PGOPTIONS="-c search_path=$SCHEMA" pgbench -h 127.0.0.1 -p 5432 -U postgres -n -M prepared -c "$2" \
    -j "$(threads_for "$2")" -T "$3" -l --log-prefix="$4.log" "${args[@]}" test >"$4.out" 2>&1
}
percentiles_us() { # files... -> "p50 p95 p99" of the 3rd column (transaction time, microseconds)
  cat "$@" | awk '{print $3}' | sort -n | awk '{v[NR] = $1} END {
    if (NR == 0) { print "0 0 0"; exit }
    i50 = int(NR * 0.50); i95 = int(NR * 0.95); i99 = int(NR * 0.99)
    if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1; if (i99 < 1) i99 = 1
    print v[i50], v[i95], v[i99] }'
}

# Warm-up until the JIT has settled: 10-s windows of wrk at 4 connections until the JIT compiler threads used less
# than 5% of a core in a window and req/s is within 5% of the window before (after at least WARMUP s, at most
# WARMUP_MAX s). On these 2 cores C2 is busy with the service's code for minutes of load, taking CPU from the
# service and PostgreSQL, and req/s more than triples over that time (BENCHMARKS.md).
warm_up() { # name pid
  local ep=$1 pid=$2 t=0 prev=0 rps series= j0 j1 jit_pct
  while :; do
    j0=$(jit_ticks "$pid")
    run_wrk "$ep" 4 10 "$OUT/wrk-$ep-warmup.txt"
    j1=$(jit_ticks "$pid")
    jit_pct=$(( (j1 - j0) * 100 / $(getconf CLK_TCK) / 10 ))
    rps=$(grep '^BENCH ' "$OUT/wrk-$ep-warmup.txt" | sed 's/^BENCH //' | jq -r .rps)
    t=$((t + 10)) series="$series; ${rps%.*} (JIT ${jit_pct}%)"
    if [ "$t" -ge "$WARMUP" ] && [ "$jit_pct" -lt 5 ] \
        && awk -v a="$rps" -v b="$prev" 'BEGIN { exit !(b > 0 && a >= b * 0.95 && a <= b * 1.05) }'; then
      break
    fi
    [ "$t" -lt "$WARMUP_MAX" ] || break
    prev=$rps
  done
  log "$ep: warm-up ${t}s at 4 connections, req/s per 10-s window (JIT compiler's share of a core): ${series#; }"
  printf '%s\t%s\t%s\n' "$ep" "$t" "${series#; }" >>"$OUT/warmup.tsv"
}

RESULTS=$OUT/results.tsv
RSS_AFTER= HWM_AFTER= LOAD_DURING=
if [ "$SKIP_LOAD" != 1 ]; then
  log "starting the service for the load (JVM flags: ${JVM_OPTS:-none})"
  jfr_flags=()
  [ "$JFR" = 1 ] && jfr_flags=(-XX:StartFlightRecording=filename=$OUT/load.jfr,settings=profile,dumponexit=true)
  start_app "$OUT/app-load.log" "$LOAD_JAVA" "$JVM_APP" "${jfr_flags[@]}"
  wait_ready 120 || { tail -40 "$OUT/app-load.log"; die "service did not start"; }
  LOAD_PID=$APP_PID
  RSS_IDLE_LOAD=$(rss_kb "$LOAD_PID")
  printf 'endpoint\tconns\tsvc_rps\tsvc_p50_us\tsvc_p95_us\tsvc_p99_us\tsvc_cpu_ms_per_req\tsvc_errors\tsvc_non2xx\tpg_clients\tpg_tps\tpg_p50_us\tpg_p95_us\tpg_p99_us\tpg_failed\tratio\n' >"$RESULTS"
  LOAD_DURING=$(cut -d' ' -f1-3 /proc/loadavg)
  : >"$OUT/warmup.tsv"
  for ep in $ENDPOINTS; do
    warm_up "$ep" "$LOAD_PID"
    for c in $LEVELS; do
      cpu0=$(cpu_ticks "$LOAD_PID")
      run_wrk "$ep" "$c" "$DURATION" "$OUT/wrk-$ep-c$c.txt"
      cpu1=$(cpu_ticks "$LOAD_PID")
      s=$(grep '^BENCH ' "$OUT/wrk-$ep-c$c.txt" | sed 's/^BENCH //')
      [ -n "$s" ] || { cat "$OUT/wrk-$ep-c$c.txt"; die "wrk printed no summary"; }
      svc_rps=$(jq -r .rps <<<"$s")
      svc_err=$(jq -r '.connect_errors + .read_errors + .write_errors + .timeouts' <<<"$s")
      svc_non2xx=$(jq -r .non2xx <<<"$s")
      if [ -n "$(json_of "$ep")" ]; then
        # A page is compared with the JSON endpoint it shows, measured at the same level a few minutes before
        # (the pgbench columns hold that endpoint's req/s and latencies).
        read -r pgc pg_tps p50 p95 p99 < <(awk -F'\t' -v e="$(json_of "$ep")" -v c="$c" \
          '$1 == e && $2 == c { print $2, $3, $4, $5, $6 }' "$RESULTS")
        [ -n "${pg_tps:-}" ] || die "$ep needs $(json_of "$ep") measured first (BENCH_ENDPOINTS order)"
        pg_failed=0
      else
        pgc=$c free=$(free_connections)
        if [ "$free" -lt "$c" ]; then pgc=$free; log "  only $free free connections: pgbench runs with $pgc clients"; fi
        run_pgbench "$ep" "$pgc" "$DURATION" "$OUT/pgbench-$ep-c$c"
        pg_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench-$ep-c$c.out" | tail -1)
        [ -n "$pg_tps" ] || { cat "$OUT/pgbench-$ep-c$c.out"; die "pgbench printed no tps"; }
        pg_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/pgbench-$ep-c$c.out")
        read -r p50 p95 p99 < <(percentiles_us "$OUT/pgbench-$ep-c$c".log.*)
        rm -f "$OUT/pgbench-$ep-c$c".log.*
      fi
      cpu_req=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$(jq -r .requests <<<"$s")" \
        'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
      ratio=$(awk -v a="$svc_rps" -v b="$pg_tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ep" "$c" "$svc_rps" \
        "$(jq -r .p50_us <<<"$s")" "$(jq -r .p95_us <<<"$s")" "$(jq -r .p99_us <<<"$s")" "$cpu_req" "$svc_err" "$svc_non2xx" \
        "$pgc" "$pg_tps" "$p50" "$p95" "$p99" "${pg_failed:-0}" "$ratio" >>"$RESULTS"
      log "  $ep c=$c: service $svc_rps req/s (errors $svc_err, non-2xx $svc_non2xx), pgbench $pg_tps tps -> ratio $ratio; service CPU $cpu_req ms/request"
    done
  done
  RSS_AFTER=$(rss_kb "$LOAD_PID") HWM_AFTER=$(hwm_kb "$LOAD_PID")
  log "service RSS after the load: $((RSS_AFTER / 1024)) MB (peak $((HWM_AFTER / 1024)) MB)"
  stop_app
  if [ "$JFR" = 1 ] && [ -s "$OUT/load.jfr" ]; then
    "$JDK25/bin/jfr" view --width 160 hot-methods "$OUT/load.jfr" >"$OUT/jfr-hot-methods.txt" 2>&1 || true
    log "JFR recording: bench/out/load.jfr (hot methods: bench/out/jfr-hot-methods.txt)"
  fi
fi

# ---------------------------------------------------------------- cold start
# Time from forking the JVM to the first 200 of GET /api/me with a bearer token (token check, user upsert, JSON),
# polled with curl; the idle RSS is read 3 s later.
COLD=$OUT/cold.tsv
if [ "$SKIP_COLD" != 1 ]; then
  read -r COLD_TOKEN _ < <(first_target send)
  printf 'variant\trun\tms_to_first_auth_response\tquarkus_started_in_s\tidle_rss_kb\n' >"$COLD"
  cold_start() { # label java dir [jvm flags...]
    local label=$1 java=$2 dir=$3 i t0 t1 code started; shift 3
    for i in $(seq 1 "$COLD_RUNS"); do
      t0=$(date +%s%N)
      start_app "$OUT/cold-$label-$i.log" "$java" "$dir" "$@"
      code=000
      while [ "$code" != 200 ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $COLD_TOKEN" "$BASE/api/me" || true)
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/cold-$label-$i.log"; die "$label exited during start"; }
        # Polled every 10 ms, not in a tight loop: forking curl back to back would take a core from the JVM.
        [ "$code" = 200 ] || sleep 0.01
        [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 120 ] || die "$label: no authenticated answer within 120 s"
      done
      t1=$(date +%s%N)
      sleep 3
      started=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$OUT/cold-$label-$i.log" | head -1)
      printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$i" "$(( (t1 - t0) / 1000000 ))" "${started:-?}" "$(rss_kb "$APP_PID")" >>"$COLD"
      stop_app
    done
    log "  cold start $label: $(awk -F'\t' -v l="$label" '$1 == l {printf "%s ms ", $3}' "$COLD")"
  }
  log "cold start: $COLD_RUNS runs each"
  cold_start jvm-jdk17 java "$JVM_APP"
  cold_start aot-jar-jdk25-no-cache "$JDK25/bin/java" "$AOT_APP"
  if [ -f "$AOT_APP/app.aot" ]; then
    cold_start aot-jar-jdk25-cache "$JDK25/bin/java" "$AOT_APP" -XX:AOTCache=app.aot
    grep -h -i -E 'aot.*(error|unable|mismatch|disabled)' "$OUT"/cold-aot-jar-jdk25-cache-*.log | sort -u | head -5 \
      | while read -r l; do log "  AOT: $l"; done || true
  fi
  if [ "$AOT_TRAIN" = 1 ]; then
    # Quarkus trains its cache on a start without requests; this one is recorded (JDK 25, -XX:AOTCacheOutput)
    # over a few seconds of the three loads and GET /api/me, so the first request's classes are in it too.
    log "training an AOT cache with requests (JDK 25 -XX:AOTCacheOutput)"
    rm -f "$AOT_APP/app-trained.aot"
    start_app "$OUT/aot-training.log" "$JDK25/bin/java" "$AOT_APP" -XX:AOTCacheOutput=app-trained.aot
    wait_ready 180 || { tail -30 "$OUT/aot-training.log"; die "training run did not start"; }
    curl -s -o /dev/null -H "Authorization: Bearer $COLD_TOKEN" "$BASE/api/me" || true
    for ep in send list open; do run_wrk "$ep" 2 5 "$OUT/wrk-aot-training-$ep.txt"; done
    stop_app "$APP_PID" 300
    if [ -f "$AOT_APP/app-trained.aot" ]; then
      cold_start aot-jar-jdk25-trained-cache "$JDK25/bin/java" "$AOT_APP" -XX:AOTCache=app-trained.aot
      # The same, where the deployment migrates the schema in a step of its own (README: MIGRATE_AT_START).
      MIGRATE_AT_START=false cold_start aot-jar-jdk25-trained-cache-no-migrate "$JDK25/bin/java" "$AOT_APP" \
        -XX:AOTCache=app-trained.aot
    else
      log "  WARNING: the training run wrote no cache (see bench/out/aot-training.log)"
    fi
  fi
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
log "loadavg at end: $LOAD_AFTER"

# ---------------------------------------------------------------- report
bench/report.sh "$REPORT" "$OUT" "$LOAD_BEFORE" "${LOAD_DURING:-}" "$LOAD_AFTER" "${RSS_AFTER:-}" "${HWM_AFTER:-}" "$COUNTS" "$JVM_OPTS"
log "wrote $REPORT"

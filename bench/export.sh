#!/usr/bin/env bash
# The paper trail's export of one long thread (issue 14): time and peak memory of the JSON and the PDF export.
#   bench/export.sh            # 10,000 messages, heap capped at 128 MiB
#   BENCH_MESSAGES=50000 BENCH_HEAP=64m BENCH_RECIPE=0 bench/export.sh   # skip the (slow) jq recipe
# Builds the jar if missing, starts it in prod mode against schema $BENCH_SCHEMA of database `test` (Flyway makes
# it) with an offline token issuer (bench/token.sh), seeds one thread of N messages with a correct hash chain
# (python3, the canonical form of docs/paper-trail.md), then downloads each export twice and reads the JVM's
# peak RSS (VmHWM) and the heap after each. Finally runs the docs' jq recipe on the JSON export.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SCHEMA=${BENCH_SCHEMA:-bench_export}
PORT=${BENCH_PORT:-18094}
N=${BENCH_MESSAGES:-10000}
HEAP=${BENCH_HEAP:-128m}
OUT=$ROOT/bench/out/export
KEYS=$ROOT/bench/keys
ISSUER=https://bench.tutoring.invalid
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT" "$KEYS"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
psql_() { psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qtA "$@"; }

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
[ -f "$KEYS/issuer.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/issuer.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$KEYS/issuer.pem" -pubout | grep -v -- '-----' | tr -d '\n')
token() { bench/token.sh "$KEYS/issuer.pem" "$ISSUER" "$@"; }
if curl -s -o /dev/null "$BASE/"; then die "port $PORT is taken; set BENCH_PORT"; fi

psql_ -c "drop schema if exists $SCHEMA cascade"
(
  cd target/quarkus-app
  export DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" DB_USER=postgres DB_SCHEMA=$SCHEMA
  export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT LOG_JSON=false
  export QUARKUS_OIDC_AUTH_SERVER_URL= OIDC_AUTH_SERVER_URL=
  export QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service
  # The benchmark tokens carry no audience and no mail goes out: start without the production checks, on purpose.
  export ALLOW_UNSAFE_DEFAULTS=true
  exec java -Xmx"$HEAP" -jar quarkus-run.jar
) >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -s -o /dev/null -f "$BASE/q/health/live" && break
  kill -0 $APP 2>/dev/null || { tail -30 "$OUT/app.log"; die "the service did not start"; }
  sleep 0.2
done
PARENT_TOKEN=$(token bench-export-parent parent@bench.invalid "Pat Parent" PARENT)
TUTOR_TOKEN=$(token bench-export-tutor tutor@bench.invalid "Tess Tutor" TUTOR)
PARENT=$(curl -sf -H "Authorization: Bearer $PARENT_TOKEN" "$BASE/api/me" | jq -r .id)
TUTOR=$(curl -sf -H "Authorization: Bearer $TUTOR_TOKEN" "$BASE/api/me" | jq -r .id)

log "seeding one thread of $N messages with its hash chain"
python3 - "$PARENT" "$TUTOR" "$N" >"$OUT/seed.sql" <<'PY'
import hashlib, sys, uuid, datetime
parent, tutor, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
student, thread = str(uuid.uuid4()), str(uuid.uuid4())
t0 = datetime.datetime(2026, 1, 5, 8, 0, 0, tzinfo=datetime.timezone.utc)
print("begin;")
print(f"insert into app_user (id, subject, name, roles) values ('{student}', 'bench-export-student', 'Sam Student', '{{STUDENT}}');")
print(f"insert into enrollment (student_id, tutor_id) values ('{student}', '{tutor}');")
print(f"insert into parent_student_link (parent_id, student_id) values ('{parent}', '{student}');")
last = t0 + datetime.timedelta(minutes=n)
print(f"insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_at) values "
      f"('{thread}', '{parent}', '{tutor}', '{student}', '{t0.isoformat()}', '{last.isoformat()}');")
print("copy message (id, thread_id, sender_role, sender_id, body, created_at, read_at, ack_requested, chain_index, prev_hash, hash) from stdin;")
prev = hashlib.sha256(thread.encode()).digest()
for i in range(n):
    mid = str(uuid.uuid4())
    role, sender = ("PARENT", parent) if i % 2 == 0 else ("TUTOR", tutor)
    at = t0 + datetime.timedelta(minutes=i)
    created = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    ack = i % 10 == 1
    text = f"Message {i}: homework for week {i // 50}, chapter {i % 12}. Please check the exercises on fractions and decimals before Thursday."
    canon = (f"tutoring-paper-trail/1\nthread:{thread}\nmessage:{mid}\nparent:{parent}\ntutor:{tutor}\n"
             f"student:{student}\nrole:{role}\nsender:{sender}\ncreated:{created}\n"
             f"ack-requested:{'true' if ack else 'false'}\nattachment:-\nattachment-sha256:-\n"
             f"text:{len(text.encode())}\n{text}")
    h = hashlib.sha256((prev.hex() + "\n" + canon).encode()).digest()
    print("\t".join([mid, thread, role, sender, text, created, created, "t" if ack else "f", str(i),
                     "\\\\x" + prev.hex(), "\\\\x" + h.hex()]))
    prev = h
print("\\.")
print(f"update thread set last_message_id = (select id from message where thread_id = '{thread}' and chain_index = {n - 1}) where id = '{thread}';")
print("commit;")
print(f"analyze message;")
print(f"-- thread {thread}")
PY
psql_ -c "set search_path = $SCHEMA" -f "$OUT/seed.sql" >/dev/null
THREAD=$(tail -1 "$OUT/seed.sql" | cut -d' ' -f3)

hwm() { awk '/VmHWM/ {print int($2 / 1024)}' /proc/$APP/status; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' /proc/$APP/status; }
heap() { jcmd $APP GC.heap_info 2>/dev/null | awk '/ heap .*used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K.*/, "", v); print int(v / 1024)}}' | head -1; }
curl -sf -H "Authorization: Bearer $PARENT_TOKEN" "$BASE/api/parent/threads/$THREAD/messages?limit=5" >/dev/null
log "after start and seeding: RSS $(rss) MiB, peak RSS $(hwm) MiB, heap used $(heap) MiB (cap $HEAP)"
echo "| run | format | size | time | peak RSS after (MiB) | heap used after (MiB) |"
echo "|---|---|---|---|---|---|"
for round in 1 2; do
  for format in json pdf; do
    file=$OUT/thread.$format
    t=$(curl -sf -o "$file" -w '%{time_total}' -H "Authorization: Bearer $PARENT_TOKEN" \
        "$BASE/api/parent/threads/$THREAD/export?format=$format&zone=Europe/Berlin")
    echo "| $round | $format | $(( $(stat -c %s "$file") / 1024 )) KiB | ${t} s | $(hwm) | $(heap) |"
  done
done
log "messages in the JSON export: $(jq '.messages | length' "$OUT/thread.json")"
if [ "${BENCH_RECIPE:-1}" = 1 ]; then
sed -n '/<!-- verify-recipe -->/,/^```$/p' docs/paper-trail.md | sed '1,2d;$d' >"$OUT/verify-export.sh"
start=$(date +%s.%N)
bash "$OUT/verify-export.sh" "$OUT/thread.json" | tee "$OUT/verify.txt" >&2
log "jq recipe: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
psql_ -c "drop schema if exists $SCHEMA cascade"

#!/usr/bin/env bash
# Request latency of the tutor inbox against schemas filled by bench/generate.sql.
#
#   bench/inbox-latency.sh <schema> [<schema> ...]     measure (several schemas: side by side, interleaved)
#   bench/inbox-latency.sh --migrate <schema>          only start the jar once so that Flyway creates the schema
#
# For each schema it starts the built jar (./mvnw package -DskipTests first) on its own port from $PORT on, against
# database $DB (Flyway migrates the schema if needed), with token checks against a key pair made here (bench/keys,
# git-ignored): the jar gets the public key (quarkus.oidc.public-key), this script signs RS256 tokens with openssl.
# No network beyond localhost. Then, as the tutor with the most threads (and the parent with the most threads), it
# times with curl, after $WARMUP (default 100) untimed requests per case and schema:
#   first   GET /api/parent/threads?limit=20                     the inbox's first page
#   deep    GET /api/parent/threads?limit=20&cursor=...          the page after row $DEPTH (default: 1500, at most
#                                                                60% of the tutor's threads)
#   open    GET /api/parent/threads/{id}/messages?limit=50       the tutor's longest thread (stamps read)
#   parent  GET /api/parent/threads?limit=20                     a parent's first page
# $N (default 200) requests per case and schema; with several schemas the requests alternate between them, so that
# the load of a shared machine falls on all alike. Prints p50/p90/p99/mean in milliseconds, also to
# bench/out/latency.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

MIGRATE_ONLY=
if [[ ${1:-} == --migrate ]]; then MIGRATE_ONLY=1; shift; fi
[[ $# -ge 1 ]] || { echo "usage: bench/inbox-latency.sh [--migrate] <schema> [<schema> ...]"; exit 2; }
SCHEMAS=("$@")
N=${N:-200}
DB=${DB:-test}
PGHOST=${PGHOST:-127.0.0.1}
PORT=${PORT:-18085}
WARMUP=${WARMUP:-100}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
ISSUER=bench-issuer
mkdir -p bench/keys bench/out
psqlq() { psql -h "$PGHOST" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtAX -c "set search_path = $1" -c "$2"; }

if [[ ! -f bench/keys/private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out bench/keys/private.pem 2>/dev/null
  openssl pkey -in bench/keys/private.pem -pubout -out bench/keys/public.pem
fi

PIDS=()
stop_apps() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done; }
trap stop_apps EXIT
declare -A URL
for i in "${!SCHEMAS[@]}"; do
  s=${SCHEMAS[$i]}
  URL[$s]=http://127.0.0.1:$((PORT + i))
  DB_URL="jdbc:postgresql://$PGHOST:5432/$DB?currentSchema=$s" DB_SCHEMA=$s \
  QUARKUS_OIDC_AUTH_SERVER_URL="" QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_OIDC_APPLICATION_TYPE=service \
  ALLOW_UNSAFE_DEFAULTS=true \
  QUARKUS_OIDC_PUBLIC_KEY="$(grep -v -- '-----' bench/keys/public.pem | tr -d '\n')" \
  QUARKUS_HTTP_PORT=$((PORT + i)) QUARKUS_LOG_LEVEL=WARN \
    java -jar "$JAR" > "bench/out/app-$s.log" 2>&1 &
  PIDS+=($!)
done
for s in "${SCHEMAS[@]}"; do
  for _ in $(seq 1 180); do curl -sf "${URL[$s]}/q/health/ready" > /dev/null && break; sleep 1; done
  curl -sf "${URL[$s]}/q/health/ready" > /dev/null || { echo "the app did not start: bench/out/app-$s.log"; exit 1; }
done
if [[ -n $MIGRATE_ONLY ]]; then
  echo "migrated: ${SCHEMAS[*]}"
  exit 0
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# A token for a generated user: the claims match the user row, so the first request leaves it as it is.
token() { # schema subject role
  local row now header payload
  row=$(psqlq "$1" "select email || '|' || name from app_user where subject = '$2'")
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","email":"%s","name":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$2" "${row%%|*}" "${row#*|}" "$3" "$now" $((now + 7200)) | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign bench/keys/private.pem -binary | b64url)"
}

declare -A TOKEN PATHS
: > bench/out/latency.txt
for s in "${SCHEMAS[@]}"; do
  read -r tutor tutor_subject tutor_threads <<< "$(psqlq "$s" "select t.tutor_id, u.subject, count(*) from thread t
    join app_user u on u.id = t.tutor_id group by 1, 2 order by 3 desc, 1 limit 1" | tr '|' ' ')"
  parent_subject=$(psqlq "$s" "select u.subject from thread t join app_user u on u.id = t.parent_id
    group by 1 order by count(*) desc, 1 limit 1")
  read -r thread thread_messages <<< "$(psqlq "$s" "select t.id, count(*) from thread t
    join message m on m.thread_id = t.id where t.tutor_id = '$tutor' group by 1 order by 2 desc, 1 limit 1" | tr '|' ' ')"
  messages=$(psqlq "$s" "select count(*) from message")
  depth=${DEPTH:-$(( tutor_threads * 6 / 10 < 1500 ? tutor_threads * 6 / 10 : 1500 ))}
  TOKEN[$s,tutor]=$(token "$s" "$tutor_subject" TUTOR)
  TOKEN[$s,parent]=$(token "$s" "$parent_subject" PARENT)
  # The cursor after row $depth of the inbox, found by walking it in pages of 100.
  cursor=""; walked=0
  while (( walked < depth )); do
    size=$(( depth - walked < 100 ? depth - walked : 100 ))
    cursor=$(curl -sf -H "Authorization: Bearer ${TOKEN[$s,tutor]}" \
      "${URL[$s]}/api/parent/threads?limit=$size${cursor:+&cursor=$cursor}" | jq -r .nextCursor)
    walked=$(( walked + size ))
  done
  PATHS[$s,first]="/api/parent/threads?limit=20"
  PATHS[$s,deep]="/api/parent/threads?limit=20&cursor=$cursor"
  PATHS[$s,open]="/api/parent/threads/$thread/messages?limit=50"
  PATHS[$s,parent]="/api/parent/threads?limit=20"
  echo "$s: $messages messages; tutor $tutor_subject with $tutor_threads threads; deep page after row $depth;" \
       "thread with $thread_messages messages" | tee -a bench/out/latency.txt
done

get() { curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" "$2"; }
{
  echo "$N requests per case and schema, load average before: $(cut -d' ' -f1-3 /proc/loadavg); ms"
  printf '%-7s %-18s %8s %8s %8s %8s\n' case schema p50 p90 p99 mean
  for case in first deep open parent; do
    who=tutor; [[ $case == parent ]] && who=parent
    for s in "${SCHEMAS[@]}"; do
      for _ in $(seq 1 "$WARMUP"); do get "${TOKEN[$s,$who]}" "${URL[$s]}${PATHS[$s,$case]}" > /dev/null; done
      : > "bench/out/times-$s-$case"
    done
    for _ in $(seq 1 "$N"); do
      for s in "${SCHEMAS[@]}"; do
        get "${TOKEN[$s,$who]}" "${URL[$s]}${PATHS[$s,$case]}" >> "bench/out/times-$s-$case"
      done
    done
    for s in "${SCHEMAS[@]}"; do
      sort -n "bench/out/times-$s-$case" | awk -v c="$case" -v s="$s" '
        { v[NR] = $1 * 1000; sum += $1 * 1000 }
        END { printf "%-7s %-18s %8.2f %8.2f %8.2f %8.2f\n", c, s, v[int(NR*0.5)+1], v[int(NR*0.9)+1],
                     v[int(NR*0.99)+1], sum/NR }'
    done
  done
} | tee -a bench/out/latency.txt

#!/usr/bin/env bash
# Request latency of the tutor inbox against a schema filled by bench/generate.sql.
#
#   bench/inbox-latency.sh <schema> [requests per case, default 200]
#   bench/inbox-latency.sh <schema> migrate      only start the jar once so that Flyway creates the schema
#
# Starts the built jar (./mvnw package -DskipTests first) on $PORT against database $DB, schema <schema> (Flyway
# migrates it if needed), with token checks against a key pair made here (bench/keys, git-ignored): the jar gets
# the public key (quarkus.oidc.public-key), this script signs RS256 tokens with openssl. No network beyond
# localhost. Then, as the tutor with the most threads (and the parent with the most threads), it times with curl:
#   first   GET /api/parent/threads?limit=20                     the inbox's first page
#   deep    GET /api/parent/threads?limit=20&cursor=...          the page after row $DEPTH (default: 1500, at most
#                                                                60% of the tutor's threads)
#   open    GET /api/parent/threads/{id}/messages?limit=50       the tutor's longest thread (stamps read)
#   parent  GET /api/parent/threads?limit=20                     a parent's first page
# after $WARMUP (default 100) untimed requests of each, and prints p50/p90/p99/mean in milliseconds; the results go
# to bench/out/latency-<schema>.txt. Set APP_URL to measure an app that is already running instead (same keys).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMA=${1:?usage: bench/inbox-latency.sh <schema> [requests]}
N=${2:-200}
DB=${DB:-test}
PGHOST=${PGHOST:-127.0.0.1}
PORT=${PORT:-18085}
WARMUP=${WARMUP:-100}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
ISSUER=bench-issuer
mkdir -p bench/keys bench/out
OUT=bench/out/latency-$SCHEMA.txt
psqlq() { psql -h "$PGHOST" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qtAX -c "set search_path = $SCHEMA" -c "$1"; }

if [[ ! -f bench/keys/private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out bench/keys/private.pem 2>/dev/null
  openssl pkey -in bench/keys/private.pem -pubout -out bench/keys/public.pem
fi

APP_PID=
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT
if [[ -z "${APP_URL:-}" ]]; then
  APP_URL=http://127.0.0.1:$PORT
  DB_URL="jdbc:postgresql://$PGHOST:5432/$DB?currentSchema=$SCHEMA" DB_SCHEMA=$SCHEMA \
  QUARKUS_OIDC_AUTH_SERVER_URL="" QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER \
  QUARKUS_OIDC_PUBLIC_KEY="$(grep -v -- '-----' bench/keys/public.pem | tr -d '\n')" \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
    java -jar "$JAR" > "bench/out/app-$SCHEMA.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "$APP_URL/q/health/ready" > /dev/null && break; sleep 1; done
  curl -sf "$APP_URL/q/health/ready" > /dev/null || { echo "the app did not start: bench/out/app-$SCHEMA.log"; exit 1; }
fi

if [[ $N == migrate ]]; then
  echo "schema $SCHEMA migrated"
  exit 0
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# A token for a generated user: the claims match the user row, so the first request leaves it as it is.
token() { # subject role
  local row now header payload
  row=$(psqlq "select email || '|' || name from app_user where subject = '$1'")
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","email":"%s","name":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$1" "${row%%|*}" "${row#*|}" "$2" "$now" $((now + 7200)) | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign bench/keys/private.pem -binary | b64url)"
}

read -r TUTOR TUTOR_SUBJECT TUTOR_THREADS <<< "$(psqlq "select t.tutor_id, u.subject, count(*) from thread t
  join app_user u on u.id = t.tutor_id group by 1, 2 order by 3 desc, 1 limit 1" | tr '|' ' ')"
read -r PARENT_SUBJECT <<< "$(psqlq "select u.subject from thread t join app_user u on u.id = t.parent_id
  group by 1 order by count(*) desc, 1 limit 1")"
read -r THREAD THREAD_MESSAGES <<< "$(psqlq "select t.id, count(*) from thread t join message m on m.thread_id = t.id
  where t.tutor_id = '$TUTOR' group by 1 order by 2 desc, 1 limit 1" | tr '|' ' ')"
MESSAGES=$(psqlq "select count(*) from message")
DEPTH=${DEPTH:-$(( TUTOR_THREADS * 6 / 10 < 1500 ? TUTOR_THREADS * 6 / 10 : 1500 ))}
TUTOR_TOKEN=$(token "$TUTOR_SUBJECT" TUTOR)
PARENT_TOKEN=$(token "$PARENT_SUBJECT" PARENT)

get() { curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" "$APP_URL$2"; }

# The cursor after row DEPTH of the inbox, found by walking it in pages of 100.
cursor=""; walked=0
while (( walked < DEPTH )); do
  size=$(( DEPTH - walked < 100 ? DEPTH - walked : 100 ))
  cursor=$(curl -sf -H "Authorization: Bearer $TUTOR_TOKEN" \
    "$APP_URL/api/parent/threads?limit=$size${cursor:+&cursor=$cursor}" | jq -r .nextCursor)
  walked=$(( walked + size ))
done

declare -A PATHS=(
  [first]="/api/parent/threads?limit=20"
  [deep]="/api/parent/threads?limit=20&cursor=$cursor"
  [open]="/api/parent/threads/$THREAD/messages?limit=50"
  [parent]="/api/parent/threads?limit=20"
)
{
  echo "schema $SCHEMA: $MESSAGES messages; tutor $TUTOR_SUBJECT with $TUTOR_THREADS threads;" \
       "deep page after row $DEPTH; thread $THREAD with $THREAD_MESSAGES messages; $N requests each, ms"
  printf '%-7s %8s %8s %8s %8s\n' case p50 p90 p99 mean
  for case in first deep open parent; do
    tok=$TUTOR_TOKEN; [[ $case == parent ]] && tok=$PARENT_TOKEN
    for _ in $(seq 1 "$WARMUP"); do get "$tok" "${PATHS[$case]}" > /dev/null; done
    for _ in $(seq 1 "$N"); do get "$tok" "${PATHS[$case]}"; done | sort -n | awk -v c="$case" '
      { v[NR] = $1 * 1000; s += $1 * 1000 }
      END { printf "%-7s %8.2f %8.2f %8.2f %8.2f\n", c, v[int(NR*0.5)+1], v[int(NR*0.9)+1], v[int(NR*0.99)+1], s/NR }'
  done
} | tee "$OUT"

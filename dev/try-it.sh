#!/usr/bin/env bash
# Walks through the product against `./mvnw quarkus:dev`: gets tokens from the OIDC dev service for the dev users
# alice (PARENT), bob (TUTOR), carol (STUDENT) and admin (ADMIN); the admin enrolls carol with bob and links alice to
# carol; alice writes, bob reads (stamping read receipts) and replies, alice sends a PNG attachment (upload request,
# PUT of the bytes to the presigned URL, message), bob downloads it, the admin reads the thread and the read is audited.
#
#   usage: [API=http://localhost:8080] dev/try-it.sh OIDC_DEV_URL
#
#   OIDC_DEV_URL  the OIDC dev service, printed by dev mode at start-up as
#                 "The oidc dev service is ready to accept connections on http://localhost:NNNNN"
#                 (also taken from the env var OIDC_DEV_URL)
#   API           where the service listens (default http://localhost:8080; dev mode started with
#                 -Dquarkus.http.port=18081 is API=http://localhost:18081)
#
# Needs curl and jq. Stops at the first failing call, printing the request, the status and the answer.
set -euo pipefail
API=${API:-http://localhost:8080}
API=${API%/}
OIDC=${1:-${OIDC_DEV_URL:-}}
OIDC=${OIDC%/}

fail() { echo "try-it: $*" >&2; exit 1; }

if [ -z "$OIDC" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  echo "try-it: missing OIDC_DEV_URL (see usage above)" >&2; exit 2
fi
command -v jq >/dev/null || fail "needs jq (apt-get install -y jq)"
command -v curl >/dev/null || fail "needs curl"

# The service and the token issuer must answer before anything else is tried.
rc=0; code=$(curl -s -o /dev/null -w '%{http_code}' "$API/q/health/live") || rc=$?
[ "$rc" -eq 0 ] || fail "cannot reach the service at API=$API (curl exit $rc). Start it with ./mvnw quarkus:dev, or set \
API to where it listens, e.g. API=http://localhost:18081 $0 $OIDC"
[ "$code" = 200 ] || fail "API=$API answers $code on /q/health/live; is it this service?"
rc=0; code=$(curl -s -o /dev/null -w '%{http_code}' "$OIDC/.well-known/openid-configuration") || rc=$?
[ "$rc" -eq 0 ] || fail "cannot reach the OIDC dev service at $OIDC (curl exit $rc). Pass the URL that dev mode printed \
('The oidc dev service is ready to accept connections on http://localhost:NNNNN'); it changes on every start"
[ "$code" = 200 ] || fail "$OIDC answers $code on /.well-known/openid-configuration; is it the OIDC dev service?"

# curl's answer with its status appended; a status of 400 or more ends the script with what was asked and answered.
request() {
  local out rc=0
  out=$(curl -sS -w '\n%{http_code}' "$@") || rc=$?
  [ "$rc" -eq 0 ] || fail "curl $* failed (exit $rc)"
  local status=${out##*$'\n'} body=${out%$'\n'*}
  [ "$status" -lt 400 ] || fail "$(printf '%s ' "$@" | sed 's/Bearer [^ ]*/Bearer …/') -> HTTP $status: $body"
  printf '%s' "$body"
}

token() {
  request -X POST "$OIDC/token" -d grant_type=password -d "username=$1" -d "password=$1" -d client_id=parent-messaging \
    | jq -er .access_token || fail "no access token for $1 from $OIDC"
}

call() { local who=$1; shift; request -H "Authorization: Bearer ${TOKENS[$who]}" -H 'Content-Type: application/json' "$@"; }

show() { printf '%-17s %s\n' "$1:" "$2"; }

# Runs a call and shows its answer under a label (a failing call stops the script: see request).
step() { local label=$1 out; shift; out=$("$@"); show "$label" "$out"; }

declare -A TOKENS IDS
for u in alice bob carol admin; do
  TOKENS[$u]=$(token $u)
  me=$(call $u "$API/api/me")
  IDS[$u]=$(jq -r .id <<<"$me")
  show "$u" "$me"
done

call admin -X PUT "$API/api/admin/enrollments" -d "{\"studentId\":\"${IDS[carol]}\",\"tutorId\":\"${IDS[bob]}\"}"
call admin -X PUT "$API/api/admin/links" -d "{\"parentId\":\"${IDS[alice]}\",\"studentId\":\"${IDS[carol]}\"}"

step "alice's contacts" call alice "$API/api/parent/contacts"
sent=$(call alice -X POST "$API/api/parent/messages" \
  -d "{\"tutorId\":\"${IDS[bob]}\",\"studentId\":\"${IDS[carol]}\",\"message\":\"Hello Bob, how is Carol doing?\"}")
show "alice writes" "$sent"
THREAD=$(jq -r .threadId <<<"$sent")
step "bob's threads" call bob "$API/api/parent/threads"
step "bob opens it" call bob "$API/api/parent/threads/$THREAD/messages"
step "bob replies" call bob -X POST "$API/api/parent/messages" \
  -d "{\"tutorId\":\"${IDS[bob]}\",\"studentId\":\"${IDS[carol]}\",\"message\":\"Very well, thanks!\"}"
step "alice's threads" call alice "$API/api/parent/threads"
step "alice opens it" call alice "$API/api/parent/threads/$THREAD/messages"

# An attachment: ask for an upload, PUT the bytes straight to S3 (dev mode: the in-process store), send the message.
FILE=$(mktemp); trap 'rm -f "$FILE" "$FILE.back"' EXIT
printf '\x89PNG\r\n\x1a\n%s' "a tiny stand-in for Carol's drawing" >"$FILE"
SIZE=$(wc -c <"$FILE" | tr -d ' ')
ticket=$(call alice -X POST "$API/api/attachments" \
  -d "{\"fileName\":\"drawing.png\",\"contentType\":\"image/png\",\"size\":$SIZE}")
show "alice's upload" "$ticket"
HEADERS=()
while IFS= read -r h; do HEADERS+=(-H "$h"); done < <(jq -r '.upload.headers | to_entries[] | "\(.key): \(.value)"' \
  <<<"$ticket")
request -X "$(jq -r .upload.method <<<"$ticket")" "${HEADERS[@]}" --data-binary "@$FILE" \
  "$(jq -r .upload.url <<<"$ticket")" >/dev/null
ATTACHMENT=$(jq -r .attachmentUrl <<<"$ticket")
step "alice attaches" call alice -X POST "$API/api/parent/messages" -d "{\"tutorId\":\"${IDS[bob]}\",\
\"studentId\":\"${IDS[carol]}\",\"message\":\"Carol's drawing\",\"attachmentUrl\":\"$ATTACHMENT\"}"
# The download is a 303 to a presigned URL, fetched without the bearer token.
LOCATION=$(curl -sS -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer ${TOKENS[bob]}" "$API$ATTACHMENT")
[ -n "$LOCATION" ] || fail "GET $API$ATTACHMENT as bob did not redirect"
request -o "$FILE.back" "$LOCATION" >/dev/null
cmp -s "$FILE" "$FILE.back" || fail "bob downloaded other bytes than alice uploaded"
show "bob downloads" "the same $SIZE bytes, through $ATTACHMENT"

step "admin reads it" call admin "$API/api/admin/threads/$THREAD/messages"
step "admin audit" call admin "$API/api/admin/audit?threadId=$THREAD"

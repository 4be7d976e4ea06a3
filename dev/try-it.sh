#!/usr/bin/env bash
# Walks through the product against `./mvnw quarkus:dev`: gets tokens from the OIDC dev service for the dev users
# alice (PARENT), bob (TUTOR), carol (STUDENT) and admin (ADMIN), links alice to carol, enrolls carol with bob,
# then alice and bob exchange messages and read each other's.
#   usage: dev/try-it.sh [OIDC_DEV_URL]   (default: the URL that dev mode printed to target/dev-oidc-url or its log)
set -euo pipefail
API=${API:-http://localhost:8080}
OIDC=${1:-${OIDC_DEV_URL:-}}
if [ -z "$OIDC" ]; then
  echo "Pass the OIDC dev service URL, printed by dev mode as 'The oidc dev service is ready to accept connections on http://localhost:NNNNN'" >&2
  exit 2
fi
command -v jq >/dev/null || { echo "needs jq (apt-get install -y jq)" >&2; exit 2; }

token() { curl -sf -X POST "$OIDC/token" -d grant_type=password -d "username=$1" -d "password=$1" \
            -d client_id=parent-messaging | jq -r .access_token; }
call() { local who=$1; shift; curl -sf -H "Authorization: Bearer ${TOKENS[$who]}" -H 'Content-Type: application/json' "$@"; }

declare -A TOKENS IDS
for u in alice bob carol admin; do
  TOKENS[$u]=$(token $u)
  IDS[$u]=$(call $u "$API/api/me" | jq -r .id)
  echo "$u: $(call $u "$API/api/me")"
done

call admin -X PUT "$API/api/admin/enrollments" -d "{\"studentId\":\"${IDS[carol]}\",\"tutorId\":\"${IDS[bob]}\"}"
call admin -X PUT "$API/api/admin/links" -d "{\"parentId\":\"${IDS[alice]}\",\"studentId\":\"${IDS[carol]}\"}"

echo "alice's contacts: $(call alice "$API/api/parent/contacts")"
echo "alice writes:     $(call alice -X POST "$API/api/parent/messages" \
  -d "{\"tutorId\":\"${IDS[bob]}\",\"studentId\":\"${IDS[carol]}\",\"message\":\"Hello Bob, how is Carol doing?\"}")"
THREAD=$(call bob "$API/api/parent/threads" | jq -r '.items[0].threadId')
echo "bob's threads:    $(call bob "$API/api/parent/threads")"
echo "bob opens it:     $(call bob "$API/api/parent/threads/$THREAD/messages")"
echo "bob replies:      $(call bob -X POST "$API/api/parent/messages" \
  -d "{\"tutorId\":\"${IDS[bob]}\",\"studentId\":\"${IDS[carol]}\",\"message\":\"Very well, thanks!\"}")"
echo "alice's threads:  $(call alice "$API/api/parent/threads")"
echo "alice opens it:   $(call alice "$API/api/parent/threads/$THREAD/messages")"
echo "admin reads it:   $(call admin "$API/api/admin/threads/$THREAD/messages")"
echo "admin audit:      $(call admin "$API/api/admin/audit?threadId=$THREAD")"

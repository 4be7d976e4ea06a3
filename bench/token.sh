#!/usr/bin/env bash
# Signs a JWT access token (RS256) with the benchmark's own RSA key; no network, no identity provider.
#   bench/token.sh KEY.pem ISSUER SUBJECT EMAIL NAME ROLE[,ROLE...] [LIFETIME_SECONDS]
# The service verifies it with quarkus.oidc.public-key (see run.sh). Roles go to the `groups` claim.
set -euo pipefail
[ $# -ge 6 ] || { echo "usage: $0 KEY.pem ISSUER SUBJECT EMAIL NAME ROLES [LIFETIME]" >&2; exit 2; }
key=$1 iss=$2 sub=$3 email=$4 name=$5 roles=$6 life=${7:-14400}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
payload=$(jq -cn --arg iss "$iss" --arg sub "$sub" --arg email "$email" --arg name "$name" \
  --arg roles "$roles" --argjson iat "$now" --argjson exp "$((now + life))" \
  '{iss: $iss, sub: $sub, email: $email, name: $name, groups: ($roles | split(",")), iat: $iat, exp: $exp} | with_entries(select(.value != ""))' | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$sig"

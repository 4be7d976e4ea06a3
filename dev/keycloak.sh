#!/usr/bin/env bash
# A real Keycloak for development and end-to-end checks, without a container engine: the Keycloak server
# distribution from Maven Central (org.keycloak:keycloak-quarkus-dist), run by JDK 25 in dev mode with an in-memory
# database and the realm of dev/keycloak/tutoring-realm.json imported at every start.
#
#   dev/keycloak.sh [start]   starts it in the background, waits until the realm answers, prints the issuer URL
#   dev/keycloak.sh stop      stops the one started on KEYCLOAK_PORT
#   dev/keycloak.sh status    prints the issuer URL if it answers (exit 1 otherwise)
#   dev/keycloak.sh token U   prints an access token of user U (password = user name) by the password grant
#
# Environment:
#   KEYCLOAK_PORT        HTTP port (default 8180); the management port is KEYCLOAK_PORT + 1 (health on /health)
#   KEYCLOAK_CACHE       where the zip, the unpacked server and the run files go (default ~/.cache/keycloak)
#   KEYCLOAK_JAVA_HOME   JDK that runs it (default /usr/lib/jvm/temurin-25-jdk-amd64; Keycloak 26 needs 21+)
#   KEYCLOAK_HOSTNAME    front-end URL for issuer and browser redirects (default http://localhost:KEYCLOAK_PORT)
#   REALM_APP_ORIGIN     a second origin allowed to sign in besides http://localhost:8080 (default http://localhost:8081)
#   REALM_CLIENT_SECRET  the client secret of parent-messaging (default dev-only-parent-messaging-secret)
#   KEYCLOAK_WAIT        seconds to wait for it to answer (default 300; a first start builds the server, ~1-2 min)
# Users alice (PARENT), bob (TUTOR), carol (STUDENT), admin (ADMIN); each password is the user name.
# The Keycloak admin console (master realm) is http://localhost:KEYCLOAK_PORT/admin, user admin / admin.
set -euo pipefail

VERSION=26.5.6
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${KEYCLOAK_PORT:-8180}
MGMT_PORT=$((PORT + 1))
CACHE=${KEYCLOAK_CACHE:-$HOME/.cache/keycloak}
JDK=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
HOSTNAME_URL=${KEYCLOAK_HOSTNAME:-http://localhost:$PORT}
REALM=tutoring
ISSUER=$HOSTNAME_URL/realms/$REALM
LOCAL=http://127.0.0.1:$PORT/realms/$REALM
DIST=$CACHE/keycloak-$VERSION
RUN=$CACHE/run-$PORT
export REALM_CLIENT_SECRET=${REALM_CLIENT_SECRET:-dev-only-parent-messaging-secret}

log() { echo "keycloak.sh: $*" >&2; }

answers() { curl -sf -o /dev/null --max-time 2 "$LOCAL/.well-known/openid-configuration"; }

install() {
  [ -x "$DIST/bin/kc.sh" ] && return
  mkdir -p "$CACHE"
  local zip=$CACHE/keycloak-quarkus-dist-$VERSION.zip
  if [ ! -f "$zip" ]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$VERSION:zip from Maven Central (165 MB, once)"
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip \
        -DoutputDirectory="$CACHE")
  fi
  log "unpacking into $DIST"
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
  unzip -q "$zip" -d "$DIST.tmp"
  mv "$DIST.tmp/keycloak-$VERSION" "$DIST" && rmdir "$DIST.tmp"
}

start() {
  if answers; then
    log "already running on port $PORT"
    echo "$ISSUER"
    return
  fi
  [ -x "$JDK/bin/java" ] || { log "no JDK at $JDK (set KEYCLOAK_JAVA_HOME)"; exit 2; }
  install
  mkdir -p "$DIST/data/import" "$RUN"
  cp "$ROOT/dev/keycloak/tutoring-realm.json" "$DIST/data/import/$REALM-realm.json"
  log "starting Keycloak $VERSION on port $PORT (log: $RUN/keycloak.log)"
  # dev-mem: an in-memory H2 database, so every start imports the current realm file and several instances on
  # different ports share nothing. setsid: its own process group, stopped by `stop` without touching others.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_HOME=$JDK \
    setsid "$DIST/bin/kc.sh" start-dev --http-port="$PORT" --http-host=127.0.0.1 \
      --http-management-port="$MGMT_PORT" --health-enabled=true --db=dev-mem --import-realm \
      --hostname="$HOSTNAME_URL" --hostname-backchannel-dynamic=true \
      >"$RUN/keycloak.log" 2>&1 </dev/null &
  echo $! >"$RUN/keycloak.pid"
  local started=$SECONDS
  until answers; do
    if ! kill -0 "$(cat "$RUN/keycloak.pid")" 2>/dev/null; then
      tail -40 "$RUN/keycloak.log" >&2
      log "Keycloak exited before it was ready"
      exit 1
    fi
    if (( SECONDS - started > ${KEYCLOAK_WAIT:-300} )); then
      tail -40 "$RUN/keycloak.log" >&2
      log "not ready after ${KEYCLOAK_WAIT:-300} s (still starting; see the log, or: $0 stop)"
      exit 1
    fi
    sleep 1
  done
  log "ready after $((SECONDS - started)) s; issuer:"
  echo "$ISSUER"
}

stop() {
  local pidfile=$RUN/keycloak.pid
  [ -f "$pidfile" ] || { log "nothing started on port $PORT"; return; }
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -f "$pidfile"
  log "stopped"
}

token() {
  local user=${1:?user name}
  curl -sf -X POST "$LOCAL/protocol/openid-connect/token" -d grant_type=password -d client_id=parent-messaging \
    -d "client_secret=$REALM_CLIENT_SECRET" -d "username=$user" -d "password=$user" | jq -r .access_token
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) answers && echo "$ISSUER" ;;
  token) token "${2:-}" ;;
  *) echo "usage: $0 [start|stop|status|token USER]" >&2; exit 2 ;;
esac

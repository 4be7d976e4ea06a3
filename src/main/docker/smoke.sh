#!/usr/bin/env bash
# Smoke test of the container image, on a machine without Docker and without an image registry:
#   1. podman, buildah, runc, debootstrap from Debian's packages if missing (crun fails here on cgroups and rlimits:
#      every podman call uses runc with explicit ulimits);
#   2. a Debian trixie base made by debootstrap from Debian's mirror (cached in podman's storage), and on it the JRE
#      base image (Dockerfile.jre-debian: OpenJDK 25 JRE, tini, user 185);
#   3. the service as an aot-jar (./mvnw package), the image from Dockerfile.jvm on that base (AOT cache trained in);
#   4. runs it against the local PostgreSQL (a schema of its own), a real Keycloak (dev/keycloak.sh) and a real S3 API
#      (s3proxy from the test dependencies, in memory), and checks: readiness (database and S3 up), an authenticated
#      GET /api/me, the request id echoed, JSON log lines, the non-root user, the image's HEALTHCHECK, and a
#      graceful stop;
#   5. prints the image size, the start time (container start -> first authenticated 200) with and without the AOT
#      cache, and the RSS.
#
#   src/main/docker/smoke.sh
# Environment: SMOKE_PORT / SMOKE_S3_PORT (default: free ports), SMOKE_SCHEMA (msg_smoke), KEYCLOAK_PORT (8180; an instance already answering there
# is reused), SMOKE_SKIP_PACKAGE=1 (reuse target/quarkus-app, which must be an aot-jar), SMOKE_CACHE (~/.cache/
# parent-messaging: the debootstrap tree), SMOKE_REBUILD_BASE=1 (rebuild the Debian and JRE base images).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"

# A port nobody listens on (the container shares the host's network).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
PORT=${SMOKE_PORT:-$(free_port)}
S3_PORT=${SMOKE_S3_PORT:-$(free_port)}
SCHEMA=${SMOKE_SCHEMA:-msg_smoke}
CACHE=${SMOKE_CACHE:-$HOME/.cache/parent-messaging}
SUITE=trixie
DEBIAN_IMAGE=localhost/debian:$SUITE
JRE_IMAGE=localhost/parent-messaging-jre:25
IMAGE=localhost/parent-messaging:smoke
NAME=parent-messaging-smoke-$PORT
OUT=$ROOT/target/smoke
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
ISSUER=http://localhost:$KEYCLOAK_PORT/realms/tutoring
RUNC=(--runtime runc)
LIMITS=(--ulimit nofile=20000:20000 --ulimit nproc=4000:4000)
mkdir -p "$OUT" "$CACHE"

# podman without systemd: it cannot set up the timer of a periodic HEALTHCHECK and says so on every container
# operation; the check itself runs (`podman healthcheck run` below). Those lines are dropped.
podman() { command podman "$@" 2> >(grep -v 'systemd connection' >&2); }
log() { printf '%s smoke: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }

STARTED_KEYCLOAK=0
S3_PID=
cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  [ -n "$S3_PID" ] && kill "$S3_PID" 2>/dev/null || true
  [ "$STARTED_KEYCLOAK" = 1 ] && KEYCLOAK_PORT=$KEYCLOAK_PORT dev/keycloak.sh stop || true
}
trap cleanup EXIT

# --- 1. tools ---
missing=()
for tool in podman buildah runc debootstrap jq curl; do type -P "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian's packages"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah runc debootstrap jq curl >/dev/null
fi
pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL does not answer on 127.0.0.1:5432"

# --- 2. base images ---
if [ "${SMOKE_REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$DEBIAN_IMAGE"; then
  rootfs=$CACHE/rootfs-$SUITE
  if [ ! -x "$rootfs/bin/bash" ]; then
    log "debootstrap $SUITE (minbase) from Debian's mirror into $rootfs"
    rm -rf "$rootfs.tmp"
    debootstrap --variant=minbase "$SUITE" "$rootfs.tmp" >"$OUT/debootstrap.log" 2>&1 \
      || { tail -20 "$OUT/debootstrap.log"; die "debootstrap"; }
    rm -rf "$rootfs.tmp"/var/cache/apt/archives/*.deb "$rootfs.tmp"/var/lib/apt/lists/* \
      "$rootfs.tmp"/usr/share/doc/* "$rootfs.tmp"/usr/share/man/* "$rootfs.tmp"/usr/share/locale/*
    mv "$rootfs.tmp" "$rootfs"
  fi
  log "importing $rootfs as $DEBIAN_IMAGE"
  tar -C "$rootfs" -c . | podman import --quiet - "$DEBIAN_IMAGE" >/dev/null
  podman rmi -f "$JRE_IMAGE" >/dev/null 2>&1 || true
fi
if ! podman image exists "$JRE_IMAGE"; then
  log "building $JRE_IMAGE (Dockerfile.jre-debian: OpenJDK 25 JRE from Debian's packages)"
  podman "${RUNC[@]}" build --network host "${LIMITS[@]}" --format docker -f src/main/docker/Dockerfile.jre-debian \
    --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" -t "$JRE_IMAGE" src/main/docker >"$OUT/build-jre.log" 2>&1 \
    || { tail -30 "$OUT/build-jre.log"; die "JRE base image"; }
fi

# --- 3. the service and its image ---
if [ "${SMOKE_SKIP_PACKAGE:-0}" != 1 ]; then
  log "packaging the service as an aot-jar"
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar >"$OUT/package.log" 2>&1 \
    || { tail -30 "$OUT/package.log"; die "package"; }
fi
[ -f target/quarkus-app/quarkus-run.jar ] || die "no target/quarkus-app"
log "building $IMAGE on $JRE_IMAGE (with the AOT cache training)"
build_started=$(now_ms)
podman "${RUNC[@]}" build --network host "${LIMITS[@]}" --format docker -f src/main/docker/Dockerfile.jvm \
  --build-arg BASE_IMAGE="$JRE_IMAGE" -t "$IMAGE" . >"$OUT/build-image.log" 2>&1 \
  || { tail -30 "$OUT/build-image.log"; die "image build"; }
build_s=$(( ($(now_ms) - build_started) / 1000 ))
grep -E 'AOTCache creation is complete|No AOT cache|AOT training failed' "$OUT/build-image.log" | head -3 >&2 || true

# --- 4. what it runs against ---
if dev/keycloak.sh status >/dev/null 2>&1; then
  log "reusing the Keycloak on port $KEYCLOAK_PORT"
else
  STARTED_KEYCLOAK=1
  dev/keycloak.sh start >/dev/null
fi
log "starting s3proxy (in memory) on 127.0.0.1:$S3_PORT"
# shellcheck source=bench/s3proxy-lib.sh
. bench/s3proxy-lib.sh
start_s3proxy "$OUT" "$S3_PORT" smoke smoke-secret || die "s3proxy"
S3_PID=$S3PROXY_PID
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $SCHEMA cascade" 2>/dev/null

TOKEN=$(dev/keycloak.sh token alice)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || die "no token from Keycloak"
RUN_ENV=(-e QUARKUS_HTTP_PORT="$PORT"
     -e DB_URL="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$SCHEMA" -e DB_SCHEMA="$SCHEMA"
     -e OIDC_AUTH_SERVER_URL="$ISSUER" -e OIDC_ROLES_CLAIM=realm_access/roles -e OIDC_AUDIENCE=parent-messaging
     -e PUBLIC_URL="http://localhost:$PORT" -e UNSUBSCRIBE_SECRET=smoke-only-unsubscribe-secret-0123456789abcdef
     -e S3_ENDPOINT="http://127.0.0.1:$S3_PORT" -e S3_PATH_STYLE=true -e S3_BUCKET=smoke-attachments
     -e AWS_ACCESS_KEY_ID=smoke -e AWS_SECRET_ACCESS_KEY=smoke-secret -e ATTACHMENTS_CREATE_BUCKET=true)

# Starts the container; echoes milliseconds from `podman run` to the first authenticated 200 of GET /api/me.
start() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  local t0
  t0=$(now_ms)
  podman "${RUNC[@]}" run -d --name "$NAME" --network host "${LIMITS[@]}" "${RUN_ENV[@]}" "$@" "$IMAGE" >/dev/null
  for _ in $(seq 1 1800); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
          "http://127.0.0.1:$PORT/api/me")" = 200 ]; then
      echo $(( $(now_ms) - t0 ))
      return
    fi
    podman container exists "$NAME" && [ "$(podman inspect -f '{{.State.Running}}' "$NAME")" = true ] \
      || { podman logs "$NAME" 2>&1 | tail -30 >&2; die "the container stopped"; }
    sleep 0.1
  done
  podman logs "$NAME" 2>&1 | tail -30 >&2
  die "no authenticated 200 within 180 s"
}

java_rss_mb() {
  local pid1 java
  pid1=$(podman inspect -f '{{.State.Pid}}' "$NAME")
  java=$(pgrep -P "$pid1" java || echo "$pid1")
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$java/status"
}

# --- 5. checks and figures ---
log "starting the image without the AOT cache (AOT_CACHE=false), then with it"
no_aot_ms=$(start -e AOT_CACHE=false)
podman rm -f "$NAME" >/dev/null
aot_ms=$(start)
if podman logs "$NAME" 2>&1 | grep -i -E '\[aot\].*(error|mismatch|unable|disabled)'; then
  log "WARNING: the JVM did not take the AOT cache"
fi

ready=$(curl -s "http://127.0.0.1:$PORT/q/health/ready")
echo "$ready" | jq -e '.status == "UP" and (.checks[] | select(.name == "s3") | .status == "UP")' >/dev/null \
  || die "not ready: $ready"
echo "$ready" | jq -e '[.checks[] | select(.name | test("(?i)database")) | .status] == ["UP"]' >/dev/null \
  || die "database check missing: $ready"
me=$(curl -s -D "$OUT/me.headers" -H "X-Request-Id: smoke-$$" -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/me")
echo "$me" | jq -e '.email == "alice@tutoring.test" and .roles == ["PARENT"]' >/dev/null || die "GET /api/me: $me"
grep -qi "^x-request-id: smoke-$$" "$OUT/me.headers" || die "request id not echoed"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/me")" = 401 ] || die "anonymous not 401"
[ "$(podman exec "$NAME" id -u)" = 185 ] || die "not running as user 185"
podman healthcheck run "$NAME" >/dev/null || die "the image's HEALTHCHECK fails"
podman logs "$NAME" >"$OUT/container.log" 2>&1
grep -v '^{' "$OUT/container.log" | grep -v -E '^\[[0-9.]+s\]\[|^$' | head -5 >"$OUT/non-json.txt" || true
[ ! -s "$OUT/non-json.txt" ] || { cat "$OUT/non-json.txt" >&2; die "log lines that are not JSON"; }
grep '^{' "$OUT/container.log" | jq -e -s 'map(select(.message | test("started in"))) | length == 1' >/dev/null \
  || die "no JSON start line"
for _ in $(seq 1 20); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/me"; done
rss=$(java_rss_mb)
curl -s "http://127.0.0.1:$PORT/q/metrics" | grep -v '^#' | sed 's/[{ ].*//' | sort -u >"$OUT/metric-names.txt"
grep -q '^http_server_requests_seconds_count$' "$OUT/metric-names.txt" || die "no HTTP metrics on /q/metrics"
size_bytes=$(podman image inspect -f '{{.Size}}' "$IMAGE")
aot_bytes=$(podman run "${RUNC[@]}" --rm "${LIMITS[@]}" --entrypoint /bin/sh "$IMAGE" -c 'stat -c %s /deployments/app.aot 2>/dev/null || echo 0')

log "stopping gracefully (SIGTERM)"
stop_started=$(now_ms)
podman stop -t 40 "$NAME" >/dev/null
stop_ms=$(( $(now_ms) - stop_started ))
podman logs "$NAME" 2>&1 | grep '^{' | jq -r .message | grep -q 'stopped in' || die "no clean stop in the log"
exit_code=$(podman inspect -f '{{.State.ExitCode}}' "$NAME")

cat <<EOF | tee "$OUT/figures.txt"
smoke: PASSED ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))
  image                  $IMAGE on $JRE_IMAGE ($(podman run "${RUNC[@]}" --rm "${LIMITS[@]}" --entrypoint java "$IMAGE" -version 2>&1 | grep -m1 version))
  image size             $((size_bytes / 1000000)) MB (AOT cache $((aot_bytes / 1000000)) MB of it); image build ${build_s} s
  start -> first 200     ${aot_ms} ms with the AOT cache, ${no_aot_ms} ms without (container start to an authenticated GET /api/me)
  RSS after 20 requests  ${rss} MB (the java process)
  graceful stop          ${stop_ms} ms, exit code ${exit_code}
EOF

#!/bin/bash
# Entry point of the JVM image (Dockerfile.jvm): starts the service under tini when the base has it, with the AOT
# cache when the image carries one.
#   run-java.sh            start the service (the image's ENTRYPOINT)
#   run-java.sh --ready    the HEALTHCHECK: GET /q/health/ready on port 8080 answers 200
#   run-java.sh --train    image build only: writes the AOT cache app.aot (JDK 25+) from a training start
set -eu
cd /deployments

# shellcheck disable=SC2206 # JAVA_OPTS is a list of options
java_opts=(${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-})

case "${1:-}" in
  --ready)
    exec 3<>/dev/tcp/127.0.0.1/"${QUARKUS_HTTP_PORT:-8080}"
    printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    IFS= read -r status <&3
    case "$status" in *" 200 "*) exit 0 ;; *) exit 1 ;; esac
    ;;
  --train)
    # A full start with no database, identity provider or S3 to talk to (none exist at image build): every
    # connection is lazy or points at a closed port, so the service comes up, its start-up classes are loaded,
    # then it is stopped and the JVM writes the cache (JEP 514). Same JVM, options and class path as at run time.
    rm -f app.aot
    java -XX:AOTCacheOutput=app.aot "${java_opts[@]}" \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -Dquarkus.shutdown.delay=0S \
      -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/training -Dquarkus.flyway.migrate-at-start=false \
      -Dquarkus.oidc.auth-server-url=http://127.0.0.1:1/realms/training \
      -jar quarkus-run.jar >/tmp/training.log 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      grep -q 'started in' /tmp/training.log && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
    grep -E 'started in|AOTCache creation|ERROR' /tmp/training.log | cut -c1-300 || true
    rm -f /tmp/training.log app.aot.config
    [ -s app.aot ]
    exit
    ;;
esac

aot=()
if [ -f app.aot ] && [ "${AOT_CACHE:-true}" = true ]; then
  aot=(-XX:AOTCache=app.aot)
fi
init=()
if [ $$ = 1 ] && command -v tini >/dev/null; then
  init=(tini --)
fi
exec "${init[@]}" java "${aot[@]}" "${java_opts[@]}" -jar quarkus-run.jar "$@"

# Sourced by the scripts that start the packaged service (bench/run.sh, bench/two-instances.sh,
# src/main/docker/smoke.sh): an in-memory S3 server, s3proxy from the test dependencies, so readiness (which checks
# the bucket) turns UP with no cloud account.
#   start_s3proxy OUT_DIR PORT IDENTITY SECRET   -> sets S3PROXY_PID; the caller stops it
# Needs ./mvnw in the current directory (for the test class path, cached in OUT_DIR/test-classpath.txt).
start_s3proxy() {
  local out=$1 port=$2 identity=$3 secret=$4
  if [ ! -s "$out/test-classpath.txt" ] || [ pom.xml -nt "$out/test-classpath.txt" ]; then
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/test-classpath.txt" \
      >"$out/classpath.log" 2>&1 || { tail -20 "$out/classpath.log" >&2; return 1; }
  fi
  cat >"$out/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$secret
s3proxy.ignore-unknown-headers=true
jclouds.provider=transient
jclouds.identity=$identity
jclouds.credential=$secret
PROPS
  java -cp "$(cat "$out/test-classpath.txt")" org.gaul.s3proxy.Main --properties "$out/s3proxy.properties" \
    >"$out/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
  for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 1; done
  echo "s3proxy did not open port $port (see $out/s3proxy.log)" >&2
  return 1
}

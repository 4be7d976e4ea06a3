#!/usr/bin/env bash
# Writes the measured tables of bench/run.sh into a Markdown file, between the markers below; text outside
# the markers (analysis, notes) is kept. Called by run.sh:
#   bench/report.sh REPORT OUT LOAD_BEFORE LOAD_DURING LOAD_AFTER RSS_AFTER_KB HWM_AFTER_KB COUNTS JVM_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
report=$1 out=$2 load_before=$3 load_during=$4 load_after=$5 rss_after=$6 hwm_after=$7 counts=$8 jvm_opts=$9
start='<!-- bench:results:start -->'
end='<!-- bench:results:end -->'

ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }
target_of() { case $1 in send) echo 0.6 ;; page-*) echo 0.7 ;; *) echo 0.5 ;; esac; }
# Issue 16: service CPU per request at 4 connections.
cpu_target_of() { case $1 in send) echo 0.60 ;; list) echo 0.40 ;; open) echo 0.35 ;; esac; }
median() { sort -n | awk '{v[NR] = $1} END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

read -r c_users c_threads c_messages c_links c_enrollments c_size <<<"$counts"
quarkus_version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
jdk17=$(${BENCH_JAVA:-java} -version 2>&1 | head -1)
jdk25=$(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -version 2>&1 | head -1 || true)
pgv=$(psql -h 127.0.0.1 -U postgres -d test -tAc 'show server_version' 2>/dev/null | head -1)
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
wrkv=$( (wrk -v 2>&1 || true) | head -1 | cut -d' ' -f1-2)
envs=$(env | grep '^BENCH_' | sort | tr '\n' ' ' || true)

{
  echo "$start"
  echo "## Results (written by \`bench/run.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Command: \`${envs}bench/run.sh\` (JVM flags of the service: \`${jvm_opts:-none}\`)"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(nproc) cores, ${cpu:-?}; $(free -g | awk '/^Mem/ {print $2}') GiB RAM; kernel $(uname -r) |"
  echo "| load (1/5/15 min) | before: $load_before; at the start of the load: ${load_during:-n/a}; after: $load_after (2 cores, shared with other engineers' builds and tests) |"
  echo "| software | Quarkus $quarkus_version; $jdk17 (service under load); $jdk25 (AOT jar); PostgreSQL $pgv (local, untuned: shared_buffers $(psql -h 127.0.0.1 -U postgres -d test -tAc 'show shared_buffers' 2>/dev/null)); $wrkv; $(pgbench --version 2>/dev/null) |"
  echo "| data | $c_users users, $c_threads threads, $c_messages messages, $c_links parent–student links, $c_enrollments enrollments; database size $c_size |"
  echo
  if [ -s "$out/results.tsv" ]; then
    echo "### Throughput and latency: service (wrk) vs. the same SQL in pgbench"
    echo
    echo "Latencies in ms. *ratio* = service req/s ÷ pgbench tps at the same concurrency (for the pages \`/messages\` and \`/threads/{id}\`: ÷ the req/s of the JSON endpoint they show, list or open, whose figures fill the pgbench columns); *service CPU* = user + system CPU time of the service's threads but the JIT compiler's ÷ requests (less sensitive to other load on the machine than req/s); *errors* = wrk socket errors + timeouts / non-2xx responses; pgbench *failed* = failed transactions."
    echo
    echo "| endpoint | conns | service req/s | service p50 / p95 / p99 | service CPU ms/req | errors / non-2xx | pgbench tps | pgbench p50 / p95 / p99 | failed | ratio | target |"
    echo "|---|---:|---:|---|---:|---|---:|---|---:|---:|---|"
    tail -n +2 "$out/results.tsv" | while IFS=$'\t' read -r ep c rps s50 s95 s99 cpu err non pgc tps p50 p95 p99 failed ratio; do
      t=$(target_of "$ep")
      ok=$(awk -v r="$ratio" -v t="$t" 'BEGIN { print (r >= t ? "ratio ≥ " t " met" : "ratio ≥ " t " **missed**") }')
      ct=$(cpu_target_of "$ep")
      if [ -n "$ct" ] && [ "$c" = 4 ]; then
        ok="$ok; $(awk -v v="$cpu" -v t="$ct" 'BEGIN { print (v <= t ? "CPU ≤ " t " ms met" : "CPU ≤ " t " ms **missed**") }')"
      fi
      clients=$c; [ "$pgc" = "$c" ] || clients="$c (pgbench $pgc)"
      label=$ep
      case $ep in
        send) label='send (POST /api/parent/messages, parent)' ;;
        list) label='list (GET /api/parent/threads, tutor)' ;;
        open) label='open (GET …/threads/{id}/messages, parent)' ;;
        page-list) label='page /messages (tutor; ratio to list)' ;;
        page-open) label='page /threads/{id} (parent; ratio to open)' ;;
      esac
      echo "| $label | $clients | $(printf '%.0f' "$rps") | $(ms "$s50") / $(ms "$s95") / $(ms "$s99") | $cpu | $err / $non | $(printf '%.0f' "$tps") | $(ms "$p50") / $(ms "$p95") / $(ms "$p99") | $failed | $ratio | $ok |"
    done
    echo
    if [ -s "$out/warmup.tsv" ]; then
      echo "Each endpoint was first warmed up with wrk at 4 connections in 10-s windows until the JIT compiler threads used less than 5% of a core in a window and req/s was within 5% of the window before (req/s per window, and the JIT's share of a core):"
      echo
      while IFS=$'\t' read -r ep secs series; do
        echo "- $ep: ${secs} s — $(echo "$series" | sed 's/; */ → /g')"
      done <"$out/warmup.tsv"
      echo
    fi
    if [ -n "$rss_after" ]; then
      rss_mb=$((rss_after / 1024))
      verdict=$([ "$rss_mb" -le 200 ] && echo "target ≤ 200 MB met" || echo "target ≤ 200 MB **missed**")
      echo "Service RSS after the load: **$rss_mb MB** (peak during the run $((hwm_after / 1024)) MB; $verdict)."
      echo
    fi
  fi
  if [ -s "$out/cold.tsv" ]; then
    echo "### Cold start: process start → first authenticated 200 (GET /api/me with a bearer token)"
    echo
    echo "| variant | runs | median ms | min – max ms | Quarkus \"started in\" (median) | idle RSS (median) | target |"
    echo "|---|---:|---:|---|---:|---:|---|"
    for v in $(tail -n +2 "$out/cold.tsv" | cut -f1 | awk '!seen[$0]++'); do
      rows=$(awk -F'\t' -v v="$v" '$1 == v' "$out/cold.tsv")
      n=$(wc -l <<<"$rows")
      med=$(cut -f3 <<<"$rows" | median)
      min=$(cut -f3 <<<"$rows" | sort -n | head -1); max=$(cut -f3 <<<"$rows" | sort -n | tail -1)
      st=$(cut -f4 <<<"$rows" | grep -v '?' | median)
      rss=$(cut -f5 <<<"$rows" | median)
      case $v in
        jvm-jdk17) name='plain JVM jar (fast-jar), JDK 17' ;;
        aot-jar-jdk25-no-cache) name='aot-jar packaging, JDK 25, **without** the cache' ;;
        aot-jar-jdk25-cache) name='aot-jar, JDK 25, `-XX:AOTCache=app.aot` (Quarkus build-time training)' ;;
        aot-jar-jdk25-trained-cache) name='aot-jar, JDK 25, AOT cache trained with requests' ;;
        aot-jar-jdk25-trained-cache-no-migrate) name='the same with `MIGRATE_AT_START=false` (the schema migrated by a step of its own)' ;;
        *) name=$v ;;
      esac
      tgt=''
      case $v in aot-jar-jdk25-*cache) ;; *) false ;; esac && [ "$v" != aot-jar-jdk25-no-cache ] && tgt=$(awk -v m="$med" 'BEGIN { print (m <= 1500 ? "≤ 1500 ms met" : "≤ 1500 ms **missed**") }')
      echo "| $name | $n | $(printf '%.0f' "$med") | $min – $max | ${st:-?} s | $(awk -v k="$rss" 'BEGIN { printf "%.0f MB", k / 1024 }') | $tgt |"
    done
    echo
  fi
  echo "Raw output of this run: \`bench/out/\` (wrk and pgbench reports, captured SQL, service logs; not committed)."
  echo "$end"
} >"$out/results.md"

if [ -f "$report" ] && grep -qF "$start" "$report"; then
  awk -v s="$start" -v e="$end" -v f="$out/results.md" '
    $0 == s { while ((getline l < f) > 0) print l; skip = 1; next }
    $0 == e { skip = 0; next }
    !skip { print }' "$report" >"$report.tmp" && mv "$report.tmp" "$report"
else
  { echo "# Benchmarks"; echo; cat "$out/results.md"; } >"$report"
fi

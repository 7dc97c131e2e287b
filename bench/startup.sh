#!/usr/bin/env bash
# Benchmark 5: start-up. BENCH_START_RUNS starts of the packaged app against BENCH_DB (already
# migrated, as after any first start): the time from launching java to /q/health/ready answering
# 200 (polled every 50 ms), the start time Quarkus logs, and the app's RSS right after it is ready
# and after 5 s idle. Medians; run it while no other app instance is serving.
# Two set-ups, their runs alternating so that both see the same machine:
#  - the README's production command: the build's JDK 17 and class-data-sharing archive
#    (app_java_opts);
#  - a JDK 25 or later with the app's ahead-of-time cache (aot_java_opts; aot-cache.sh trains it
#    first when it is older than the build), when such a JDK is found (aot_java); else skipped.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_START_RUNS:=3}"
need curl "apt-get install -y curl"
build_app
port=$((BENCH_PORT + 200))
while ! port_free "$port"; do port=$((port + 1)); done

aot=
if java25=$(aot_java); then
  aot_cache_fresh || "$BENCH_DIR/aot-cache.sh"
  aot=yes
else
  log "No JDK 25 or later found (BENCH_AOT_JAVA): the ahead-of-time set-up is skipped"
fi

declare -A readies quarkus rss idle
# one_start SETUP RUN JAVA OPTS...: one start, its figures appended to the SETUP's lists.
one_start() {
  local setup="$1" run="$2" java="$3" started pid ready= i rss_now rss_idle q_started
  shift 3
  local logfile="$OUT/startup-$setup-$run.log"
  started=$(now)
  APP_JAVA="$java" launch_on "$port" "$@" > "$logfile" 2>&1 &
  pid=$!
  for ((i = 0; i < 2400; i++)); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$logfile" >&2; die "the app exited"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      ready=$(elapsed "$started" "$(now)")
      break
    fi
    sleep 0.05
  done
  [ -n "$ready" ] || die "not ready after 120 s"
  check_archive "$logfile"
  rss_now=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  sleep 5
  rss_idle=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  q_started=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$logfile" | head -1)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  log "  $setup: ready after $ready s (Quarkus: started in ${q_started:-?} s), RSS $rss_now MB, after 5 s idle $rss_idle MB"
  readies[$setup]+=" $ready"; quarkus[$setup]+=" ${q_started:-0}"
  rss[$setup]+=" $rss_now"; idle[$setup]+=" $rss_idle"
}

for ((run = 1; run <= BENCH_START_RUNS; run++)); do
  log "Start-up, run $run"
  # shellcheck disable=SC2046 # the options are words
  one_start jdk17 "$run" java $(app_java_opts)
  # shellcheck disable=SC2046
  [ -z "$aot" ] || one_start jdk25-aot "$run" "$java25" $(aot_java_opts)
done

med() { printf '%s\n' $1 | median; }
# report SETUP LABEL JVM: the SETUP's four figures in the summary.
report() {
  local setup="$1" label="$2" jvm="$3" r
  r=$(med "${readies[$setup]}")
  record startup "launch to ready$label, s, median of $BENCH_START_RUNS" "$r" "goal" "2" \
    "$(ratio "$r" 2)" "runs${readies[$setup]}; Quarkus' own 'started in' $(med "${quarkus[$setup]}") s; JVM: $jvm"
  r=$(med "${rss[$setup]}")
  record startup "RSS when ready$label, MB, median" "$r" "goal" "250" "$(ratio "$r" 250)" "runs${rss[$setup]}"
  r=$(med "${idle[$setup]}")
  record startup "RSS after 5 s idle$label, MB, median" "$r" "goal" "250" "$(ratio "$r" 250)" "runs${idle[$setup]}"
}
report jdk17 "" "$(java -version 2>&1 | head -1) $(app_java_opts)"
[ -z "$aot" ] || report jdk25-aot " (JDK 25+, AOT cache)" "$("$java25" -version 2>&1 | head -1) $(aot_java_opts)"

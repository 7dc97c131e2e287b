#!/usr/bin/env bash
# Benchmark 5: start-up. BENCH_START_RUNS starts of the packaged app against BENCH_DB (already
# migrated, as after any first start): the time from launching java to /q/health/ready answering
# 200 (polled every 50 ms), the start time Quarkus logs, and the app's RSS right after it is ready
# and after 5 s idle. Medians; run it while no other app instance is serving.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_START_RUNS:=3}"
need curl "apt-get install -y curl"
build_app
port=$((BENCH_PORT + 200))
while ! port_free "$port"; do port=$((port + 1)); done
readies=() quarkus=() rss=() idle=()
for ((run = 1; run <= BENCH_START_RUNS; run++)); do
  log "Start-up, run $run"
  started=$(now)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  QUARKUS_HTTP_PORT="$port" HELPDESK_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    launch_app > "$OUT/startup-$run.log" 2>&1 &
  pid=$!
  ready=
  for ((i = 0; i < 2400; i++)); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$OUT/startup-$run.log" >&2; die "the app exited"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      ready=$(elapsed "$started" "$(now)")
      break
    fi
    sleep 0.05
  done
  [ -n "$ready" ] || die "not ready after 120 s"
  check_archive "$OUT/startup-$run.log"
  rss_now=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  sleep 5
  rss_idle=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  q_started=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$OUT/startup-$run.log" | head -1)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  log "  ready after $ready s (Quarkus: started in ${q_started:-?} s), RSS $rss_now MB, after 5 s idle $rss_idle MB"
  readies+=("$ready"); quarkus+=("${q_started:-0}"); rss+=("$rss_now"); idle+=("$rss_idle")
done
med() { printf '%s\n' "$@" | median; }
record startup "launch to ready, s, median of $BENCH_START_RUNS" "$(med "${readies[@]}")" "goal" "2" \
  "$(ratio "$(med "${readies[@]}")" 2)" "runs ${readies[*]}; Quarkus' own 'started in' $(med "${quarkus[@]}") s; JVM: $(app_java_opts)"
record startup "RSS when ready, MB, median" "$(med "${rss[@]}")" "goal" "250" "$(ratio "$(med "${rss[@]}")" 250)" "runs ${rss[*]}"
record startup "RSS after 5 s idle, MB, median" "$(med "${idle[@]}")" "goal" "250" "$(ratio "$(med "${idle[@]}")" 250)" "runs ${idle[*]}"

#!/usr/bin/env bash
# Benchmark 1: CSV export of step results.
#  - rows/s of GET /api/v1/export/step-results?format=csv (all rows) against psql's
#    \copy of the very same SELECT (printed by the app's io.backupdesk.web.export.ExportSql,
#    with the same horizon) to /dev/null;
#  - the app's peak RSS (VmRSS sampled every 100 ms) during an export of ~BENCH_SMALL_ROWS rows
#    (a from/to window of whole days) and during the export of all rows.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_SMALL_ROWS:=100000}"
need curl "apt-get install -y curl"
start_app
get_token
auth=(-H "Authorization: Bearer $TOKEN")

# A window of whole days, from the middle of the data, holding at least BENCH_SMALL_ROWS results.
read -r small_from small_to small_rows < <(q -F ' ' -c "
  WITH days AS (
    SELECT (ended_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM step_result GROUP BY 1),
  mid AS (SELECT day FROM days ORDER BY day OFFSET (SELECT count(*) / 2 FROM days) LIMIT 1),
  run AS (SELECT day, sum(n) OVER (ORDER BY day) AS total FROM days WHERE day >= (SELECT day FROM mid))
  SELECT (SELECT day FROM mid) AS first_day, run.day AS last_day, run.total FROM run
  WHERE run.total >= $BENCH_SMALL_ROWS ORDER BY run.day LIMIT 1")

# Prints the highest VmRSS (kB) of the app, sampled every 100 ms while bench/out/.sampling exists.
sample_rss() {
  local peak=0 kb
  while [ -e "$OUT/.sampling" ]; do
    kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    sleep 0.1
  done
  echo "$peak"
}

# download FROM TO -> "rows seconds peak_rss_kb"
download() {
  local query="format=csv" started took rows peak
  [ -n "$1" ] && query="$query&from=$1&to=$2"
  touch "$OUT/.sampling"
  sample_rss > "$OUT/rss.peak" &
  local sampler=$!
  started=$(now)
  rows=$(curl -sf "${auth[@]}" "$BENCH_URL/api/v1/export/step-results?$query" | wc -l)
  took=$(elapsed "$started" "$(now)")
  rm -f "$OUT/.sampling"
  wait "$sampler"
  peak=$(cat "$OUT/rss.peak")
  echo "$((rows - 1)) $took $peak"
}

rss_now() { awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status"; }

log "Export: warm-up (one small download)"
download "$small_from" "$small_from" > /dev/null
idle_kb=$(rss_now)

log "Export: $small_from to $small_to (~$small_rows step results) through the app"
read -r s_rows s_sec s_peak < <(download "$small_from" "$small_to")
log "  $s_rows rows in $s_sec s, peak RSS $((s_peak / 1024)) MB (idle before: $((idle_kb / 1024)) MB)"
[ "$s_rows" = "$small_rows" ] || log "  (the database counted $small_rows in that window)"

total=$(q -c "SELECT count(*) FROM step_result")
log "Export: all $total step results through the app"
read -r a_rows a_sec a_peak < <(download "" "")
a_rate=$(awk -v r="$a_rows" -v s="$a_sec" 'BEGIN { printf "%.0f", r / s }')
log "  $a_rows rows in $a_sec s = $a_rate rows/s, peak RSS $((a_peak / 1024)) MB"

# The baseline: the same SELECT (a full pull; the snapshot only shows in the cursor column) through
# psql's \copy to /dev/null.
snapshot=$(q -c "SELECT pg_current_snapshot()")
sql=$(java -cp "$HOOKS_CP" io.backupdesk.web.export.ExportSql step-results "$snapshot")
echo "$sql" > "$OUT/export-step-results.sql"
log "Export: the same SELECT with psql \\copy to /dev/null (SQL in bench/out/export-step-results.sql)"
started=$(now)
copied=$(psql -X -At -v ON_ERROR_STOP=1 -d "$BENCH_DB" -c "\\copy ($sql) to '/dev/null' with (format csv, header)" | awk '/^COPY/ { print $2 }')
p_sec=$(elapsed "$started" "$(now)")
p_rate=$(awk -v r="$copied" -v s="$p_sec" 'BEGIN { printf "%.0f", r / s }')
log "  $copied rows in $p_sec s = $p_rate rows/s"

record export "CSV all step results ($a_rows rows), rows/s" "$a_rate" "psql \\copy same SELECT" "$p_rate" "$(ratio "$a_rate" "$p_rate")" "app/baseline, higher is better; app ${a_sec}s, psql ${p_sec}s"
record export "peak RSS, CSV of $s_rows rows ($small_from..$small_to)" "$((s_peak / 1024)) MB" "idle RSS after warm-up" "$((idle_kb / 1024)) MB" "$(ratio "$s_peak" "$idle_kb")" "-Xmx$BENCH_HEAP; ${s_sec}s"
record export "peak RSS, CSV of all $a_rows rows" "$((a_peak / 1024)) MB" "peak RSS, $s_rows rows" "$((s_peak / 1024)) MB" "$(ratio "$a_peak" "$s_peak")" "-Xmx$BENCH_HEAP; VmHWM at end $(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$APP_PID/status") MB"

#!/usr/bin/env bash
# Benchmark 2: latency of each report endpoint (GET /api/v1/reports/<report>, JSON, median of
# BENCH_RUNS after one warm-up) against the same SQL run directly in psql (median of BENCH_RUNS
# after one warm-up, psql's \timing). The SQL comes from the app itself: the hook
# io.backupdesk.web.report.ReportSql renders each report's statement with its values inline.
# Windows: the default (last 30 days, no from/to) and, with BENCH_REPORT_90=1 (default 0), the last
# 90 days.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_REPORT_90:=0}"
need curl "apt-get install -y curl"
start_app
get_token
auth=(-H "Authorization: Bearer $TOKEN")

run_window() {
  local label="$1" from="$2" to="$3" query=""
  [ -n "$from" ] && query="?from=$from&to=$to"
  local dir="$OUT/reports-$label"
  rm -rf "$dir"; mkdir -p "$dir"
  java -cp "$HOOKS_CP" io.backupdesk.web.report.ReportSql $from $to \
    | awk -v dir="$dir" '/^-- report: / { f = dir "/" $3 ".sql"; next } { print > f }'
  for file in "$dir"/*.sql; do
    local name; name=$(basename "$file" .sql)
    local app_ms psql_ms
    app_ms=$(http_ms "$BENCH_URL/api/v1/reports/$name$query" "${auth[@]}")
    psql_ms=$(psql_ms "$file")
    log "  $name ($label): app $app_ms ms, psql $psql_ms ms"
    record reports "$name, $label, median ms" "$app_ms" "psql same SQL" "$psql_ms" "$(ratio "$app_ms" "$psql_ms")" "app/baseline, lower is better"
  done
}

log "Reports: default window (last 30 days); SQL in bench/out/reports-30d/"
run_window 30d "" ""
if [ "$BENCH_REPORT_90" = 1 ]; then
  log "Reports: last 90 days; SQL in bench/out/reports-90d/"
  run_window 90d "$(date -u -d '-89 days' +%F)" "$(date -u +%F)"
fi

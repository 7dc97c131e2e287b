#!/usr/bin/env bash
# Benchmark 2: latency of each report endpoint (GET /api/v1/reports/<report>, JSON, median of
# BENCH_RUNS after BENCH_APP_WARMUPS untimed ones), read from the report summaries, against the report's reference
# statement over the base tables run directly in psql (median of BENCH_RUNS after one warm-up,
# psql's \timing): what the report cost before the summaries, and what they must equal. The SQL
# comes from the app itself: the hook io.backupdesk.web.report.ReportSql renders each reference
# statement with its values inline.
# Windows: the last 30 days, the last 90 days and the whole range (first ticket to today); then the
# whole range with BENCH_REPORT_FILTER (default: the most common device model, iOS major and agent
# of the data together; "none" skips it). The load average is printed beside every figure: the
# machine may be shared.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_REPORT_WINDOWS:=30d 90d all}"
: "${BENCH_REPORT_FILTER:=auto}"
: "${BENCH_BASELINE_RUNS:=$BENCH_RUNS}"   # runs of each reference statement (they take seconds)
need curl "apt-get install -y curl"
need psql "Debian: apt-get install -y postgresql-client"
start_app
get_token
auth=(-H "Authorization: Bearer $TOKEN")
table="$OUT/reports.md"
load() { cut -d' ' -f1 /proc/loadavg; }
urlencode() { local s="$1"; s="${s// /%20}"; printf '%s' "$s"; }

{
  echo "| report | window | app ms (median of $BENCH_RUNS) | load | reference SQL in psql ms (median of $BENCH_BASELINE_RUNS) | load | ratio app/psql |"
  echo "|---|---|---|---|---|---|---|"
} > "$table"

# run_window LABEL FROM TO [deviceModel iosMajor agent]
run_window() {
  local label="$1" from="$2" to="$3" model="${4:--}" ios="${5:--}" agent="${6:--}"
  local query="?from=$from&to=$to"
  [ "$model" != - ] && query="$query&deviceModel=$(urlencode "$model")"
  [ "$ios" != - ] && query="$query&iosMajor=$ios"
  [ "$agent" != - ] && query="$query&agent=$agent"
  local dir="$OUT/reports-$label"
  rm -rf "$dir"; mkdir -p "$dir"
  java -cp "$HOOKS_CP" io.backupdesk.web.report.ReportSql "$from" "$to" "$model" "$ios" "$agent" \
    | awk -v dir="$dir" '/^-- report: / { f = dir "/" $3 ".sql"; next } { print > f }'
  # Every report of the registry, the ones without a reference statement (headline) too.
  for name in resolutions-by-fix step-funnel escalations time-to-resolution step-times \
              first-contact-resolution agents repeat-contacts headline; do
    local app_ms app_load psql_ms="-" psql_load="-" r="n/a"
    app_ms=$(http_ms "$BENCH_URL/api/v1/reports/$name$query" "${auth[@]}")
    app_load=$(load)
    if [ -f "$dir/$name.sql" ]; then
      psql_ms=$(BENCH_RUNS=$BENCH_BASELINE_RUNS psql_ms "$dir/$name.sql")
      psql_load=$(load)
      r=$(ratio "$app_ms" "$psql_ms")
    fi
    log "  $name ($label): app $app_ms ms (load $app_load), psql $psql_ms ms (load $psql_load)"
    record reports "$name, $label, median ms" "$app_ms" "reference SQL in psql" "$psql_ms" "$r" "app/baseline, lower is better; load $app_load / $psql_load"
    echo "| \`$name\` | $label | $app_ms | $app_load | $psql_ms | $psql_load | $r |" >> "$table"
  done
}

today=$(date -u +%F)
first=$(q -c "SELECT (min(created_at) AT TIME ZONE 'UTC')::date FROM ticket")
[ -n "$first" ] || die "$BENCH_DB has no tickets; run bench/prepare.sh first"
machine | tee "$OUT/reports-machine.txt" >&2
for window in $BENCH_REPORT_WINDOWS; do
  case "$window" in
    30d) from=$(date -u -d "$today - 29 days" +%F) ;;
    90d) from=$(date -u -d "$today - 89 days" +%F) ;;
    all) from="$first" ;;
    *) die "unknown window $window (30d, 90d, all)" ;;
  esac
  log "Reports: $window ($from to $today); reference SQL in bench/out/reports-$window/"
  run_window "$window" "$from" "$today"
done
if [ "$BENCH_REPORT_FILTER" != none ]; then
  if [ "$BENCH_REPORT_FILTER" = auto ]; then
    model=$(q -c "SELECT device_model FROM ticket GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    ios=$(q -c "SELECT ios_major FROM ticket GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    agent=$(q -c "SELECT started_by FROM diagnosis GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
  else
    IFS='|' read -r model ios agent <<< "$BENCH_REPORT_FILTER"
  fi
  log "Reports: whole range for deviceModel=$model iosMajor=$ios agent=$agent"
  run_window "all-filtered" "$first" "$today" "$model" "$ios" "$agent"
fi
log "Table: $table"
cat "$table"

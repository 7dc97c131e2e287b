#!/usr/bin/env bash
# Benchmark 3: the ticket queue (default order: last activity, newest first).
#  - latency (median of BENCH_RUNS after BENCH_APP_WARMUPS untimed requests) of page 1 and of a deep page, at position
#    BENCH_QUEUE_DEPTH (default 200,000 = 2,000 pages of 100), through the JSON API
#    (GET /api/v1/tickets?limit=100[&after=cursor], Bearer token) and the HTML page
#    (GET /[?after=cursor], 25 a page, signed-in session); the deep page's cursor is built from
#    the ticket at that position (cursors are base64url of "<time>|<id>");
#  - baseline: the queue's SQL (replicated from TicketQueue.page, LIMIT 101) in psql for page 1,
#    the keyset deep page, and the same deep position with OFFSET (what keyset avoids);
#  - throughput: wrk -t2 -cBENCH_WRK_CONNECTIONS -dBENCH_WRK_SECONDS on API page 1 and HTML page 1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_QUEUE_DEPTH:=200000}"
need curl "apt-get install -y curl"
need wrk "apt-get install -y wrk"
start_app
get_token
auth=(-H "Authorization: Bearer $TOKEN")

# A signed-in browser session (form login) for the HTML page.
cookie=$(sign_in "$BENCH_URL")
page_code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BENCH_URL/")
[ "$page_code" = 200 ] || die "the queue page answered $page_code with the session cookie"

# The cursor after the ticket at position BENCH_QUEUE_DEPTH of the queue.
read -r at id < <(q -F ' ' -c "SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id
  FROM ticket ORDER BY updated_at DESC, id DESC OFFSET $((BENCH_QUEUE_DEPTH - 1)) LIMIT 1")
cursor=$(printf '%s|%s' "$at" "$id" | base64 -w0 | tr '+/' '-_' | tr -d '=')

# Check that the API's deep page starts where OFFSET says it does.
first_api=$(curl -sf "${auth[@]}" "$BENCH_URL/api/v1/tickets?limit=100&after=$cursor" | grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$')
first_sql=$(q -c "SELECT id FROM ticket ORDER BY updated_at DESC, id DESC OFFSET $BENCH_QUEUE_DEPTH LIMIT 1")
[ "$first_api" = "$first_sql" ] || die "deep page starts at ticket $first_api, OFFSET says $first_sql"

select="SELECT t.id, t.version, t.subject, c.name, c.email, t.device_model, t.ios_version,
       t.status, t.priority, t.assignee, t.created_at, t.updated_at,
       d.status AS diagnosis_status,
       (SELECT count(DISTINCT sr.step_key) FROM step_result sr WHERE sr.diagnosis_id = d.id) AS steps_done,
       d.current_step
FROM ticket t
JOIN customer c ON c.id = t.customer_id
LEFT JOIN LATERAL (
    SELECT d.id, d.status, d.current_step FROM diagnosis d
    WHERE d.ticket_id = t.id ORDER BY d.attempt DESC LIMIT 1) d ON true"
order="ORDER BY t.updated_at DESC, t.id DESC"
echo "$select $order LIMIT 101;" > "$OUT/queue-page1.sql"
echo "$select WHERE (t.updated_at, t.id) < ('$at'::timestamptz, $id) $order LIMIT 101;" > "$OUT/queue-keyset.sql"
echo "$select $order OFFSET $BENCH_QUEUE_DEPTH LIMIT 101;" > "$OUT/queue-offset.sql"
# The tabs' counts as the app reads them (counters kept exact by triggers, migration V4), and
# what counting them on every page would cost instead.
echo "SELECT status, tickets FROM ticket_status_count;" > "$OUT/queue-counts.sql"
echo "SELECT status, count(*) FROM ticket GROUP BY status;" > "$OUT/queue-counted.sql"

log "Queue: latency, page 1 and position $BENCH_QUEUE_DEPTH"
api1=$(http_ms "$BENCH_URL/api/v1/tickets?limit=100" "${auth[@]}")
apid=$(http_ms "$BENCH_URL/api/v1/tickets?limit=100&after=$cursor" "${auth[@]}")
html1=$(http_ms "$BENCH_URL/" -H "Cookie: $cookie")
htmld=$(http_ms "$BENCH_URL/?after=$cursor" -H "Cookie: $cookie")
sql1=$(psql_ms "$OUT/queue-page1.sql")
sqlk=$(psql_ms "$OUT/queue-keyset.sql")
sqlo=$(psql_ms "$OUT/queue-offset.sql")
sqlc=$(psql_ms "$OUT/queue-counts.sql")
sqlcc=$(psql_ms "$OUT/queue-counted.sql")
log "  API page 1 $api1 ms, deep $apid ms; HTML page 1 $html1 ms, deep $htmld ms"
log "  psql page 1 $sql1 ms, keyset deep $sqlk ms, OFFSET deep $sqlo ms, status counters $sqlc ms, counted $sqlcc ms"

add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a + b }'; }
# Both the API page and the HTML page run the page query and read the status counters (the tabs).
base1=$(add "$sql1" "$sqlc")
basek=$(add "$sqlk" "$sqlc")
record queue "API page 1 (limit=100), median ms" "$api1" "psql page SQL + status counters" "$base1" "$(ratio "$api1" "$base1")" "app/baseline, lower is better"
record queue "API at $BENCH_QUEUE_DEPTH (keyset cursor), median ms" "$apid" "psql keyset SQL + status counters" "$basek" "$(ratio "$apid" "$basek")" "app/baseline"
record queue "API at $BENCH_QUEUE_DEPTH vs API page 1, median ms" "$apid" "API page 1" "$api1" "$(ratio "$apid" "$api1")" "deep/first: ~1 = keyset works"
record queue "HTML / page 1 (25 rows), median ms" "$html1" "psql page SQL + status counters" "$base1" "$(ratio "$html1" "$base1")" "app/baseline (psql page SQL has LIMIT 101)"
record queue "HTML / at $BENCH_QUEUE_DEPTH, median ms" "$htmld" "HTML page 1" "$html1" "$(ratio "$htmld" "$html1")" "deep/first"
record queue "psql page SQL, OFFSET $BENCH_QUEUE_DEPTH, median ms" "$sqlo" "psql keyset, same position" "$sqlk" "$(ratio "$sqlo" "$sqlk")" "OFFSET/keyset: why keyset"
record queue "psql status counters (every page reads them), median ms" "$sqlc" "psql page SQL page 1" "$sql1" "$(ratio "$sqlc" "$sql1")" "counters/page query"
record queue "psql status counted with count(*), median ms" "$sqlcc" "psql status counters" "$sqlc" "$(ratio "$sqlcc" "$sqlc")" "what the counters save on every page"

# wrk_run SLUG NAME URL HEADER -> records req/s and latency percentiles (wrk's output in bench/out)
wrk_run() {
  local name="$2" url="$3" header="$4" file="$OUT/wrk-$1.txt"
  log "Queue: wrk -t2 -c$BENCH_WRK_CONNECTIONS -d${BENCH_WRK_SECONDS}s $name"
  # --timeout 30s: wrk's default (2 s) would drop slow answers from the latency figures.
  timeout $((BENCH_WRK_SECONDS + 60)) wrk -t2 "-c$BENCH_WRK_CONNECTIONS" "-d${BENCH_WRK_SECONDS}s" \
    --timeout 30s --latency -H "$header" "$url" > "$file"
  local rps p50 p90 p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$file")
  p50=$(awk '$1 == "50%" { print $2 }' "$file")
  p90=$(awk '$1 == "90%" { print $2 }' "$file")
  p99=$(awk '$1 == "99%" { print $2 }' "$file")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$file")
  errors=$(awk '/Socket errors/ { sub(/^ *Socket errors: */, ""); print }' "$file")
  log "  $rps req/s, p50 $p50, p90 $p90, p99 $p99${non2xx:+, NON-2xx: $non2xx}${errors:+, socket errors: $errors}"
  record queue "$name req/s (wrk -c$BENCH_WRK_CONNECTIONS ${BENCH_WRK_SECONDS}s)" "$rps" "-" "-" "-" "p50 $p50, p90 $p90, p99 $p99${non2xx:+, non-2xx $non2xx}${errors:+, errors: $errors}"
}
wrk_run api-page1 "API page 1 (limit=100, Bearer)" "$BENCH_URL/api/v1/tickets?limit=100" "Authorization: Bearer $TOKEN"
wrk_run html-page1 "HTML page 1 (session)" "$BENCH_URL/" "Cookie: $cookie"

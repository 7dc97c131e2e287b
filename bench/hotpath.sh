#!/usr/bin/env bash
# Benchmark 4: the hot paths against the database's limit. For each path, the statements the app
# sends for one request are captured at the wire (a proxy between a second app instance and
# PostgreSQL, operator-tools/bench-sql WireCapture: the app's own SQL with its values inlined,
# BEGIN and COMMIT included, nothing retyped), then, BENCH_HOT_ROUNDS times side by side:
#  - wrk -t2 -cBENCH_WRK_CONNECTIONS -dBENCH_WRK_SECONDS against the app (requests/s),
#  - pgbench -M prepared with the same connections and duration running the captured statements
#    (transactions/s; one transaction = one request's statements).
# The ratio app/pgbench says how close the app comes to what the database alone can serve; the
# medians of the rounds are recorded. Paths: the queue's API page 1 (limit=100, Bearer token) and
# its HTML page 1 (signed-in session).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_HOT_ROUNDS:=3}"
need curl "apt-get install -y curl"
need wrk "apt-get install -y wrk"
need pgbench "apt-get install -y postgresql-client"
start_app
get_token

# ---- Capture: a second instance of the app talks to PostgreSQL through WireCapture --------------
capture_log="$OUT/capture.log"
: > "$capture_log"
proxy_port=$((BENCH_PORT + 100))
while ! port_free "$proxy_port"; do proxy_port=$((proxy_port + 1)); done
capture_port=$((proxy_port + 1))
while ! port_free "$capture_port"; do capture_port=$((capture_port + 1)); done
java -cp "$HOOKS_CP" io.backupdesk.bench.WireCapture "$proxy_port" "$PGHOST" "$PGPORT" "$capture_log" \
  2> "$OUT/capture-proxy.log" &
proxy_pid=$!
log "Capture: proxy on $proxy_port, second app on $capture_port (background jobs off)"
# Background jobs off, so that nothing but the request under study speaks while it is captured.
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$proxy_port/$BENCH_DB?sslmode=disable" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
QUARKUS_HTTP_PORT="$capture_port" HELPDESK_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
HELPDESK_REPORTS_REFRESH_INTERVAL=off HELPDESK_INCIDENTS_DETECT_EVERY=off \
HELPDESK_LIVE_PRESENCE_RENEWAL=off HELPDESK_STEP_ORDER_LEARN_CRON=off \
  java $(app_java_opts) -jar "$APP_DIR/quarkus-run.jar" > "$OUT/capture-app.log" 2>&1 &
capture_pid=$!
stop_capture() {
  kill "$capture_pid" "$proxy_pid" 2>/dev/null || true
  wait "$capture_pid" "$proxy_pid" 2>/dev/null || true
}
trap 'stop_capture; stop_app' EXIT
capture_url="http://127.0.0.1:$capture_port"
wait_ready "$capture_pid" "$capture_url" "$OUT/capture-app.log"
capture_cookie=$(sign_in "$capture_url")

lines() { wc -l < "$capture_log"; }

# capture SLUG PATH CURL-ARGS... -> $OUT/hot-SLUG.sql, the statements of one request (pgbench file)
capture() {
  local slug="$1" path="$2"; shift 2
  local i before after code file="$OUT/hot-$slug.sql"
  for ((i = 0; i < 5; i++)); do curl -s -o /dev/null "$@" "$capture_url$path"; done
  sleep 1
  before=$(lines)
  sleep 1
  after=$(lines)
  [ "$after" = "$before" ] || die "the capture app spoke while idle: $(sed -n "$((before + 1)),\$p" "$capture_log" | head -5)"
  # Two requests back to back, the second one captured: what the app does at most once a second
  # (whether a newer playbook version exists) falls on the first, as it falls on one request in
  # hundreds under load.
  curl -s -o /dev/null "$@" "$capture_url$path"
  before=$(lines)
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$capture_url$path")
  [ "$code" = 200 ] || die "GET $path answered $code on the capture app"
  sleep 1
  sed -n "$((before + 1)),\$p" "$capture_log" | cut -f2- | sed 's/;*$/;/' > "$file"
  [ -s "$file" ] || die "no statement captured for $path"
  if grep -Eiq '^(INSERT|UPDATE|DELETE)' "$file"; then
    log "  note: $slug writes: $(grep -Eic '^(INSERT|UPDATE|DELETE)' "$file") statement(s)"
  fi
  log "  $slug: $(wc -l < "$file") statements, in $file"
}
log "Capture: one request of each path"
capture api-page1 "/api/v1/tickets?limit=100" -H "Authorization: Bearer $TOKEN"
capture html-page1 "/" -H "Cookie: $capture_cookie"
stop_capture
trap stop_app EXIT

# ---- Side by side ---------------------------------------------------------------------------
html_cookie=$(sign_in "$BENCH_URL")

wrk_rps() {
  local file="$1" url="$2" header="$3"
  timeout $((BENCH_WRK_SECONDS + 60)) wrk -t2 "-c$BENCH_WRK_CONNECTIONS" "-d${BENCH_WRK_SECONDS}s" \
    --timeout 30s --latency -H "$header" "$url" > "$file"
  if grep -q 'Non-2xx' "$file"; then die "wrk saw non-2xx answers: $file"; fi
  awk '/^Requests\/sec/ { printf "%.0f\n", $2 }' "$file"
}
pgbench_tps() {
  local sql="$1" file="$2"
  pgbench -n -M prepared "-c$BENCH_WRK_CONNECTIONS" -j2 "-T$BENCH_WRK_SECONDS" -f "$sql" "$BENCH_DB" > "$file" 2>&1 \
    || { tail -5 "$file" >&2; die "pgbench failed on $sql"; }
  awk '/^tps = / { printf "%.0f\n", $3 }' "$file"
}

# side_by_side SLUG NAME URL HEADER
side_by_side() {
  local slug="$1" name="$2" url="$3" header="$4" round app db apps=() dbs=() loads=()
  # The JIT needs its warm-up: rounds measured straight after the start rose round by round.
  log "  $name: warm-up, wrk ${BENCH_WRK_SECONDS}s (not counted)"
  wrk_rps "$OUT/hot-$slug-wrk-warmup.txt" "$url" "$header" > /dev/null
  for ((round = 1; round <= BENCH_HOT_ROUNDS; round++)); do
    app=$(wrk_rps "$OUT/hot-$slug-wrk-$round.txt" "$url" "$header")
    db=$(pgbench_tps "$OUT/hot-$slug.sql" "$OUT/hot-$slug-pgbench-$round.txt")
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    log "  $name, round $round: app $app req/s, pgbench $db tps, ratio $(ratio "$app" "$db")"
    apps+=("$app"); dbs+=("$db")
  done
  app=$(printf '%s\n' "${apps[@]}" | median)
  db=$(printf '%s\n' "${dbs[@]}" | median)
  record hotpath "$name req/s, median of $BENCH_HOT_ROUNDS (-c$BENCH_WRK_CONNECTIONS ${BENCH_WRK_SECONDS}s)" "$app" \
    "pgbench, the app's $(wc -l < "$OUT/hot-$slug.sql") statements" "$db" "$(ratio "$app" "$db")" \
    "app/database, higher is better; rounds app ${apps[*]}, pgbench ${dbs[*]}; load after ${loads[*]}"
}
log "Hot paths: wrk and pgbench, $BENCH_HOT_ROUNDS rounds of ${BENCH_WRK_SECONDS}s each, -c$BENCH_WRK_CONNECTIONS"
side_by_side api-page1 "Queue API page 1 (limit=100)" "$BENCH_URL/api/v1/tickets?limit=100" "Authorization: Bearer $TOKEN"
side_by_side html-page1 "Queue HTML page 1" "$BENCH_URL/" "Cookie: $html_cookie"

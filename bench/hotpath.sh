#!/usr/bin/env bash
# Benchmark 4: the hot paths against the database's limit. For each path, the statements the app
# sends for one request are captured at the wire (a proxy between a second app instance and
# PostgreSQL, operator-tools/bench-sql WireCapture: the app's own SQL with its values inlined,
# BEGIN and COMMIT included, nothing retyped), then, BENCH_HOT_ROUNDS times side by side:
#  - wrk -t2 -cBENCH_WRK_CONNECTIONS -dBENCH_WRK_SECONDS against the app (requests/s),
#  - pgbench -M prepared with the same connections and duration running the captured statements
#    (transactions/s; one transaction = one request's statements).
# The ratio app/pgbench says how close the app comes to what the database alone can serve; the
# medians of the rounds are recorded. Paths: the queue's API page 1 (limit=100, Bearer token), its
# HTML page 1 (signed-in session), and recording an outcome ("nothing wrong" at the current step of
# an in-progress diagnosis, API). Writes are captured with the proxy turning COMMIT into ROLLBACK,
# so the capture changes nothing and pgbench can replay the same transaction against the state it
# was written for: BENCH_WRK_CONNECTIONS pgbench processes (-c1 each), each replaying the capture
# of a diagnosis of its own, rolled back, followed by a one-row update committed on its own
# (table bench_commit) so that each transaction pays a commit's WAL flush as the app's does. The
# rolled-back writes still cost their row versions, index entries and WAL records, but not the
# commit of those WAL records. The app records outcomes on other in-progress diagnoses
# (wrk, one connection per thread, bench/outcome.lua), which this benchmark moves on for good:
# each run ends a few thousand diagnoses, and resumes paused ones through the API first when
# fewer than it needs are in progress.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_HOT_ROUNDS:=3}"
: "${BENCH_HOT_WARMUPS:=3}"   # untimed wrk runs of a path before its rounds
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
  --rollback 2> "$OUT/capture-proxy.log" &
proxy_pid=$!
log "Capture: proxy on $proxy_port, second app on $capture_port (background jobs off)"
# Background jobs off, so that nothing but the request under study speaks while it is captured.
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$proxy_port/$BENCH_DB?sslmode=disable" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
QUARKUS_HTTP_PORT="$capture_port" HELPDESK_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$BENCH_SESSION_KEY" \
HELPDESK_REPORTS_REFRESH_INTERVAL=off HELPDESK_INCIDENTS_DETECT_EVERY=off \
HELPDESK_LIVE_PRESENCE_RENEWAL=off HELPDESK_STEP_ORDER_LEARN_CRON=off \
  launch_app > "$OUT/capture-app.log" 2>&1 &
capture_pid=$!
stop_capture() {
  kill "$capture_pid" "$proxy_pid" 2>/dev/null || true
  wait "$capture_pid" "$proxy_pid" 2>/dev/null || true
}
trap 'stop_capture; stop_app' EXIT
capture_url="http://127.0.0.1:$capture_port"
wait_ready "$capture_pid" "$capture_url" "$OUT/capture-app.log"
# Signed in through the app under test: the capture app's own sign-in would be rolled back.
capture_cookie=$(sign_in "$BENCH_URL")

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

# ---- Outcome writes --------------------------------------------------------------------------
# The key of every playbook step by version and number ("version number key"), from the export.
curl -sf -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/export/playbook?format=csv" \
  | python3 -c 'import csv, sys
seen = set()
for r in csv.DictReader(sys.stdin):
    k = (r["playbook_version"], r["step_number"], r["step_key"])
    if k not in seen:
        seen.add(k)
        print(*k)' > "$OUT/hot-step-keys.txt"
[ -s "$OUT/hot-step-keys.txt" ] || die "no playbook steps in the playbook export"
latest="NOT EXISTS (SELECT 1 FROM diagnosis l WHERE l.ticket_id = d.ticket_id AND l.attempt > d.attempt)"
# in_progress LIMIT -> "ticketId stepKey": tickets whose latest diagnosis is in progress, by id
in_progress() {
  q -F ' ' -c "SELECT d.ticket_id, d.playbook_version, d.current_step FROM diagnosis d
                WHERE d.status = 'IN_PROGRESS' AND d.current_step IS NOT NULL AND $latest
                ORDER BY d.ticket_id LIMIT $1" \
    | awk 'NR == FNR { key[$1 " " $2] = $3; next } ($2 " " $3) in key { print $1, key[$2 " " $3] }' \
        "$OUT/hot-step-keys.txt" -
}
# ensure_in_progress N: the generated data has a few thousand diagnoses in progress, and each run
# ends some; paused ones are resumed through the API until N are in progress.
ensure_in_progress() {
  local want="$1" have
  have=$(q -c "SELECT count(*) FROM diagnosis d WHERE d.status = 'IN_PROGRESS' AND d.current_step IS NOT NULL AND $latest")
  [ "$have" -lt "$want" ] || return 0
  log "  resuming up to $((want - have)) paused diagnoses through the API ($have in progress)"
  q -c "SELECT d.ticket_id FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
        WHERE d.status = 'ABANDONED' AND t.status <> 'CLOSED' AND $latest
        ORDER BY d.ticket_id DESC LIMIT $((want - have))" \
    | xargs -P 4 -I@ curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d '{}' "$BENCH_URL/api/v1/tickets/@/diagnosis/resumption"
  have=$(q -c "SELECT count(*) FROM diagnosis d WHERE d.status = 'IN_PROGRESS' AND d.current_step IS NOT NULL AND $latest")
  [ "$have" -ge $((want / 2)) ] || die "only $have diagnoses in progress in $BENCH_DB; prepare it anew (bench/prepare.sh)"
}
# Enough for up to 20 outcomes a second per connection, at 4 a diagnosis (the steps left average 5).
outcome_pool=$((BENCH_WRK_CONNECTIONS * BENCH_WRK_SECONDS * 20 / 4))
ensure_in_progress "$outcome_pool"
# BENCH_WRK_CONNECTIONS of them are pgbench's (captured, never changed); the app gets the others.
in_progress "$BENCH_WRK_CONNECTIONS" > "$OUT/hot-outcome-captured.txt"
[ "$(wc -l < "$OUT/hot-outcome-captured.txt")" = "$BENCH_WRK_CONNECTIONS" ] \
  || die "fewer than $BENCH_WRK_CONNECTIONS in-progress diagnoses in $BENCH_DB"
# One row per pgbench process: the committed write that stands for the app's commit.
q -c "CREATE TABLE IF NOT EXISTS bench_commit (client integer PRIMARY KEY, n bigint NOT NULL)" \
  -c "INSERT INTO bench_commit SELECT g, 0 FROM generate_series(1, $BENCH_WRK_CONNECTIONS) g ON CONFLICT DO NOTHING"
i=0
while read -r ticket key; do
  i=$((i + 1))
  file="$OUT/hot-outcome-$i.sql"
  body="{\"stepKey\":\"$key\",\"outcome\":\"NOTHING_WRONG\"}"
  path="/api/v1/tickets/$ticket/diagnosis/outcomes"
  # As for the reads: the second of two identical requests (the first was rolled back too).
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$capture_url$path"
  before=$(lines)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$body" "$capture_url$path")
  [ "$code" = 200 ] || die "POST $path answered $code on the capture app"
  sleep 0.2
  sed -n "$((before + 1)),\$p" "$capture_log" | cut -f2- | sed 's/;*$/;/; s/^COMMIT;$/ROLLBACK;/' > "$file"
  grep -q '^ROLLBACK;$' "$file" || die "no COMMIT captured for $path ($file)"
  echo "UPDATE bench_commit SET n = n + 1 WHERE client = $i;" >> "$file"
done < "$OUT/hot-outcome-captured.txt"
log "  outcome: $(($(wc -l < "$OUT/hot-outcome-1.sql") - 1)) statements ($(($(grep -Eic '^(INSERT|UPDATE|DELETE)' "$OUT/hot-outcome-1.sql") - 1)) writes) in $OUT/hot-outcome-1.sql, and $((i - 1)) more diagnoses"
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

# side_by_side NAME UNIT BASELINE APP_CMD DB_CMD: a warm-up of APP_CMD, then BENCH_HOT_ROUNDS rounds
# of APP_CMD and DB_CMD alternating; each command is called with the file for its output appended
# and prints its rate. Records the medians and every round.
side_by_side() {
  local name="$1" unit="$2" baseline="$3" app_cmd="$4" db_cmd="$5" slug round app db apps=() dbs=() loads=()
  slug=$(printf '%s' "$name" | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-')
  # The JIT needs its warm-up: rounds measured straight after the start rose round by round, and
  # after one 20 s warm-up they still did (on a slower machine, for a minute: RESULTS.md).
  local warmup
  for ((warmup = 1; warmup <= BENCH_HOT_WARMUPS; warmup++)); do
    log "  $name: warm-up $warmup of $BENCH_HOT_WARMUPS, wrk ${BENCH_WRK_SECONDS}s (not counted): $($app_cmd "$OUT/hot-$slug-wrk-warmup-$warmup.txt") $unit"
  done
  for ((round = 1; round <= BENCH_HOT_ROUNDS; round++)); do
    app=$($app_cmd "$OUT/hot-$slug-wrk-$round.txt")
    db=$($db_cmd "$OUT/hot-$slug-pgbench-$round.txt")
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    log "  $name, round $round: app $app $unit, pgbench $db tps, ratio $(ratio "$app" "$db")"
    apps+=("$app"); dbs+=("$db")
  done
  app=$(printf '%s\n' "${apps[@]}" | median)
  db=$(printf '%s\n' "${dbs[@]}" | median)
  record hotpath "$name $unit, median of $BENCH_HOT_ROUNDS (-c$BENCH_WRK_CONNECTIONS ${BENCH_WRK_SECONDS}s)" "$app" \
    "$baseline" "$db" "$(ratio "$app" "$db")" \
    "app/database, higher is better; rounds app ${apps[*]}, pgbench ${dbs[*]}; load after ${loads[*]}"
}
api_wrk() { wrk_rps "$1" "$BENCH_URL/api/v1/tickets?limit=100" "Authorization: Bearer $TOKEN"; }
api_pgbench() { pgbench_tps "$OUT/hot-api-page1.sql" "$1"; }
html_wrk() { wrk_rps "$1" "$BENCH_URL/" "Cookie: $html_cookie"; }
html_pgbench() { pgbench_tps "$OUT/hot-html-page1.sql" "$1"; }

# Outcome writes: the app on diagnoses of its own per connection (bench/outcome.lua), fresh ones
# each run; pgbench as one process per connection, each replaying its own diagnosis's capture.
outcome_wps() {
  local file="$1" list="$OUT/hot-outcome-app.txt" c="$BENCH_WRK_CONNECTIONS"
  ensure_in_progress $((outcome_pool + c))
  in_progress $((outcome_pool + c)) | awk 'NR == FNR { captured[$1]; next } !($1 in captured)' \
    "$OUT/hot-outcome-captured.txt" - > "$list"
  timeout $((BENCH_WRK_SECONDS + 60)) wrk "-t$c" "-c$c" "-d${BENCH_WRK_SECONDS}s" --timeout 30s --latency \
    -H "Authorization: Bearer $TOKEN" -s "$BENCH_DIR/outcome.lua" "$BENCH_URL" -- "$list" "$c" > "$file"
  grep -q '^Refused: 0$' "$file" || die "outcomes refused: $file"
  grep -q '^Connections out of diagnoses: 0$' "$file" || die "wrk ran out of in-progress diagnoses: $file"
  awk '/^Outcome writes\/sec/ { printf "%.0f\n", $3 }' "$file"
}
outcome_tps() {
  local file="$1" i pids=()
  for ((i = 1; i <= BENCH_WRK_CONNECTIONS; i++)); do
    pgbench -n -M prepared -c1 -j1 "-T$BENCH_WRK_SECONDS" -f "$OUT/hot-outcome-$i.sql" "$BENCH_DB" \
      > "$file.$i" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || { tail -5 "$file.$((i + 1))" >&2; die "pgbench failed on hot-outcome-$((i + 1)).sql"; }
  done
  cat "$file".* > "$file"
  rm -f "$file".*
  awk '/^tps = / { sum += $3 } END { printf "%.0f\n", sum }' "$file"
}

log "Hot paths: wrk and pgbench, $BENCH_HOT_ROUNDS rounds of ${BENCH_WRK_SECONDS}s each, -c$BENCH_WRK_CONNECTIONS"
side_by_side "Queue API page 1 (limit=100)" req/s \
  "pgbench, the app's $(wc -l < "$OUT/hot-api-page1.sql") statements" api_wrk api_pgbench
side_by_side "Queue HTML page 1" req/s \
  "pgbench, the app's $(wc -l < "$OUT/hot-html-page1.sql") statements" html_wrk html_pgbench
side_by_side "Recording an outcome (API)" writes/s \
  "pgbench, the app's $(($(wc -l < "$OUT/hot-outcome-1.sql") - 1)) statements, rolled back, + a committed one-row update" \
  outcome_wps outcome_tps

#!/usr/bin/env bash
# Reports and the export against a real streaming replica, on this machine:
#   1. a fresh database on the primary (127.0.0.1:5432 unless PGHOST/PGPORT say otherwise);
#   2. a second PostgreSQL cluster copied from the primary with pg_basebackup -R, started as a hot
#      standby on a free port (hot_standby_feedback on, max_standby_streaming_delay set);
#   3. the packaged app with its primary datasource on the primary and the `reporting` datasource
#      on the standby; tickets, diagnoses and resolutions written through the API;
#   4. every report and a cursor export (a full pull, then an incremental one after a write) read
#      from the standby, with the replication lag, the reports' asOf and how long a change took to
#      show in the export; the export's row counts checked against the standby's tables.
# Everything it starts it stops; the standby's files and the database go unless REPLICA_KEEP=1.
#
# Settings (environment):
#   REPLICA_SUPERUSER  postgres   a superuser of the primary (pg_basebackup, CREATE DATABASE)
#   REPLICA_DB         helpdesk_replica_<pid>   the database the app writes (created, then dropped)
#   REPLICA_PORT       first free port from 55432   the standby's port
#   REPLICA_DIR        /tmp/backupdesk-replica-<port>   the standby's data directory
#   REPLICA_BIN        /usr/lib/postgresql/15/bin   pg_basebackup, pg_ctl of the primary's version
#   REPLICA_TICKETS    40     tickets written through the API (half get a resolved diagnosis)
#   REPLICA_HBA_EDIT   1      allow adding "host replication <superuser> 127.0.0.1/32 trust" to
#                             the primary's pg_hba.conf (and reloading) when no rule allows the copy
#   REPLICA_KEEP       0      1 keeps the standby running and the database (prints how to stop)
# The app: BENCH_PORT, BENCH_HEAP, BENCH_ADMIN_PASSWORD as in lib.sh; its pools wait up to 60 s for
# a connection (a loaded machine makes the first ones slow).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

: "${REPLICA_SUPERUSER:=postgres}"
: "${REPLICA_DB:=helpdesk_replica_$$}"
: "${REPLICA_BIN:=/usr/lib/postgresql/15/bin}"
: "${REPLICA_TICKETS:=40}"
: "${REPLICA_HBA_EDIT:=1}"
: "${REPLICA_KEEP:=0}"
: "${REPLICA_PORT:=55432}"
while ! port_free "$REPLICA_PORT"; do REPLICA_PORT=$((REPLICA_PORT + 1)); done
: "${REPLICA_DIR:=/tmp/backupdesk-replica-$REPLICA_PORT}"
NAME="backupdesk_replica_$REPLICA_PORT"   # the standby's cluster_name: its row in pg_stat_replication
need curl "apt-get install -y curl"
need psql "apt-get install -y postgresql-client"
[ -x "$REPLICA_BIN/pg_basebackup" ] || die "no $REPLICA_BIN/pg_basebackup (set REPLICA_BIN)"

RESULT="$OUT/replica.txt"
: > "$RESULT"
say() { echo "$*" | tee -a "$RESULT"; }

# psql as the superuser on the primary / on the standby.
prim() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$REPLICA_SUPERUSER" "$@"; }
stby() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$REPLICA_PORT" -U "$REPLICA_SUPERUSER" "$@"; }

# The server refuses to run as root: run its tools as the owner of the primary's files.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  stop_app
  if [ "$status" != 0 ] && [ -f "$REPLICA_DIR/standby.log" ]; then
    echo "--- the standby's log (last lines):" >&2
    tail -15 "$REPLICA_DIR/standby.log" >&2
  fi
  if [ "$REPLICA_KEEP" = 1 ]; then
    log "Kept: standby on port $REPLICA_PORT ($REPLICA_DIR), database $REPLICA_DB."
    log "  stop: $REPLICA_BIN/pg_ctl -D $REPLICA_DIR stop; rm -rf $REPLICA_DIR; dropdb $REPLICA_DB"
    return
  fi
  if [ -f "$REPLICA_DIR/postmaster.pid" ]; then
    as_pg "$REPLICA_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$REPLICA_DIR"
  prim -d postgres -c "DROP DATABASE IF EXISTS $REPLICA_DB" 2>/dev/null || true
}
trap cleanup EXIT

# ---- 1. The database on the primary ------------------------------------------------------------
log "Primary $PGHOST:$PGPORT: creating database $REPLICA_DB"
prim -d postgres -c "CREATE DATABASE $REPLICA_DB"

# ---- 2. The standby ----------------------------------------------------------------------------
rules=$(prim -d postgres -c "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)")
if [ "$rules" = 0 ]; then
  [ "$REPLICA_HBA_EDIT" = 1 ] || die "no pg_hba.conf rule allows replication connections; add one or set REPLICA_HBA_EDIT=1"
  hba=$(prim -d postgres -c "SHOW hba_file")
  log "Adding a replication rule for $REPLICA_SUPERUSER from 127.0.0.1 to $hba and reloading"
  printf '\n# bench/replica.sh: the streaming copy of the benchmarks\nhost replication %s 127.0.0.1/32 trust\n' \
    "$REPLICA_SUPERUSER" >> "$hba"
  prim -d postgres -c "SELECT pg_reload_conf()" > /dev/null
  sleep 1
fi

log "pg_basebackup -R into $REPLICA_DIR"
rm -rf "$REPLICA_DIR"
mkdir -p "$REPLICA_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$REPLICA_DIR"
chmod 700 "$REPLICA_DIR"
started=$(now)
as_pg "$REPLICA_BIN/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U "$REPLICA_SUPERUSER" \
  -D "$REPLICA_DIR" -R -X stream -c fast
say "base backup: $(du -sh "$REPLICA_DIR" | cut -f1) in $(elapsed "$started" "$(now)") s"
# The copy has the primary's postgresql.auto.conf; Debian keeps postgresql.conf, pg_hba.conf and
# pg_ident.conf outside the data directory, so the copy lacks them: the standby gets its own, and
# what it needs is appended to postgresql.auto.conf, which wins.
[ -f "$REPLICA_DIR/postgresql.conf" ] || : > "$REPLICA_DIR/postgresql.conf"
[ -f "$REPLICA_DIR/pg_ident.conf" ] || : > "$REPLICA_DIR/pg_ident.conf"
[ -f "$REPLICA_DIR/pg_hba.conf" ] || printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$REPLICA_DIR/pg_hba.conf"
cat >> "$REPLICA_DIR/postgresql.auto.conf" <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 300s
shared_buffers = 64MB
logging_collector = off
cluster_name = '$NAME'
EOF
[ "$(id -u)" = 0 ] && chown postgres "$REPLICA_DIR"/*.conf
log "Starting the standby on port $REPLICA_PORT"
as_pg "$REPLICA_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/standby.log" -w -t 120 start > /dev/null
[ "$(stby -d postgres -c 'SELECT pg_is_in_recovery()')" = t ] || die "the standby is not in recovery"
say "standby: PostgreSQL $(stby -d postgres -c 'SHOW server_version') on port $REPLICA_PORT, in recovery, hot_standby_feedback=$(stby -d postgres -c 'SHOW hot_standby_feedback'), max_standby_streaming_delay=$(stby -d postgres -c 'SHOW max_standby_streaming_delay')"

# ---- 3. The app: writes to the primary, reports and exports from the standby ---------------------
build_app
while ! port_free "$BENCH_PORT"; do BENCH_PORT=$((BENCH_PORT + 1)); done
log "Starting the app on port $BENCH_PORT (reporting datasource on the standby)"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$REPLICA_DB" \
QUARKUS_DATASOURCE_USERNAME="$REPLICA_SUPERUSER" QUARKUS_DATASOURCE_PASSWORD="" \
QUARKUS_DATASOURCE_REPORTING_JDBC_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$REPLICA_DB" \
QUARKUS_DATASOURCE_REPORTING_USERNAME="$REPLICA_SUPERUSER" QUARKUS_DATASOURCE_REPORTING_PASSWORD="" \
QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S QUARKUS_DATASOURCE_REPORTING_JDBC_ACQUISITION_TIMEOUT=60S \
QUARKUS_HTTP_PORT="$BENCH_PORT" HELPDESK_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
  launch_app > "$OUT/replica-app.log" 2>&1 &
APP_PID=$!
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
wait_ready "$APP_PID" "$BENCH_URL" "$OUT/replica-app.log"
AUTH=(-u "admin:$BENCH_ADMIN_PASSWORD")
api() { curl -sS -f "${AUTH[@]}" -H 'Content-Type: application/json' "$@"; }

log "Writing $REPLICA_TICKETS tickets through the API (half resolved by a diagnosis)"
for ((n = 1; n <= REPLICA_TICKETS; n++)); do
  id=$(api -d "{\"customerName\":\"Replica Customer $n\",\"customerEmail\":\"replica-$n@example.com\",\"deviceModel\":\"iPhone 15\",\"iosVersion\":\"17.5\",\"channel\":\"PHONE\",\"subject\":\"Backup fails $n\"}" \
    "$BENCH_URL/api/v1/tickets" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  [ -n "$id" ] || die "POST /api/v1/tickets gave no id"
  if ((n % 2 == 0)); then
    api -X POST "$BENCH_URL/api/v1/tickets/$id/diagnosis" > /dev/null
    api -d '{"stepKey":"backup-switch","outcome":"FIXED","fixOption":"turn-on-backup"}' \
      "$BENCH_URL/api/v1/tickets/$id/diagnosis/outcomes" > /dev/null
    api -d '{"stepKey":"backup-switch","backupCompleted":true}' \
      "$BENCH_URL/api/v1/tickets/$id/diagnosis/verification" > /dev/null
  fi
done
LAST_TICKET=$id

lag() {
  prim -d postgres -c "SELECT coalesce(write_lag::text, '0') || ' write lag, ' || coalesce(replay_lag::text, '0') || ' replay lag, ' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes behind' FROM pg_stat_replication WHERE application_name = '$NAME'"
}
sleep 2
say "replication lag after the writes (pg_stat_replication): $(lag)"

# ---- 4. Every report and a cursor export, read from the standby ------------------------------------
today=$(date -u +%F)
say ""
say "report (today, from the standby)  status  ms    asOf                         age s  rows"
for report in resolutions-by-fix step-funnel escalations time-to-resolution step-times \
  first-contact-resolution agents repeat-contacts headline; do
  body=$(mktemp)
  asked=$(date -u +%s.%N)
  read -r code t < <(curl -s -o "$body" -w '%{http_code} %{time_total}\n' "${AUTH[@]}" \
    "$BENCH_URL/api/v1/reports/$report?from=$today&to=$today")
  # asOf's age when the request was sent: how far behind the figures were.
  read -r as_of age rows < <(python3 -c 'import json, sys, datetime
try:
    r = json.load(open(sys.argv[1]))
    at = datetime.datetime.fromisoformat(r["asOf"].replace("Z", "+00:00")).timestamp()
    print(r["asOf"], "%.2f" % (float(sys.argv[2]) - at), len(r.get("rows", [])))
except (ValueError, KeyError, TypeError):
    print("? ? ?")' "$body" "$asked")
  say "$(printf '%-34s %-7s %-5s %-28s %-6s %s' "$report" "$code" "$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')" "$as_of" "$age" "$rows")"
  [ "$code" = 200 ] || { cat "$body" >&2; die "report $report answered $code from the standby"; }
  if [ "$report" = time-to-resolution ]; then
    say "    rows: $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["rows"])' "$body")"
  fi
  rm -f "$body"
done
say "the standby counts: $(stby -d "$REPLICA_DB" -c "SELECT count(*) || ' tickets, ' || count(*) FILTER (WHERE status = 'RESOLVED') || ' resolved' FROM ticket")"

say ""
headers=$(mktemp)
body=$(mktemp)
curl -sS -f "${AUTH[@]}" -D "$headers" -o "$body" "$BENCH_URL/api/v1/export/tickets?format=csv"
cursor=$(grep -i '^export-next-cursor' "$headers" | cut -d' ' -f2 | tr -d '\r')
exported=$(($(wc -l < "$body") - 1))
counted=$(stby -d "$REPLICA_DB" -c "SELECT count(*) FROM ticket")
say "export, full pull of tickets from the standby: $exported rows (the standby's table: $counted), Export-Next-Cursor $cursor"
[ "$exported" = "$counted" ] || die "the full pull has $exported rows, the table $counted"
for path in diagnoses step-results timeline agents; do
  n=$(($(curl -sS -f "${AUTH[@]}" "$BENCH_URL/api/v1/export/$path?format=csv" | wc -l) - 1))
  say "  $path: $n rows"
done

# The worked example of docs/api.md: resolutions-by-fix (overall) reproduced from the exports.
curl -sS -f "${AUTH[@]}" -o "$OUT/replica-diagnoses.csv" "$BENCH_URL/api/v1/export/diagnoses?to=$today&format=csv"
curl -sS -f "${AUTH[@]}" -o "$OUT/replica-playbook.csv" "$BENCH_URL/api/v1/export/playbook?format=csv"
report=$(curl -sS -f "${AUTH[@]}" "$BENCH_URL/api/v1/reports/resolutions-by-fix?from=$today&to=$today&format=csv" \
  | tr -d '\r' | awk -F, '$1 == "overall"')
from_export=$(cd "$OUT" && python3 - "$today" <<'PY'
import csv, collections, sys
day = sys.argv[1]
labels = {(r['playbook_version'], r['step_key'], r['fix_key']): (r['step_title'], r['fix_label'])
          for r in csv.DictReader(open('replica-playbook.csv'))}
fixes = collections.Counter()
for d in csv.DictReader(open('replica-diagnoses.csv')):
    if d['status'] == 'RESOLVED' and d['ended_at'][:10] == day:
        fixes[(d['playbook_version'], d['resolved_step_number'], d['resolved_step_key'],
               d['resolved_fix_option'])] += 1
total = sum(fixes.values())
for (version, number, step, fix), n in sorted(fixes.items(), key=lambda kv: -kv[1]):
    title, label = labels[(version, step, fix)]
    print(f"overall,all,{number},{step},{title},{fix},{label},{n},{n / total:.4f}")
PY
)
say "resolutions-by-fix, overall, from the report:  $report"
say "the same from the diagnoses and playbook exports: $from_export"
[ "$report" = "$from_export" ] || die "the export does not reproduce the report"

# A change on the primary, then pulls from the standby with the cursor until it shows.
api -X PATCH -d '{"priority":"URGENT"}' "$BENCH_URL/api/v1/tickets/$LAST_TICKET" > /dev/null
changed=$(now)
for ((i = 0; i < 200; i++)); do
  curl -sS -f "${AUTH[@]}" -D "$headers" -o "$body" "$BENCH_URL/api/v1/export/tickets?format=csv&cursor=$cursor"
  [ "$(wc -l < "$body")" -gt 1 ] && break
  sleep 0.05
done
took=$(elapsed "$changed" "$(now)")
rows=$(($(wc -l < "$body") - 1))
say "export, incremental pull after a priority change on the primary: $rows row(s) (ticket $(sed -n 2p "$body" | cut -d, -f1), $(sed -n 2p "$body" | cut -d, -f7)) after $took s, $((i + 1)) pull(s)"
[ "$rows" = 1 ] || die "the incremental pull has $rows rows, not the one change"
next=$(grep -i '^export-next-cursor' "$headers" | cut -d' ' -f2 | tr -d '\r')
again=$(($(curl -sS -f "${AUTH[@]}" "$BENCH_URL/api/v1/export/tickets?format=csv&cursor=$next" | wc -l) - 1))
say "export, the pull after it: $again rows"
rm -f "$headers" "$body"
say "replication lag at the end: $(lag)"
say ""
(BENCH_DB=postgres PGUSER="$REPLICA_SUPERUSER" PGPASSWORD='' && machine) | tee -a "$RESULT"
log "Done; the results are also in $RESULT"

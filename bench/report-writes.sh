#!/usr/bin/env bash
# What the report summaries cost writers: pgbench runs the statements of recording one step outcome
# (lock the diagnosis, upsert a step result, update the diagnosis and its ticket, add a timeline
# event) against random diagnoses of BENCH_DB, alternately with the summaries' change triggers
# disabled and enabled (BENCH_WRITE_ROUNDS each, BENCH_WRITE_SECONDS long, BENCH_WRITE_CLIENTS
# connections), and prints transactions per second of each and the ratio. Leave the app running
# against BENCH_DB (bench/reports.sh starts one) to include the refresh it runs every second.
# The step results it writes stay; the diagnoses it touched are queued for the next refresh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_WRITE_SECONDS:=20}"
: "${BENCH_WRITE_CLIENTS:=8}"
: "${BENCH_WRITE_ROUNDS:=2}"
need pgbench "Debian: apt-get install -y postgresql-contrib (or postgresql-client)"
script="$OUT/outcome-write.sql"
max=$(q -c "SELECT max(id) FROM diagnosis")
cat > "$script" <<SQL
\set d random(1, $max)
BEGIN;
SELECT id, ticket_id, version FROM diagnosis WHERE id = :d FOR UPDATE;
INSERT INTO step_result (diagnosis_id, step_key, step_number, step_version, outcome, started_at,
                         ended_at, recorded_by, updated_at)
SELECT id, 'backup-switch', 1, 1, 'NOTHING_WRONG', now() - interval '2 minutes', now(), started_by, now()
FROM diagnosis WHERE id = :d
ON CONFLICT (diagnosis_id, step_number)
DO UPDATE SET ended_at = EXCLUDED.ended_at, updated_at = EXCLUDED.updated_at;
UPDATE diagnosis SET current_step = coalesce(current_step, 1), current_step_started_at = now(),
                     updated_at = now(), version = version + 1 WHERE id = :d;
UPDATE ticket SET updated_at = now(), version = version + 1
WHERE id = (SELECT ticket_id FROM diagnosis WHERE id = :d);
INSERT INTO ticket_event (ticket_id, diagnosis_id, actor, kind, summary)
SELECT ticket_id, id, started_by, 'STEP_RECORDED', 'bench' FROM diagnosis WHERE id = :d;
END;
SQL
triggers() {
  local action="$1"
  for t in ticket diagnosis step_result; do
    for op in insert update delete; do
      q -c "ALTER TABLE $t $action TRIGGER report_change_${t}_$op"
    done
  done
}
tps() {
  # Two writers may lock the same ticket through different diagnoses: retry the deadlock victim.
  { pgbench -n -M prepared --max-tries=10 -c "$BENCH_WRITE_CLIENTS" -j 2 -T "$BENCH_WRITE_SECONDS" \
      -f "$script" "$BENCH_DB" 2>&1 || true; } \
    | awk '/^tps = / { printf "%.0f\n", $3 }'
}
started=$(q -c "SELECT now()")
machine >&2
trap 'triggers ENABLE' EXIT
for ((round = 1; round <= BENCH_WRITE_ROUNDS; round++)); do
  triggers DISABLE
  off=$(tps); off_load=$(cut -d' ' -f1 /proc/loadavg)
  triggers ENABLE
  on=$(tps); on_load=$(cut -d' ' -f1 /proc/loadavg)
  log "round $round: without change triggers $off tps (load $off_load), with $on tps (load $on_load), ratio $(ratio "$on" "$off")"
  record report-writes "outcome write, round $round, tps" "$on" "without change triggers" "$off" "$(ratio "$on" "$off")" "with/without, higher is better; load $on_load / $off_load"
done
# The rows written while the triggers were off were never queued: queue them now.
q -c "INSERT INTO report_change (diagnosis_id) SELECT DISTINCT diagnosis_id FROM step_result WHERE updated_at >= '$started'"

#!/usr/bin/env bash
# Runs every benchmark in one go against one app and prints a summary table:
#   prepare.sh (database), startup.sh (start-up time and RSS, before the shared app starts), then
#   export.sh, reports.sh, queue.sh, hotpath.sh against one packaged app.
# Settings: see bench/lib.sh (BENCH_DB, BENCH_TICKETS, BENCH_PORT, BENCH_RUNS, ...).
# BENCH_ONLY="export reports queue" picks benchmarks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_ONLY:=startup export reports queue hotpath}"
need psql "apt-get install -y postgresql-client"
need curl "apt-get install -y curl"
need java "a JDK 17+"
case " $BENCH_ONLY " in *" queue "* | *" hotpath "*) need wrk "apt-get install -y wrk" ;; esac
case " $BENCH_ONLY " in *" hotpath "*) need pgbench "apt-get install -y postgresql-client" ;; esac

"$BENCH_DIR/prepare.sh"
build_app
: > "$SUMMARY"
# Start-up is measured alone, before the app the other benchmarks share is started.
case " $BENCH_ONLY " in *" startup "*) "$BENCH_DIR/startup.sh" ;; esac
start_app
get_token
for b in $BENCH_ONLY; do
  [ "$b" = startup ] || "$BENCH_DIR/$b.sh"
done
stop_app

{
  echo
  machine
  echo "database:   $BENCH_DB, $(q -c "SELECT to_char(count(*), 'FM9,999,999,999') FROM ticket") tickets, $(q -c "SELECT to_char(count(*), 'FM9,999,999,999') FROM step_result") step results"
  [ -f "$OUT/generate.summary" ] && echo "generator:  $(cat "$OUT/generate.summary") (last run)"
  echo
  { printf 'bench\tfigure\tapp\tbaseline\tbaseline value\tratio\tnote\n'; cat "$SUMMARY"; } \
    | column -t -s $'\t'
} | tee "$OUT/summary.txt"
echo
echo "Summary also in bench/out/summary.txt; raw output (SQL, wrk) in bench/out/."

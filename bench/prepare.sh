#!/usr/bin/env bash
# Prepares the benchmark database: BENCH_TICKETS tickets made by the data generator, over the
# BENCH_DAYS days up to today (UTC), so the reports' default 30-day window is full.
# Idempotent: a database that already holds BENCH_TICKETS tickets is reused as it is.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BENCH_DAYS:=112}"
need psql "Debian: apt-get install -y postgresql-client"

if ! psql -X -q -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  log "Creating database $BENCH_DB"
  psql -X -q -d postgres -c "CREATE DATABASE $BENCH_DB" 2>/dev/null \
    || die "cannot create $BENCH_DB as $PGUSER; as the postgres user run: psql -c 'CREATE DATABASE $BENCH_DB OWNER $PGUSER'"
fi

have=$(q -c "SELECT count(*) FROM ticket" 2>/dev/null || echo 0)
if [ "$have" = "$BENCH_TICKETS" ]; then
  log "Database $BENCH_DB already holds $have tickets: reused"
  exit 0
fi
[ "$have" = 0 ] || die "$BENCH_DB holds $have tickets, not $BENCH_TICKETS; drop it (DROP DATABASE $BENCH_DB) or set BENCH_TICKETS=$have"

to=$(date -u +%F)
from=$(date -u -d "$to - $((BENCH_DAYS - 1)) days" +%F)
log "Generating $BENCH_TICKETS tickets into $BENCH_DB ($from to $to); 1M take about 3 to 4 minutes"
cd "$ROOT"
./mvnw -B -q install -DskipTests
started=$(now)
./mvnw -B -q -pl operator-tools/data-generator exec:java -Dexec.mainClass=io.backupdesk.tools.generator.GenerateData \
  -Dexec.args="--url jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB --user $PGUSER --password $PGPASSWORD --tickets $BENCH_TICKETS --from $from --to $to" \
  | tee "$OUT/generate.log"
took=$(elapsed "$started" "$(now)")
rate=$(awk -v n="$BENCH_TICKETS" -v s="$took" 'BEGIN { printf "%.0f", n / s }')
log "Generated $BENCH_TICKETS tickets in $took s ($rate tickets/s including Maven start and ANALYZE)"
echo "$BENCH_TICKETS tickets in $took s, $rate tickets/s" > "$OUT/generate.summary"

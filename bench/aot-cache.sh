#!/usr/bin/env bash
# Writes the packaged app's ahead-of-time cache, helpdesk-web/target/quarkus-app/app.aot, for a JDK
# 25 or later (JEPs 483, 514 and 515): with it the JVM starts the app with the classes it needs
# already read, parsed and linked, and with the method profiles of a training run, so the JIT
# compiles the right methods sooner. The training run: the app started once with
# -XX:AOTCacheOutput=app.aot against BENCH_DB, signed in as admin, the pages and API reads an agent
# starts a day with, then stopped; the JVM writes the cache as it exits.
# The cache holds the classes the training run loaded (the JDK's, the libraries' and the app's).
# Train again after each build and each JDK update (startup.sh does whenever the build is newer
# than the cache): a JVM given a cache that does not fit starts without it; with -XX:AOTMode=on, as
# the benchmarks run it, it refuses to start. BENCH_AOT_JAVA chooses the JDK (default: the newest
# 25+ under /usr/lib/jvm).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need curl "apt-get install -y curl"
build_app
java=$(aot_java) || die "needs a JDK 25 or later: set BENCH_AOT_JAVA to its bin/java"
port=$((BENCH_PORT + 300))
while ! port_free "$port"; do port=$((port + 1)); done
url="http://127.0.0.1:$port"
rm -f "$APP_DIR/app.aot"
log "Training run on $("$java" -version 2>&1 | head -1), port $port, database $BENCH_DB"
# The options of the runs that will use the cache (aot_java_opts), less the cache itself: a cache
# written with one collector or heap layout is only partly usable under another.
APP_JAVA="$java" launch_on "$port" "-Xmx$BENCH_HEAP" $BENCH_AOT_JAVA_OPTS -XX:AOTCacheOutput=app.aot \
  > "$OUT/aot-training.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
wait_ready "$pid" "$url" "$OUT/aot-training.log"
cookie=$(sign_in "$url")
for path in / /tickets "/tickets?sort=DUE_ASC" "/tickets?status=WAITING_ON_CUSTOMER" /reports /incidents \
  /account/tokens; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url$path")
  [ "$code" = 200 ] || die "training: GET $path answered $code"
done
for path in "/api/v1/tickets?limit=100" /api/v1/reports/headline /api/v1/reports/step-funnel \
  /api/v1/me/tokens; do
  # HTTP Basic, not a personal token: issuing one would leave it behind in the database.
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$BENCH_ADMIN_PASSWORD" "$url$path")
  [ "$code" = 200 ] || die "training: GET $path answered $code"
done
started=$(now)
kill "$pid"
wait "$pid" 2>/dev/null || true
trap - EXIT
[ -s "$APP_DIR/app.aot" ] || { tail -20 "$OUT/aot-training.log" >&2; die "the JVM wrote no app.aot"; }
log "Wrote $APP_DIR/app.aot ($(du -m "$APP_DIR/app.aot" | cut -f1) MB) in $(elapsed "$started" "$(now)") s after the stop"

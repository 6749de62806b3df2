#!/usr/bin/env bash
# Backup and restore drill: a backup is only known to be good once it has been restored. Dumps the
# database (pg_dump, custom format), restores the dump into a scratch database, checks the ledger
# invariant on the restored copy, and drops the scratch database.
#
#   PGPASSWORD=... scripts/backup-drill.sh [--keep] [--dump FILE] postgresql://meritocrab@db:5432/meritocrab
#
# SOURCE_URL is a libpq connection URI (the password from PGPASSWORD or ~/.pgpass, never the command
# line in production). The scratch database is created on the server of DRILL_SCRATCH_URL (a libpq URI
# of any database there; default: the source's server, through its `postgres` database) and is named
# meritocrab_drill_<time>. --dump keeps the dump at FILE (a verified backup; scripts/rollback.sh looks
# for these), otherwise it is deleted; --keep leaves the scratch database in place for inspection.
#
# The invariant (SPEC §3), on the restored copy: each entry's credit_after = credit_before + delta and
# never below 0; the applied delta differs from the requested one only when clamped at 0; a
# contributor's entries are numbered 1..entry_count and each starts where the previous one ended; the
# contributor's credit is its last entry's credit_after. The restored schema version must equal the
# source's. Exits 0 when the drill passed, 1 when it failed (each violation on a line), 2 on wrong usage.
# Needs pg_dump, pg_restore and psql (Debian: postgresql-client) no older than the server.
set -euo pipefail
trap 'echo "drill FAILED: the command on line $LINENO failed (see above)"' ERR

usage() {
    echo "usage: $0 [--keep] [--dump FILE] SOURCE_URL   (a libpq URI: postgresql://user@host:port/database)" >&2
    exit 2
}

keep=false
dump=""
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=true; shift ;;
        --dump) [ $# -ge 2 ] || usage; dump="$2"; shift 2 ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || usage
source_url="$1"
case "$source_url" in
    postgres://* | postgresql://*) ;;
    *) usage ;;
esac
for tool in pg_dump pg_restore psql; do
    command -v "$tool" >/dev/null || { echo "drill FAILED: $tool is not installed (apt-get install postgresql-client)"; exit 1; }
done

# with_database URI NAME: the same URI naming another database (query parameters kept).
with_database() {
    local uri="${1%%\?*}" query=""
    case "$1" in *\?*) query="?${1#*\?}" ;; esac
    echo "${uri%/*}/$2$query"
}

scratch="meritocrab_drill_$(date -u +%Y%m%d%H%M%S)_$$"
maintenance="${DRILL_SCRATCH_URL:-$(with_database "$source_url" postgres)}"
scratch_url="$(with_database "$maintenance" "$scratch")"
workdir="$(mktemp -d)"
created=false
cleanup() {
    if [ "$created" = true ] && [ "$keep" = false ]; then
        psql --quiet --no-psqlrc "$maintenance" -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 ||
            echo "could not drop the scratch database $scratch; drop it by hand" >&2
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT
[ -n "$dump" ] || dump="$workdir/meritocrab.dump"

sql() {
    psql --no-psqlrc --quiet --tuples-only --no-align --field-separator=' ' -v ON_ERROR_STOP=1 "$@"
}

started=$(date +%s)
pg_dump --format=custom --file="$dump" "$source_url"
echo "dumped to $dump ($(wc -c <"$dump") bytes) in $(($(date +%s) - started)) s"

restore_started=$(date +%s)
sql "$maintenance" -c "CREATE DATABASE $scratch" >/dev/null
created=true
pg_restore --exit-on-error --no-owner --no-privileges --dbname="$scratch_url" "$dump"
echo "restored into $scratch in $(($(date +%s) - restore_started)) s"

version_query="SELECT max(version::int) FROM flyway_schema_history WHERE success AND version IS NOT NULL"
source_version="$(sql "$source_url" -c "$version_query")"
restored_version="$(sql "$scratch_url" -c "$version_query")"

violations="$(sql "$scratch_url" <<'SQL'
WITH chain AS (
    SELECT e.*, lag(e.credit_after) OVER (PARTITION BY e.contributor_id ORDER BY e.seq) AS previous_after,
           row_number() OVER (PARTITION BY e.contributor_id ORDER BY e.seq) AS position
    FROM ledger_entry e
), problems AS (
    SELECT contributor_id, seq, 'credit_after ' || credit_after || ' is not credit_before ' || credit_before
           || ' + delta ' || delta || ', or is negative' AS problem
    FROM chain WHERE credit_after <> credit_before + delta OR credit_after < 0
    UNION ALL
    SELECT contributor_id, seq, 'applied delta ' || delta || ' differs from the requested ' || requested_delta
           || ' without a clamp at 0'
    FROM chain WHERE delta <> requested_delta AND NOT (credit_after = 0 AND requested_delta < delta)
    UNION ALL
    SELECT contributor_id, seq, 'starts at ' || credit_before || ' but the previous entry ended at ' || previous_after
    FROM chain WHERE previous_after IS NOT NULL AND credit_before <> previous_after
    UNION ALL
    SELECT contributor_id, seq, 'is entry number ' || position || ' of the contributor'
    FROM chain WHERE seq <> position
    UNION ALL
    SELECT c.id, NULL, 'credit ' || c.credit || ' is not the last entry''s credit_after ' || last.credit_after
    FROM contributor c
    JOIN LATERAL (SELECT credit_after FROM ledger_entry WHERE contributor_id = c.id ORDER BY seq DESC LIMIT 1) last
      ON true
    WHERE c.credit <> last.credit_after
    UNION ALL
    SELECT c.id, NULL, 'entry_count ' || c.entry_count || ' but ' || count(e.id) || ' entries'
    FROM contributor c LEFT JOIN ledger_entry e ON e.contributor_id = c.id
    GROUP BY c.id, c.entry_count HAVING c.entry_count <> count(e.id)
)
SELECT 'contributor ' || p.contributor_id || ' (' || c.login || ')'
       || coalesce(' entry ' || p.seq, '') || ': ' || p.problem
FROM problems p JOIN contributor c ON c.id = p.contributor_id
ORDER BY p.contributor_id, p.seq NULLS LAST
SQL
)"
counts="$(sql "$scratch_url" -c "SELECT (SELECT count(*) FROM contributor) || ' contributors, '
    || (SELECT count(*) FROM ledger_entry) || ' ledger entries, ' || (SELECT count(*) FROM delivery) || ' deliveries'")"

failed=false
if [ "$restored_version" != "$source_version" ]; then
    echo "schema version $restored_version restored, but the source is at $source_version"
    failed=true
fi
if [ -n "$violations" ]; then
    echo "$violations"
    failed=true
fi
[ "$keep" = true ] && echo "kept the scratch database $scratch ($scratch_url)"
if [ "$failed" = true ]; then
    echo "drill FAILED: the restored copy ($counts) breaks the ledger invariant: $(printf '%s\n' "$violations" | grep -c .) violations"
    exit 1
fi
echo "drill passed: restored $counts at schema version $restored_version; the ledger invariant holds ($(($(date +%s) - started)) s)"

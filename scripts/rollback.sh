#!/usr/bin/env bash
# Rollback in one command: puts the Deployment back on the image of an earlier release, waits until
# it is ready, and runs the smoke suite against it.
#
#   MERITOCRAB_GITHUB_WEBHOOK_SECRET=... MERITOCRAB_ADMIN_TOKEN=... scripts/rollback.sh 1.2.3
#
# Migrations are forward-only: an earlier version runs on the newer schema only when the release notes
# say the newer migrations are backward compatible; otherwise the database must be restored from the
# backup taken before the upgrade (docs/runbook.md, "Restoring from a backup"). So the rollback refuses
# to start unless a fresh backup exists: the newest MERITOCRAB_BACKUP_DIR/meritocrab-*.dump (as written
# by `scripts/backup-drill.sh --dump`, or by `pg_dump --format=custom`) must be younger than
# MERITOCRAB_BACKUP_MAX_AGE minutes and readable by pg_restore.
#
# Settings (environment):
#   MERITOCRAB_NAMESPACE        Kubernetes namespace                           (meritocrab)
#   MERITOCRAB_DEPLOYMENT       Deployment and container name                  (meritocrab)
#   MERITOCRAB_IMAGE            image repository, without tag                  (the Deployment's current one)
#   MERITOCRAB_BACKUP_DIR       where the backups are                          (./backups)
#   MERITOCRAB_BACKUP_MAX_AGE   minutes a backup counts as fresh               (60)
#   MERITOCRAB_ROLLOUT_TIMEOUT  how long to wait for readiness                 (10m)
#   SMOKE_URL                   the smoke suite's target; unset: a port-forward to the Service
#   KUBECTL                     the kubectl to use (a context of its own: KUBECTL="kubectl --context prod")
# Exits 0 when the Deployment runs the version and the smoke suite passed, 1 otherwise, 2 on wrong usage.
set -euo pipefail

usage() {
    echo "usage: $0 VERSION   (a released version, e.g. 1.2.3 or v1.2.3)" >&2
    exit 2
}

[ $# -eq 1 ] || usage
version="${1#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || usage
namespace="${MERITOCRAB_NAMESPACE:-meritocrab}"
deployment="${MERITOCRAB_DEPLOYMENT:-meritocrab}"
backup_dir="${MERITOCRAB_BACKUP_DIR:-./backups}"
max_age="${MERITOCRAB_BACKUP_MAX_AGE:-60}"
[[ "$max_age" =~ ^[0-9]+$ ]] || { echo "MERITOCRAB_BACKUP_MAX_AGE must be a number of minutes" >&2; exit 2; }
rollout_timeout="${MERITOCRAB_ROLLOUT_TIMEOUT:-10m}"
read -r -a kubectl <<<"${KUBECTL:-kubectl}"
here="$(cd "$(dirname "$0")" && pwd)"

refuse() {
    echo "rollback REFUSED: $1"
    exit 1
}

# 1. A fresh, readable backup, before anything changes.
backup="$(find "$backup_dir" -maxdepth 1 -type f -name 'meritocrab-*.dump' -mmin "-$max_age" -printf '%T@ %p\n' 2>/dev/null |
    sort -n | tail -n 1 | cut -d' ' -f2-)" || true
if [ -z "$backup" ]; then
    refuse "no backup younger than $max_age minutes in $backup_dir (meritocrab-*.dump); take one first:
  scripts/backup-drill.sh --dump $backup_dir/meritocrab-\$(date -u +%Y%m%dT%H%M%SZ).dump postgresql://USER@HOST:5432/meritocrab"
fi
command -v pg_restore >/dev/null || refuse "pg_restore is not installed, so $backup cannot be checked (apt-get install postgresql-client)"
pg_restore --list "$backup" >/dev/null 2>&1 || refuse "$backup is not a dump pg_restore can read"
echo "backup: $backup ($(wc -c <"$backup") bytes, $(( ($(date +%s) - $(stat -c %Y "$backup")) / 60 )) minutes old)"

# 2. The Deployment back on the release's image.
current="$("${kubectl[@]}" -n "$namespace" get "deployment/$deployment" \
    -o "jsonpath={.spec.template.spec.containers[?(@.name==\"$deployment\")].image}")" ||
    refuse "cannot read deployment/$deployment in namespace $namespace"
[ -n "$current" ] || refuse "deployment/$deployment has no container named $deployment"
repository="${MERITOCRAB_IMAGE:-${current%:*}}"
target="$repository:$version"
echo "deployment/$deployment: $current -> $target"
"${kubectl[@]}" -n "$namespace" set image "deployment/$deployment" "$deployment=$target"
"${kubectl[@]}" -n "$namespace" annotate "deployment/$deployment" --overwrite \
    kubernetes.io/change-cause="scripts/rollback.sh $version (backup $(basename "$backup"))" >/dev/null

# 3. Ready, or say how to go back.
if ! "${kubectl[@]}" -n "$namespace" rollout status "deployment/$deployment" --timeout="$rollout_timeout"; then
    echo "rollback FAILED: deployment/$deployment did not become ready on $target within $rollout_timeout"
    echo "  back to $current: ${kubectl[*]} -n $namespace rollout undo deployment/$deployment"
    exit 1
fi

# 4. The smoke suite against it: SMOKE_URL, or every check through a port-forward to the Service.
if [ -n "${SMOKE_URL:-}" ]; then
    smoke=("$here/smoke.sh" "$SMOKE_URL")
else
    smoke=("$here/smoke-cluster.sh" "$namespace" "$deployment")
fi
if ! "${smoke[@]}"; then
    echo "rollback FAILED: deployment/$deployment runs $target but the smoke suite failed (see above)"
    exit 1
fi
echo "rolled back: deployment/$deployment runs $target, ready, smoke suite passed"

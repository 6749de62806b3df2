#!/usr/bin/env bash
# Deploys a released version with one of the kustomize overlays, waits for the rollout, and runs the
# smoke suite through a port-forward. The deploy workflow runs it; so can a person.
#
#   MERITOCRAB_GITHUB_WEBHOOK_SECRET=... MERITOCRAB_ADMIN_TOKEN=... scripts/deploy.sh staging 1.2.3
#
# IMAGE is the image repository (default ghcr.io/your-org/meritocrab); KUBECTL the kubectl (and its
# context); MERITOCRAB_ROLLOUT_TIMEOUT how long to wait (10m). DEPLOY_DRY_RUN=true prints the manifests
# that would be applied and stops. Before production: a fresh backup (docs/runbook.md).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 staging|production VERSION" >&2; exit 2; }
overlay="$1"
version="${2#v}"
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$root/deploy/$overlay/kustomization.yaml" ] || { echo "no overlay deploy/$overlay" >&2; exit 2; }
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "not a version: $2" >&2; exit 2; }
image="${IMAGE:-ghcr.io/your-org/meritocrab}"
image="${image,,}"
read -r -a kubectl <<<"${KUBECTL:-kubectl}"
namespace="$(sed -n 's/^namespace: *//p' "$root/deploy/$overlay/kustomization.yaml")"

# The overlay with the release's image, without editing the checked-in files (kustomize wants the
# overlay by a relative path, so the scratch kustomization lives beside it).
work="$(mktemp -d "$root/deploy/.deploy-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat >"$work/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../$overlay
images:
  - name: ghcr.io/your-org/meritocrab
    newName: $image
    newTag: "$version"
YAML
kubectl kustomize "$work" >"$work/manifests.yaml"
if [ "${DEPLOY_DRY_RUN:-false}" = true ]; then
    cat "$work/manifests.yaml"
    exit 0
fi

echo "deploying $image:$version to namespace $namespace with deploy/$overlay"
"${kubectl[@]}" apply -f "$work/manifests.yaml"
"${kubectl[@]}" -n "$namespace" annotate deployment/meritocrab --overwrite \
    kubernetes.io/change-cause="scripts/deploy.sh $overlay $version" >/dev/null
"${kubectl[@]}" -n "$namespace" rollout status deployment/meritocrab --timeout="${MERITOCRAB_ROLLOUT_TIMEOUT:-10m}"
"$root/scripts/smoke-cluster.sh" "$namespace"

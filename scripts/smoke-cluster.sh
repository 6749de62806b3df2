#!/usr/bin/env bash
# The smoke suite against a Meritocrab in a Kubernetes cluster, every check included: /health and
# /metrics are not exposed by the ingress, so this goes through `kubectl port-forward` to the Service.
#
#   MERITOCRAB_GITHUB_WEBHOOK_SECRET=... MERITOCRAB_ADMIN_TOKEN=... scripts/smoke-cluster.sh NAMESPACE [SERVICE]
#
# KUBECTL chooses the kubectl (and its context). Exits as scripts/smoke.sh does.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 NAMESPACE [SERVICE]" >&2
    exit 2
fi
namespace="$1"
service="${2:-meritocrab}"
read -r -a kubectl <<<"${KUBECTL:-kubectl}"
here="$(cd "$(dirname "$0")" && pwd)"

port=$((20000 + RANDOM % 20000))
"${kubectl[@]}" -n "$namespace" port-forward "service/$service" "$port:80" >/dev/null 2>&1 &
forward=$!
trap 'kill "$forward" 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 30); do
    curl --silent --max-time 2 --output /dev/null "$url/health/live" && break
    sleep 1
done
"$here/smoke.sh" "$url"

#!/usr/bin/env bash
# Smoke suite: is a deployed Meritocrab serving? Runs against any URL (a port-forward, a staging host,
# the server `mvn verify` starts) and needs only bash, curl and openssl.
#
#   MERITOCRAB_GITHUB_WEBHOOK_SECRET=... MERITOCRAB_ADMIN_TOKEN=... scripts/smoke.sh https://meritocrab.example.com
#
# BASE_URL is the server's root, where /health and /metrics are. The application is served there too
# (context root "/", as in the image, the runnable jar and `mvn liberty:run`); SMOKE_APP_PATH=/meritocrab
# names another context root (a WAR in Liberty's dropins, the Arquillian test server).
# Checks (SMOKE_CHECKS picks some, e.g. SMOKE_CHECKS="ping admin console" through an ingress that does
# not expose /health and /metrics):
#   health   GET /health/ready answers 200 with "UP"
#   metrics  GET /metrics answers 200 with the application's meritocrab_* metrics
#   ping     a `ping` webhook signed with the webhook secret answers 200, and a wrongly signed one 401
#   admin    GET /api/deliveries with the admin token answers 200 with JSON, and 401 without the token
#   console  GET /console/login.xhtml answers 200 with the sign-in page
# Prints one line per check (`ok <check>: ...` or `FAIL <check>: ...`), then `N passed, N failed`;
# exits 1 when a check failed, 2 on wrong usage.
set -uo pipefail

usage() {
    echo "usage: MERITOCRAB_GITHUB_WEBHOOK_SECRET=... MERITOCRAB_ADMIN_TOKEN=... $0 BASE_URL" >&2
    exit 2
}

[ $# -eq 1 ] || usage
base="${1%/}"
case "$base" in
    http://* | https://*) ;;
    *) usage ;;
esac
app="$base${SMOKE_APP_PATH:-}"
app="${app%/}"
checks="${SMOKE_CHECKS:-health metrics ping admin console}"
timeout="${SMOKE_TIMEOUT:-10}"
passed=0
failed=0
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
body="$workdir/body"

ok() {
    echo "ok $1: $2"
    passed=$((passed + 1))
}

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

# request URL [curl options...]: prints the HTTP status (000 when there was no answer), body in $body.
request() {
    local url="$1"
    shift
    curl --silent --show-error --max-time "$timeout" --output "$body" --write-out '%{http_code}' "$@" "$url" \
        2>"$workdir/error" || true
}

# why STATUS: a short reason for an unexpected answer.
why() {
    if [ "$1" = "000" ]; then
        echo "no answer ($(head -c 200 "$workdir/error" | tr '\n' ' '))"
    else
        echo "HTTP $1: $(head -c 200 "$body" | tr '\n' ' ')"
    fi
}

check_health() {
    local status
    status="$(request "$base/health/ready")"
    if [ "$status" = "200" ] && grep -q '"UP"' "$body"; then
        ok health "/health/ready is UP"
    else
        fail health "/health/ready: $(why "$status")"
    fi
}

check_metrics() {
    local status
    status="$(request "$base/metrics")"
    if [ "$status" != "200" ]; then
        fail metrics "/metrics: $(why "$status")"
    elif ! grep -q '^meritocrab_' "$body"; then
        fail metrics "/metrics answered 200 without any meritocrab_* metric"
    else
        ok metrics "/metrics serves $(grep -c '^meritocrab_' "$body") meritocrab_* samples"
    fi
}

check_ping() {
    if [ -z "${MERITOCRAB_GITHUB_WEBHOOK_SECRET:-}" ]; then
        fail ping "MERITOCRAB_GITHUB_WEBHOOK_SECRET is not set"
        return
    fi
    local payload signature status delivery
    delivery="smoke-$(date +%s)-$$-$RANDOM"
    payload='{"zen":"Keep it logically awesome.","hook_id":0,"hook":{"type":"App","events":[]}}'
    signature="$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "$MERITOCRAB_GITHUB_WEBHOOK_SECRET" | sed 's/^.* //')"
    status="$(request "$app/webhooks/github" -X POST -H 'Content-Type: application/json' \
        -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: $delivery" -H "X-Hub-Signature-256: sha256=$signature" \
        --data-binary "$payload")"
    if [ "$status" != "200" ]; then
        fail ping "a signed ping: $(why "$status") (wrong MERITOCRAB_GITHUB_WEBHOOK_SECRET?)"
        return
    fi
    status="$(request "$app/webhooks/github" -X POST -H 'Content-Type: application/json' \
        -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: $delivery-unsigned" \
        -H "X-Hub-Signature-256: sha256=$(printf '0%.0s' {1..64})" --data-binary "$payload")"
    if [ "$status" = "401" ]; then
        ok ping "a signed ping answered 200, a wrongly signed one 401"
    else
        fail ping "a wrongly signed ping: expected 401, got $(why "$status")"
    fi
}

check_admin() {
    if [ -z "${MERITOCRAB_ADMIN_TOKEN:-}" ]; then
        fail admin "MERITOCRAB_ADMIN_TOKEN is not set"
        return
    fi
    local status
    status="$(request "$app/api/deliveries?status=failed&limit=1" -H "Authorization: Bearer $MERITOCRAB_ADMIN_TOKEN")"
    if [ "$status" != "200" ] || ! grep -q '"items"' "$body"; then
        fail admin "GET /api/deliveries with the admin token: $(why "$status") (wrong MERITOCRAB_ADMIN_TOKEN?)"
        return
    fi
    status="$(request "$app/api/deliveries?status=failed&limit=1")"
    if [ "$status" = "401" ]; then
        ok admin "GET /api/deliveries answered 200 with the token, 401 without"
    else
        fail admin "GET /api/deliveries without a token: expected 401, got $(why "$status")"
    fi
}

check_console() {
    local status
    status="$(request "$app/console/login.xhtml")"
    if [ "$status" = "200" ] && grep -q 'Sign in' "$body"; then
        ok console "/console/login.xhtml shows the sign-in page"
    else
        fail console "/console/login.xhtml: $(why "$status")"
    fi
}

for check in $checks; do
    case "$check" in
        health | metrics | ping | admin | console) "check_$check" ;;
        *) fail "$check" "no such check (health, metrics, ping, admin, console)" ;;
    esac
done
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

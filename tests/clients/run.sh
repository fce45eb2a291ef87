#!/bin/bash
# The mail-client add-ins' logic (clients/) under node's test runner against
# a real `nearmiss serve` on a free loopback port, with a SQLite store (the
# acknowledgements "Send anyway" records) and an admin token the tests list
# them with.
# Usage: run.sh NEARMISS_BINARY
set -u
NEARMISS=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v node >/dev/null || { echo "FAIL: node missing (scripts/install-deps)"; exit 1; }
W=$(mktemp -d)
trap 'kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$W"' EXIT
PORT=$("$(dirname "$0")/../free-port")
CHECK_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'check %s\nadmin %s Test Admin\n' "$CHECK_TOKEN" "$ADMIN_TOKEN" >"$W/tokens"
# Made on purpose first: serve refuses a store nearmiss never made.
"$NEARMISS" learn --store "$W/nearmiss.db" --prune >/dev/null || { echo "FAIL: learn --prune"; exit 1; }
"$NEARMISS" serve --listen "127.0.0.1:$PORT" --token-file "$W/tokens" --postfix-bin /nonexistent \
  --store "$W/nearmiss.db" 2>"$W/serve.err" &
PID=$!
for _ in $(seq 100); do
  grep -q "listening on" "$W/serve.err" 2>/dev/null && break
  sleep 0.05
done
grep -q "listening on" "$W/serve.err" || { cat "$W/serve.err"; echo "FAIL: serve did not start"; exit 1; }
NEARMISS_URL="http://127.0.0.1:$PORT" NEARMISS_CHECK_TOKEN="$CHECK_TOKEN" NEARMISS_ADMIN_TOKEN="$ADMIN_TOKEN" \
  node --test "$ROOT"/clients/test/*.test.js

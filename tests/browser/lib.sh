# Shared by the console suites: the private Postfix of tests/postfix/lib.sh,
# Chromium and playwright-core checked, ARTIFACTS made, and `nearmiss serve`
# stopped with the rest. Set NEARMISS and ARTIFACTS first.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../postfix/lib.sh"
[ -x /usr/bin/chromium ] || fail "chromium missing (scripts/install-deps)"
"$HERE/../../bench/npm-ci" "$HERE" || fail "cannot install playwright-core"
mkdir -p "$ARTIFACTS"
SERVE_PID=
cleanup_all() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pf_cleanup; }
trap cleanup_all EXIT

start_serve() {  # serve args...: on $API_PORT, stderr in $W/serve.err
  "$NEARMISS" serve --listen "127.0.0.1:$API_PORT" "$@" 2>"$W/serve.err" &
  SERVE_PID=$!
  for _ in $(seq 100); do grep -q "listening on" "$W/serve.err" && return 0; sleep 0.05; done
  cat "$W/serve.err"; fail "serve did not start"
}

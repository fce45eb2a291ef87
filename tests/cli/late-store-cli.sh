#!/bin/sh
# Issue-14 tester, round 42, item 4: `serve` (and the milter) started before
# the first `learn` never opened the default store learn then made, even
# after SIGHUP: /v1/check of a slip of alice's frequent correspondent
# answered allow with nearmiss_history_domains 0. Now a SIGHUP opens it,
# the log says so, and checks made meanwhile are counted.
# Usage: late-store-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for
data=$root/tests/testdata/history
printf 'check fedcba9876543210fedcba98 Outlook addin\n' > "$tmp/tokens"
chmod 600 "$tmp/tokens"
mkdir -p "$tmp/state"

port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin /nonexistent \
  > /dev/null 2> "$tmp/serve.err" &
serve_pid=$!
wait_for "$tmp/serve.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve.err"; exit 1; }
contains "serve says it looks for the default store" "does not exist yet: looked for at each SIGHUP" "$(cat "$tmp/serve.err")"
verdict() {
  curl -s -H 'Authorization: Bearer fedcba9876543210fedcba98' -H 'Content-Type: application/json' \
    -d '{"from": "alice@mod.example", "to": ["jon.smith@partner.example"]}' \
    "http://127.0.0.1:$port/v1/check" |
    python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["recipients"][0]["verdict"])'
}
check "before learn: partner.example is not known" external "$(verdict)"
metrics=$(curl -s "http://127.0.0.1:$port/metrics")
contains "the check made without history is counted" "nearmiss_decisions_without_history_total 1" "$metrics"

"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn.txt" 2>&1
check "learn into the default store exits 0" 0 $?
kill -HUP "$serve_pid"
wait_for "$tmp/serve.err" "policy reloaded" $serve_pid || { echo "FAIL no reload"; cat "$tmp/serve.err"; fail=1; }
contains "serve says it opened the store" "appeared (nearmiss learn made it): opened it" "$(cat "$tmp/serve.err")"
check "after learn and SIGHUP: partner.example is trusted" trusted "$(verdict)"
metrics=$(curl -s "http://127.0.0.1:$port/metrics")
contains "a check with history is not counted" "nearmiss_decisions_without_history_total 1" "$metrics"
case $metrics in *"nearmiss_history_domains 0"*) check "history domains after the reload" "not 0" 0 ;; esac
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
exit $fail

#!/bin/sh
# Issue 14, the tester's round-44 report (/work/tester44-14.md), through the
# binary:
# 1. (finding 5) a relative --postfix-bin is refused at start, naming the
#    flag; tools that are not there are warned of, and each held route then
#    answers 502 naming the tool, never "404 not a Postfix queue id";
# 2. (finding 7d) a release that failed is an event `audit --events` shows;
# 3. (finding 6) behind a proxy named by --trusted-proxy, the events name
#    the client it forwarded for; from any other peer the header is ignored;
# 4. (finding 7c, round 43's 17f) an API acknowledgement from
#    "Alice <ALICE@Trust.Example>" is recorded in lower case, who and detail;
# 5. (round 43's 17h) `audit --events --since/--until` take RFC 3339 times.
# Usage: round45d-cli.sh NEARMISS.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for
mkdir -p "$tmp/state" "$tmp/bin" "$tmp/empty"
printf 'admin aaaaaaaaaaaaaaaaaaaa01 Ann Admin\ncheck cccccccccccccccccccc03 outlook add-in\n' >"$tmp/tokens"
chmod 600 "$tmp/tokens"
fake_postfix "$tmp/bin"
"$bin" learn --store "$tmp/s.db" --prune >/dev/null 2>&1
check "an empty store made" 0 $?
port=$("$root/tests/free-port")
url="http://127.0.0.1:$port"
ann='Authorization: Bearer aaaaaaaaaaaaaaaaaaaa01'

# --- 1: a relative --postfix-bin ----------------------------------------------
out=$(cd "$tmp" && timeout 20 "$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" \
  --postfix-bin bin --store none 2>&1 </dev/null)
check "serve --postfix-bin bin (relative): exit 2" 2 $?
contains "... naming the flag" "--postfix-bin must be an absolute path (it is 'bin')" "$out"

# --- 1, 2: tools not there -------------------------------------------------------
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin "$tmp/empty" \
  --store "$tmp/s.db" >/dev/null 2>"$tmp/serve.err" &
serve_pid=$!
wait_for "$tmp/serve.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve.err"; exit 1; }
contains "tools not there: warned at start" "--postfix-bin $tmp/empty: $tmp/empty/postqueue: No such file or directory; the held-queue routes answer 502" "$(cat "$tmp/serve.err")"
for route in /v1/held /v1/held/4F2A91C3B; do
  code=$(curl -s -o "$tmp/r.json" -w '%{http_code}' -H "$ann" "$url$route")
  check "GET $route: 502" 502 "$code"
  contains "... naming the tool" "cannot run postqueue ($tmp/empty/postqueue)" "$(cat "$tmp/r.json")"
done
code=$(curl -s -o "$tmp/r.json" -w '%{http_code}' -X POST -d '' -H "$ann" "$url/v1/held/4F2A91C3B/release")
check "release: 502" 502 "$code"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
events=$("$bin" audit --events "$tmp/s.db" 2>&1)
contains "audit --events: the failed release" "release-failed 4F2A91C3B" "$events"
contains "... by whom and why" "by Ann Admin (admin): not released: cannot run postqueue ($tmp/empty/postqueue): No such file or directory" "$events"

# --- 3, 4: a trusted proxy; an acknowledgement in capitals ------------------------
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin "$tmp/bin" \
  --trusted-proxy 127.0.0.0/8 --store "$tmp/s.db" >/dev/null 2>"$tmp/serve2.err" &
serve_pid=$!
wait_for "$tmp/serve2.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve2.err"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$ann" -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.7' "$url/v1/held/4F2A91C3B")
check "a read through the proxy" 200 "$code"
code=$(curl -s -o "$tmp/ack.json" -w '%{http_code}' -H 'Authorization: Bearer cccccccccccccccccccc03' \
  -H 'Forwarded: for="[2001:db8::17]:4711"' -H 'Content-Type: application/json' \
  -d '{"from": "Alice <ALICE@Trust.Example>", "to": ["kim@hotmial.com"], "acknowledge": true}' "$url/v1/check")
check "Send anyway through the proxy" 200 "$code"
contains "... acknowledged" '"acknowledged":[{"id":1' "$(cat "$tmp/ack.json")"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
events=$("$bin" audit --events "$tmp/s.db" 2>&1)
contains "the read names the forwarded client" "; from 203.0.113.7 via proxy 127.0.0.1" "$events"
contains "the acknowledgement too (RFC 7239), in lower case" "alice@trust.example (claimed; shared token 'outlook add-in'; from 2001:db8::17 via proxy 127.0.0.1) (sender): alice@trust.example -> kim@hotmial.com (api)" "$events"
case $events in *ALICE*) check "no ALICE@ in the events" absent present ;; esac

# --- 5: RFC 3339 times -------------------------------------------------------------
out=$("$bin" audit --events "$tmp/s.db" --since 2000-01-01T00:00:00Z 2>&1)
check "--since an RFC 3339 time: exit 0" 0 $?
contains "... every event since (the failed release, the read, the acknowledgement)" "3 administrative events" "$out"
out=$("$bin" audit --events "$tmp/s.db" --until 2000-01-01T01:30:00+01:00 2>&1)
contains "--until a time with an offset: none before" "0 administrative events" "$out"
contains "... the window in UTC" "before 2000-01-01 00:30:00 UTC" "$out"
out=$("$bin" audit --events "$tmp/s.db" --since 2000-01-01T25:00:00Z 2>&1)
check "--since a time that is none: exit 2" 2 $?
contains "... saying what it takes" "expected YYYY-MM-DD or an RFC 3339 time" "$out"
exit $fail

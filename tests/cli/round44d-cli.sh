#!/bin/sh
# Issue 14, the tester's round-43 report (/work/tester43-14.md), through the
# binary:
# 1. (findings 12, 15, 16) serve's token file: a UTF-8 byte order mark and
#    a role in capitals read, a viewer named at start; a name with a
#    Cyrillic letter refused naming FILE:LINE and the code point; a
#    no-break space makes no second Ann Admin;
# 2. (finding 6) POST /v1/reload and reading a held message are events
#    `audit --events` shows, naming who and from where;
# 3. (finding 10) with notices on, `policy lint` warns of link_base at its
#    default (127.0.0.1) and of plain http to another host;
# 4. (finding 14) learn of `2026-13-01` says the month is out of range;
# 5. (finding 17f) `audit --events` says "1 administrative event".
# Usage: round44d-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for
mkdir -p "$tmp/state" "$tmp/bin"

# --- 1, 2: tokens, roles, events ---------------------------------------------
printf '\357\273\277admin aaaaaaaaaaaaaaaaaaaa01 Ann Admin\nViewer vvvvvvvvvvvvvvvvvvvv02 Vic Viewer\ncheck cccccccccccccccccccc03 outlook add-in\n' >"$tmp/tokens"
chmod 600 "$tmp/tokens"
# Postfix's tools: one held message.
fake_postfix "$tmp/bin"
"$bin" learn --store "$tmp/s.db" --prune >/dev/null 2>&1
check "an empty store made" 0 $?
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin "$tmp/bin" \
  --store "$tmp/s.db" >/dev/null 2>"$tmp/serve.err" &
serve_pid=$!
wait_for "$tmp/serve.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve.err"; exit 1; }
contains "a BOM, 'Viewer': read; the viewer named at start" \
  "tokens: 1 admin (Ann Admin), 1 viewer (Vic Viewer), 1 check token" "$(cat "$tmp/serve.err")"
url="http://127.0.0.1:$port"
code=$(curl -s -o "$tmp/held.json" -w '%{http_code}' -H 'Authorization: Bearer vvvvvvvvvvvvvvvvvvvv02' "$url/v1/held/4F2A91C3B")
check "the viewer reads a held message" 200 "$code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -d '' -H 'Authorization: Bearer vvvvvvvvvvvvvvvvvvvv02' "$url/v1/held/4F2A91C3B/release")
check "... and may not release it" 403 "$code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -d '' -H 'Authorization: Bearer aaaaaaaaaaaaaaaaaaaa01' "$url/v1/reload")
check "Ann reloads" 200 "$code"
kill -HUP "$serve_pid"
wait_for "$tmp/serve.err" "policy reloaded" $serve_pid || { echo "FAIL no reload"; cat "$tmp/serve.err"; fail=1; }
contains "a SIGHUP's sender is logged" "SIGHUP from pid $$ " "$(cat "$tmp/serve.err")"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
events=$("$bin" audit --events "$tmp/s.db" 2>&1)
contains "audit --events: Vic's read of the held message" "view        4F2A91C3B        by Vic Viewer (viewer): read from the hold queue: from alice@trust.example" "$events"
contains "... with her token's line and address" "; token $tmp/tokens:2; from 127.0.0.1" "$events"
contains "... Ann's reload" "reload      policy           by Ann Admin (admin): generation 0 -> 1" "$events"
contains "... the SIGHUP's, under its sender" "reload      policy           by SIGHUP from pid $$ " "$events"
contains "... and what it did" "(signal): generation 1 -> 2" "$events"
case $events in *"release     4F2A91C3B"*) check "no release by the viewer" none recorded ;; esac

# A Cyrillic A: refused, FILE:LINE and the code point.
printf 'admin aaaaaaaaaaaaaaaaaaaa01 Ann Admin\nadmin bbbbbbbbbbbbbbbbbbbb02 \320\220nn Admin\n' >"$tmp/tk20"
chmod 600 "$tmp/tk20"
out=$(timeout 20 "$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tk20" \
  --postfix-bin /nonexistent --store none 2>&1 </dev/null)
check "serve with a Cyrillic A in a name: exit 2" 2 $?
contains "... naming the line and code point" "tk20:2: the name '" "$out"
contains "... and the scripts" "mixes scripts: U+0410 (Cyrillic) among Latin letters" "$out"
# A no-break space: one Ann Admin, the second refused.
printf 'admin aaaaaaaaaaaaaaaaaaaa01 Ann Admin\nadmin bbbbbbbbbbbbbbbbbbbb02 Ann\302\240Admin\n' >"$tmp/tk19"
chmod 600 "$tmp/tk19"
out=$(timeout 20 "$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tk19" \
  --postfix-bin /nonexistent --store none 2>&1 </dev/null)
check "serve with Ann<NBSP>Admin beside Ann Admin: exit 2" 2 $?
contains "... one name" "' already has a token ($tmp/tk19:1, as 'Ann Admin'; names that read the same" "$out"

# --- 3: link_base ------------------------------------------------------------
head -c 32 /dev/urandom >"$tmp/confirm.key"
printf '[domains]\norganisation = ["trust.example"]\n[confirm]\nkey_file = "%s"\n' "$tmp/confirm.key" >"$tmp/nolink.toml"
out=$("$bin" policy lint "$tmp/nolink.toml" 2>&1)
contains "lint: link_base left at 127.0.0.1 with notices on" "warning: confirm.link_base is left at its default, http://127.0.0.1:8025: every notice's links point at the sender's own machine" "$out"
printf 'link_base = "http://nearmiss.trust.example"\n' >>"$tmp/nolink.toml"
out=$("$bin" policy lint "$tmp/nolink.toml" 2>&1)
contains "lint: plain http to a real host" "plain http to another host sends each notice's signed release link in clear" "$out"

# --- 4: an ISO date out of range --------------------------------------------
printf 'sender,recipient,date\nalice@trust.example,x@y.example,2026-11-01\nalice@trust.example,x@y.example,2026-13-01\n' >"$tmp/baddate.csv"
out=$("$bin" learn --store "$tmp/l.db" "$tmp/baddate.csv" 2>&1)
check "learn of 2026-13-01: exit 2" 2 $?
contains "... the month out of range, not --date-order" "baddate.csv:3: bad time '2026-13-01' in column 'date': month 13 is out of range" "$out"
case $out in *"--date-order given"*) check "... no word of --date-order given" absent present ;; esac

# --- 5: plurals ---------------------------------------------------------------
out=$("$bin" audit --events "$tmp/s.db" --since 2000-01-01 2>&1)
case $out in *" 1 administrative events"*|*" 1 acknowledgements"*) check "no '1 ...s'" singular plural ;; esac
contains "0 acknowledgements" "0 acknowledgements" "$out"
exit $fail

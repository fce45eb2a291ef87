#!/bin/sh
# Issue 14, the tester's round-42 report (/work/tester14b.md), through the
# binary:
# 1. (finding 4) `audit --events` applies --since, --until and --csv, and
#    refuses an audit-of-logs option (--html, --summary-json, ...) or a
#    log given with it (exit 2, naming it); before, all were ignored;
# 2. (finding 5) `check` with no store at the default place warns as for an
#    empty store, says it in --json's not_evaluated and in the summary;
# 3. (finding 3) serve with a token file that names no admin makes no
#    anonymous admin token and prints no secret; started by no terminal
#    with no token file, none either; each said in the log;
# 4. (finding 8d) a SIGHUP logs the tokens now in force;
# 5. (finding 7) a token name with U+200B is refused, naming FILE:LINE and
#    the code point;
# 6. (finding 1) serve with no check token warns that acknowledgements
#    need one, and refuses one without (403).
# Usage: round43a-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for
mkdir -p "$tmp/state"

# --- 1: audit --events with a window and CSV ---------------------------------
"$bin" learn --store "$tmp/ev.db" --prune >/dev/null 2>&1
check "an empty store made" 0 $?
python3 - "$tmp/ev.db" <<'PY'
import sqlite3, sys, calendar
c = sqlite3.connect(sys.argv[1])
def ms(day): return calendar.timegm((2026, 12, day, 12, 0, 0)) * 1000
for day, who, obj in [(3, "Ann Admin", "ack:1"), (4, "Bob Boss", "ack:2"), (5, "Ann Admin", "ack:3")]:
    c.execute("INSERT INTO nm_admin_event (time_ms, who, role, action, object, detail) VALUES (?,?,?,?,?,?)",
              (ms(day), who, "admin", "revoke", obj, "=cmd|' /C calc'!A0, revoked"))
c.commit()
PY
out=$("$bin" audit --events "$tmp/ev.db" --since 2026-12-04 2>&1)
check "--events --since: exit 0" 0 $?
contains "... two events from the 4th" "2 administrative events (from 2026-12-04 00:00:00 UTC)" "$out"
case $out in *"ack:1"*) check "--since left the 3rd out" absent present ;; esac
out=$("$bin" audit --events "$tmp/ev.db" --until 2026-12-04 2>&1)
contains "--events --until: the 3rd and the 4th (the day counted whole)" "2 administrative events (before 2026-12-05 00:00:00 UTC)" "$out"
out=$("$bin" audit --events "$tmp/ev.db" --since 2026-12-04 --until 2026-12-04 2>&1)
contains "--since and --until: the 4th only" "1 administrative event (from 2026-12-04 00:00:00 UTC before 2026-12-05 00:00:00 UTC)" "$out"
contains "... Bob's" "by Bob Boss (admin)" "$out"
out=$("$bin" audit --events "$tmp/ev.db" --csv --since 2026-12-05 2>&1)
check "--events --csv: exit 0" 0 $?
check "... a header and one row" 2 "$(printf '%s\n' "$out" | grep -c .)"
contains "... the header" "type,id,time_utc,who,role,action,object,detail,sender,recipient,why,path,state,warning" "$out"
contains "... the row, its formula made inert and quoted" "event,3,2026-12-05 12:00:00,Ann Admin,admin,revoke,ack:3,\"'=cmd|' /C calc'!A0, revoked\"" "$out"
out=$("$bin" audit --events "$tmp/ev.db" --html "$tmp/ev.html" 2>&1)
check "--events --html: exit 2" 2 $?
contains "... naming the flag" "--html does not apply to --events" "$out"
check "... no file written" no "$([ -e "$tmp/ev.html" ] && echo yes || echo no)"
out=$("$bin" audit --events "$tmp/ev.db" --summary-json "$tmp/s.json" 2>&1)
check "--events --summary-json: exit 2" 2 $?
contains "... naming it" "--summary-json does not apply to --events" "$out"
out=$("$bin" audit --events "$tmp/ev.db" /var/log/mail.log 2>&1)
check "--events with a log: exit 2" 2 $?
contains "... naming the log" "'/var/log/mail.log' given too" "$out"
out=$("$bin" audit --events "$tmp/ev.db" --since 2026-13-01 2>&1)
check "--events --since a day that is none: exit 2" 2 $?

# --- 2: check with no store at the default place -----------------------------
NEARMISS_STATE_DIR="$tmp/nostore" "$bin" check --from alice@trust.example \
  jon.smith@partner.example >"$tmp/c.out" 2>"$tmp/c.err"
check "check with no store: exit 0 (accepted)" 0 $?
contains "... says it judged with no history" "history: empty (no store: the default $tmp/nostore/nearmiss.db does not exist (nearmiss learn makes it)): address-typo" "$(cat "$tmp/c.err")"
out=$(NEARMISS_STATE_DIR="$tmp/nostore" "$bin" check --json --from alice@trust.example \
  jon.smith@partner.example 2>/dev/null)
contains "... and in --json's not_evaluated" '"not_evaluated":["address-typo, new-domain and trust from history (no store)"]' "$out"
out=$(NEARMISS_STATE_DIR="$tmp/nostore" "$bin" check --from alice@trust.example \
  jon.smith@partner.example kim@example.org 2>/dev/null)
contains "... and in the summary" "; all 2 judged without history (no store)" "$out"
err=$(NEARMISS_STATE_DIR="$tmp/nostore" "$bin" check --store none --from alice@trust.example \
  jon.smith@partner.example 2>&1 >/dev/null)
check "--store none asked for it: no warning" "" "$err"
err=$(NEARMISS_STATE_DIR="$tmp/nostore" "$bin" policy explain --from alice@trust.example \
  --to jon.smith@partner.example 2>&1 >/dev/null)
contains "policy explain says it too" "history: empty (no store: the default" "$err"

# --- 3, 4, 5, 6: serve's tokens ---------------------------------------------
printf '# all admins moved to LDAP\ncheck cccccccccccccccccccc03 outlook add-in\n' >"$tmp/tk8"
chmod 600 "$tmp/tk8"
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tk8" --postfix-bin /nonexistent \
  --store none >/dev/null 2>"$tmp/serve.err" &
serve_pid=$!
wait_for "$tmp/serve.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve.err"; exit 1; }
log=$(cat "$tmp/serve.err")
contains "a token file with no admin line: said" "the token file names no admin ('admin TOKEN NAME' line): the admin API" "$log"
case $log in *"admin token:"*|*"generated"*) check "... no token made up or printed" none made ;; esac
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "http://127.0.0.1:$port/v1/acknowledgements/1")
check "... the admin API is off (401)" 401 "$code"
contains "... the tokens named at start" "tokens: 0 admins, 1 check token" "$log"
printf 'admin aaaaaaaaaaaaaaaaaaaa01 Ann Admin\nadmin bbbbbbbbbbbbbbbbbbbb02 Bob Boss\ncheck cccccccccccccccccccc03 outlook add-in\n' >"$tmp/tk8"
kill -HUP "$serve_pid"
wait_for "$tmp/serve.err" "policy reloaded" $serve_pid || { echo "FAIL no reload"; cat "$tmp/serve.err"; fail=1; }
contains "SIGHUP names the tokens now in force" "tokens re-read: 2 admins (Ann Admin, Bob Boss), 1 check token" "$(cat "$tmp/serve.err")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer aaaaaaaaaaaaaaaaaaaa01' \
  "http://127.0.0.1:$port/v1/events")
check "... Ann's token works after it (503: no store)" 503 "$code"
printf 'admin aaaaaaaaaaaaaaaaaaaa01 Ann\342\200\213Admin\nadmin bbbbbbbbbbbbbbbbbbbb02 AnnAdmin\n' >"$tmp/tk8"
kill -HUP "$serve_pid"
wait_for "$tmp/serve.err" "reload refused" $serve_pid || { echo "FAIL no refused reload"; cat "$tmp/serve.err"; fail=1; }
contains "a name with U+200B: the reload refused, naming the line and code point" "$tmp/tk8:1: a token's name is one line of visible text: an invisible format character (Unicode category Cf: zero-width, bidirectional mark, soft hyphen) U+200B at byte 3" "$(cat "$tmp/serve.err")"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null

out=$(timeout 20 "$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tk8" \
  --postfix-bin /nonexistent --store none 2>&1 </dev/null)
check "serve with that token file: exit 2" 2 $?
contains "... naming the line and code point" "tk8:1: a token's name is one line of visible text" "$out"

# Started by no terminal, with no token file: no admin token made.
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --postfix-bin /nonexistent --store "$tmp/ev.db" \
  >/dev/null 2>"$tmp/serve2.err" &
serve_pid=$!
wait_for "$tmp/serve2.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve2.err"; exit 1; }
log=$(cat "$tmp/serve2.err")
contains "no terminal, no token file: no token, said" "none was made for this run (serve was not started from a terminal)" "$log"
contains "no check token: acknowledgements need one, said" "no check token: POST /v1/check is open to every client that reaches serve, but a 'Send anyway' acknowledgement" "$log"
code=$(curl -s -o "$tmp/ack.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"from":"ceo@trust.example","to":["kim@hotmial.com"],"acknowledge":{"justification":"ceo said so"}}' \
  "http://127.0.0.1:$port/v1/check")
check "an acknowledgement with no token: 403" 403 "$code"
contains "... acknowledge-needs-token" "urn:nearmiss:problem:acknowledge-needs-token" "$(cat "$tmp/ack.json")"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
out=$("$bin" audit --events "$tmp/ev.db" --json 2>&1)
case $out in *'"type":"acknowledgement"'*) check "nothing acknowledged" none stored ;; esac
exit $fail

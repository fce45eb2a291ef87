#!/bin/sh
# Issue 14, round 33: what a run that learns nothing says, and what a
# read-only command leaves behind.
# Item 8: `learn` given sources in which every row was skipped (a trace of
# received mail, a trace whose direction cannot be told, a CSV of no
# addresses) exits 2 and says how many were skipped, why, and where the
# first was; a source that learns something, or only what the store already
# counted, exits 0.
# Item 7: a command that only reads (check, scan, policy explain, audit
# --events, learn --show) given a store that is empty or missing refuses
# it and leaves it as it was: no bytes written, no -wal or -shm beside it,
# no file created; the daemons started on an empty history say so once.
# Usage: learn-nothing-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history/round33

run() {  # run NAME ARGS...: learn into $tmp/NAME.db; stdout+stderr in $tmp/NAME.out, exit code printed
  name=$1; shift
  "$bin" learn --store "sqlite:$tmp/$name.db" "$@" > "$tmp/$name.out" 2>&1
  echo $?
}

check "a trace of received mail only: exit 2" 2 "$(run inbound --policy "$data/org.toml" "$data/inbound.csv")"
contains "... says nothing was learned and why, with the first row" \
  "nothing learned: the sources given hold no delivery to learn; skipped 3 trace rows of mail the organisation received (first at $data/inbound.csv:2)" \
  "$(cat "$tmp/inbound.out")"
# Round 45 (round 45's tester 14, N3): a Sent folder's messages whose From:
# is outside [domains] organisation are mail received (misfiled in Sent):
# skipped, counted and named, never learned.
head -18 "$data/misfiled-sent.mbox" > "$tmp/received-only.mbox"
check "a Sent folder of received mail only: exit 2" 2 \
  "$(run received --policy "$data/org.toml" "$tmp/received-only.mbox")"
contains "... says why, with the first message and its author" \
  "skipped 2 messages not sent by the organisation (From: outside [domains] organisation) (first at $tmp/received-only.mbox:1: From: accounts@unknownbank.example)" \
  "$(cat "$tmp/received.out")"
check "a Sent folder with one sent message among received ones: exit 0" 0 \
  "$(run misfiled --policy "$data/org.toml" "$data/misfiled-sent.mbox")"
contains "... the received ones skipped and said" "skipped 2 messages not sent by the organisation" \
  "$(cat "$tmp/misfiled.out")"
check "... the received sender's domain is not learned" 0 \
  "$("$bin" learn --show --store "sqlite:$tmp/misfiled.db" 2>/dev/null | grep -c unknownbank)"
check "... the sent one is" 1 \
  "$("$bin" learn --show --store "sqlite:$tmp/misfiled.db" 2>/dev/null | grep -c 'alice@mod.example -> bob@partner.example')"
check "a trace whose direction cannot be told (no organisation): exit 2" 2 \
  "$(run nodir "$data/inbound.csv")"
contains "... says why" "trace rows whose direction cannot be told" "$(cat "$tmp/nodir.out")"
contains "... and where" "(first at $data/inbound.csv:2)" "$(cat "$tmp/nodir.out")"
check "a CSV of no addresses: exit 2" 2 "$(run noaddr "$data/no-addresses.csv")"
contains "... says why" "skipped 2 recipients left out as no address" "$(cat "$tmp/noaddr.out")"
contains "... and where" "$data/no-addresses.csv:2" "$(cat "$tmp/noaddr.out")"
check "a received-only trace with a learnable one: exit 0" 0 \
  "$(run mixed --policy "$data/org.toml" "$data/inbound.csv" "$data/outbound.csv")"
check "the learnable trace again: all known, exit 0" 0 \
  "$(run mixed --policy "$data/org.toml" "$data/outbound.csv")"
check "an empty CSV (header only) is no skip: exit 0" 0 \
  "$(printf 'sender,recipient,date\n' > "$tmp/empty.csv"; run empty "$tmp/empty.csv")"


# Item 7. A 0-byte file and another program's SQLite database (journal mode
# delete), each refused by every read-only command and left untouched.
sig() {  # sig FILE: size, checksum and the files beside it
  printf '%s %s %s' "$(wc -c < "$1")" "$(md5sum < "$1" | cut -c1-32)" "$(ls "$1"* | wc -l)"
}
: > "$tmp/zero.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$tmp/other.db"
for db in zero other; do
  before=$(sig "$tmp/$db.db")
  for cmd in "check --store sqlite:$tmp/$db.db alice@example.org" \
             "policy explain --store sqlite:$tmp/$db.db --from alice@example.org --to bob@example.org" \
             "scan --store sqlite:$tmp/$db.db tests/testdata/history/round33/org.toml" \
             "audit --events sqlite:$tmp/$db.db" \
             "learn --show --store sqlite:$tmp/$db.db"; do
    # shellcheck disable=SC2086
    "$bin" $cmd > "$tmp/ro.out" 2>&1
    check "$db.db: $(echo "$cmd" | cut -d' ' -f1-2) refuses it (exit 2)" 2 $?
    check "$db.db: $(echo "$cmd" | cut -d' ' -f1-2) leaves it as it was" "$before" "$(sig "$tmp/$db.db")"
  done
done
"$bin" learn --show --store "sqlite:$tmp/missing.db" > "$tmp/ro.out" 2>&1
check "learn --show of a missing store: exit 2" 2 $?
check "... and creates nothing" no "$([ -e "$tmp/missing.db" ] && echo yes || echo no)"

# The daemons on an empty history: one warning at start, and serve's
# /metrics says what the history holds.
. "$root/tests/daemon/lib.sh"  # wait_for
# Made on purpose (learn --prune, as the package does): a daemon refuses a
# store nearmiss never made (issue 14, round 34, item 3).
"$bin" learn --store "sqlite:$tmp/fresh.db" --prune > /dev/null 2>&1
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --store "sqlite:$tmp/fresh.db" --postfix-bin /nonexistent \
  > /dev/null 2> "$tmp/serve.err" &
serve_pid=$!
if wait_for "$tmp/serve.err" "listening on" $serve_pid; then
  metrics=$(curl -s "http://127.0.0.1:$port/metrics")
  contains "serve: /metrics counts the empty history" "nearmiss_history_correspondents 0" "$metrics"
else
  echo "FAIL serve did not start:"; cat "$tmp/serve.err"; fail=1
fi
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
check "serve: one empty-history warning" 1 "$(grep -c 'history: empty (the store has learned nothing yet)' "$tmp/serve.err")"
"$bin" milter --no-postconf --listen "unix:$tmp/milter.sock" > /dev/null 2> "$tmp/milter.err" &
milter_pid=$!
wait_for "$tmp/milter.err" "listening on" $milter_pid || { echo "FAIL milter did not start"; cat "$tmp/milter.err"; fail=1; }
kill "$milter_pid" 2>/dev/null; wait "$milter_pid" 2>/dev/null
check "milter with no store: one empty-history warning" 1 "$(grep -c 'history: empty (no store)' "$tmp/milter.err")"
"$bin" learn --store "sqlite:$tmp/full.db" --policy "$data/org.toml" "$data/outbound.csv" > /dev/null 2>&1
"$bin" milter --no-postconf --listen "unix:$tmp/milter2.sock" --store "sqlite:$tmp/full.db" \
  > /dev/null 2> "$tmp/milter2.err" &
milter_pid=$!
wait_for "$tmp/milter2.err" "listening on" $milter_pid || { echo "FAIL milter did not start"; cat "$tmp/milter2.err"; fail=1; }
kill "$milter_pid" 2>/dev/null; wait "$milter_pid" 2>/dev/null
check "milter with a learned store: no such warning" 0 "$(grep -c 'history: empty' "$tmp/milter2.err")"

exit $fail

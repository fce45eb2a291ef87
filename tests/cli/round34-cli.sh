#!/bin/sh
# Issue 14, round 34 (a fresh tester's report), through the CLI:
# 1. scan --store: a SECRET message to a look-alike the sender acknowledged
#    is still held (the content rules cover look-alikes).
# 2. learn --confirm of a look-alike the policy makes final (army.ml,
#    navy.ml, gov.uk.com) is refused and trusts nothing, with or without
#    history; a store row confirmed otherwise is not trusted either; every
#    confirm is an admin event.
# 3. milter and serve refuse a store nearmiss never made (a mistyped path).
# 4. a shortened acknowledgement_days shortens acknowledgements made.
# 5. learn twice of messages with no Message-ID and no usable date adds
#    nothing the second time.
# 8. CSV rows dated by a day alone are distinct messages.
# Usage: round34-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for
data=$root/tests/testdata/history/round34
verdict() {  # verdict [FLAGS...] ADDRESS: the class `check --json` gives
  "$bin" check --json "$@" 2>/dev/null |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["verdict"])'
}
found() {  # found LEARN_OUTPUT: the "deliveries: ..." figures
  sed -n 's/^deliveries: //p' "$1"
}

# --- 2: learn --confirm and final look-alikes -----------------------------
db="sqlite:$tmp/confirm.db"
"$bin" learn --store "$db" "$data/confirm-lookalikes.csv" > "$tmp/learn2.txt" 2>&1
check "learn of army.ml and gmial.com exits 0" 0 $?
contains "army.ml left out, no --confirm offered" \
  "left out army.ml (8 messages): looks like army.mil, whose look-alikes the policy never lets be acknowledged; it stays refused" \
  "$(cat "$tmp/learn2.txt")"
for d in army.ml navy.ml gov.uk.com Army.ML. ; do
  "$bin" learn --store "$db" --confirm "$d" > "$tmp/confirm.txt" 2>&1
  check "--confirm $d is refused (exit 2)" 2 $?
  contains "... saying why" "whose look-alikes the policy never lets be acknowledged" "$(cat "$tmp/confirm.txt")"
done
check "bob@army.ml stays a look-alike" lookalike "$(verdict --store "$db" --from alice@example.gov.uk bob@army.ml)"
"$bin" check --store "$db" --from alice@example.gov.uk bob@army.ml > /dev/null 2>&1
check "... refused (exit 1)" 1 $?
check "hmrc.gov.uk.com stays a look-alike" lookalike "$(verdict --store "$db" x@hmrc.gov.uk.com)"
# A row confirmed by hand (or by an older nearmiss) trusts nothing either.
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("INSERT OR IGNORE INTO nm_domain (domain, messages, first_seen, last_seen) VALUES (?, 0, 0, 0)", ("gov.uk.com",)); c.execute("UPDATE nm_domain SET confirmed = 1 WHERE domain IN (?, ?)", ("army.ml", "gov.uk.com")); c.commit()' "$tmp/confirm.db"
check "a store row of army.ml confirmed by hand: still a look-alike" lookalike \
  "$(verdict --store "$db" bob@army.ml)"
check "... and of gov.uk.com: mod.gov.uk.com still a look-alike" lookalike \
  "$(verdict --store "$db" x@mod.gov.uk.com)"
# A look-alike of a provider is the admin's to confirm, and it is recorded.
"$bin" learn --store "$db" --confirm gmial.com > "$tmp/confirm-ok.txt" 2>&1
check "--confirm gmial.com exits 0" 0 $?
check "carol@gmial.com is then trusted" trusted "$(verdict --store "$db" carol@gmial.com)"
"$bin" learn --store "$db" --unconfirm gmial.com > /dev/null 2>&1
"$bin" audit --events "$db" > "$tmp/events.txt" 2>&1
contains "audit --events names the confirm" "confirm" "$(cat "$tmp/events.txt")"
contains "... of gmial.com" "confirmed gmial.com as a correspondent (learn --confirm)" "$(cat "$tmp/events.txt")"
contains "... and the unconfirm" "withdrew the confirmation of gmial.com" "$(cat "$tmp/events.txt")"
# A policy whose rule makes look-alikes of providers final: gmial.com too.
"$bin" policy init | sed 's/^name = "lookalike-confirm"/name = "lookalike-confirm"\nacknowledge = false/' > "$tmp/final.toml"
"$bin" learn --store "$db" --policy "$tmp/final.toml" --confirm hotmial.com > /dev/null 2>&1
check "--confirm hotmial.com under acknowledge = false for provider look-alikes: exit 2" 2 $?
# The policy's own allow list stands (the documented partner.ml).
printf '[domains]\nallow = ["partner.ml"]\n' > "$tmp/allow.toml"
check "allow = [partner.ml]: trusted" trusted "$(verdict --policy "$tmp/allow.toml" x@partner.ml)"

# --- 1: scan --store of SECRET to an acknowledged look-alike ---------------
acks="sqlite:$tmp/acks.db"
"$bin" learn --store "$acks" --prune > /dev/null 2>&1
add_ack "$tmp/acks.db" alice@example.gov.uk dave@gmial.com "label-typo new-domain" dave@gmail.com
"$bin" check --store "$acks" --from alice@example.gov.uk dave@gmial.com > "$tmp/acked.txt" 2>&1
check "the acknowledged look-alike alone: accepted (exit 0)" 0 $?
"$bin" scan --store "$acks" "$data/secret-to-lookalike.eml" > "$tmp/scan1.txt" 2>&1
check "scan --store: SECRET to the acknowledged look-alike is flagged (exit 1)" 1 $?
contains "... held" "hold" "$(cat "$tmp/scan1.txt")"

# --- 3: daemons refuse a store nearmiss never made ------------------------
for cmd in "serve --listen 127.0.0.1:$("$root/tests/free-port") --postfix-bin /nonexistent" \
           "milter --no-postconf --listen unix:$tmp/m.sock"; do
  name=$(echo "$cmd" | cut -d' ' -f1)
  # shellcheck disable=SC2086
  timeout 20 "$bin" $cmd --store "$tmp/nope-$name.db" --spool memory > /dev/null 2> "$tmp/$name.err"
  check "$name --store MISTYPED.db exits 2" 2 $?
  contains "... refusing to judge with no history" "refusing to judge with no history" "$(cat "$tmp/$name.err")"
  check "... and creates nothing" no "$([ -e "$tmp/nope-$name.db" ] && echo yes || echo no)"
  : > "$tmp/zero-$name.db"
  # shellcheck disable=SC2086
  timeout 20 "$bin" $cmd --store "$tmp/zero-$name.db" --spool memory > /dev/null 2>&1
  check "$name --store on a 0-byte file exits 2" 2 $?
done
# A store made on purpose (learn --prune, as the package's postinst) starts.
"$bin" learn --store "sqlite:$tmp/made.db" --prune > /dev/null 2>&1
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --store "sqlite:$tmp/made.db" --spool memory \
  --postfix-bin /nonexistent > /dev/null 2> "$tmp/made.err" &
pid=$!
if wait_for "$tmp/made.err" "listening on" $pid; then echo "ok   serve starts on a store made by learn --prune"
else echo "FAIL serve on a made store:"; cat "$tmp/made.err"; fail=1; fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null

# --- 4: a shortened acknowledgement_days ----------------------------------
python3 -c 'import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE nm_acknowledgement SET created_at = ?", (int(time.time()) - 10*86400,)); c.commit()' "$tmp/acks.db"
"$bin" check --store "$acks" --from alice@example.gov.uk dave@gmial.com > /dev/null 2>&1
check "an acknowledgement 10 days old under the default 180: settled (exit 0)" 0 $?
"$bin" policy init | sed 's/^acknowledgement_days = .*/acknowledgement_days = 7/' > "$tmp/week.toml"
"$bin" check --store "$acks" --policy "$tmp/week.toml" --from alice@example.gov.uk dave@gmial.com > /dev/null 2>&1
check "... under acknowledgement_days = 7: asked again (exit 1)" 1 $?

# --- 5: no Message-ID and no usable date, learned twice -------------------
for mbox in nodate-nomsgid old-date; do
  s="sqlite:$tmp/$mbox.db"
  "$bin" learn --store "$s" "$data/$mbox.mbox" > "$tmp/$mbox-1.txt" 2>&1
  "$bin" learn --store "$s" "$data/$mbox.mbox" > "$tmp/$mbox-2.txt" 2>&1
  check "$mbox: the first learn counts 2" "2 found = 2 new + 0 repeated in the sources + 0 already in the store" \
    "$(found "$tmp/$mbox-1.txt")"
  check "$mbox: the second adds nothing" "2 found = 0 new + 0 repeated in the sources + 2 already in the store" \
    "$(found "$tmp/$mbox-2.txt")"
done
contains "the summary names the first undated message, not 'no date at all'" \
  "with no usable date (no Date: that could be read and believed, no delivery time) dated as the dated message before it in its mailbox (else the next; now when none is), known again by their content (first: $data/nodate-nomsgid.mbox:1)" \
  "$(cat "$tmp/nodate-nomsgid-1.txt")"

# --- 8: CSV rows dated by a day alone -------------------------------------
for csv in csv-same-day csv-same-day-dotted csv-same-day-plain; do
  s="sqlite:$tmp/$csv.db"
  "$bin" learn --store "$s" "$data/$csv.csv" > "$tmp/$csv-1.txt" 2>&1
  "$bin" learn --store "$s" "$data/$csv.csv" > "$tmp/$csv-2.txt" 2>&1
  n=$(($(wc -l < "$data/$csv.csv") - 1))
  check "$csv: every row a message" "$n found = $n new + 0 repeated in the sources + 0 already in the store" \
    "$(found "$tmp/$csv-1.txt")"
  check "$csv: read again, none new" "$n found = 0 new + 0 repeated in the sources + $n already in the store" \
    "$(found "$tmp/$csv-2.txt")"
done

# --- 8b: a CSV's date column by the names exports give it, or refused -----
# (round 34's second tester: "Sent" was not read as the date, so each row
# was dated at the import and counted again by the next one.)
for csv in csv-date-sent csv-date-sentdatetime; do
  s="sqlite:$tmp/$csv.db"
  "$bin" learn --store "$s" "$data/$csv.csv" > "$tmp/$csv-1.txt" 2>&1
  "$bin" learn --store "$s" "$data/$csv.csv" > "$tmp/$csv-2.txt" 2>&1
  n=$(($(wc -l < "$data/$csv.csv") - 1))
  check "$csv: read again, none new" "$n found = 0 new + 0 repeated in the sources + $n already in the store" \
    "$(found "$tmp/$csv-2.txt")"
done
rc=0
"$bin" learn --store "sqlite:$tmp/nodate.db" "$data/csv-no-date.csv" > "$tmp/nodate-csv.txt" 2>&1 || rc=$?
check "a CSV with no date column is refused" "2" "$rc"
grep -q 'csv-no-date.csv:1: a CSV of no form.*(this file has no date)' "$tmp/nodate-csv.txt" ||
  { echo "FAIL: no FILE:1 reason for the missing date column: $(cat "$tmp/nodate-csv.txt")"; fail=1; }

exit $fail

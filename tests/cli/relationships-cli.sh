#!/bin/sh
# Relationships end to end (issue 14, items 1 and 2): `learn` dates Sent
# folder messages by their Date: (a folder over 45 days trusts its
# correspondent after one import), learns nothing twice (a second import,
# overlapping rotated logs), writes to the one default store that `check`
# then reads with no flags (also as a user who cannot write
# /var/lib/nearmiss), shows the relationships, and `check` flags the wrong
# person at the right domain with address-typo and its suggestion.
# Usage: relationships-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history
json() {  # json EXPR ADDRESS: a field of `check --json`, with no flags
  "$bin" check --json "$2" | python3 -c "import json,sys; c=json.loads(sys.stdin.read()); print($1)"
}

# No store yet: check runs without history and says nothing of it.
check "before learning, partner.example is external" external "$(json 'c["verdict"]' john.smith@partner.example)"

"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn1.txt" 2>&1
check "learn exits 0" 0 $?
contains "learn says which store" "store: sqlite://$tmp/state/nearmiss.db (the default: \$NEARMISS_STATE_DIR)" "$(cat "$tmp/learn1.txt")"
contains "every message carries its Date:" "read 10 messages from Sent folders
" "$(cat "$tmp/learn1.txt")"
contains "one import trusts the correspondent" "trusted from history: 1 domain" "$(cat "$tmp/learn1.txt")"
contains "14 deliveries counted" "deliveries: 14 found = 14 new + 0 repeated in the sources + 0 already in the store" "$(cat "$tmp/learn1.txt")"
contains "... two relationships" "new relationships: 2 sender -> recipient pairs the store did not have" "$(cat "$tmp/learn1.txt")"

check "learn then check, no flags: trusted" trusted "$(json 'c["verdict"]' john.smith@partner.example)"

"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn2.txt" 2>&1
contains "a second import counts nothing" "deliveries: 14 found = 0 new + 0 repeated in the sources + 14 already in the store" "$(cat "$tmp/learn2.txt")"
contains "... and makes no relationship" "new relationships: 0 sender" "$(cat "$tmp/learn2.txt")"
"$bin" learn --show > "$tmp/show.txt"
contains "organisation-wide figures" "organisation: 14 deliveries from 1 sender to 2 addresses at 1 domain, 2026-09-01 to 2026-10-16" "$(cat "$tmp/show.txt")"
grep -Eq '^alice@mod.example -> john.smith@partner.example +10 2026-09-01 +2026-10-16 +"John Smith"$' "$tmp/show.txt" \
  && echo "ok   the pair: count, first and last seen by Date:, the name written" || { echo "FAIL --show:"; cat "$tmp/show.txt"; fail=1; }

# A message with no Date: is dated by its mbox "From " line.
"$bin" learn "$data/no-date.mbox" > "$tmp/learn3.txt" 2>&1
contains "the fallback is counted" "1 without a readable Date: dated by delivery" "$(cat "$tmp/learn3.txt")"
"$bin" learn --show --sender alice@mod.example > "$tmp/show2.txt"
grep -Eq '^alice@mod.example -> peter.brown@partner.example +1 2026-10-12 +2026-10-12$' "$tmp/show2.txt" \
  && echo "ok   ... at the From line's day" || { echo "FAIL no-date:"; cat "$tmp/show2.txt"; fail=1; }
"$bin" learn "$data/no-date.mbox" > "$tmp/learn4.txt" 2>&1
contains "... and counted once without a Message-ID" "deliveries: 1 found = 0 new + 0 repeated in the sources + 1 already in the store" "$(cat "$tmp/learn4.txt")"
# The same folder twice in one run: the second copy is repeated, not "in the store".
cp "$data/sent-45-days.mbox" "$tmp/copy.mbox"
"$bin" learn "$data/sent-45-days.mbox" "$tmp/copy.mbox" > "$tmp/learn5.txt" 2>&1
contains "a folder given twice: its copy is repeated in the sources" \
  "deliveries: 28 found = 0 new + 14 repeated in the sources + 14 already in the store" "$(cat "$tmp/learn5.txt")"

# breaker16 #9: deliveries whose sender the log never names (it starts
# after their from= lines, or it was filtered to the smtp lines) are not
# one sender; a named one is. Issue 14: they are no one's sent mail either
# (a bounce or relayed mail looks the same without from=): not learned,
# counted, the first named FILE:LINE, exit 2 (the history is incomplete).
cat > "$tmp/nosender.log" <<'LOG'
Nov  3 10:00:01 mail postfix/qmgr[2]: 5B1: from=<alice@mod.example>, size=300, nrcpt=1 (queue active)
Nov  3 10:00:02 mail postfix/smtp[3]: 5B1: to=<ann@partner.example>, relay=mx.partner.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)
Nov  3 10:00:03 mail postfix/smtp[3]: 5B2: to=<bea@partner.example>, relay=mx.partner.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)
Nov  3 10:00:04 mail postfix/smtp[3]: 5B3: to=<cid@partner.example>, relay=mx.partner.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)
LOG
"$bin" learn --year 2025 --store "$tmp/nosender.db" "$tmp/nosender.log" > "$tmp/nosender.txt" 2>&1
check "deliveries with no sender in the log: learn exits 2" 2 $?
contains "... counted and the first named" \
  "left out 2 deliveries whose sender the log does not show (no qmgr from= line: a filtered log, or one that starts after the message was queued): not learned as anyone's sent mail; first at $tmp/nosender.log:3" \
  "$(cat "$tmp/nosender.txt")"
contains "... the error names it too" \
  "learn: 2 deliveries whose sender the log does not show (no qmgr from= line; first at $tmp/nosender.log:3) not learned, so the history is incomplete" \
  "$(cat "$tmp/nosender.txt")"
contains "... only the named sender's delivery is learned" \
  "organisation: 1 delivery from 1 sender to 1 address at 1 domain" \
  "$("$bin" learn --store "$tmp/nosender.db" --show)"
# A log filtered to one program's lines (grep postfix/smtp): nothing is
# anyone's sent mail, nothing learned.
grep postfix/smtp "$tmp/nosender.log" > "$tmp/nosender2.log"
"$bin" learn --year 2025 --store "$tmp/nosender2.db" "$tmp/nosender2.log" > "$tmp/nosender2.txt" 2>&1
check "a log filtered to smtp lines: exit 2" 2 $?
contains "... nothing learned, and why" \
  "nothing learned: the sources given hold no delivery to learn; skipped 3 recipients whose sender the log does not show (no qmgr from= line) (first at $tmp/nosender2.log:1)" \
  "$(cat "$tmp/nosender2.txt")"
# A first learn that learned nothing keeps no store (learn_first.cc).
check "... and no store made" no "$([ -e "$tmp/nosender2.db" ] && echo yes || echo no)"

# Issue 14: a sender is her mailbox in every form the provider delivers to
# it: at Gmail dots and +tags do not count and googlemail.com is gmail.com
# (Gmail Help 7436150; engine/mailbox_space.h); elsewhere only the
# sub-address (recipient_delimiter) joins, and dots name another person.
printf '%s\n' 'sender,recipient,date' \
  'john.smith@gmail.com,amy@partner.example,2026-10-01' \
  'johnsmith@gmail.com,ben@partner.example,2026-10-02' \
  'John.Smith+x@googlemail.com,cat@partner.example,2026-10-03' \
  'jo.smith@gmail.com,dan@partner.example,2026-10-04' \
  'j.smith@mod.example,eve@partner.example,2026-10-05' \
  'j.smith+list@mod.example,fay@partner.example,2026-10-06' \
  'jsmith@mod.example,gus@partner.example,2026-10-07' > "$tmp/forms.csv"
"$bin" learn --store "$tmp/forms.db" "$tmp/forms.csv" > /dev/null 2>&1
# learn keeps a sender under its mailbox (round 52's tester 14, finding
# 7); a store written before kept John.Smith+x@ apart, and --show folds it
# on read: made so here.
folded=$(python3 - "$tmp/forms.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = c.execute("UPDATE nm_correspondent SET sender = 'john.smith+x@googlemail.com' "
              "WHERE sender = 'john.smith@googlemail.com'").rowcount
c.commit()
print(n)
PY
)
check "learn kept John.Smith+x@googlemail.com as its mailbox" 1 "$folded"
"$bin" learn --store "$tmp/forms.db" --show --sender john.smith@gmail.com > "$tmp/forms1.txt" 2>&1
contains "a Gmail sender: every form of the mailbox" \
  "john.smith@gmail.com: 3 deliveries from 1 sender to 3 addresses at 1 domain" "$(cat "$tmp/forms1.txt")"
contains "... the forms named" "john.smith@gmail.com: counted with the other forms of its mailbox: john.smith+x@googlemail.com (a sub-address (recipient_delimiter '+'); googlemail.com and gmail.com are one mailbox domain) johnsmith@gmail.com (Gmail ignores dots in the name)" "$(cat "$tmp/forms1.txt")"
grep -q 'dan@partner.example' "$tmp/forms1.txt" && { echo "FAIL another Gmail name joined:"; cat "$tmp/forms1.txt"; fail=1; } || echo "ok   ... jo.smith@gmail.com is another mailbox"
"$bin" learn --store "$tmp/forms.db" --show --sender JohnSmith+y@GoogleMail.com > "$tmp/forms2.txt" 2>&1
contains "... asked by another form, the same mailbox" \
  "johnsmith@googlemail.com: 3 deliveries from 1 sender to 3 addresses at 1 domain" "$(cat "$tmp/forms2.txt")"
"$bin" learn --store "$tmp/forms.db" --show --sender j.smith@mod.example > "$tmp/forms3.txt" 2>&1
contains "elsewhere: the sub-address joins" \
  "j.smith@mod.example: 2 deliveries from 1 sender to 2 addresses at 1 domain" "$(cat "$tmp/forms3.txt")"
grep -q 'gus@partner.example' "$tmp/forms3.txt" && { echo "FAIL dots dropped outside Gmail:"; cat "$tmp/forms3.txt"; fail=1; } || echo "ok   ... and jsmith@mod.example stays another person"

# address-typo through check, with no flags: the wrong person at the right domain.
check "jon.smith is an address-typo" "address-typo" \
  "$(json '",".join(r["code"] for r in c["reasons"] if r["code"]=="address-typo")' jon.smith@partner.example)"
check "... with the suggestion" "john.smith@partner.example" "$(json 'c["suggestion"]' jon.smith@partner.example)"
"$bin" check jon.smith@partner.example > "$tmp/check.txt"
contains "the sentence names the frequent address" "looks like john.smith@partner.example, a frequent correspondent" "$(cat "$tmp/check.txt")"
check "a genuinely new contact is not" "" \
  "$(json '",".join(r["code"] for r in c["reasons"] if r["code"]=="address-typo")' sarah.connor@partner.example)"
"$bin" policy explain --from alice@mod.example --to jsmith@partner.example > "$tmp/explain.txt"
contains "the default policy holds it" "did you mean john.smith@partner.example?" "$(cat "$tmp/explain.txt")"
# Issue 14 (fail-open): a SECRET message to the slip is held for an admin,
# the sensitivity rule outranking the sender's confirm.
"$bin" policy explain --from alice@mod.example --to jon.smith@partner.example \
  --subject "SECRET: plans" --json > "$tmp/explain-secret.json"
check "a SECRET message to a typo is held, not confirmed" "hold secret-outside-trusted" \
  "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["recipients"][0]; print(r["action"], r["rule"].split("\x27")[1])' "$tmp/explain-secret.json" 2>&1)"

# Overlapping rotated logs (the fault: 16 deliveries read, 12 distinct,
# printed as "learned 13 ... 12 new; 1 before"). maillog.2.gz holds
# deliveries 1-6, maillog.1 5-9 and the start of 10 (its "removed" rotated
# into maillog), maillog 10's sent line again and its end, 9 again, 11, 12:
# 16 found, 12 distinct, 4 repeated in the sources (5, 6, 9 by their queue
# id, recipient and time; 10's sent line while it is still open), to three
# recipients. Every figure adds up, in one run and in the next.
head_of() {  # head_of N RCPT: a delivery's qmgr and smtp lines
  day=$(printf %02d "$1")
  echo "Oct $day 10:00:00 mx postfix/qmgr[2]: A1B2C$day: from=<bob@mod.example>, size=900, nrcpt=1 (queue active)"
  echo "Oct $day 10:00:01 mx postfix/smtp[3]: A1B2C$day: to=<$2>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
}
end_of() { echo "Oct $(printf %02d "$1") 10:00:02 mx postfix/qmgr[2]: A1B2C$(printf %02d "$1"): removed"; }
line() { head_of "$1" "$2"; end_of "$1"; }
rcpt() { if [ "$1" -le 6 ]; then echo amy@partner.example; elif [ "$1" -le 10 ]; then echo ben@partner.example; else echo cat@partner.example; fi; }
mkdir "$tmp/logs"
for i in 1 2 3 4 5 6; do line $i "$(rcpt $i)"; done | gzip > "$tmp/logs/maillog.2.gz"
{ for i in 5 6 7 8 9; do line $i "$(rcpt $i)"; done; head_of 10 "$(rcpt 10)"; } > "$tmp/logs/maillog.1"
{ head_of 10 "$(rcpt 10)" | tail -n 1; end_of 10; for i in 9 11 12; do line $i "$(rcpt $i)"; done; } > "$tmp/logs/maillog"
"$bin" learn --year 2026 "$tmp/logs/maillog" "$tmp/logs/maillog.1" "$tmp/logs/maillog.2.gz" > "$tmp/log1.txt" 2>&1
check "learn of overlapping rotated logs exits 0" 0 $?
contains "the lines read, in all" "read: 46 log lines in 3 files, 0 Sent folder messages, 0 CSV rows" "$(cat "$tmp/log1.txt")"
contains "overlapping rotated logs: 16 found, 12 new, 4 repeated" \
  "deliveries: 16 found = 12 new + 4 repeated in the sources + 0 already in the store" "$(cat "$tmp/log1.txt")"
contains "... three new relationships" "new relationships: 3 sender -> recipient pairs" "$(cat "$tmp/log1.txt")"
"$bin" learn --year 2026 "$tmp/logs/maillog" "$tmp/logs/maillog.1" "$tmp/logs/maillog.2.gz" > "$tmp/log2.txt" 2>&1
contains "the same logs again: nothing new, the rest named" \
  "deliveries: 16 found = 0 new + 4 repeated in the sources + 12 already in the store" "$(cat "$tmp/log2.txt")"
contains "... no new relationship" "new relationships: 0 sender" "$(cat "$tmp/log2.txt")"
"$bin" learn --show --sender bob@mod.example > "$tmp/show3.txt"
grep -Eq '^bob@mod.example -> amy@partner.example +6 2026-10-01 +2026-10-06$' "$tmp/show3.txt" &&
  grep -Eq '^bob@mod.example -> ben@partner.example +4 2026-10-07 +2026-10-10$' "$tmp/show3.txt" &&
  grep -Eq '^bob@mod.example -> cat@partner.example +2 2026-10-11 +2026-10-12$' "$tmp/show3.txt" \
  && echo "ok   log deliveries once each, at the log's dates" || { echo "FAIL logs:"; cat "$tmp/show3.txt"; fail=1; }

# A CSV row whose recipient is no address is said, with its place.
printf 'sender,recipient,date\nbob@mod.example,dan@partner.example,2026-10-01\nbob@mod.example,not an address,2026-10-02\n' > "$tmp/export.csv"
"$bin" learn "$tmp/export.csv" > "$tmp/csv.txt" 2>&1
contains "a CSV row without an address is named" "left out 1 recipient that is not an address (first: $tmp/export.csv:3: column 'recipient': 'not an address')" "$(cat "$tmp/csv.txt")"
contains "... and the good row counted" "deliveries: 1 found = 1 new + 0 repeated in the sources + 0 already in the store" "$(cat "$tmp/csv.txt")"
"$bin" learn "$tmp/export.csv" > "$tmp/csv2.txt" 2>&1
contains "a CSV read again counts nothing new" "deliveries: 1 found = 0 new + 0 repeated in the sources + 1 already in the store" "$(cat "$tmp/csv2.txt")"

# A message read from a Postfix log and from the Sent folder counts once,
# in either order (the fault: the log's key was queue id + recipient, the
# folder's Message-ID + recipient, so it counted twice): the cleanup line's
# message-id joins them, and the recipient folds as the history folds it.
{
  echo "Oct 20 10:00:00 mx postfix/cleanup[4]: D0A1B2C3: message-id=<join1@mod.example>"
  echo "Oct 20 10:00:00 mx postfix/qmgr[2]: D0A1B2C3: from=<bob@mod.example>, size=900, nrcpt=1 (queue active)"
  echo "Oct 20 10:00:01 mx postfix/smtp[3]: D0A1B2C3: to=<dora@partner.example>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct 20 10:00:02 mx postfix/qmgr[2]: D0A1B2C3: removed"
} > "$tmp/join.log"
printf 'From bob@mod.example Tue Oct 20 10:00:00 2026\nFrom: bob@mod.example\nTo: Dora@partner.example\nSubject: join\nMessage-ID: <join1@mod.example>\nDate: Tue, 20 Oct 2026 10:00:00 +0000\n\nhi\n\n' > "$tmp/join.mbox"
for order in "join.log join.mbox" "join.mbox join.log"; do
  first=${order% *}; second=${order#* }
  jstore="sqlite:$tmp/join-$first.db"
  "$bin" learn --year 2026 --store "$jstore" "$tmp/$first" > "$tmp/join1.txt" 2>&1
  contains "$first first: counted" "deliveries: 1 found = 1 new" "$(cat "$tmp/join1.txt")"
  "$bin" learn --year 2026 --store "$jstore" "$tmp/$second" > "$tmp/join2.txt" 2>&1
  contains "... then $second: the same message, already in the store" \
    "deliveries: 1 found = 0 new + 0 repeated in the sources + 1 already in the store" "$(cat "$tmp/join2.txt")"
done

# A Maildir message without Date: is dated by the delivery time its file
# name starts with, as audit dates it (content/mailbox_date.h), not by the
# file's modification time (the fault: learn used the mtime).
mkdir -p "$tmp/Sent/cur" "$tmp/Sent/new" "$tmp/Sent/tmp"
printf 'From: bob@mod.example\nTo: fay@partner.example\nSubject: undated\nMessage-ID: <undated1@mod.example>\n\nhi\n' \
  > "$tmp/Sent/cur/1733011200.M123P456.host:2,S"
touch -d 2026-06-15T12:00:00Z "$tmp/Sent/cur/1733011200.M123P456.host:2,S"
"$bin" learn --store "sqlite:$tmp/maildir.db" "$tmp/Sent" > "$tmp/maildir.txt" 2>&1
contains "the fallback is counted" "1 without a readable Date: dated by delivery" "$(cat "$tmp/maildir.txt")"
"$bin" learn --store "sqlite:$tmp/maildir.db" --show > "$tmp/maildir-show.txt" 2>&1
contains "dated by the file name (2024-12-01), not the mtime (2026-06-15)" "2024-12-01" \
  "$(grep fay@partner.example "$tmp/maildir-show.txt")"

# A CSV time is range-checked and its zone applied; a bad one is an error
# naming the file and line, never an abort.
for bad in "2026-10-10 morning!!" 99999999999999999999 2026-10-10T25:99:99; do
  printf 'sender,recipient,date\nbob@mod.example,eve@partner.example,%s\n' "$bad" > "$tmp/bad.csv"
  "$bin" learn "$tmp/bad.csv" > "$tmp/bad.txt" 2>&1
  check "bad CSV time '$bad' exits 2" 2 $?
  contains "... naming the line" "$tmp/bad.csv:2: bad time" "$(cat "$tmp/bad.txt")"
done
printf 'sender,recipient,date\nbob@mod.example,zed@zone.example,2026-10-20T23:30:00-05:00\n' > "$tmp/zone.csv"
"$bin" learn "$tmp/zone.csv" > /dev/null 2>&1
"$bin" learn --show > "$tmp/zone.txt" 2>&1
contains "a CSV time's offset is applied (23:30-05:00 is the next day in UTC)" "2026-10-21" "$(grep zed@zone.example "$tmp/zone.txt" | head -1)"

# check says what the policy would do, not only the class (the fault:
# `check jon.smith@partner.example` printed "trusted" and exited 0 while the
# policy would hold it for the sender to confirm).
"$bin" check jon.smith@partner.example > "$tmp/typo.txt" 2>&1
check "an address typo the policy confirms exits 1" 1 $?
contains "... the action and its rule" "policy: confirm (rule " "$(cat "$tmp/typo.txt")"
contains "... the rule is address-typo" "'address-typo'" "$(cat "$tmp/typo.txt")"
contains "... and did you mean" "did you mean john.smith@partner.example?" "$(cat "$tmp/typo.txt")"
check "JSON: the action" confirm "$(json 'c["action"]' jon.smith@partner.example)"
check "JSON: the rule" address-typo "$(json 'c["rule"]["name"]' jon.smith@partner.example)"
"$bin" check john.smith@partner.example > "$tmp/known.txt"
check "the frequent address itself exits 0" 0 $?
contains "... accepted by the default action" "policy: accept (default action" "$(cat "$tmp/known.txt")"

# Per-sender learning: the same slip is a typo for alice, who writes to
# john.smith, and not for bob, who never has; without --from check says
# the sender's part was not judged.
"$bin" policy init | sed 's/^address_typo_scope = "organisation"/address_typo_scope = "sender"/' > "$tmp/sender.toml"
grep -q '^address_typo_scope = "sender"' "$tmp/sender.toml" || { echo "FAIL no sender scope in the policy"; fail=1; }
sjson() {  # sjson EXPR FLAGS... ADDRESS: a field of check --json with the sender-scope policy
  e=$1; shift
  "$bin" check --json --policy "$tmp/sender.toml" "$@" 2>/dev/null | python3 -c "import json,sys; c=json.loads(sys.stdin.read()); print($e)"
}
check "sender scope, --from alice: confirm" confirm "$(sjson 'c["action"]' --from alice@mod.example jon.smith@partner.example)"
check "... with the suggestion" john.smith@partner.example "$(sjson 'c.get("suggestion","")' --from alice@mod.example jon.smith@partner.example)"
"$bin" check --policy "$tmp/sender.toml" --from alice@mod.example jon.smith@partner.example > /dev/null 2>&1
check "... exits 1" 1 $?
check "sender scope, --from bob: accept" accept "$(sjson 'c["action"]' --from bob@mod.example jon.smith@partner.example)"
"$bin" check --policy "$tmp/sender.toml" --from '<bob@mod.example>' jon.smith@partner.example > /dev/null 2>&1
check "... exits 0" 0 $?
check "... JSON names the sender" bob@mod.example "$(sjson 'c["sender"]' --from '<bob@mod.example>' jon.smith@partner.example)"
"$bin" check --policy "$tmp/sender.toml" jon.smith@partner.example > "$tmp/nofrom.txt" 2> "$tmp/nofrom.err"
contains "no --from with a sender scope: said plainly" "the sender-specific part of the policy was not evaluated: address-typo against the sender's own correspondents" "$(cat "$tmp/nofrom.err")"
check "... and in the JSON" True "$(sjson 'any(p.startswith("address-typo against the sender") for p in c["not_evaluated"])' jon.smith@partner.example)"
"$bin" check --from 'not an address' jon.smith@partner.example > /dev/null 2> "$tmp/badfrom.err"
check "a --from that is no address exits 2" 2 $?
contains "... naming it" "--from 'not an address': not an envelope sender address" "$(cat "$tmp/badfrom.err")"

# Warn once: alice's "Send anyway" through the API (serve on the same
# default store) settles the typo for her in check --from, not for bob.
port=$("$root/tests/free-port")
# A check token vouches for the acknowledgement (none: 403 acknowledge-needs-token).
printf 'check fedcba9876543210fedcba98 outlook add-in\n' > "$tmp/rel-tokens"
chmod 600 "$tmp/rel-tokens"
"$bin" serve --listen "127.0.0.1:$port" --postfix-bin /nonexistent --token-file "$tmp/rel-tokens" \
  > /dev/null 2> "$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/serve.err" && break; sleep 0.05; done
curl -sf -H 'Content-Type: application/json' -H 'Authorization: Bearer fedcba9876543210fedcba98' \
  -d '{"from": "alice@mod.example", "to": ["jon.smith@partner.example"], "acknowledge": {"justification": "Jon joined"}}' \
  "http://127.0.0.1:$port/v1/check" > "$tmp/ack.json"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null
contains "the API acknowledges the typo" '"recipient":"jon.smith@partner.example"' "$(cat "$tmp/ack.json")"
"$bin" check --from alice@mod.example jon.smith@partner.example > "$tmp/acked.txt"
check "check --from alice: settled by her acknowledgement, exits 0" 0 $?
contains "... and says which" "policy: accept (confirm by rule" "$(cat "$tmp/acked.txt")"
"$bin" check --from bob@mod.example jon.smith@partner.example > /dev/null
check "check --from bob: still to confirm, exits 1" 1 $?
"$bin" check jon.smith@partner.example > "$tmp/noack.txt"
contains "without --from: the acknowledgements not read, said" "without --from the sender's acknowledgements were not read" "$(cat "$tmp/noack.txt")"

# A configured store that cannot be opened fails closed: exit 2, named.
"$bin" check --store "$tmp/missing-dir/x.db" bob@partner.example > /dev/null 2> "$tmp/err.txt"
check "an unreachable configured store exits 2" 2 $?
contains "... naming it" "missing-dir/x.db" "$(cat "$tmp/err.txt")"

# Issue 14, found by its tester: `audit --events` created a store at a
# mistyped path, took `--json` for the store, and without a STORE did not
# read the default one. It reads an existing store only.
"$bin" audit --events "$tmp/nope.db" > /dev/null 2> "$tmp/ev-err.txt"
check "audit --events on a missing store exits 2" 2 $?
contains "... naming it" "$tmp/nope.db: no such store" "$(cat "$tmp/ev-err.txt")"
check "... and creates nothing" no "$([ -e "$tmp/nope.db" ] && echo yes || echo no)"
(cd "$tmp" && "$bin" audit --events --json > "$tmp/ev.json" 2>&1)
check "audit --events --json reads the default store" 0 $?
check "... and makes no store named --json" no "$([ -e "$tmp/--json" ] && echo yes || echo no)"
contains "audit --events alone lists the default store" "1 administrative event (newest first)" "$("$bin" audit --events 2>&1)"

# A Maildir root's Sent folders (both layouts): learn-sources-cli.sh.

# A user who cannot write /var/lib/nearmiss: learn and check meet in
# $XDG_DATA_HOME. As root, run them as nobody.
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  as_user() { "$@"; }
fi
chmod 755 "$tmp"
mkdir -p "$tmp/xdg"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/xdg"
if as_user test -w /var/lib; then
  echo "skip the non-root fallback: this user can write /var/lib"
else
  user_env() { as_user env -u NEARMISS_STATE_DIR XDG_DATA_HOME="$tmp/xdg" HOME=/nonexistent "$@"; }
  out=$(user_env "$bin" learn "$data/sent-45-days.mbox" 2>&1)
  contains "a non-root user's store is in \$XDG_DATA_HOME" \
    "store: sqlite://$tmp/xdg/nearmiss/nearmiss.db (the default: /var/lib/nearmiss is not writable by this user: \$XDG_DATA_HOME)" "$out"
  v=$(user_env "$bin" check --json john.smith@partner.example |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["verdict"])')
  check "... and check finds it with no flags" trusted "$v"
fi
exit $fail

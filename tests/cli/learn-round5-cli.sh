#!/bin/sh
# Learning, as the fifth issue-14 tester broke it: a delivery whose cleanup
# (message-id) line sits in another rotated file counted twice, across runs
# and in one run (item 5); Message-IDs differing only in the case of their
# domain counted as two messages (item 7); `learn --show --sender` asked
# with capitals or a sub-address found nothing (item 10); a CSV export with
# ';' or tab separators was refused as having no recipient column (item 11).
# Usage: learn-round5-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history/round5
learned() {  # learned DB ARGS...: learn's "deliveries:" line
  db=$1; shift
  "$bin" learn --year 2026 --store "sqlite:$tmp/$db" "$@" 2>&1 | sed -n 's/^deliveries: //p'
}
messages() {  # messages DB PAIR: the count of "SENDER -> RECIPIENT" in --show
  "$bin" learn --store "sqlite:$tmp/$1" --show | awk -v p="$2" '$1 " -> " $3 == p { print $4 }'
}
day() {  # day DB PAIR: its first-seen day
  "$bin" learn --store "sqlite:$tmp/$1" --show | awk -v p="$2" '$1 " -> " $3 == p { print $5 }'
}
kate="alice@mod.example -> kate.lee@partner.example"
john="alice@mod.example -> john.smith@partner.example"

# Item 5 (a): the current file first, then the rotated set with the
# cleanup line; and the other way round.
check "edge-b alone" "1 found = 1 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned a.db "$data/edge-b.log")"
check "then edge-a edge-b: already in the store" \
  "1 found = 0 new + 0 repeated in the sources + 1 already in the store" \
  "$(learned a.db "$data/edge-a.log" "$data/edge-b.log")"
check "... counted once" 1 "$(messages a.db "$kate")"
learned a2.db "$data/edge-a.log" "$data/edge-b.log" >/dev/null
check "the set first, then edge-b alone: already in the store" \
  "1 found = 0 new + 0 repeated in the sources + 1 already in the store" \
  "$(learned a2.db "$data/edge-b.log")"
check "... counted once" 1 "$(messages a2.db "$kate")"

# Item 5 (b): one run over overlapping files (copytruncate, an extract
# that repeats the tail), in either order.
cat "$data/edge-a.log" "$data/edge-b.log" > "$tmp/edge-all.log"
check "one run, edge-all then edge-b" "1 repeated in the sources" \
  "$(learned b.db "$tmp/edge-all.log" "$data/edge-b.log" | grep -o '1 repeated in the sources')"
check "... counted once" 1 "$(messages b.db "$kate")"
learned b2.db "$data/edge-b.log" "$tmp/edge-all.log" >/dev/null
check "one run, edge-b then edge-all: counted once" 1 "$(messages b2.db "$kate")"

# Item 5 (c): deferred before the rotation, sent after it; dated by the
# "sent" line whichever files are read.
learned c.db "$data/rot-a.log" >/dev/null
learned c.db "$data/rot-b.log" >/dev/null
check "rot-b alone dates the delivery by its sent line" 2026-10-01 "$(day c.db "$john")"
check "rot-a rot-b after both: nothing new" \
  "2 found = 0 new + 0 repeated in the sources + 2 already in the store" \
  "$(learned c.db "$data/rot-a.log" "$data/rot-b.log")"
check "... john.smith once" 1 "$(messages c.db "$john")"
learned c2.db "$data/rot-a.log" "$data/rot-b.log" >/dev/null
check "the set in one run: dated by the sent line too" 2026-10-01 "$(day c2.db "$john")"

# Item 7: the Message-ID's domain in other capitals is the same message,
# across runs and in one run.
check "m365 trace" "5 found = 5 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned m.db --policy "$data/org.toml" "$data/m365.csv")"
check "the same trace, MessageId domain in capitals" \
  "5 found = 0 new + 0 repeated in the sources + 5 already in the store" \
  "$(learned m.db --policy "$data/org.toml" "$data/m365-midcase.csv")"
learned m2.db --policy "$data/org.toml" "$data/m365.csv" "$data/m365-midcase.csv" >/dev/null
check "both in one run: each message once" 5 "$(messages m2.db "$john")"
# ... and in a store an earlier version wrote (schema 5): its keys hold the
# Message-ID's domain as the source wrote it, MOD.EXAMPLE. Opened now,
# migration 6 folds them, so learning either trace again counts nothing.
# (A schema-5 store has no typo_kind column, which migration 7 adds, nor
# the columns migration 8 adds to nm_audit_recipient and nm_correspondent,
# nor migration 9's replaced_by and index, nor migration 10's table.)
learned old.db --policy "$data/org.toml" "$data/m365-midcase.csv" >/dev/null
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE nm_learned SET key = replace(key, ?, ?)", ("@mod.example ", "@MOD.EXAMPLE ")); c.execute("DROP INDEX nm_acknowledgement_live"); c.execute("ALTER TABLE nm_acknowledgement DROP COLUMN replaced_by"); c.execute("DROP TABLE nm_learn_carry"); c.execute("ALTER TABLE nm_acknowledgement DROP COLUMN typo_kind"); [c.execute("ALTER TABLE nm_audit_recipient DROP COLUMN " + col) for col in ("acknowledged_by", "ack_who", "ack_path", "ack_made_at", "ack_scope", "settled_rule", "rule_action")]; c.execute("ALTER TABLE nm_correspondent DROP COLUMN display_name"); c.execute("UPDATE nm_meta SET value = ? WHERE key = ?", ("5", "schema_version")); c.commit()' "$tmp/old.db"
old_keys() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM nm_learned WHERE key GLOB ?", ("*@MOD.EXAMPLE *",)).fetchone()[0])' "$tmp/old.db"; }
check "the schema-5 store holds its keys in capitals" 5 "$(old_keys)"
check "learned again into the schema-5 store: nothing counts twice" \
  "5 found = 0 new + 0 repeated in the sources + 5 already in the store" \
  "$(learned old.db --policy "$data/org.toml" "$data/m365-midcase.csv")"
check "... nor from the other trace" \
  "5 found = 0 new + 0 repeated in the sources + 5 already in the store" \
  "$(learned old.db --policy "$data/org.toml" "$data/m365.csv")"
check "... each message once" 5 "$(messages old.db "$john")"

# Item 10: --sender as Outlook shows it, or with a sub-address.
for asked in alice@mod.example ALICE@MOD.EXAMPLE Alice@Mod.Example alice+x@mod.example; do
  out=$("$bin" learn --store "sqlite:$tmp/a.db" --show --sender "$asked")
  contains "--show --sender $asked finds alice" "alice@mod.example: 1 delivery from 1 sender" "$out"
done
out=$("$bin" learn --store "sqlite:$tmp/a.db" --show --sender bob@mod.example)
contains "--show --sender of someone with no history" "bob@mod.example: 0 deliveries" "$out"

# Item 11: ';' (with a byte order mark and CRLF, as Excel saves it) and tab
# separators are read; a CSV date in another form says what CSV takes.
check "a ';' CSV is read" "2 found = 2 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned s.db "$data/semi.csv")"
printf 'sender\trecipient\tdate\nalice@mod.example\tpat@client.example\t2026-09-01\n' > "$tmp/tabs.csv"
check "a tab-separated CSV is read" "1 found = 1 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned t.db "$tmp/tabs.csv")"
printf 'a|b|c\nx|y|z\n' > "$tmp/pipes.csv"
out=$("$bin" learn --store "sqlite:$tmp/p.db" "$tmp/pipes.csv" 2>&1); rc=$?
check "a CSV with no recipient column exits 2" 2 "$rc"
contains "... and says which separators were tried" "separated by ',', ';' or tabs: 'a|b|c'" "$out"
# Slash dates take --date-order as a trace's do; without it they are
# ambiguous, and the error says what to give.
check "a slash-dated CSV with --date-order dmy" "2 found = 2 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned d.db --date-order dmy "$data/slash.csv")"
check "... dated day first" 2026-09-01 "$(day d.db "alice@mod.example -> pat@client.example")"
# Without it, a row that reads only one way (13/09: day first) decides
# the whole file (issue-16 tester §1): 01/09 is 1 September.
check "a slash-dated CSV decided by its own 13/09" "2 found = 2 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned d1.db "$data/slash.csv")"
check "... dated day first" 2026-09-01 "$(day d1.db "alice@mod.example -> pat@client.example")"
# A file whose rows do not decide (04/11 only), in each culture's form that
# may be either (en-GB 24-hour, en-IN dashed with AM/PM, en-AU lower-case
# pm), exits 2 and names the option.
for when in "04/11/2025 15:02:11" "04-11-2025 3:02:11 PM" "4/11/2025 3:02:11 pm"; do
  printf 'sender,recipient,date\nalice@mod.example,pat@client.example,%s\n' "$when" > "$tmp/undecided.csv"
  out=$("$bin" learn --store "sqlite:$tmp/d2.db" "$tmp/undecided.csv" 2>&1); rc=$?
  check "an undecided CSV date ($when) without --date-order exits 2" 2 "$rc"
  contains "... and names the option" "may be day/month or month/day and the file's other rows do not say which: say which with --date-order dmy or mdy" "$out"
done
# The en-IN file of the tester's report, with a row that decides it.
printf 'sender,recipient,date\nalice@mod.gov.in,lc1@partner.example,04-11-2025 3:02:11 PM\nalice@mod.gov.in,lc2@partner.example,13-11-2025 9:00:00 AM\n' > "$tmp/en-in.csv"
check "an en-IN CSV decided by its 13-11 row" "2 found = 2 new + 0 repeated in the sources + 0 already in the store" \
  "$(learned d4.db "$tmp/en-in.csv")"
check "... its 04-11 is 4 November" 2025-11-04 "$(day d4.db "alice@mod.gov.in -> lc1@partner.example")"
printf 'sender,recipient,date\nalice@mod.example,pat@client.example,32.13.2026\n' > "$tmp/bad.csv"
out=$("$bin" learn --store "sqlite:$tmp/d3.db" "$tmp/bad.csv" 2>&1); rc=$?
check "a date that is none exits 2" 2 "$rc"
contains "... naming file, line and the forms read" "bad.csv:2: bad time '32.13.2026'" "$out"
exit $fail

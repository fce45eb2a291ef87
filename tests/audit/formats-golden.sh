#!/bin/sh
# tests/audit/formats-golden.sh NEARMISS: one golden per supported log form.
# Each tests/audit/formats/FORM.log (made by gen-format-excerpts.py) must give
# exactly the generator's FORM.expected.jsonl rows under `audit --json`, and
# the reviewed FORM.summary under the text summary (its per-file counts say
# what was recognised). Then input it cannot read: `audit` and `learn` exit 2
# with a message naming FILE:LINE.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-formats.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }

cd "$here/formats" || exit 2
n=0
for log in *.log; do
  form=${log%.log}
  # --year 2025: the forms without a year take it; the others must not.
  "$nearmiss" audit --year 2025 --json "$log" >"$w/$form.jsonl"
  rc=$?
  [ "$rc" -eq 1 ] || no "$form: exit $rc, want 1 (found)"
  diff -u "$form.expected.jsonl" "$w/$form.jsonl" >&2 || no "$form: --json rows differ"
  "$nearmiss" audit --year 2025 "$log" >"$w/$form.summary"
  diff -u "$form.summary" "$w/$form.summary" >&2 || no "$form: summary differs"
  n=$((n + 1))
done
[ "$n" -ge 11 ] || no "only $n formats"

# Input it cannot read. journalctl -o cat: messages without their framing.
cd "$w" || exit 2
printf '4F2A1B3C: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.7]:25, status=sent (250 ok)\n4F2A1B3C: removed\n' >cat.log
"$nearmiss" audit cat.log >out.txt 2>err.txt
rc=$?
[ "$rc" -eq 2 ] || no "audit of journalctl -o cat output: exit $rc, want 2"
grep -q '^nearmiss audit: error: cat.log:1: not a mail log this reader knows: 0 of 2 non-empty lines recognised' err.txt ||
  { cat err.txt >&2; no "audit: no message naming cat.log:1"; }
grep -q 'journalctl -o cat.*journalctl -o short-iso' err.txt ||
  { cat err.txt >&2; no "audit: -o cat without the re-export it needs"; }
grep -q 'cat.log: 2 lines read, 0 recognised, 0 from Postfix, 2 not recognised (first at cat.log:1)' out.txt ||
  { cat out.txt >&2; no "audit: summary does not count the unrecognised lines"; }
"$nearmiss" audit --json --summary-json summary.json cat.log >/dev/null 2>&1
python3 - <<'PY' || no "audit --summary-json: counts of cat.log"
import json
log = json.load(open("summary.json"))["logs"][0]
assert log["file"] == "cat.log" and log["lines_read"] == 2, log
assert log["recognised_lines"] == 0 and log["unrecognised_lines"] == 2, log
assert log["first_unrecognised"]["line"] == 1, log
PY
# -o json, a file among good ones: the good one is still read, exit 2.
printf '{"MESSAGE":"4F2A1B3C: removed","_HOSTNAME":"mail"}\n' >journal.json
"$nearmiss" audit --year 2025 --json "$here/formats/rfc3164.log" journal.json >rows.jsonl 2>err.txt
rc=$?
[ "$rc" -eq 2 ] || no "audit of a good and a json file: exit $rc, want 2"
grep -q '^nearmiss audit: error: journal.json:1: ' err.txt || { cat err.txt >&2; no "audit: no message naming journal.json:1"; }
[ "$(wc -l <rows.jsonl)" -eq 3 ] || no "audit: the good file's rows are missing"
grep -q 'journal.json:1: .*this is journalctl -o json.*journalctl -o short-iso' err.txt ||
  { cat err.txt >&2; no "audit: -o json without the re-export it needs"; }
# Forms whose re-export is known are named with it (breaker round 2 §12):
# journalctl -o export and -o verbose, a trace saved with tabs. A trace
# saved with ';' (Export-Csv -UseCulture) is read since round 47.
printf '__CURSOR=s=1\n__REALTIME_TIMESTAMP=1762161123000000\nMESSAGE=4F2A1B3C: removed\n\n' >journal.export
printf 'Mon 2025-11-03 09:12:03.000000 UTC [s=1]\n    _HOSTNAME=mail\n    MESSAGE=4F2A1B3C: removed\n' >journal.verbose
printf '"Received";"SenderAddress";"RecipientAddress";"Status"\n"2025-11-03T09:12:06Z";"a@mod.gov.uk";"b@army.ml";"Delivered"\n' >semi.csv
printf 'Received\tSenderAddress\tRecipientAddress\tStatus\n2025-11-03T09:12:06Z\ta@mod.gov.uk\tb@army.ml\tDelivered\n' >tabs.csv
for f in journal.export:'journalctl -o export.*journalctl -o short-iso' \
    journal.verbose:'journalctl -o export (or -o verbose).*journalctl -o short-iso' \
    tabs.csv:"CSV with tabs between its fields.*-Delimiter ','"; do
  "$nearmiss" audit "${f%%:*}" >/dev/null 2>err.txt
  [ $? -eq 2 ] || no "audit ${f%%:*}: want exit 2"
  grep -q "${f#*:}" err.txt || { cat err.txt >&2; no "audit ${f%%:*}: no hint: ${f#*:}"; }
done
"$nearmiss" audit --json semi.csv >semi.jsonl 2>err.txt
[ $? -eq 1 ] || { cat err.txt >&2; no "audit semi.csv: want exit 1 (a look-alike found)"; }
grep -q '"to":"b@army.ml".*"status":"sent"' semi.jsonl || no "audit semi.csv: the ';' trace's row is missing"
# A trace recognised as one, with too many rows it cannot read: said so,
# not "not a mail log".
{ printf '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId"\n'
  printf '"2025-11-03T09:12:06Z","a@mod.gov.uk","b@army.ml","x","Delivered","<1@x>"\n'
  printf '"2025-11-03T09:12:06Z","a@mod.gov.uk","c@army.ml","x","Delivered"\n'
  printf '"2025-11-03T09:12:06Z","a@mod.gov.uk","d@army.ml"\n'; } >rows.csv
"$nearmiss" audit rows.csv >/dev/null 2>err.txt
[ $? -eq 2 ] || no "audit rows.csv: want exit 2"
grep -q 'rows.csv:3: too many unreadable records for a m365-trace file: 2 of 4 non-empty lines recognised' err.txt ||
  { cat err.txt >&2; no "audit rows.csv: not named as a trace with unreadable rows"; }
! grep -q 'not a mail log' err.txt || no "audit rows.csv: called not a mail log"
# Under the threshold: 2 of 5 recognised is 40%.
head -2 "$here/formats/rfc3164.log" >mixed.log
printf 'x\ny\nz\n' >>mixed.log
"$nearmiss" audit mixed.log >/dev/null 2>err.txt
[ $? -eq 2 ] || no "audit: 40% recognised passed the default 90%"
grep -q 'mixed.log:3: .*2 of 5 non-empty lines recognised (need 90%)' err.txt ||
  { cat err.txt >&2; no "audit: threshold message"; }
# Over a lowered threshold the file is read, not refused; its 3 lines in
# no form are left out, so the report says INCOMPLETE and exits 2, as every
# INCOMPLETE report does (issue-16 tester round 56, finding 1).
"$nearmiss" audit --min-recognised 40 mixed.log >out.txt 2>err.txt
[ $? -eq 2 ] || no "audit --min-recognised 40: exit not 2 (INCOMPLETE)"
! grep -q 'need 40%' err.txt || { cat err.txt >&2; no "audit --min-recognised 40: 40% should pass"; }
grep -q '^INCOMPLETE: this report leaves out 3 log lines in no form' out.txt ||
  { cat out.txt >&2; no "audit --min-recognised 40: the report does not say INCOMPLETE"; }

# learn: the same rule, and nothing learned from what it cannot read.
"$nearmiss" learn --store "sqlite:$w/h.db" cat.log >out.txt 2>err.txt
rc=$?
[ "$rc" -eq 2 ] || no "learn of journalctl -o cat output: exit $rc, want 2"
grep -q '^nearmiss learn: error: cat.log:1: not a mail log this reader knows' err.txt ||
  { cat err.txt >&2; no "learn: no message naming cat.log:1"; }
"$nearmiss" learn --store "sqlite:$w/h.db" --year 2025 "$here/formats/rfc5424.log" >out.txt 2>&1 ||
  { cat out.txt >&2; no "learn of an RFC 5424 log failed"; }
grep -q 'rfc5424.log: 21 lines read, 21 recognised (rfc5424), 18 from Postfix, 0 not recognised' out.txt ||
  { cat out.txt >&2; no "learn: no line counts"; }
grep -q '^deliveries: 3 found = 3 new ' out.txt || { cat out.txt >&2; no "learn: want 3 sent deliveries"; }

# A .gz cut short (an interrupted rotation or copy) is an error, not a
# shorter log that reads clean.
gzip -c "$here/formats/rfc3164.log" > whole.gz
head -c 30 whole.gz > cut.gz
"$nearmiss" audit cut.gz >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 2 ] || no "audit of a truncated .gz: exit $rc, want 2"
grep -q 'cut.gz: gzip: unexpected end of file' err.txt || { cat err.txt >&2; no "audit: truncated .gz not named"; }
"$nearmiss" learn --store "sqlite:$w/g.db" cut.gz >/dev/null 2>&1
[ $? -eq 2 ] || no "learn of a truncated .gz: want exit 2"

[ "$fail" -eq 0 ] || exit 1
echo "audit formats golden: $n forms, unreadable input exits 2: OK"

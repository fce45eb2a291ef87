#!/bin/sh
# tests/audit/plurals.sh NEARMISS: counts of one read as one (issue 16,
# round three, 7: "1 messages", "1 files", "1 lines"). One-item cases read
# by `nearmiss audit` as text, as HTML and, with Chromium and pdftotext, as
# PDF: no figure 1 is followed by a plural noun, and the singular forms are
# there.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-plurals.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
# A log of one line: one delivery, to one look-alike domain, its sender not
# in the log; and the invalid-domain case: one delivery from one sender,
# with one hand-off in a third file.
printf 'Nov  3 09:12:07 mail postfix/smtp[103]: 3C3C09: to=<rose@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n' \
  >one.log
cp "$here/cases/postfix-invalid-domain/maillog" maillog
cp "$here/cases/postfix-filter-final-hop-missing/maillog" filter.log
# The nouns the reports count, plural; after a lone 1 each is wrong.
bad='(^|[^0-9.,])1 (log |mailbox |delivery |look-alike |address verification |soft |internal |Exchange |trace )?(lines|messages|files|deliveries|senders|domains|attempts|recipients|hand-offs|sources|inputs|records|probes|bounces|hops|events|rows)([^a-z-]|$)'
check() {  # FILE WHAT
  if grep -Eq -- "$bad" "$1"; then
    no "$2 has a plural after 1: $(grep -Eo -- "$bad" "$1" | head -n 3 | tr '\n' '|')"
  fi
}
for input in one.log maillog filter.log; do
  name=$(echo "$input" | tr '.' '_')
  # shellcheck disable=SC2086
  "$nearmiss" audit --year 2025 $input >"$name.txt" 2>"$name.err"
  check "$name.txt" "text report of $input"
  check "$name.err" "messages of $input"
  # shellcheck disable=SC2086
  "$nearmiss" audit --year 2025 --html "$name.html" $input >/dev/null 2>&1
  sed -e 's/<[^>]*>/ /g' "$name.html" >"$name.html.txt"
  check "$name.html.txt" "HTML report of $input"
done
# More than one: the English plural, never a noun with "s" stuck on
# ("2 deliverys into a mailbox", issue-16 tester §8). A log with two local
# deliveries, read by audit and learn, and its HTML report.
printf 'Nov  3 09:12:07 mail postfix/local[104]: 3C3C0A: to=<alice@mail.mod.gov.uk>, relay=local, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered to mailbox)\nNov  3 09:12:08 mail postfix/virtual[105]: 3C3C0B: to=<bob@mod.gov.uk>, relay=virtual, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered to maildir)\n' \
  >local.log
"$nearmiss" audit --year 2025 local.log >local.txt 2>&1
"$nearmiss" audit --year 2025 --html local.html local.log >/dev/null 2>&1
sed -e 's/<[^>]*>/ /g' local.html >local.html.txt
"$nearmiss" learn --store "sqlite:$w/local.db" --year 2025 local.log >local.learn 2>&1
badplural='[0-9] ([a-z-]+ )*[a-z-]*[^aeiou ]ys([^a-z]|$)'
for f in local.txt local.html.txt local.learn; do
  grep -Eq -- "$badplural" "$f" && no "$f has a bad plural: $(grep -Eo -- "$badplural" "$f" | head -n 2)"
  grep -qF "2 deliveries into a mailbox on this host" "$f" ||
    no "$f lacks: 2 deliveries into a mailbox on this host"
done
# The singular forms are there (so the check above is not vacuous).
for want in "audit: 1 log line, 0 mailbox messages" "one.log: 1 line read" \
    "; 1 attempt)" "1 recipient at 1 domain"; do
  grep -qF -- "$want" one_log.txt || no "text report of one.log lacks: $want"
done
grep -qF "1 recipient, 100% sent, 1 sender" maillog.txt ||
  no "text report of maillog lacks: 1 recipient, 100% sent, 1 sender"
grep -qF "1 hand-off followed" filter_log.txt ||
  no "text report of filter.log lacks: 1 hand-off followed"
grep -qF "1 log line from 1 source" one_log.html.txt || no "HTML report lacks: 1 log line from 1 source"
if command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  "$nearmiss" audit --year 2025 --html one.html --pdf one.pdf one.log >/dev/null 2>&1
  pdftotext one.pdf one.pdf.txt || no "pdftotext could not read the PDF"
  tr -s ' \n' ' ' <one.pdf.txt >one.flat.txt
  check one.flat.txt "PDF report of one.log"
  grep -qF "1 message was addressed to recipients at 1 look-alike or blocked domain" one.flat.txt ||
    no "PDF lacks: 1 message was addressed to recipients at 1 look-alike or blocked domain"
else
  echo "note: no chromium or pdftotext: the PDF is not checked"
fi
[ "$fail" -eq 0 ] || exit 1
echo "audit plurals: OK"

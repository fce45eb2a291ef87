#!/bin/sh
# Issue 15, round 58's tester 15, finding 1: a sent-mail CSV's recipient
# whose domain is written as a lowercase A-label (e@xn--mnchen-3ya.de, the
# form clients and exports write) is an address, learned as its capitals
# and U-label forms are, so a slip of that correspondent is caught; an
# xn-- label that is no valid A-label stays refused, with its file:line.
# Finding 7: the new-domain reason names the learned target as a U-label.
# Usage: learn-idn-csv-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
{
  echo 'sender,recipient,date'
  echo 'me@acme.co.uk,e@xn--mnchen-3ya.de,2026-10-01T10:00:00Z'
  echo 'me@acme.co.uk,f@XN--MNCHEN-3YA.DE,2026-10-01T10:00:00Z'
  echo 'me@acme.co.uk,"Jana <j@xn--bcher-kva.ch>; k@xn--d1acpjx3f.xn--p1ai",2026-10-01T10:00:00Z'
  printf 'me@acme.co.uk,h@m\303\274nchen.de,2026-10-01T10:00:00Z\n'
} > "$tmp/idn.csv"
"$bin" learn --store "$tmp/idn.db" "$tmp/idn.csv" > "$tmp/out.txt" 2>&1
check "learn a CSV of A-label recipients: exit 0" 0 $?
contains "... every row's recipients read" "4 CSV rows (5 recipients)" "$(cat "$tmp/out.txt")"
check "... learned as A-labels" "xn--bcher-kva.ch xn--d1acpjx3f.xn--p1ai xn--mnchen-3ya.de" \
  "$(rows "$tmp/idn.db" "select domain from nm_domain order by domain" | tr '\n' ' ' | sed 's/ $//')"
# 40 days of mail to one A-label correspondent: its slip is a look-alike.
{
  echo 'sender,recipient,date'
  for d in $(seq 1 40); do
    printf 'me@acme.co.uk,d@xn--bcher-kva.de,2026-%02d-%02dT10:00:00Z\n' $((d / 28 + 9)) $((d % 28 + 1))
  done
} > "$tmp/days.csv"
"$bin" learn --store "$tmp/days.db" "$tmp/days.csv" > /dev/null 2>&1
check "learn 40 days to d@xn--bcher-kva.de: exit 0" 0 $?
out=$("$bin" check --store "$tmp/days.db" "$(printf 'x@b\303\274cherr.de')")
contains "... bücherr.de is its look-alike" "$(printf 'lookalike x@b\303\274cherr.de')" "$out"
contains "... with the learned name offered" "$(printf 'did you mean x@b\303\274cher.de?')" "$out"
# Finding 7: the learned target is named in the U-label form of the text
# around it, not as xn--bcher-kva.de.
contains "... the learned target named as its U-label" \
  "$(printf 'and it looks like b\303\274cher.de;')" "$out"
# An xn-- label that does not decode stays refused, said with its place.
printf 'sender,recipient,date\nme@acme.co.uk,e@xn--zz-abc.de,2026-10-01T10:00:00Z\n' > "$tmp/bad.csv"
"$bin" learn --store "$tmp/bad.db" "$tmp/bad.csv" > "$tmp/bad.txt" 2>&1
contains "an invalid A-label is not an address, with its file:line" \
  "not an address (first: $tmp/bad.csv:2: column 'recipient': 'e@xn--zz-abc.de')" "$(cat "$tmp/bad.txt")"
exit $fail

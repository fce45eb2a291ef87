#!/bin/sh
# Issue 15, round 41: a fresh tester's faults, through `nearmiss check` and
# `nearmiss permute` as a user runs them (embedded default policy, no
# store). Each check case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS,
# where '*' takes any action or code and WORDS must be in the first reason.
# Usage: lookalike-round41-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Item 1: other countries' armed forces and government zones are theirs
# (data/lists/second-level-zones.txt), not .mil or .gov with an ending added.
a@hkv.mil.se|external|accept|-|*|
a@x.mil.be|external|accept|-|*|
a@x.mil.fi|external|accept|-|*|
a@fmi.mil.dk|external|accept|-|*|
a@kaitsevagi.mil.ee|external|accept|-|*|
a@geetha.mil.gr|external|accept|-|*|
a@vlada.gov.hr|external|accept|-|*|
a@mfa.gov.md|external|accept|-|*|
a@mod.gov.pk|external|accept|-|*|
# ... while an open ccTLD's mil.<cc> is anyone's name: still a slip.
a@army.mil.eu|lookalike|reject|a@army.mil|suffix-append|
# mil.uk is the UK's defence zone (round 55's tester 15, finding 1).
a@army.mil.uk|external|accept|-|*|
a@army.mil.de|lookalike|reject|a@army.mil|suffix-append|
# Item 2: NHS Scotland's and NHS Wales's mail domains are protected.
a@nhs.scot|trusted|accept|-|trusted|
a@nhs.wales|trusted|accept|-|trusted|
# Item 3: the World Meteorological and International Hydrographic
# Organizations are real IGOs under .int, not slips of who.int.
a@wmo.int|external|accept|-|*|
a@iho.int|external|accept|-|*|
a@whoo.int|lookalike|reject|a@who.int|*|
# Item 4: a provider's ending slipped onto a neighbouring key.
a@uol.com.bt|lookalike|*|a@uol.com.br|*|
a@proton.mr|lookalike|*|a@proton.me|*|
# Item 6: the ISPs' own mail domains are real, never refused slips.
a@verizon.com|external|accept|-|*|
a@comcast.com|external|accept|-|*|
a@bt.com|external|accept|-|*|
a@att.net|trusted|accept|-|*|
CASES
judge "$tmp/default" > "$tmp/report"

# Item 1 with the UK's zones alone protected: gov.scot and gov.wales are the
# Scottish and Welsh governments' zones, not slips of .gov.uk.
printf '.gov.uk\n.mil\npartner.ml\n' > "$tmp/protect"
cat > "$tmp/protected" <<'CASES'
a@mod.gov.scot|external|accept|-|*|
a@finance.gov.wales|external|accept|-|*|
a@hmrc.gov.uk.com|lookalike|reject|a@hmrc.gov.uk|*|
# Item 9: a trusted name under .ml with a letter missing is its slip, not a
# .mil name's.
a@partnr.ml|lookalike|reject|a@partner.ml|*|
a@partner.ml|trusted|accept|-|*|
a@army.ml|lookalike|reject|a@army.mil|suffix-edit|
CASES
judge "$tmp/protected" --protect-file "$tmp/protect" >> "$tmp/report"

# Item 5: permute never refuses what check accepts: with partner.ml trusted,
# the plain list cannot write the .ml namespace as a whole (round 42 writes
# it with an exception where the format has one: lookalike-round42-cli.sh).
"$bin" permute --store none --protect-file "$tmp/protect" --format list .mil \
  > "$tmp/map" 2> "$tmp/map.err"
check "permute writes no .ml line over partner.ml" "" "$(grep -x '\.ml' "$tmp/map")"
contains "permute says why .ml is left out" "partner.ml" "$(cat "$tmp/map.err")"
check "permute still writes army.ml's namespace slips" "1" \
  "$(grep -c '^\.mil\.ml$' "$tmp/map")"
# ... and writes the generic-TLD and moved-dot forms check flags.
"$bin" permute --store none gmail.com > "$tmp/list" 2>/dev/null
for d in gmail.net gmail.org gmail.info gmailc.om gmai.lcom; do
  check "permute gmail.com writes $d" "$d" "$(grep -x "$d" "$tmp/list")"
done
for d in gmail.net gmailc.om gmai.lcom; do
  check "check flags $d" "lookalike" \
    "$("$bin" check --store none --json "a@$d" | python3 -c 'import json,sys; print(json.load(sys.stdin)["verdict"])')"
done

# Item 8: the RPZ zone's SOA serial is the time of writing.
before=$(date +%s)
serial=$("$bin" permute --store none --format rpz army.mil 2>/dev/null |
         awk '$3 == "SOA" {print $6}')
after=$(date +%s)
if [ "$serial" -ge "$before" ] 2>/dev/null && [ "$serial" -le "$after" ]; then
  echo "ok   rpz SOA serial is the time of writing"
else
  echo "FAIL rpz SOA serial: expected $before..$after, got '$serial'"
fi >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

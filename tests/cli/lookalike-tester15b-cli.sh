#!/bin/sh
# Issue 15, tester 15-b (round 55): the look-alikes it found open, each as a
# kind, through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second, '-' none).
# Usage: lookalike-tester15b-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 1: a name the lists hold under a namespace (army.mil, af.mil,
# us.army.mil, hmrc.gov.uk) with an ending added that the root zone lacks
# is that name's suffix-append look-alike, as army.mil.xx is: no foreign
# military zone one key from the ending (army.mil.ar, navy.mil.qa,
# army.mil.uk) is offered, and the protected name's rule decides. A
# country's trusted zone one slip away stays the reading (navy.mil.nz).
cat > "$tmp/appended" <<'CASES'
x@army.mil.zr|lookalike|reject|x@army.mil or -|tld-not-delegated|has .zr added
x@navy.mil.qq|lookalike|reject|x@navy.mil or -|tld-not-delegated|has .qq added
x@af.mil.zr|lookalike|reject|x@af.mil or -|tld-not-delegated|
x@us.army.mil.zr|lookalike|reject|x@us.army.mil or -|tld-not-delegated|
x@army.mil.ukk|lookalike|reject|x@army.mil or -|tld-not-delegated|
x@hmrc.gov.uk.zr|lookalike|reject|x@hmrc.gov.uk or -|tld-not-delegated|
x@navy.mil.zz|lookalike|reject|x@navy.mil.nz|tld-not-delegated|
x@army.mil.ar|external|*|-|*|
CASES
judge "$tmp/appended" > "$tmp/report"
# The target is the protected name, so the policy's look-alike rule (rule
# 1, "lookalike") decides, not the undeliverable one.
for pair in x@army.mil.zr:army.mil x@navy.mil.qq:navy.mil x@army.mil.ukk:army.mil; do
  got=$("$bin" check --store none --json "${pair%%:*}" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["target"], r["rule"]["name"])')
  check "target and rule of ${pair%%:*}" "${pair#*:} lookalike" "$got" >> "$tmp/report"
done

# Finding 2: a dot typed inside the country code of a trusted regional
# domain (yahoo.com.b.r) is one keystroke from it, and is read so before
# the .com domain with ".b.r" added; with no regional domain trusted
# (gmail.com.b.r) the .com domain stays the reading.
cat > "$tmp/split" <<'CASES'
x@yahoo.com.b.r|lookalike|reject|x@yahoo.com.br or -|tld-not-delegated|a dot between 'b' and 'r'
x@yahoo.com.a.u|lookalike|reject|x@yahoo.com.au or -|tld-not-delegated|
x@hotmail.com.a.r|lookalike|reject|x@hotmail.com.ar or -|tld-not-delegated|
x@bigpond.com.a.u|lookalike|reject|x@bigpond.com.au or -|tld-not-delegated|
x@yahoo.com.t.w|lookalike|reject|x@yahoo.com.tw or -|tld-not-delegated|
x@uol.com.b.r|lookalike|reject|x@uol.com.br|tld-not-delegated|
x@yahoo.co.u.k|lookalike|reject|x@yahoo.co.uk|tld-not-delegated|
x@gmail.com.b.r|lookalike|reject|x@gmail.com|tld-not-delegated|
CASES
judge "$tmp/split" >> "$tmp/report"

# Finding 3: a declared name under one second level of a country typed
# under another is noted whichever of them is open to anyone (acme.ltd.uk
# declared: acme.plc.uk, acme.co.uk; barclays.co.uk: barclays.ltd.uk).
printf 'barclays.co.uk\nacme.ltd.uk\n' > "$tmp/protect.txt"
cat > "$tmp/zones" <<'CASES'
x@barclays.ltd.uk|external|accept|-|sister-zone|another second level of .uk (.ltd.uk in place of .co.uk)
x@acme.plc.uk|external|accept|-|sister-zone|another second level of .uk (.plc.uk in place of .ltd.uk)
x@acme.co.uk|external|accept|-|sister-zone|another open zone of .uk (.co.uk in place of .ltd.uk)
x@mail.acme.co.uk|external|accept|-|*|
CASES
judge "$tmp/zones" --protect-file "$tmp/protect.txt" 2>/dev/null >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

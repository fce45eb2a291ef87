#!/bin/sh
# Issue 15, finding 2 (carried, LOW): a comma typed for a dot in a domain
# (x@barclays.co,uk) was split at the comma into x@barclays.co, accepted,
# and a stray "uk". As `check` reads one string (as the HTTP API does), the
# address is kept whole, refused (invalid, fail closed) and the address
# meant suggested; so for several commas (x@hmrc,gov,uk) and for '/', the
# dot's other neighbour on QWERTY (tester round 56b, finding 7). Each case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS.
# Usage: comma-for-dot-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/cases" <<'CASES'
x@barclays.co,uk|invalid|reject|x@barclays.co.uk|invalid-address|a comma typed where a dot belongs
x@gmail,com|invalid|reject|x@gmail.com|invalid-address|a comma typed where a dot belongs
x@army,mil|invalid|reject|x@army.mil|invalid-address|a comma typed where a dot belongs
x@hmrc.gov,uk|invalid|reject|x@hmrc.gov.uk|invalid-address|
x@hmrc,gov,uk|invalid|reject|x@hmrc.gov.uk|invalid-address|a comma typed where a dot belongs
x@gmail/com|invalid|reject|x@gmail.com|invalid-address|a slash typed where a dot belongs
x@barclays.co/uk|invalid|reject|x@barclays.co.uk|invalid-address|a slash typed where a dot belongs
x@army/mil|invalid|reject|x@army.mil|invalid-address|a slash typed where a dot belongs
CASES
judge "$tmp/cases" > "$tmp/report"
# One recipient, not x@barclays.co (external) and "uk"; two addresses
# stay two.
n=$("$bin" check --store none --json 'x@barclays.co,uk' 2>/dev/null | grep -c '"input"')
check "one recipient" "1" "$n"
# Several commas (tester round 56b, finding 7): one recipient as well.
n=$("$bin" check --store none --json 'x@hmrc,gov,uk' 2>/dev/null | grep -c '"input"')
check "several commas: one recipient" "1" "$n"
n=$("$bin" check --store none --json 'a@example.org,b@example.org' 2>/dev/null | grep -c '"input"')
check "two addresses stay two" "2" "$n"
cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

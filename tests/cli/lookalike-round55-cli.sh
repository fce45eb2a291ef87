#!/bin/sh
# Issue 16, round 55's tester, finding 6: a namespace of several labels
# with another ending added (gov.uk.com, police.uk.com: uk.com is a public
# suffix of its own, so each is a registrable name that takes mail) is the
# suffix-append look-alike of the namespace README names, not "no mail
# domain"; only the namespace's own labels again (mil.mil, gov.gov,
# gov.uk.gov.uk, gov.uk.uk) are a name missing, invalid, and so is the
# namespace alone. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any).
# Usage: lookalike-round55-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/appended" <<'CASES'
x@gov.uk.com|lookalike|*|*|suffix-append|
x@police.uk.com|lookalike|*|*|suffix-append|
x@gov.uk.net|lookalike|*|*|suffix-append|
x@mil.mil|invalid|reject|-|invalid-address|'mil.mil' has no name before .mil
x@gov.gov|invalid|reject|-|invalid-address|'gov.gov' has no name before .gov
x@gov.uk.gov.uk|invalid|reject|-|invalid-address|has no name before .gov.uk
x@gov.uk.uk|invalid|reject|-|invalid-address|has no name before .gov.uk
x@gov.uk|invalid|reject|-|*|
CASES
judge "$tmp/appended" > "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

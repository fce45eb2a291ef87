#!/bin/sh
# Issue 15, round 45: the look-alikes round 44's fresh tester found
# (/work/tester44-15.md), each as a kind, through `nearmiss check` as a user
# runs it (embedded default policy unless named, no store). Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason).
# Usage: lookalike-round45-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Finding 3: a country's government zone the Public Suffix List holds in its
# private section, submitted by the zone's registry or government (gov.ru,
# gov.nl), is that country's: no name there is a .gov name "with .ru
# added", and nothing under it is offered a .gov name no list holds.
a@minfin.gov.ru|external|accept|-|*|
a@nalog.gov.ru|external|accept|-|*|
a@mfa.gov.ru|external|accept|-|*|
a@xyzzy.gov.ru|external|accept|-|*|
a@msu.edu.ru|external|accept|-|*|
a@mindef.gov.nl|external|accept|-|*|
a@x.gov.nl|external|accept|-|*|
a@health.gov.nl|external|accept|-|*|
# ... while a zone no registry runs stays the slip it is.
a@mfa.gov.ul|lookalike|reject|*|*|
a@hmrc.gov.ua|lookalike|reject|a@hmrc.gov.uk|suffix-edit|
CASES
judge "$tmp/default" > "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

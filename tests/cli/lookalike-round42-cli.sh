#!/bin/sh
# Issue 15, round 42: list entries checked against readable sources, other
# countries' government naming, organisation names under generic TLDs,
# cut-off suffixes and permute's allow entries, through `nearmiss check`
# and `nearmiss permute` as a user runs them (embedded default policy, no
# store). Each check case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS,
# where '*' takes any action or code and WORDS must be in the first reason.
# Usage: lookalike-round42-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Item 1: entries checked in round 42 (data/lists/second-level-zones.txt and
# real-mail-domains.txt say where each was seen). Slovakia's and North
# Macedonia's ministries of defence are real, and Lithuania's forces' zone
# mil.lt is theirs, not .mil with .lt added.
a@mod.gov.sk|external|accept|-|real-neighbour|
a@mod.gov.mk|external|accept|-|real-neighbour|
a@hq.mil.lt|external|accept|-|*|
a@hkv.mil.se|external|accept|-|*|
# ... while a slip of them is still one.
a@hq.mil.ltt|lookalike|reject|a@hq.mil|*|
# Item 2: another country's government naming, a whole country code for
# .uk, is no slip of mod.gov.uk: external with a note a rule can match.
a@mod.gov.se|external|accept|-|real-neighbour|another country's government ending
a@mod.gov.de|external|accept|-|real-neighbour|another country's government ending
a@mod.gov.no|external|accept|-|real-neighbour|another country's government ending
# ... while slips of mod.gov.uk stay look-alikes,
a@mod.gov.ukk|lookalike|reject|a@mod.gov.uk|tld-not-delegated|
a@mod-gov.uk|lookalike|reject|a@mod.gov.uk|dot-omission|
a@mod.gov.uk.com|lookalike|reject|a@mod.gov.uk|suffix-append|
a@mod.gov.us|lookalike|reject|a@mod.gov.uk|suffix-edit|
a@mod.gvo.uk|lookalike|reject|a@mod.gov.uk|*|
# ... and so does one organisation's own name under another country's
# code (HMRC is the UK's alone; abs.gov.us stays abs.gov.au's).
a@hmrc.gov.de|lookalike|reject|a@hmrc.gov.uk|*|
a@abs.gov.us|lookalike|reject|a@abs.gov.au|*|
CASES
judge "$tmp/default" > "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

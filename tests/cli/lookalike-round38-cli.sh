#!/bin/sh
# Issue 15, round 38: the look-alikes the last stop left open, through
# `nearmiss check` as a user runs it (embedded default policy, no store).
# Each case: ADDRESS VERDICT ACTION SUGGESTION CODE ['WORDS IN THE REASON'].
# Usage: lookalike-round38-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

grep -v '^#' > "$tmp/cases" <<'CASES'
# Item 1: a letter typed two places late.
a@icould.com|lookalike|confirm|a@icloud.com|label-typo|has the 'l' two places late ('oul' where 'lou' belongs)
# Item 2: a protected name under another TLD.
a@forces.gc.com|lookalike|reject|a@forces.gc.ca|tld-swap|has .com where the .ca of .gc.ca belongs
a@met.police.com|lookalike|reject|a@met.police.uk|tld-swap|met.police.uk is the real name
a@www.police.com|external|accept|-|-|
# Item 3: a department under its own country's commercial zone.
a@hmrc.co.uk|lookalike|reject|a@hmrc.gov.uk|suffix-edit|the ending .co.uk, where anyone registers a name, stands where .gov.uk belongs
a@ato.com.au|lookalike|reject|a@ato.gov.au|suffix-edit|
a@tesco.co.uk|external|accept|-|-|
# Item 4: the dotless reading shown is the one nearest the suggestion.
a@gmailcon|lookalike|reject|a@gmail.com|dot-omission|it reads as gmail.con, itself a slip of gmail.com
a@armymill|lookalike|reject|a@army.mil|dot-omission|it reads as army.mill, itself a slip of army.mil
# Item 5: the name part's dot left out.
a@usarmy.mil|lookalike|reject|a@us.army.mil|dot-omission|is missing the dot between 'us' and 'army'
a@hmrcgov.com|lookalike|reject|a@hmrc.gov.uk|dot-omission|
a@usmc.mil|trusted|accept|-|trusted|
# Item 6: a department kept in its own country's namespace.
a@abs.gov.us|lookalike|reject|a@abs.gov.au|suffix-edit|abs.gov.au is a real .gov.au name
CASES
cut -d'|' -f1 "$tmp/cases" | "$bin" check --store none --json > "$tmp/out.jsonl"
python3 "$(dirname "$0")/judge_cases.py" "$tmp/cases" "$tmp/out.jsonl" > "$tmp/report"
cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

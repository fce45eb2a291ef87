#!/bin/sh
# Issue 15, round 58's tester 15, finding 2: a name under an Australian
# state's government zone (nsw.gov.au, vic.gov.au: the PSL's state zones)
# typed with .gov.au's letters swapped (.gov.ua, Ukraine's real zone) is the
# slip of the whole name, whatever the name: refused, with the same name
# under the real zone offered; no list needs to hold the name. Held-out
# names (no list or other test holds them) make the cases. Ukraine's own
# ministries stay external (no list of Australia's holds them), and a
# department's word there is noted as one slip from the protected name that
# lists it (health.gov.au), not from a .gov name with .ua added.
# Finding 6: service-public.gouv.fr.com is offered service-public.gouv.fr
# alone, not service.public.gouv.fr beside it.
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS (judge_cases.py).
# Usage: lookalike-state-zones-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/states" <<'CASES'
x@nsw.gov.ua|lookalike|reject|x@nsw.gov.au|suffix-edit|'nsw' is a state's zone under .gov.au
x@act.gov.ua|lookalike|reject|x@act.gov.au|suffix-edit|has 'ua' where 'au' belongs
x@health.nsw.gov.ua|lookalike|reject|x@health.nsw.gov.au|suffix-edit|
x@transport.vic.gov.ua|lookalike|reject|x@transport.vic.gov.au|suffix-edit|
x@police.qld.gov.ua|lookalike|reject|x@police.qld.gov.au|suffix-edit|
x@health.wa.gov.ua|lookalike|reject|x@health.wa.gov.au|suffix-edit|
x@justice.tas.gov.ua|lookalike|reject|x@justice.tas.gov.au|suffix-edit|
x@dpc.sa.gov.ua|lookalike|reject|x@dpc.sa.gov.au|suffix-edit|
x@education.nt.gov.ua|lookalike|reject|x@education.nt.gov.au|suffix-edit|
x@vic.gov.ua|lookalike|reject|*|suffix-edit|
x@dfat.gov.ua|lookalike|reject|x@dfat.gov.au|suffix-edit|
x@mfa.gov.ua|external|accept|-|-|
x@kmu.gov.ua|external|accept|-|-|
x@lviv.gov.ua|external|accept|-|-|
x@health.gov.ua|external|accept|-|real-neighbour|one slip from health.gov.au
x@treasury.gov.ua|external|accept|-|real-neighbour|one slip from treasury.gov.au
x@transport.nsw.gov.au|trusted|accept|-|trusted|
CASES
judge "$tmp/states" > "$tmp/report"

# The same kind in the other protected namespaces, whose swapped ending is
# no country's zone: any name under them is refused already.
cat > "$tmp/others" <<'CASES'
x@valuation.gov.ku|lookalike|reject|x@valuation.gov.uk|*|
x@stats.govt.zn|lookalike|reject|x@stats.govt.nz|*|
x@navy.mil.zn|lookalike|reject|x@navy.mil.nz|*|
x@tbs-sct.gc.ac|lookalike|reject|x@tbs-sct.gc.ca|*|
x@culture.gouv.rf|lookalike|reject|x@culture.gouv.fr|*|
CASES
judge "$tmp/others" >> "$tmp/report"

# Finding 6: a namespace name typed whole with an ending appended is offered
# alone, without a second name no list holds (its hyphen made a dot).
for d in cra-arc.gc.ca.com service-public.gouv.fr.com travail-emploi.gouv.fr.com; do
  got=$("$bin" check --store none --json "x@$d" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("suggestion"), r.get("also_suggestion", "-"))')
  check "x@$d: offered alone" "x@${d%.com} -" "$got" >> "$tmp/report"
done
cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

#!/bin/sh
# Issue 15, round 56 (tester 15): the look-alikes left open, each as a kind,
# through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round56-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 2: a protected namespace typed whole with its TLD one slip away
# into a TLD that does not exist is that namespace's look-alike (rule 1),
# with no suggestion (nhs.uk: its mail domain nhs.net, round 57b), even where another country's real government domain
# is one slip away too (mil.no for mil.nx, gov.in for gov.iw and gov.ij):
# protected-namespace mail is never offered to a foreign government.
cat > "$tmp/namespace" <<'CASES'
x@mil.nx|lookalike|reject|-|tld-not-delegated|mil.nx looks like mil.nz
x@mil.nw|lookalike|reject|-|tld-not-delegated|mil.nw looks like mil.nz
x@mil.ny|lookalike|reject|-|tld-not-delegated|mil.ny looks like mil.nz
x@gov.iw|lookalike|reject|-|tld-not-delegated|gov.iw looks like gov.ie
x@gov.ij|lookalike|reject|-|tld-not-delegated|gov.ij looks like gov.ie
x@govt.nx|lookalike|reject|-|tld-not-delegated|govt.nx looks like govt.nz
x@gov.ay|lookalike|reject|-|tld-not-delegated|gov.ay looks like gov.au
x@gov.uj|lookalike|reject|-|tld-not-delegated|gov.uj looks like gov.uk
x@police.uj|lookalike|reject|-|tld-not-delegated|police.uj looks like police.uk
x@nhs.ul|lookalike|reject|x@nhs.net|tld-not-delegated|nhs.ul looks like nhs.uk
x@gouv.fe|lookalike|reject|-|tld-not-delegated|gouv.fe looks like gouv.fr
x@gc.cs|lookalike|reject|x@gc.ca|*|
x@nic.ib|invalid|reject|x@nic.in|tld-not-delegated|
CASES
judge "$tmp/namespace" > "$tmp/report"

# Finding 4: the labels of a listed name typed out of order, its ending
# slipped (mil.af.ml, gov.hmrc.uk): the suggestion is the target, never the
# target with one of its own labels put before it (mil.af.mil). A name
# under the target keeps its own label (us.army.ml: us.army.mil).
cat > "$tmp/reordered" <<'CASES'
x@mil.af.ml|lookalike|reject|x@af.mil|*|looks like af.mil
x@mil.army.ml|lookalike|reject|x@army.mil|*|looks like army.mil
x@mil.navy.ml|lookalike|reject|x@navy.mil|*|looks like navy.mil
x@gov.hmrc.uk|lookalike|reject|x@hmrc.gov.uk|*|looks like hmrc.gov.uk
x@af.mil.ml|lookalike|reject|x@af.mil|*|
x@us.army.ml|lookalike|reject|x@us.army.mil|*|
CASES
judge "$tmp/reordered" >> "$tmp/report"

# Finding 5: a UTF-8 byte order mark at the very start of check's stdin (a
# list Notepad or Excel saved as "UTF-8") is no part of the first address;
# one inside an address is still a character no one can see.
printf '\357\273\277x@gmail.com\r\nx@army.mil\r\n' | "$bin" check --store none --json > "$tmp/bom.jsonl"
first=$(head -1 "$tmp/bom.jsonl" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["address"], *[x["code"] for x in r["reasons"]])')
check "BOM before the first line" "x@gmail.com trusted" "$first" >> "$tmp/report"
inside=$(printf 'x@gmail.com\nx\357\273\277y@gmail.com\n' | "$bin" check --store none --json | sed -n 2p |
         python3 -c 'import json,sys; r=json.load(sys.stdin); print(*[x["code"] for x in r["reasons"]])')
contains "BOM inside an address" "invisible-character" "$inside" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

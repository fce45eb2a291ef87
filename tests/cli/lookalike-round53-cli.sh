#!/bin/sh
# Issue 15, round 53: the look-alikes round 53's tester 15 found, each as a
# kind, through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round53-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 1: a ministry of a French-speaking government under its own
# `gouv` zone (data/lists/second-level-zones.txt: gouv.qc.ca, gouv.cd ...)
# is that government's, not a slip of the same ministry under .gouv.fr.
# The zones the PSL lists stay real, and a slip of .fr stays a slip.
cat > "$tmp/gouv" <<'CASES'
x@justice.gouv.qc.ca|external|accept|-|*|
x@education.gouv.qc.ca|external|accept|-|*|
x@sante.gouv.cd|external|accept|-|*|
x@justice.gouv.cd|external|accept|-|*|
x@interieur.gouv.mc|external|accept|-|*|
x@finances.gouv.tn|external|accept|-|*|
x@sante.gouv.bf|external|accept|-|*|
x@defense.gouv.bj|external|accept|-|*|
x@diplomatie.gouv.bj|external|accept|-|*|
x@finances.gouv.tg|external|accept|-|*|
x@sante.gouv.ne|external|accept|-|*|
x@finances.gouv.td|external|accept|-|*|
x@sante.gouv.cg|external|accept|-|*|
x@sante.gouv.ga|external|accept|-|*|
x@justice.gouv.ci|external|accept|-|*|
x@sante.gouv.sn|external|accept|-|*|
x@justice.gouv.fe|lookalike|*|x@justice.gouv.fr|*|
x@justice.gouv.gr|lookalike|*|x@justice.gouv.fr|*|
CASES
judge "$tmp/gouv" > "$tmp/report"

# Finding 2: a host under a protected namespace's name with the TLD cut
# short is offered the namespace (.mil), never a name under a ccTLD the PSL
# covers by a wildcard alone (*.mm: army.mm is a "suffix", so us.army.mm is
# anyone's), as the bare name and a host under .ml already were.
cat > "$tmp/cut" <<'CASES'
x@army.mi|lookalike|reject|x@army.mil|*|
x@us.army.mi|lookalike|reject|x@us.army.mil|*|
x@mail.army.mi|lookalike|reject|x@mail.army.mil|*|
x@hq.army.mi|lookalike|reject|x@hq.army.mil|*|
x@us.navy.mi|lookalike|reject|x@us.navy.mil|*|
x@us.army.ml|lookalike|reject|x@us.army.mil|*|
CASES
judge "$tmp/cut" >> "$tmp/report"

# Finding 3: a provider's name with its home's TLD slipped into no TLD is
# offered the home as well as a regional domain one slip away (yahoo.con:
# yahoo.com, the key beside 'm', before yahoo.cn, an 'o' added); the
# providers with no such regional domain keep their one offer.
cat > "$tmp/home" <<'CASES'
x@yahoo.con|lookalike|*|x@yahoo.com or x@yahoo.cn|*|
x@mail.yahoo.con|lookalike|*|x@yahoo.com or x@yahoo.cn|*|
x@live.con|lookalike|*|x@live.com or x@live.cn|*|
x@gmail.con|lookalike|*|x@gmail.com|*|
x@yahoo.cpm|lookalike|*|x@yahoo.com|*|
CASES
judge "$tmp/home" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

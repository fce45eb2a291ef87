#!/bin/sh
# Issue 15, round 46: the look-alikes round 45's fresh tester found
# (/work/tester45-15.md), each as a kind, through `nearmiss check`, the
# Postfix map (`permute`) and `learn --confirm` as a user runs them. Each
# case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS
# must be in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round46-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 2 (fails open): a name one slip from both a protected domain and
# an allowed partner (hsbc.co: hsbc.co.uk cut short, hsbc.com's 'm' left
# out) is judged by the stricter of the two, both offered: adding a
# partner never weakens a protected name.
cat > "$tmp/bank.toml" <<'TOML'
[domains]
organisation = ["barclays.co.uk", "barclays.com"]
protected = [".hsbc.co.uk", "natwest.com", "santander.co.uk"]
allow = ["hsbc.com", "santander.com"]
TOML
cat > "$tmp/bank" <<'CASES'
a@hsbc.co|lookalike|reject|a@hsbc.co.uk or a@hsbc.com|suffix-truncate|the stricter of the two decides
a@santander.co|lookalike|reject|a@santander.co.uk or a@santander.com|suffix-truncate|one slip from santander.com too
a@hsbc.com|trusted|accept|-|*|
a@natwest.co|lookalike|reject|a@natwest.com|*|
a@gmial.com|lookalike|confirm|a@gmail.com|*|
CASES
judge "$tmp/bank" --policy "$tmp/bank.toml" > "$tmp/report"

# The one written to most is offered first; the protected one still decides.
{
  echo "sender,recipient,date"
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    echo "a$i@barclays.co.uk,p$i@hsbc.com,2026-09-${i}T10:00:00Z" | sed 's/-\([0-9]\)T/-0\1T/'
  done
} > "$tmp/hist.csv"
"$bin" learn --policy "$tmp/bank.toml" --store "sqlite://$tmp/h.db" "$tmp/hist.csv" > /dev/null 2>&1
out=$("$bin" check --policy "$tmp/bank.toml" --store "sqlite://$tmp/h.db" a@hsbc.co 2>&1)
contains "history orders the offers" "did you mean a@hsbc.com or a@hsbc.co.uk?; policy: reject" "$out" \
  >> "$tmp/report"
# No one may trust it for everyone, as for any protected look-alike.
out=$("$bin" learn --policy "$tmp/bank.toml" --store "sqlite://$tmp/h.db" --confirm hsbc.co 2>&1)
check "learn --confirm hsbc.co refused" 2 $? >> "$tmp/report"
contains "learn --confirm names the protected target" "it looks like hsbc.co.uk" "$out" >> "$tmp/report"
# The Postfix map refuses it as check does.
"$bin" permute --policy "$tmp/bank.toml" --format postfix .hsbc.co.uk santander.co.uk \
  > "$tmp/bank.pf" 2>/dev/null
check "map: hsbc.co" "hsbc.co REJECT" "$(grep -o '^hsbc\.co REJECT' "$tmp/bank.pf")" >> "$tmp/report"
check "map: santander.co" "santander.co REJECT" \
  "$(grep -o '^santander\.co REJECT' "$tmp/bank.pf")" >> "$tmp/report"

# Finding 5: a declared name with a country code joined on is its
# look-alike whatever the name's length (natwestuk.com had no edit to
# spare, lloydsbankuk.co.uk two): a .com name takes the organisation's own
# country (barclays.co.uk: uk), a .co.uk name its own.
cat > "$tmp/brand" <<'CASES'
a@natwestuk.com|lookalike|reject|a@natwest.com|suffix-append|country code 'uk' joined to the name of natwest.com
a@natwest-uk.com|lookalike|reject|a@natwest.com|suffix-append|
a@hsbc-uk.com|lookalike|reject|a@hsbc.co.uk|dot-omission|country code 'uk' joined to the name of hsbc.co.uk
a@hsbcuk.com|lookalike|reject|a@hsbc.co.uk|dot-omission|
a@santanderuk.co.uk|lookalike|reject|a@santander.co.uk|dot-omission|
a@natwestfr.com|external|*|-|*|
a@barclays.com|trusted|accept|-|*|
CASES
judge "$tmp/brand" --policy "$tmp/bank.toml" >> "$tmp/report"

# Finding 6 (fails open): a listed host of a protected domain typed with
# that domain's own label left out lands directly under the country code,
# where anyone registers (.uk since 2014, .eu since 2006); not .de, where
# the federal bodies hold their short names (bmvg.de is the ministry's).
# Finding 11: a listed service host with its dot left out is refused
# (usarmy.mil: the DoD's, but no list holds it), while any other unlisted
# .mil name is trusted, as the README says.
cat > "$tmp/default" <<'CASES'
a@army.uk|lookalike|reject|a@army.mod.uk|suffix-drop|the .mod of army.mod.uk is missing
a@royalnavy.uk|lookalike|reject|a@royalnavy.mod.uk|suffix-drop|
a@raf.uk|lookalike|reject|a@raf.mod.uk|suffix-drop|
a@ec.eu|lookalike|reject|a@ec.europa.eu|suffix-drop|
a@x.eeas.eu|lookalike|reject|a@x.eeas.europa.eu|suffix-drop|
a@bmvg.de|external|*|-|*|
a@army.mod.uk|trusted|accept|-|*|
a@usarmy.mil|lookalike|reject|a@us.army.mil|dot-omission|
a@usnavy.mil|lookalike|reject|a@us.navy.mil|dot-omission|
a@usaf.mil|lookalike|reject|a@us.af.mil|dot-omission|
a@xyzzy.mil|trusted|accept|-|*|
# Finding 10: a provider's name that is a word, a given name or another
# country's brand (word-provider-names.txt, no family in
# provider-regions.txt) is no slip under an open zone, as under a ccTLD;
# a coined brand still is.
a@orange.uk.com|external|*|-|*|
a@web.uk.com|external|*|-|*|
a@alice.me.eu.org|external|*|-|*|
a@gmail.uk.com|lookalike|*|a@gmail.com|tld-swap|
a@hotmail.us.com|lookalike|*|*|tld-swap|
CASES
judge "$tmp/default" >> "$tmp/report"

# Finding 3: .bank takes only verified banks, under their own marks (fTLD's
# policies): a protected bank's name there is its own, an outside domain.
cat > "$tmp/verified" <<'CASES'
a@natwest.bank|external|*|-|*|
a@natwest.insurance|external|*|-|*|
a@natwest.org|lookalike|reject|a@natwest.com|tld-swap|
CASES
judge "$tmp/verified" --policy "$tmp/bank.toml" >> "$tmp/report"

# Round 46's fresh tester 15, finding 1: a two-label namespace as a whole
# with its TLD one slip off is that namespace, never another government's
# domain of the same head (gov.scot, gov.wales); no address to offer but
# the mail domain of its name (nhs.ukk: nhs.net, round 57b finding 1).
cat > "$tmp/namespace-tld" <<'CASES'
x@gov.ukk|lookalike|reject|-|tld-not-delegated|it is .uk mistyped, and gov.uk is a namespace
x@gov.auu|lookalike|reject|-|tld-not-delegated|gov.au is a namespace
x@gov.iee|lookalike|reject|-|tld-not-delegated|gov.ie is a namespace
x@nhs.ukk|lookalike|reject|x@nhs.net|tld-not-delegated|nhs.uk is a namespace, and nhs.net the mail domain
x@gov.uj|lookalike|reject|-|tld-not-delegated|gov.uk is a namespace
x@police.ukk|lookalike|reject|-|tld-not-delegated|police.uk is a namespace
x@hmrc.gov.ukk|lookalike|reject|x@hmrc.gov.uk|*|
x@gov.scot|trusted|accept|-|*|
CASES
judge "$tmp/namespace-tld" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

#!/bin/sh
# Issue 15, round 52: the look-alikes a new-user tester found in round 51,
# each as a kind, through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round52-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 1: a provider's web or service host typed as the mail domain is
# a slip for the provider's mail domain (under the mail domain itself, or
# under the provider's web domain: data/lists/provider-web-domains.txt).
# Any other host under a provider's web domain stays external, and so do
# hosts of a company's own domain. A host under a provider's mail domain is
# a slip for it whatever its name since round 54 (x.hotmail.com,
# alumni.gmail.com: round 53's tester, finding 2; lookalike-round54-cli.sh).
cat > "$tmp/hosts" <<'CASES'
x@mail.google.com|lookalike|*|x@gmail.com|*|is a web address of google.com
x@accounts.google.com|lookalike|*|x@gmail.com|*|
x@ww.gmail.com|lookalike|*|x@gmail.com|*|'ww' is a host of the provider gmail.com
x@w.gmail.com|lookalike|*|x@gmail.com|*|
x@outlook.office365.com|lookalike|*|x@outlook.com|*|is a web address of office365.com
x@outlook.office.com|lookalike|*|x@outlook.com|*|
x@www.hotmail.com|lookalike|*|x@hotmail.com|*|
x@login.yahoo.com|lookalike|*|x@yahoo.com|*|'login' is a host of the provider yahoo.com
x@mail.yahoo.com|lookalike|*|x@yahoo.com|*|
x@login.live.com|lookalike|*|x@live.com|*|
x@webmail.gmx.net|lookalike|*|x@gmx.net|*|
x@appleid.apple.com|external|*|-|*|
x@www.icloud.com|lookalike|*|x@icloud.com|*|
x@x.hotmail.com|lookalike|*|x@hotmail.com|*|
x@alumni.gmail.com|lookalike|*|x@gmail.com|*|
x@google.com|external|*|-|*|
x@research.google.com|external|*|-|*|
x@mail.usa.com|external|*|-|*|
x@mail.acme-widgets.com|external|*|-|*|
x@login.acme-widgets.com|external|*|-|*|
CASES
judge "$tmp/hosts" > "$tmp/report"

# Finding 4: a provider's name with .com kept before a country code is the
# provider's domain in that country, or its .com: never another country's
# zone one key away (hotmail.com.tr, outlook.com.gr).
cat > "$tmp/kept" <<'CASES'
x@hotmail.com.fr|lookalike|*|x@hotmail.fr or x@hotmail.com|*|
x@yahoo.com.fr|lookalike|*|x@yahoo.fr or x@yahoo.com|*|
x@outlook.com.fr|lookalike|*|x@outlook.fr or x@outlook.com|*|
x@hotmail.com.de|lookalike|*|x@hotmail.de or x@hotmail.com|*|
CASES
judge "$tmp/kept" >> "$tmp/report"

# Finding 5: a department of a protected government zone spelt another way
# (gouv.fr, govt.nz) under .gov is that department's slip, not a US name;
# the US departments' own .gov names stay trusted.
cat > "$tmp/gov" <<'CASES'
x@impots.gov|lookalike|reject|x@impots.gouv.fr|*|where .gouv.fr belongs
x@douane.gov|lookalike|reject|x@douane.gouv.fr|*|
x@ird.gov|lookalike|reject|x@ird.govt.nz|*|
x@hmrc.gov|lookalike|reject|x@hmrc.gov.uk|*|the .uk of .gov.uk is missing
x@defense.gov|trusted|accept|-|*|
x@justice.gov|trusted|accept|-|*|
x@impots.gouv.fr|trusted|accept|-|*|
CASES
judge "$tmp/gov" >> "$tmp/report"

# Finding 7: a country code slipped to a neighbouring key under a zone is
# offered the neighbours on QWERTY first (co.ip: co.il and co.jp), before
# those of other layouts only (co.im: 'p' over 'm' on AZERTY).
cat > "$tmp/zone" <<'CASES'
x@sharp.co.ip|invalid|*|x@sharp.co.il or x@sharp.co.jp|*|
x@bakery.co.ul|invalid|*|x@bakery.co.uk or x@bakery.co.il|*|
CASES
judge "$tmp/zone" >> "$tmp/report"

# Finding 8: the domain the organisation writes to is offered first when a
# slip reads as two providers' domains (live.co: live.co.uk written to every
# day, live.com one letter away).
cat > "$tmp/org.toml" <<'TOML'
[domains]
organisation = ["acme-widgets.co.uk"]
TOML
{
  echo "sender,recipient,date"
  for i in 10 11 12 13 14 15 16 17 18 19 20 21; do
    echo "a@acme-widgets.co.uk,p$i@live.co.uk,2026-09-${i}T10:00:00Z"
  done
} > "$tmp/hist.csv"
"$bin" learn --policy "$tmp/org.toml" --store "sqlite://$tmp/h.db" "$tmp/hist.csv" > /dev/null 2>&1
out=$("$bin" check --policy "$tmp/org.toml" --store "sqlite://$tmp/h.db" a@live.co 2>&1)
contains "live.co: the domain written to first" "did you mean a@live.co.uk or a@live.com?" "$out" \
  >> "$tmp/report"
out=$("$bin" check --policy "$tmp/org.toml" --store none a@live.co 2>&1)
contains "live.co without history: live.com" "did you mean a@live.com" "$out" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

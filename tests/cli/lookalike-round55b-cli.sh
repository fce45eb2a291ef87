#!/bin/sh
# Issue 15, round 55 (tester 15): the look-alikes left open, each as a kind,
# through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round55-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 5: a service host under a provider's country site (google.co.uk,
# google.de: "google.*" in provider-web-domains.txt) or its portal's web
# domain (sina.com.cn) is a look-alike of the mail domain, as the .com host
# is, and so is a service label slipped under a country site; the country
# site's other hosts, the site itself and a slipped name under another
# suffix (two slips from google.com) stay external.
cat > "$tmp/regional" <<'CASES'
x@mail.google.co.uk|lookalike|*|x@gmail.com|provider-host|a web address of google.co.uk
x@accounts.google.co.uk|lookalike|*|x@gmail.com|provider-host|
x@mail.google.de|lookalike|*|x@gmail.com|provider-host|
x@www.google.com.au|lookalike|*|x@gmail.com|provider-host|
x@mial.google.co.uk|lookalike|*|x@gmail.com|label-typo|is mail.google.co.uk mistyped
x@acounts.google.de|lookalike|*|x@gmail.com|label-typo|is accounts.google.de mistyped
x@mail.goggle.org|external|*|-|*|
x@mail.sina.com.cn|lookalike|*|x@sina.com|provider-host|a web address of sina.com.cn
x@google.co.uk|external|*|-|*|
x@google.de|external|*|-|*|
x@research.google.co.uk|external|*|-|*|
x@maps.google.de|external|*|-|*|
x@news.sina.com.cn|external|*|-|*|
CASES
judge "$tmp/regional" > "$tmp/report"

# Round 54's tester 15, finding 8: a country code among a provider host's
# labels names the provider's domain for that country (Yahoo UK's old
# webmail uk.mail.yahoo.com: yahoo.co.uk), when its family has one; else
# the provider's own domain.
cat > "$tmp/country" <<'CASES'
x@uk.mail.yahoo.com|lookalike|*|x@yahoo.co.uk|provider-host|its addresses are at yahoo.co.uk, for that country
x@fr.mail.yahoo.com|lookalike|*|x@yahoo.fr|provider-host|
x@de.yahoo.com|lookalike|*|x@yahoo.de|provider-host|
x@es.mail.yahoo.com|lookalike|*|x@yahoo.es|provider-host|
x@login.yahoo.com|lookalike|*|x@yahoo.com|provider-host|its addresses are at yahoo.com itself
x@zz.mail.yahoo.com|lookalike|*|x@yahoo.com|provider-host|
CASES
judge "$tmp/country" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

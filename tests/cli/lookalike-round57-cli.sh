#!/bin/sh
# Issue 15, rounds 56-57 (testers 15): the look-alikes left open, each as a
# kind, through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round57-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Round 57, finding 6: an ending cut short under a word provider's name
# (live makes no family: word-provider-names.txt) offers its listed domain
# that completes it second, as a family's does (hotmail.co).
cat > "$tmp/cut" <<'CASES'
x@live.co|lookalike|*|x@live.com or x@live.co.uk|*|
x@hotmail.co|lookalike|*|x@hotmail.com or x@hotmail.co.uk|*|
x@live.pl|external|*|-|*|
CASES
judge "$tmp/cut" > "$tmp/report"

# Round 57b, finding 5: a provider's web host names the product it serves
# (outlook.live.com: the Outlook.com web app), and a provider's web host
# is flagged whatever list holds the provider (mail.bigmir.net).
cat > "$tmp/hosts" <<'CASES'
x@outlook.live.com|lookalike|*|x@outlook.com|*|is a web address of live.com
x@login.live.com|lookalike|*|x@live.com|*|
x@mail.rediff.com|lookalike|*|x@rediffmail.com|*|
x@mail.bigmir.net|lookalike|*|x@bigmir.net|*|
x@bigmir.net|trusted|*|-|*|
CASES
judge "$tmp/hosts" >> "$tmp/report"

# Round 56, finding 6: a domain, or a label of it, typed wholly with the
# Russian (ЙЦУКЕН) layout switched on is the name read back under QWERTY
# when the lists hold it (б and ю are the ',' and '.' keys); a real
# Cyrillic domain reads back as no listed name and stays as it is.
cat > "$tmp/layout" <<'CASES'
x@пьфшдюсщь|lookalike|*|x@gmail.com|label-typo|typed with a Russian keyboard layout
x@нфтвучюкг|lookalike|*|x@yandex.ru|label-typo|typed with a Russian keyboard layout
x@фкьнюьшд|lookalike|reject|x@army.mil|label-typo|typed with a Russian keyboard layout
x@пьфшд.com|lookalike|*|x@gmail.com|label-typo|typed with a Russian keyboard layout
x@пьфшдбсщь|lookalike|*|x@gmail.com|label-typo|
x@рщеьфшдюсщь|lookalike|*|x@hotmail.com|label-typo|
x@ьфшдщюсщь|lookalike|*|x@mailo.com|label-typo|
x@почта.рф|external|*|-|*|
x@яндекс.рф|external|*|-|*|
x@мвд.рф|external|*|-|*|
x@пьфшдюсщьюгф|*|*|-|*|
CASES
judge "$tmp/layout" >> "$tmp/report"

# Round 57 (lead), item 4: a homoglyph under a country's namespace offers
# only a name the lists hold (fоo.gov.uk: refused, nothing offered); a
# listed one is still offered.
cat > "$tmp/glyph" <<'CASES'
x@fоo.gov.uk|lookalike|reject|-|homoglyph|
x@hmrс.gov.uk|lookalike|reject|x@hmrc.gov.uk|homoglyph|
x@аrmy.mil|lookalike|reject|x@army.mil|homoglyph|
CASES
judge "$tmp/glyph" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

#!/bin/sh
# Issue 15, round 42 (second part): suggestions a sender can follow, through
# `nearmiss check` as a user runs it (embedded default policy, no store
# unless named). Each check case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS
# ('*' takes any; WORDS must be in the first reason). The JSON's
# also_suggestion and message are checked apart.
# Usage: lookalike-round42b-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Tester item 1: a slip of a UK form suggests the UK form, and an
# Australian form the Australian one: the country typed is kept.
a@defence-gov.uk|lookalike|reject|a@defence.gov.uk|*|
a@defencegov.uk|lookalike|reject|a@defence.gov.uk|*|
a@treasury-gov.uk|lookalike|reject|a@treasury.gov.uk|*|
a@defence.gv.uk|lookalike|reject|a@defence.gov.uk|*|
a@defence.govuk|lookalike|reject|a@defence.gov.uk|*|
a@mod-gov.au|lookalike|reject|a@mod.gov.au|*|
# ... while a department typed under another country's code is still
# moved home (abs.gov.us: the lists hold abs.gov.au alone).
a@abs.gov.us|lookalike|reject|a@abs.gov.au|*|
# ... and a name the lists hold in the zone typed, whole, ranks above a
# listed name in another country's zone with a letter changed (dft.gov.u:
# the UK's Department for Transport before Australia's foreign ministry).
a@dft.gov.u|lookalike|reject|a@dft.gov.uk|*|
a@dft.gov.uu|lookalike|reject|a@dft.gov.uk|*|
a@dva.gov.u|lookalike|reject|a@dva.gov.au|*|
# Tester item 20: a dot moved by one letter restores a listed name
# (mod.gov.uk, dwp.gov.uk, us.af.mil), not a made-up one (mo.gov.uk).
a@mo.dgov.uk|lookalike|reject|a@mod.gov.uk|*|
a@dw.pgov.uk|lookalike|reject|a@dwp.gov.uk|*|
a@us.a.fmil|lookalike|reject|a@us.af.mil|*|
# Tester item 21d: "a 'u'", the letter's name said "you".
a@hmrc.gov.k|lookalike|reject|a@hmrc.gov.uk|*|is missing a 'u'
# Tester item 2: gov.scot is Scotland's own government, not gov.uk's mail
# domain: no address is offered, the sender is told to look under .gov.uk.
a@gov.co.uk|lookalike|reject|-|*|its mail domains are names under it
a@gov.org.uk|lookalike|reject|-|*|its mail domains are names under it
# ... nhs.net is still the NHS's.
a@nhs.co.uk|lookalike|reject|a@nhs.net|*|
# Tester item 9: the suggestion is one check accepts (us.army.mil), not
# usarmy.mil, which check refuses in turn.
a@usarmy.ml|lookalike|reject|a@us.army.mil|*|
a@usaf.ml|lookalike|reject|a@us.af.mil|*|
# Tester item 16: a homoglyph of a namespace never suggests the namespace
# itself (a public suffix): its mail domain, or none.
a@gοv.uk|lookalike|reject|-|homoglyph|
a@pоlice.uk|lookalike|reject|-|homoglyph|
a@nhѕ.uk|lookalike|reject|a@nhs.net|homoglyph|
# Tester item 19: nhs.uk typed for nhs.net stays refused, with the help.
a@nhs.uk|invalid|reject|a@nhs.net|*|
a@gov.uk|invalid|reject|-|*|
# Tester item 4: a listed .mil name with .mil left off, in a real TLD.
a@us.af|lookalike|reject|a@us.af.mil|suffix-drop|
a@us.army|lookalike|reject|a@us.army.mil|suffix-drop|
a@us.navy|lookalike|reject|a@us.navy.mil|suffix-drop|
# Tester item 5: a two-label ending's dots left out and .com added.
a@hotmailcouk.com|lookalike|confirm|a@hotmail.co.uk|dot-omission|
a@yahoocouk.com|lookalike|confirm|a@yahoo.co.uk|dot-omission|
CASES
judge "$tmp/default" > "$tmp/report"

# Item 8: an allowlisted organisation's own name in another form is that
# organisation, not another one a letter away (nhs.toml: NHS trust
# allowing the regulators nmc.org.uk and gmc-uk.org).
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["mft.nhs.uk"]/' \
  -e 's/^allow = .*/allow = ["gmc-uk.org", "nmc.org.uk", "nice.org.uk"]/' > "$tmp/nhs.toml"
cat > "$tmp/nhs" <<'CASES'
a@nmc-uk.org|lookalike|confirm|a@nmc.org.uk|hyphenation|
a@gmc.org|lookalike|confirm|a@gmc-uk.org|hyphenation|
a@gmc-uk.org|trusted|accept|-|*|
a@nmc.org.uk|trusted|accept|-|*|
CASES
judge "$tmp/nhs" --policy "$tmp/nhs.toml" >> "$tmp/report"

# Item 20: the organisation's own barclays.co.uk with an 'f' typed in is
# its slip, not a host of fco.gov.uk (barclays.fco.gov.uk, no one's).
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["barclays.co.uk", "barclays.com"]/' > "$tmp/bank.toml"
cat > "$tmp/bank" <<'CASES'
a@barclays.fco.uk|lookalike|reject|a@barclays.co.uk|*|
a@mail.hmrc.uk|lookalike|reject|a@mail.hmrc.gov.uk|suffix-drop|
a@barclayscouk.com|lookalike|reject|a@barclays.co.uk|dot-omission|
a@barclayscouk.net|lookalike|reject|a@barclays.co.uk|dot-omission|
CASES
judge "$tmp/bank" --policy "$tmp/bank.toml" >> "$tmp/report"

# Item 6: never an empty suggestion, in the JSON or the message a 550
# carries ("did you mean  or x@gov.wales?"); an also_suggestion only
# beside a suggestion.
"$bin" check --store none --json a@gov.uk.com a@gov.co.uk a@nhs.com a@gοv.uk > "$tmp/six.jsonl"
python3 - "$tmp/six.jsonl" >> "$tmp/report" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    msg = r.get("message", "")
    bad = []
    if "also_suggestion" in r and "suggestion" not in r:
        bad.append("also_suggestion without suggestion")
    if "mean  or" in msg or "mean ?" in msg or "or ?" in msg:
        bad.append("empty suggestion in message")
    if "gov.wales" in line or "gov.scot" in line:
        bad.append("another administration offered")
    if "nhs.scot" in line:
        bad.append("NHS Scotland offered for .com")
    print(("FAIL %s: %s (%s)" % (r["input"], "; ".join(bad), msg)) if bad else "ok   message " + r["input"])
PY

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

#!/bin/sh
# Issue 15, round 44: the look-alikes round 43's fresh tester found, each as
# a kind, through `nearmiss check` as a user runs it (embedded default
# policy unless named, no store). Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason).
# Usage: lookalike-round44-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Finding 2: a host of a protected name with its ending typed as a generic
# TLD (us.army.com for us.army.mil) is that name's look-alike, as
# shape.nato.com is nato.int's: one rule for every protected name whose
# hosts the lists hold.
a@us.army.com|lookalike|reject|a@us.army.mil|tld-swap|has .com for .mil
a@us.navy.com|lookalike|reject|a@us.navy.mil|tld-swap|
a@hq.af.com|lookalike|reject|a@hq.af.mil|tld-swap|
a@us.af.com|lookalike|reject|a@us.af.mil|tld-swap|
a@us.army.net|lookalike|reject|a@us.army.mil|tld-swap|has .net for .mil
a@us.army.org|lookalike|reject|a@us.army.mil|tld-swap|
a@shape.nato.com|lookalike|reject|a@shape.nato.int|tld-swap|
# ... the bare names are others' (recruiting sites, companies), and a host
# under a name the lists hold no hosts under is no one's slip.
a@army.com|external|accept|-|*|
a@af.com|external|accept|-|*|
a@navy.com|external|accept|-|*|
a@mail.health.com|external|accept|-|*|
# Finding 3: a department's name that is an ordinary word, in another
# country's real public-sector zone, is that country's ministry: not
# refused, whatever protected zone is a letter away (allies' customs,
# treasury, health, justice). One country's own name (hmrc, dwp,
# homeoffice) there is still its look-alike, and a zone of no country
# (gov.ik) still a slip.
a@customs.gov.ua|external|accept|-|*|
a@treasury.gov.ua|external|accept|-|*|
a@customs.gov.lk|external|accept|-|*|
a@health.gov.lk|external|accept|-|*|
a@customs.gov.az|external|accept|-|*|
a@justice.gov.az|external|accept|-|*|
a@mfa.gov.uz|external|accept|-|*|
a@hmrc.gov.ua|lookalike|reject|a@hmrc.gov.uk|suffix-edit|
a@dwp.gov.ua|lookalike|reject|a@dwp.gov.uk|suffix-edit|
a@homeoffice.gov.ua|lookalike|reject|a@homeoffice.gov.uk|suffix-edit|
a@health.gov.ul|lookalike|reject|a@health.gov.uk|*|
# Finding 5: a protected name of three letters (mod.uk) is not refused for
# a letter far from its own on the keyboard (god.uk: a real neighbour, as
# every three-letter name is taken): a hint, accepted. dnstwist's slips
# (a neighbouring key, a doubled or missing letter, a vowel) stay refused.
a@god.uk|external|accept|a@mod.uk|short-name-slip|
a@mof.uk|lookalike|reject|a@mod.uk|label-typo|the key next to it
a@mood.uk|lookalike|reject|a@mod.uk|label-typo|
a@m0d.uk|lookalike|reject|a@mod.uk|*|
# Finding 4: mod.uk with .uk left off keeps the host: army.mod is
# army.mod.uk, not the US Army's army.mil.
a@army.mod|lookalike|reject|a@army.mod.uk|tld-not-delegated|the .uk of mod.uk is missing
a@royalnavy.mod|lookalike|reject|a@royalnavy.mod.uk|tld-not-delegated|
a@raf.mod|lookalike|reject|a@raf.mod.uk|tld-not-delegated|
# ... but a listed department keeps its own zone, and nhs.net is no
# country's code (leeds.nhs is leeds.nhs.uk).
a@dstl.mod|lookalike|reject|a@dstl.gov.uk|*|
a@leeds.nhs|lookalike|reject|a@leeds.nhs.uk|*|
# Finding 13: .co is .com cut short, read as .com is: nhs.co as nhs.com
# (nhs.net's), hmrc.co as hmrc.com (the acronym of hmrc.gov.uk); army.co
# stays external as army.com does.
a@nhs.co|lookalike|reject|a@nhs.net|tld-swap|has .co for .net
a@hmrc.co|lookalike|reject|a@hmrc.gov.uk|tld-swap|
a@army.co|external|accept|-|*|
# Findings 1, 10, 12: no second offer of a name no list holds under a
# namespace (hmrc.gov.au, mod.gov.ie, mo.gov.uk) beside the listed one.
a@hmrc.gov.u|lookalike|reject|a@hmrc.gov.uk|*|
a@mod.gov.ku|lookalike|reject|a@mod.gov.uk|*|
a@hmrc.gov.ik|lookalike|reject|a@hmrc.gov.uk|*|
a@mo.dgov.uk|lookalike|reject|a@mod.gov.uk|*|
# ... a real mail domain one slip away is still named second.
a@mod.gov.ik|lookalike|reject|a@mod.gov.uk or a@mod.gov.sk|*|
# Finding 12: a listed name with its dot moved into a TLD that does not
# exist is that name, not a host under a name no list holds (ar.my.mil).
a@ar.mymil|lookalike|reject|a@army.mil|*|it is army.mil with its dot moved
a@a.rmymil|lookalike|reject|a@army.mil|*|
# Finding 15: "rn" read as "m" in a namespace slip: the listed name.
a@arrny.ml|lookalike|reject|a@army.mil|*|
a@rnarines.ml|lookalike|reject|a@marines.mil|*|
CASES
judge "$tmp/default" > "$tmp/report"
# ... and those four offer nothing second.
"$bin" check --store none --json a@hmrc.gov.u a@mod.gov.ku a@hmrc.gov.ik a@mo.dgov.uk > "$tmp/also.jsonl"
python3 - "$tmp/also.jsonl" >> "$tmp/report" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    got = r.get("also_suggestion")
    print(("ok   " if got is None else "FAIL ") + "no second offer for " + r["input"] + ": " + str(got))
PY

# The defence ministry's own mod.uk: royalnavy.mod.com is its host with
# .com typed for .uk.
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["mod.gov.uk", "mod.uk"]/' > "$tmp/defence.toml"
cat > "$tmp/defence" <<'CASES'
a@royalnavy.mod.com|lookalike|reject|a@royalnavy.mod.uk|tld-swap|has .com for .uk
a@raf.mod.com|lookalike|reject|a@raf.mod.uk|tld-swap|
a@army.mod.com|lookalike|reject|a@army.mod.uk|tld-swap|
a@mod.com|external|accept|-|*|
a@army.mod|lookalike|reject|a@army.mod.uk|tld-not-delegated|
a@dstl.mod|lookalike|reject|a@dstl.gov.uk|*|
CASES
judge "$tmp/defence" --policy "$tmp/defence.toml" >> "$tmp/report"

# Findings 5 and 6: a bank protecting ubs.com. Its three-letter real
# neighbours a letter far on the keyboard (rbs.com, ups.com, dbs.com) get a
# hint, never a 550; a neighbouring key or a swap is still refused; and
# us.com, a registry of the PSL's private section, is no name: acme.us.com
# is acme's, not acme.ubs.com.
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["barclays.co.uk", "barclays.com"]/' \
  -e 's/^protected = .*/protected = ["ubs.com", "fca.org.uk", "bankofengland.co.uk"]/' > "$tmp/bank.toml"
cat > "$tmp/bank" <<'CASES'
a@rbs.com|external|accept|a@ubs.com|short-name-slip|
a@ups.com|external|accept|a@ubs.com|short-name-slip|
a@dbs.com|external|accept|a@ubs.com|short-name-slip|
a@ubd.com|lookalike|reject|a@ubs.com|label-typo|
a@usb.com|lookalike|reject|a@ubs.com|*|
a@acme.us.com|external|accept|-|*|
a@mail.acme.us.com|external|accept|-|*|
a@mail.ubs.com|trusted|accept|-|*|
# Finding 14: a declared name under its country's other open zone is said
# (a real-neighbour note a rule can warn on), never refused: such names are
# often another company's.
a@fca.co.uk|external|accept|-|sister-zone|another open zone of .uk (.co.uk in place of .org.uk)
a@bankofengland.org.uk|external|accept|-|sister-zone|
a@mail.fca.co.uk|external|accept|-|*|
# Round 47's tester 15, finding 4: any second level of the country, not
# only the open co/org/net (me.uk is for individuals, anyone's).
a@fca.me.uk|external|accept|-|sister-zone|another open zone of .uk (.me.uk in place of .org.uk)
a@bankofengland.ltd.uk|external|accept|-|sister-zone|another second level of .uk (.ltd.uk in place of .co.uk)
a@fca.ac.uk|external|accept|-|sister-zone|another second level of .uk (.ac.uk in place of .org.uk)
CASES
judge "$tmp/bank" --policy "$tmp/bank.toml" >> "$tmp/report"

# Round 47's tester 15, finding 3: the protected bmf.gv.at is offered before
# bmf.gov, a name trusted only because .gov's namespace covers it.
"$bin" policy init | sed -e 's/^protected = .*/protected = ["bmf.gv.at", "bund.de"]/' > "$tmp/at.toml"
cat > "$tmp/at" <<'CASES'
a@bmf.gov.at|lookalike|reject|a@bmf.gv.at|*|
CASES
judge "$tmp/at" --policy "$tmp/at.toml" >> "$tmp/report"

# Round 47's tester 15, finding 5, and round 48's, finding 10: an external
# name under a TLD for tests (RFC 6761) or under home.arpa (RFC 8375) says
# that no server outside a test rig or a home network receives mail there.
text=$("$bin" check --store none a@gmail.test a@gmail.home.arpa 2>&1)
for words in "its TLD .test is reserved for tests and documentation (RFC 6761)" \
             "home.arpa names a home network's own hosts (RFC 8375)"; do
  case $text in
    *"$words"*) echo "ok   $words" >> "$tmp/report" ;;
    *) echo "FAIL '$words' not in: $text" >> "$tmp/report" ;;
  esac
done

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

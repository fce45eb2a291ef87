#!/bin/sh
# Issue 15, round 45: the look-alikes round 44's fresh tester found
# (/work/tester44-15.md), each as a kind, through `nearmiss check` as a user
# runs it (embedded default policy unless named, no store). Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason).
# Usage: lookalike-round45-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/default" <<'CASES'
# Finding 3: a country's government zone the Public Suffix List holds in its
# private section, submitted by the zone's registry or government (gov.ru,
# gov.nl), is that country's: no name there is a .gov name "with .ru
# added", and nothing under it is offered a .gov name no list holds.
a@minfin.gov.ru|external|accept|-|*|
a@nalog.gov.ru|external|accept|-|*|
a@mfa.gov.ru|external|accept|-|*|
a@xyzzy.gov.ru|external|accept|-|*|
a@msu.edu.ru|external|accept|-|*|
a@mindef.gov.nl|external|accept|-|*|
a@x.gov.nl|external|accept|-|*|
a@health.gov.nl|external|accept|-|*|
# ... while a zone no registry runs stays the slip it is.
a@mfa.gov.ul|lookalike|reject|*|*|
a@hmrc.gov.ua|lookalike|reject|a@hmrc.gov.uk|suffix-edit|
# Finding 2: the slipped ending of a namespace typed twice (army.ml.ml: an
# address completed twice) is the name before it under the namespace, as
# the Postfix map (which refuses all of .ml) already says; a name made of
# the slip alone is the namespace itself, as ml.ml is.
a@army.ml.ml|lookalike|reject|a@army.mil|suffix-edit|typed twice
a@navy.ml.ml|lookalike|reject|a@navy.mil|suffix-edit|
a@us.army.ml.ml|lookalike|reject|a@us.army.mil|suffix-edit|
a@army.ml.ml.ml|lookalike|reject|a@army.mil|suffix-edit|
a@ml.ml.ml|lookalike|reject|-|suffix-edit|namespace itself
a@sante.gov.ml|external|accept|-|*|
# Finding 1: a listed mail host of a protected domain joined to it, its dot
# dropped or made a hyphen (data/lists/protected-hosts.txt), is that host's
# look-alike, as modgov.uk is mod.gov.uk's; with .com typed for .int too;
# at any depth. A word that merely ends in the protected name is no host.
a@armymod.uk|lookalike|reject|a@army.mod.uk|dot-omission|missing the dot between 'army' and 'mod'
a@royalnavymod.uk|lookalike|reject|a@royalnavy.mod.uk|dot-omission|
a@army-mod.uk|lookalike|reject|a@army.mod.uk|dot-omission|has a hyphen
a@mail.armymod.uk|lookalike|reject|a@mail.army.mod.uk|dot-omission|
a@eceuropa.eu|lookalike|reject|a@ec.europa.eu|dot-omission|
a@ec-europa.eu|lookalike|reject|a@ec.europa.eu|dot-omission|
a@eeaseuropa.eu|lookalike|reject|a@eeas.europa.eu|dot-omission|
a@bmvgbund.de|lookalike|reject|a@bmvg.bund.de|dot-omission|
a@hqnato.com|lookalike|reject|a@hq.nato.int|dot-omission|has .com for .int
a@ncia-nato.com|lookalike|reject|a@ncia.nato.int|dot-omission|
a@verbund.de|external|accept|-|*|
a@landessportbund.de|external|accept|-|*|
a@visiteuropa.eu|external|accept|-|*|
# Finding 6: a name registered under a country's zone of EU.org (me.eu.org,
# de.eu.org: the PSL's private section) is judged as its own name (bob),
# never as the zone's label (me, me.com's); a provider's own name there
# (gmail.me.eu.org) is still its look-alike, as gmail.uk.com is.
a@bob.me.eu.org|external|accept|-|*|
a@www.bob.de.eu.org|external|accept|-|*|
a@gmail.me.eu.org|lookalike|confirm|a@gmail.com|*|
a@acme.us.com|external|accept|-|*|
# Finding 5: never a suggestion no one has: .mil typed twice before the
# added ending is the name under .mil once (mail.mil, not mail.mil.mil).
a@mail.mil.mil.ml|lookalike|reject|a@mail.mil|suffix-append|typed twice
a@army.mil.mil.ml|lookalike|reject|a@army.mil|suffix-append|
a@us.army.mil.mil.ml|lookalike|reject|a@us.army.mil|suffix-append|
a@mail.mil.ml|lookalike|reject|a@mail.mil|suffix-append|
# Finding 11: the last dot two letters late, into a TLD that does not exist
# (armymi.l): no mail can go there, and the name meant is plain.
a@armymi.l|lookalike|reject|a@army.mil|tld-not-delegated|two letters late
a@navymi.l|lookalike|reject|a@navy.mil|tld-not-delegated|
a@armym.il|lookalike|reject|a@army.mil|dot-insertion|one letter late
CASES
judge "$tmp/default" > "$tmp/report"

# ... the same for the organisation's own mod.uk.
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["mod.gov.uk", "mod.uk"]/' > "$tmp/defence.toml"
cat > "$tmp/defence" <<'CASES'
a@armymod.uk|lookalike|reject|a@army.mod.uk|dot-omission|
a@raf-mod.uk|lookalike|reject|a@raf.mod.uk|dot-omission|
a@army.mod.uk|trusted|accept|-|*|
CASES
judge "$tmp/defence" --policy "$tmp/defence.toml" >> "$tmp/report"

# Finding 5: a listed partner's country tag moved into its ending
# (gmc.org.uk for the General Medical Council's gmc-uk.org) is that
# partner, not the nurses' regulator nmc.org.uk a letter away.
"$bin" policy init | sed \
  -e 's/^organisation = .*/organisation = ["mft.nhs.uk"]/' \
  -e 's/^allow = .*/allow = ["gmc-uk.org", "nmc.org.uk"]/' > "$tmp/nhs.toml"
cat > "$tmp/nhs" <<'CASES'
a@gmc.org.uk|lookalike|confirm|a@gmc-uk.org|hyphenation|moved into its ending
a@nmc-uk.org|lookalike|confirm|a@nmc.org.uk|hyphenation|
a@gmc.org|lookalike|confirm|a@gmc-uk.org|hyphenation|
CASES
judge "$tmp/nhs" --policy "$tmp/nhs.toml" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

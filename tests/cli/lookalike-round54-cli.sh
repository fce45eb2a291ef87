#!/bin/sh
# Issue 15, round 54: the look-alikes round 53's new-user tester found, each
# as a kind, through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-round54-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Finding 1: a provider's web host typed with one slip (in the service
# label or in the web domain) is a look-alike of the provider's mail
# domain, as the exact web host is; a web host under an undelegated TLD
# offers the mail domain, not the web host. Two slips, a short label one
# letter off and the web domain's other hosts stay external.
cat > "$tmp/webslip" <<'CASES'
x@mail.googel.com|lookalike|*|x@gmail.com|label-typo|is mail.google.com mistyped
x@mail.gooogle.com|lookalike|*|x@gmail.com|label-typo|
x@mial.google.com|lookalike|*|x@gmail.com|label-typo|'mial.google.com' is mail.google.com mistyped
x@mail.google.cm|lookalike|*|x@gmail.com|*|
x@outlook.ofice365.com|lookalike|*|x@outlook.com|*|a web address of office365.com
x@acounts.google.com|lookalike|*|x@gmail.com|*|
x@outlook.offfice.com|lookalike|*|x@outlook.com|*|
x@www.aple.com|lookalike|*|x@icloud.com|*|
x@gmail.google.con|*|*|x@gmail.com|*|
x@inbox.google.con|*|*|x@gmail.com|*|
x@mial.googel.com|external|*|-|*|
x@ma.google.com|external|*|-|*|
x@maps.google.com|external|*|-|*|
x@research.google.com|external|*|-|*|
x@mail.goggle.org|external|*|-|*|
CASES
judge "$tmp/webslip" > "$tmp/report"

# Finding 2: any host under a consumer provider's mail domain is a slip for
# that domain, whatever its first label (webmail hosts: e.mail.ru,
# navigator.gmx.net, poczta.wp.pl); Google's webmail hosts under its web
# domain too. The providers whose hosts are their customers' domains
# (*.fastmail.com, *.sympatico.ca: provider-web-domains.txt), the real
# hosts listed (vip.qq.com, corp.mail.ru, mail.usa.com:
# real-mail-domains.txt) and the hosts of domains that are no provider's
# (an onmicrosoft.com tenant) stay external.
cat > "$tmp/hosts" <<'CASES'
x@e.mail.ru|lookalike|*|x@mail.ru|*|'e.mail.ru' is a name under the provider mail.ru
x@octopus.mail.ru|lookalike|*|x@mail.ru|*|
x@navigator.web.de|lookalike|*|x@web.de|*|
x@navigator.gmx.net|lookalike|*|x@gmx.net|*|
x@post.gmx.net|lookalike|*|x@gmx.net|*|
x@poczta.wp.pl|lookalike|*|x@wp.pl|*|
x@poczta.interia.pl|lookalike|*|x@interia.pl|*|
x@poczta.o2.pl|lookalike|*|x@o2.pl|*|
x@mail01.orange.fr|lookalike|*|x@orange.fr|*|
x@gmail.google.com|lookalike|*|x@gmail.com|*|is a web address of google.com
x@inbox.google.com|lookalike|*|x@gmail.com|*|
x@a.b.yahoo.co.uk|lookalike|*|x@yahoo.co.uk|*|
x@mailbox.seznam.cz|lookalike|*|x@seznam.cz|*|
x@g.mail.com|lookalike|*|x@gmail.com|dot-insertion|
x@joe.fastmail.com|external|*|-|*|
x@joe.fastmail.fm|external|*|-|*|
x@ns.sympatico.ca|external|*|-|*|
x@vip.qq.com|external|*|-|*|
x@vip.163.com|external|*|-|*|
x@corp.mail.ru|external|*|-|*|
x@mail.usa.com|external|*|-|*|
x@webmail.bellsouth.net|external|*|-|*|
x@contoso.onmicrosoft.com|external|*|-|*|
x@mail.acme-widgets.com|external|*|-|*|
CASES
judge "$tmp/hosts" >> "$tmp/report"

# Finding 3: a dot moved one letter, or a letter typed where the dot
# belongs, offers the name the lists hold (us.army.mil, interieur.gouv.fr)
# or, under a TLD that does not exist with no name known either way, the
# reading that keeps every letter typed (ssa.gov) before one that keeps a
# letter in the wrong label (ssag.gov, ss.gov). A listed name kept by the
# other reading stays first (navy.imil: navy.mil). A provider's ending read
# as .com.xx offers its own domain one letter away second (yahoo.co.in).
cat > "$tmp/dots" <<'CASES'
x@ss.agov|lookalike|*|x@ssa.gov|*|the dot is one letter early
x@ssag.ov|lookalike|*|x@ssa.gov|*|the dot is one letter late
x@ir.sgov|lookalike|*|x@irs.gov|*|
x@us.armyemil|lookalike|*|x@us.army.mil|*|has 'e' where a dot belongs
x@us.navyemil|lookalike|*|x@us.navy.mil|*|
x@interieuregouv.fr|lookalike|*|x@interieur.gouv.fr|*|has 'e' where a dot belongs
x@justiceegouv.fr|lookalike|*|x@justice.gouv.fr|*|
x@navy.imil|lookalike|*|x@navy.mil|*|
x@yahoo.cmo.in|lookalike|*|x@yahoo.com or x@yahoo.co.in|*|
x@hotmail.cmo.uk|lookalike|*|x@hotmail.com or x@hotmail.co.uk|*|
x@interieure.gouv.fr|trusted|*|-|*|
CASES
judge "$tmp/dots" >> "$tmp/report"

# Finding 4: a name of several look-alike letters names each (аrmу.mil:
# its Cyrillic 'а' and its Cyrillic 'у'), not the first only.
cat > "$tmp/letters" <<'CASES'
x@аrmу.mil|lookalike|*|x@army.mil|homoglyph|Cyrillic 'а' (U+0430) for 'a' and Cyrillic 'у' (U+0443) for 'y'
x@gmаіl.com|lookalike|*|x@gmail.com|homoglyph|for 'a' and Cyrillic 'і' (U+0456) for 'i'
x@аrmy.mil|lookalike|*|x@army.mil|homoglyph|it uses Cyrillic 'а' (U+0430) for 'a')
CASES
judge "$tmp/letters" >> "$tmp/report"

# Finding 5: a namespace's ending typed twice with no name before it
# (mil.mil, gov.gov, gov.uk.gov.uk) is invalid, a name missing, with no
# suggestion, in the text and the JSON alike; with a name it stays the
# look-alike of that name (mail.mil.mil: mail.mil).
cat > "$tmp/twice" <<'CASES'
x@mil.mil|invalid|reject|-|invalid-address|'mil.mil' has no name before .mil
x@gov.gov|invalid|reject|-|invalid-address|'gov.gov' has no name before .gov
x@gov.uk.gov.uk|invalid|reject|-|invalid-address|has no name before .gov.uk
x@mail.mil.mil|lookalike|*|x@mail.mil|*|has .mil typed twice
CASES
judge "$tmp/twice" >> "$tmp/report"
for a in x@mil.mil x@gov.gov; do
  json=$("$bin" check --json --store none "$a" 2>/dev/null)
  got=$(printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["verdict"], d.get("target"), d.get("suggestion"), "did you mean" in d["message"])')
  check "$a JSON: invalid, no target, no suggestion" "invalid None None False" "$got" >> "$tmp/report"
done

# Round 54's tester 15, finding 3: a dot moved or typed once too often in a
# namespace's ending offers the real name the dot belongs after
# (mod.gov.uk, ssa.gov), never a made-up one the namespace trusts
# (modg.gov.uk) or an unrelated trusted name (ssa.gov.scot).
cat > "$tmp/moved" <<'CASES'
x@modg.ov.uk|lookalike|*|x@mod.gov.uk|dot-insertion|the dot is one letter late
x@dwpg.ov.uk|lookalike|*|x@dwp.gov.uk|dot-insertion|
x@hmrcg.ov.uk|lookalike|*|x@hmrc.gov.uk|*|
x@mo.dgov.uk|lookalike|*|x@mod.gov.uk|*|
x@ssa.g.ov|lookalike|*|x@ssa.gov|*|has a dot between 'g' and 'ov' where none belongs
x@irs.g.ov|lookalike|*|x@irs.gov|*|
x@ssag.ov|lookalike|*|x@ssa.gov|*|
x@hot.mail|lookalike|*|x@hotmail.com|*|
CASES
judge "$tmp/moved" >> "$tmp/report"

# Finding 4: look-alike letters whose ASCII reading is a name no one has
# under a namespace (arrny.mil, navv.mil) offer the real name a reader
# sees, and say why ('rn' for 'm').
cat > "$tmp/rn" <<'CASES'
x@аrrnу.mil|lookalike|*|x@army.mil|homoglyph|'arrny' uses 'rn' for 'm', and army.mil is a real .mil name
x@nаvv.mil|lookalike|*|x@navy.mil|homoglyph|and navy.mil is a real .mil name
x@аrmу.mil|lookalike|*|x@army.mil|homoglyph|
CASES
judge "$tmp/rn" >> "$tmp/report"

# Finding 8: a host under a provider has its own reason code,
# provider-host, which the default rules still hold for confirmation.
cat > "$tmp/hosts" <<'CASES'
x@e.mail.ru|lookalike|confirm|x@mail.ru|provider-host|a name under the provider mail.ru
x@mail01.orange.fr|lookalike|confirm|x@orange.fr|provider-host|
x@smtp.gmail.com|lookalike|confirm|x@gmail.com|provider-host|
x@mail.google.com|lookalike|confirm|x@gmail.com|provider-host|a web address of google.com
CASES
judge "$tmp/hosts" >> "$tmp/report"

# Finding 6: one letter of a service label left out, its first kept
# (mai.google.com), is a slip of the web host; other short labels are not.
cat > "$tmp/short" <<'CASES'
x@mai.google.com|lookalike|*|x@gmail.com|label-typo|is mail.google.com mistyped
x@mal.google.com|lookalike|*|x@gmail.com|label-typo|
x@map.google.com|external|*|-|*|
x@ma.google.com|external|*|-|*|
CASES
judge "$tmp/short" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

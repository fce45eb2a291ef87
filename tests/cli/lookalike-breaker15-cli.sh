#!/bin/sh
# Issue 15, breaker 15: each reported family through `nearmiss check` as a
# user runs it (embedded default policy, no store), several members of each
# family beside the tester's example, and the near names that must stay
# external. Each case: ADDRESS VERDICT ACTION SUGGESTION REASONS (codes
# joined by '+'; '-' for no suggestion or no reason).
# Usage: lookalike-breaker15-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

run_cases() {  # run_cases POLICY-ARGS... < CASES
  grep -v '^#' | grep . > "$tmp/cases"
  cut -d' ' -f1 "$tmp/cases" | "$bin" check --store none --json "$@" > "$tmp/out.jsonl"
  python3 - "$tmp/cases" "$tmp/out.jsonl" <<'PY'
import json, sys
cases = [l.split() for l in open(sys.argv[1])]
rows = [json.loads(l) for l in open(sys.argv[2])]
if len(rows) != len(cases):
    print("FAIL expected %d results, got %d" % (len(cases), len(rows)))
for (addr, verdict, action, sugg, codes), r in zip(cases, rows):
    got = [r["verdict"], r.get("action", "-"), r.get("suggestion", "-"),
           "+".join(x["code"] for x in r["reasons"]) or "-"]
    want = [verdict, action, sugg, codes]
    print(("ok   %s" if got == want else "FAIL %s: expected %s, got %s") %
          ((addr,) if got == want else (addr, " ".join(want), " ".join(got))))
PY
}

{
  # Item 1: a namespace's name with its dot dropped and a ccTLD added.
  run_cases <<'CASES'
a@armymil.us lookalike reject a@army.mil dot-omission
a@armymil.co.uk lookalike reject a@army.mil dot-omission
a@navymil.fr lookalike reject a@navy.mil dot-omission
a@afmil.de lookalike reject a@af.mil dot-omission
a@stategov.us lookalike reject a@state.gov dot-omission
a@hmrcgovuk.us lookalike reject a@hmrc.gov.uk dot-omission
a@dwpgovuk.fr lookalike reject a@dwp.gov.uk dot-omission
a@defencegovau.de lookalike reject a@defence.gov.au dot-omission
a@mfagovtnz.us lookalike reject a@mfa.govt.nz dot-omission
# Words ending in a namespace's letters stay external.
a@tamil.de external accept - -
a@opengov.de external accept - -
a@goldtamil.in external accept - -
a@egov.us external accept - -
CASES
  # Item 2: a slip in a provider's name under a ccTLD it has no domain in.
  run_cases <<'CASES'
a@gmial.de lookalike confirm a@gmail.com label-typo
a@gmai.co.uk lookalike confirm a@gmail.com label-typo
a@gmal.de lookalike confirm a@gmail.com label-typo
a@gmali.es lookalike confirm a@gmail.com label-typo
a@hotmial.pl lookalike confirm a@hotmail.com label-typo
a@outlok.pl lookalike confirm a@outlook.com label-typo
a@gmai.ru lookalike confirm a@gmail.com label-typo
# A real domain one slip from a provider's name stays external.
a@poste.it external accept - real-neighbour
CASES
  # Item 4: an ending of two labels with its dot dropped or made a hyphen.
  run_cases <<'CASES'
a@army.milus lookalike reject a@army.mil tld-not-delegated
a@army.mil-us lookalike reject a@army.mil tld-not-delegated
a@navy.milcom lookalike reject a@navy.mil tld-not-delegated
a@state.govus lookalike reject a@state.gov tld-not-delegated
a@fbi.govus lookalike reject a@fbi.gov tld-not-delegated
a@hmrc.gov-uk lookalike reject a@hmrc.gov.uk tld-not-delegated
a@gmail.comuk lookalike reject a@gmail.com tld-not-delegated
a@gmail.com-uk lookalike reject a@gmail.com tld-not-delegated
CASES
  # Item 5: look-alike letters under a TLD that does not exist: both
  # reasons, and refused as undeliverable, not held.
  run_cases <<'CASES'
a@gmаil.zz lookalike reject a@gmail.com homoglyph+tld-not-delegated
a@gmail.соm lookalike reject a@gmail.com homoglyph+tld-not-delegated
a@gmail.cоn lookalike reject a@gmail.com homoglyph+tld-not-delegated
a@gmаil.con lookalike reject a@gmail.com homoglyph+tld-not-delegated
a@yаhoo.cоm lookalike reject a@yahoo.com homoglyph+tld-not-delegated
CASES
  # Item 7: real mail domains are not held. Round 34, item 2: names that
  # are words or shared brands (post, sky, laposte, cox, 163, live) make no
  # family, so their namesakes carry no reason at all, as any other name.
  run_cases <<'CASES'
a@email.ru external accept - real-neighbour
a@love.com external accept - real-neighbour
a@t-online.hu external accept - real-neighbour
a@laposte.fr external accept - -
a@post.ch external accept - -
a@post.at external accept - -
a@post.sk external accept - -
a@sky.it external accept - -
a@post.lt external accept - -
a@sky.at external accept - -
a@cox.co.uk external accept - -
a@163.jp external accept - -
a@live.pl external accept - -
a@interia.eu trusted accept - trusted
a@poczta.fm trusted accept - trusted
a@fastmail.de trusted accept - trusted
a@fastmail.com.au trusted accept - trusted
CASES
} > "$tmp/checks.txt"
# Item 3: an allowed partner under an ending of several labels, with part
# of the ending left off: held for the sender to confirm.
printf '[domains]\nallow = ["fabrikam.com.au", "acmewidgets.co.uk", "contoso.co.jp"]\n' > "$tmp/allow.toml"
run_cases --policy "$tmp/allow.toml" <<'CASES' >> "$tmp/checks.txt"
a@fabrikam.com lookalike confirm a@fabrikam.com.au suffix-truncate
a@fabrikam.au lookalike confirm a@fabrikam.com.au suffix-drop
a@acmewidgets.co lookalike confirm a@acmewidgets.co.uk suffix-truncate
a@acmewidgets.uk lookalike confirm a@acmewidgets.co.uk suffix-drop
a@contoso.jp lookalike confirm a@contoso.co.jp suffix-drop
a@fabrikam.com.au trusted accept - trusted
CASES
cat "$tmp/checks.txt"
if grep -q '^FAIL' "$tmp/checks.txt"; then fail=1; fi

# Item 10: the reason explains the suggestion; no second intended TLD.
out=$("$bin" check --store none a@gmail.zz a@gmail.dd)
case $out in
  *"mistyped"*) echo "FAIL reason names another TLD: $out"; fail=1 ;;
  *) echo "ok   reason names no other TLD" ;;
esac
contains "reason names the suggested domain" "nearest it is gmail.com" "$out"
# Round 5, defect 2: a member of a namespace of several labels with a ccTLD
# added whose PSL rule is a wildcard (*.kh, *.ck, *.bd: uk.kh reads as a
# suffix) was suggested as the US .gov/.mil name (hmrc.gov), which check
# trusts. The longest trusted name typed is the one meant.
run_cases <<'CASES' > "$tmp/wild.txt"
a@hmrc.gov.uk.kh lookalike reject a@hmrc.gov.uk suffix-append
a@nzdf.mil.nz.ck lookalike reject a@nzdf.mil.nz suffix-append
a@ato.gov.au.er lookalike reject a@ato.gov.au suffix-append
a@hse.gov.ie.bd lookalike reject a@hse.gov.ie suffix-append
a@hmrc.gov.uk.fk lookalike reject a@hmrc.gov.uk suffix-append
a@defence.gov.au.pg lookalike reject a@defence.gov.au suffix-append
a@ird.govt.nz.mm lookalike reject a@ird.govt.nz suffix-append
CASES
cat "$tmp/wild.txt"
if grep -q '^FAIL' "$tmp/wild.txt"; then fail=1; fi
# Round 5, defect 3: of two namespaces a slip fits (ato.gov.u: .gov.uk or
# .gov.au), the name the organisation writes to is named first. A name
# under a namespace was no entry of its own, so its count never ranked it.
{
  echo "sender,recipient,date"
  i=0
  while [ $i -lt 40 ]; do
    echo "alice@ourorg.com.au,officer$i@ato.gov.au,2026-11-01 10:00:00"
    echo "alice@ourorg.com.au,x$i@health.gov.au,2026-11-01 11:00:00"
    i=$((i + 1))
  done
} > "$tmp/sent_au.csv"
"$bin" learn --store "$tmp/au.db" "$tmp/sent_au.csv" > /dev/null 2>&1
check "learn the Australian history" 0 $?
hist="--store $tmp/au.db --from alice@ourorg.com.au"
for pair in "ato.gov.u ato.gov.au ato.gov.uk" "health.gov.u health.gov.au health.gov.uk" \
            "hmrc.gov.u hmrc.gov.uk hmrc.gov.au"; do
  set -- $pair
  got=$("$bin" check $hist --json "a@$1" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("target"), r.get("suggestion"), r.get("also_suggestion", "-"))')
  # Since round 44 the other ($3) is not offered second: no list holds
  # it and the organisation does not write to it (round 43's tester,
  # finding 10: hmrc.gov.au offered in a 550).
  check "with history, $1 names $2 first" "$2 a@$2 -" "$got"
done
# Without history the order is the slip's own (.gov.u is missing a 'k')
# for a name no list holds; since round 34 a name the lists hold under one
# of the two (ato.gov.au: namespace-names.txt) is named first.
got=$("$bin" check --store none --json a@qwzx.gov.u | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("target"))')
check "without history, qwzx.gov.u names qwzx.gov.uk first" "qwzx.gov.uk" "$got"
got=$("$bin" check --store none --json a@ato.gov.u | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("target"))')
check "without history, ato.gov.u names the listed ato.gov.au first" "ato.gov.au" "$got"
exit $fail

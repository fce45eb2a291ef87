#!/bin/sh
# Issue 15, tester round 57:
# 1. a slipped TLD of a name the lists trust (army.cun, hmrc.gov.cin,
#    web.cim) reads as that name, under rule 1 for a protected one; the
#    typed name under the TLD one slip away (army.cu, Cuba's; hmrc.gov.cn,
#    China's) is a stranger's and never offered;
# 2. learn trusts a real mail domain written to daily (mailo.com, post.ch)
#    as check calls it external, so its slips are then caught;
# 3. a host under a real mail domain (www.mailo.com, gov.uk.post.ch) is
#    judged by its registrable domain: external, no real-neighbour note;
# 4. a domain alone on a line (permute's list) is judged as the domain, and
#    a " # comment" after an address is no recipient;
# 6. a port, a stray '>', a link's query or brackets after the domain:
#    invalid, with the address meant.
# Usage: lookalike-tester15r57-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/cases" <<'CASES'
x@hmrc.gov.cin|lookalike|reject|x@hmrc.gov.uk|*|
x@hmrc.gov.cun|lookalike|reject|x@hmrc.gov.uk|*|
x@hmrc.gov.cio|lookalike|reject|x@hmrc.gov.uk|*|
x@army.cun|lookalike|reject|x@army.mil|tld-not-delegated|
x@army.cin|lookalike|reject|x@army.mil|tld-not-delegated|
x@army.cim|lookalike|reject|x@army.mil|tld-not-delegated|
x@army.clm|lookalike|reject|x@army.mil|tld-not-delegated|
x@navy.cim|lookalike|reject|x@navy.mil|tld-not-delegated|
x@web.cim|lookalike|reject|x@web.de|tld-not-delegated|
x@gmail.cim|lookalike|reject|x@gmail.com|tld-not-delegated|
x@www.mailo.com|external|accept|-|-|
x@mail.mailo.com|external|accept|-|-|
x@gov.uk.mailo.com|external|accept|-|-|
x@www.sina.cn|external|accept|-|-|
x@mail.tim.it|external|accept|-|-|
x@gov.uk.post.ch|external|accept|-|-|
x@gov.uk.cloud.com|external|accept|-|-|
x@mailo.com|external|accept|-|real-neighbour|
x@army.mil.mailo.com|lookalike|reject|x@army.mil|*|
x@gmail.com:587|invalid|reject|x@gmail.com|invalid-address|a port
x@army.mil:25|invalid|reject|x@army.mil|invalid-address|a port
x@gmail.com>|invalid|reject|x@gmail.com|invalid-address|stray angle bracket
x@gmail.com?subject=hi|invalid|reject|x@gmail.com|invalid-address|query
x@[army.ml]|invalid|reject|x@army.mil|invalid-address|brackets hold a domain name
x@[127.0.0.1]|invalid|reject|-|invalid-address|
x@cloud.con|invalid|reject|x@cloud.com|*|cloud.com is a real mail domain one slip away
x@cloud.cim|invalid|reject|x@cloud.com|*|cloud.com is a real mail domain one slip away
x@sina.con|lookalike|reject|x@sina.com or x@sina.cn|tld-not-delegated|
CASES
judge "$tmp/cases" > "$tmp/report"
# 5: a second offer only as close as the first (acme.co.jo: not acme.co.nz).
cat > "$tmp/org.toml" <<'TOML'
[domains]
protected = ["acme.org.uk", "acme.co.jp", "acme.co.nz", "acme.or.jp"]
TOML
cat > "$tmp/cases2" <<'CASES'
x@acme.co.jo|lookalike|reject|x@acme.co.jp|*|
x@acme.co.kp|lookalike|reject|x@acme.co.jp|*|
x@acme.or.uk|lookalike|reject|x@acme.org.uk|*|
CASES
judge "$tmp/cases2" --policy "$tmp/org.toml" >> "$tmp/report"

# 1: the target and the rule are the protected name's; no stranger offered.
for a in x@hmrc.gov.cin x@army.cun x@nhs.cun x@navy.cim; do
  got=$("$bin" check --store none --json "$a" 2>/dev/null | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(r["target"], r["rule"]["name"], r.get("also_suggestion", "-"))')
  case $got in
    *" lookalike "*) echo "ok   $a: $got" ;;
    *) echo "FAIL $a: not rule 1 lookalike: $got"; fail=1 ;;
  esac
  case $got in
    *.cn*|*.cu*|*.ci*|*.in\ *|*.in) echo "FAIL $a: a stranger's name offered: $got"; fail=1 ;;
  esac
done >> "$tmp/report"

# 2: learn of 40 days of mail to real mail domains trusts them.
{
  echo "sender,recipient,date"
  for day in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
    for to in claire@mailo.com a@post.ch c@poste.it d@tim.it; do
      echo "me@acme.co.uk,$to,2026-10-$day"
    done
  done
} > "$tmp/sent.csv"
learned=$("$bin" learn "$tmp/sent.csv" 2>&1)
case $learned in
  *"left out mailo.com"*|*"left out post.ch"*|*"left out tim.it"*) echo "FAIL learn left out a real mail domain: $learned"; fail=1 ;;
  *) echo "ok   learn keeps the real mail domains" ;;
esac >> "$tmp/report"
contains "learn trusts four" "trusted from history: 4 domains" "$learned" >> "$tmp/report"
for pair in maillo.com:mailo.com posst.ch:post.ch timm.it:tim.it; do
  typed=${pair%%:*}; meant=${pair#*:}
  got=$("$bin" check --json "x@$typed" 2>/dev/null | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(r["verdict"], r.get("suggestion", "-"))')
  check "after learn: $typed" "lookalike x@$meant" "$got" >> "$tmp/report"
done

# 4: permute's list fed back: every line judged as a domain, none invalid.
# (A line of one label, a dot left out, stays a word: invalid, as "Okafor".)
"$bin" permute army.mil 2>/dev/null | grep '\.' > "$tmp/perm.txt"
lines=$(grep -vc '^#' "$tmp/perm.txt")
"$bin" check --store none --json < "$tmp/perm.txt" > "$tmp/perm.jsonl" 2>/dev/null
got=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(len(rows), sum(r["verdict"] == "invalid" for r in rows),
      sum(r.get("judged_as") == "domain" for r in rows),
      sum("@" in r["input"] or "@" in r.get("suggestion", "") for r in rows))' "$tmp/perm.jsonl")
check "permute army.mil | check: judged as domains, none invalid, no '@'" "$lines 0 $lines 0" "$got" >> "$tmp/report"
text=$(printf 'army.ml\n' | "$bin" check --store none 2>/dev/null)
contains "a domain line, shown as the domain" "lookalike army.ml: army.ml looks like army.mil" "$text" >> "$tmp/report"
contains "a domain line says so" "judged as a domain (no '@')" "$text" >> "$tmp/report"
contains "a domain line's suggestion is a domain" "did you mean army.mil?" "$text" >> "$tmp/report"
n=$(printf 'x@gmail.com # trailing comment\n' | "$bin" check --store none --json 2>/dev/null | grep -c '"input"')
check "a trailing comment is no recipient" "1" "$n" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

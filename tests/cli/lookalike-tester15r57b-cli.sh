#!/bin/sh
# Issue 15, tester round 57b (/work/tester-15-r57b.md):
# 1. a slipped TLD of nhs.uk (nhs.ukk, nhs.uj, nhs.ik) offers nhs.net, as
#    nhs.uk and nhs.uk.com do; gov.ukk and police.ukk still offer nothing;
# 2. words around one address ("John Smith x@gmail.com", "x@gmail.com #
#    note") are that address, as arguments too; two addresses stay two;
# 3. permute's one-label look-alikes (armymil, gmailcom) are judged as
#    domains by check; a plain word (Okafor) stays invalid;
# 4. a second suggestion from the name alone is offered only when close to
#    what was typed (nhs.cun: nhs.net, not nhs.scot);
# 6. a homoglyph of a name no list holds (rmyа.mil) offers nothing, never
#    rmya.mil; аrmy.mil and аrmu.mil still offer army.mil;
# 5. mail.rediff.com, Rediffmail's web host, is rediffmail.com's.
# Usage: lookalike-tester15r57b-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/cases" <<'CASES'
x@nhs.ukk|lookalike|reject|x@nhs.net|tld-not-delegated|nhs.net the mail domain of that name
x@nhs.uj|lookalike|reject|x@nhs.net|tld-not-delegated|
x@nhs.ik|lookalike|reject|x@nhs.net|tld-not-delegated|
x@gov.ukk|lookalike|reject|-|tld-not-delegated|
x@police.ukk|lookalike|reject|-|tld-not-delegated|
x@nhs.cun|lookalike|reject|x@nhs.net|tld-not-delegated|
x@nhs.cim|lookalike|reject|x@nhs.net|tld-not-delegated|
x@nhs.xyzq|lookalike|reject|x@nhs.net|tld-not-delegated|
x@nhs.cot|lookalike|reject|x@nhs.scot|*|
x@xn--rmy-8cd.mil|lookalike|reject|-|homoglyph|
x@xn--rmy-5cd.mil|lookalike|reject|x@army.mil|homoglyph|
x@xn--rmu-5cd.mil|lookalike|reject|x@army.mil|homoglyph|
x@mail.rediff.com|lookalike|*|x@rediffmail.com|*|a web address of rediff.com
x@rediff.com|external|accept|-|*|
CASES
judge "$tmp/cases" > "$tmp/report"
for a in x@nhs.cun x@nhs.cim x@nhs.xyzq; do
  got=$("$bin" check --store none --json "$a" 2>/dev/null | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline()).get("also_suggestion") or "-")')
  check "$a: no far second suggestion" "-" "$got" >> "$tmp/report"
done

# 2: one recipient each, as arguments and on stdin; two stay two; words
# with no address stay invalid.
out=$("$bin" check --store none 'John Smith x@gmail.com' 'x@gmail.com # note' 'x@gmail.com John Smith' 2>&1)
contains "argv: loose words around one address are that address" \
  "3 checked: 3 trusted" "$out" >> "$tmp/report"
out=$(printf 'John Smith x@gmail.com\n' | "$bin" check --store none 2>&1)
check "stdin: a display name without brackets is one recipient" \
  "trusted   x@gmail.com: gmail.com is a known mail provider; policy: accept" \
  "$(printf '%s\n' "$out" | cut -d'(' -f1 | sed 's/ *$//')" >> "$tmp/report"
out=$("$bin" check --store none 'a@gmail.com b@yahoo.com' 2>&1)
contains "two addresses stay two" "2 checked: 2 trusted" "$out" >> "$tmp/report"
out=$("$bin" check --store none 'John Smith' 2>&1)
contains "words with no address stay invalid" "invalid   John: no '@'" "$out" >> "$tmp/report"

# 3: permute's whole list, one-label look-alikes included, comes back as
# look-alikes judged as domains, none invalid.
"$bin" permute army.mil gmail.com 2>/dev/null | grep -v '^#' > "$tmp/perm.txt"
lines=$(grep -c . "$tmp/perm.txt")
grep -qx armymil "$tmp/perm.txt" || echo "FAIL permute army.mil writes armymil" >> "$tmp/report"
"$bin" check --store none --json < "$tmp/perm.txt" > "$tmp/perm.jsonl" 2>/dev/null
got=$(python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(len(rows), sum(r["verdict"] == "invalid" for r in rows),
      sum(r.get("judged_as") == "domain" for r in rows))' "$tmp/perm.jsonl")
check "permute army.mil gmail.com | check: all domains, none invalid" "$lines 0 $lines" "$got" >> "$tmp/report"
out=$("$bin" check --store none armymil gmailcom army-mil Okafor 2>&1)
contains "armymil judged as a domain" \
  "lookalike armymil: armymil looks like army.mil" "$out" >> "$tmp/report"
contains "... with the domain suggested" "did you mean army.mil?" "$out" >> "$tmp/report"
contains "a plain word stays invalid" "invalid   Okafor: no '@' in 'Okafor'" "$out" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

#!/bin/sh
# Issue 14, item 2: a policy acts on the address-typo finding's kind and
# score. After learning alice's Sent folder (john.smith@ and mary.jones@
# partner.example written to often), `policy explain` with
# tests/testdata/policy/typo-conditions.toml shows each recipient's kind and
# score and the rule they chose, --json carries them, and `nearmiss check`
# decides the same way. Usage: typo-conditions-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
policy=tests/testdata/policy/typo-conditions.toml

"$bin" learn tests/testdata/history/sent-45-days.mbox > "$tmp/learn.txt" 2>&1
check "learn exits 0" 0 $?
"$bin" policy lint "$policy" > /dev/null
check "the policy lints clean" 0 $?

# One recipient of each outcome: display-address (reject), one edit
# (confirm), another family name (warn), a dropped name part (tag), a
# frequent contact and a new colleague (the default: accept).
set -- --to '"john.smith@partner.example" <jane.doe@partner.example>' \
  --to jon.smith@partner.example --to john.smithson@partner.example \
  --to jsmith@partner.example --to mary.jones@partner.example --to li.wei@partner.example
"$bin" policy explain --policy "$policy" --from alice@mod.example --subject hi "$@" \
  > "$tmp/explain.txt" 2>&1
check "explain exits 1 (not all accepted)" 1 $?
# Each recipient's line, its address-typo kind and score, and its rule.
expect() {  # expect NAME REGEX: a line of the explanation matches
  if grep -Eq "$2" "$tmp/explain.txt"; then echo "ok   $1"; else
    echo "FAIL $1: no line matches '$2' in:"; cat "$tmp/explain.txt"; fail=1; fi
}
expect "display-address: rejected" '^to jane.doe@partner.example: address-typo -> reject$'
expect "... kind and score shown" '^  address-typo kind display-address, score 0.95$'
expect "... by rule display" "^  rule: rule 1 'display' \\($policy:[0-9]+:1\\)$"
expect "one edit: confirmed" '^to jon.smith@partner.example: address-typo -> confirm$'
expect "... kind and score shown" '^  address-typo kind edit, score 0.80$'
expect "... by rule strong" "^  rule: rule 2 'strong' "
expect "another family name: warned" '^to john.smithson@partner.example: address-typo -> warn$'
expect "... kind and score shown" '^  address-typo kind other-family-name, score 0.50$'
expect "... by rule weak-guess" "^  rule: rule 3 'weak-guess' "
expect "a dropped name part: tagged" '^to jsmith@partner.example: address-typo -> tag$'
expect "... kind and score shown" '^  address-typo kind shortened-parts, score 0.70$'
expect "... by rule other-typos" "^  rule: rule 4 'other-typos' "
expect "a frequent contact: accepted" '^to mary.jones@partner.example: [a-z]+ -> accept$'
expect "a new colleague: accepted" '^to li.wei@partner.example: [a-z]+ -> accept$'
check "only the four slips have a kind" 4 "$(grep -c '^  address-typo kind ' "$tmp/explain.txt")"

got=$("$bin" policy explain --policy "$policy" --from alice@mod.example --json "$@" |
  python3 -c '
import json, sys
for r in json.load(sys.stdin)["recipients"]:
    t = r.get("address_typo")
    print(r["address"], t["kind"] if t else "-", t["score"] if t else "-", r["action"])')
check "explain --json: address_typo kind and score, and the action" \
"jane.doe@partner.example display-address 0.95 reject
jon.smith@partner.example edit 0.8 confirm
john.smithson@partner.example other-family-name 0.5 warn
jsmith@partner.example shortened-parts 0.7 tag
mary.jones@partner.example - - accept
li.wei@partner.example - - accept" "$got"

# check agrees: the same rules decide.
out=$("$bin" check --policy "$policy" --from alice@mod.example john.smithson@partner.example 2>&1)
contains "check: the weak guess is warned" "policy: warn (rule 3 'weak-guess'" "$out"
kind=$("$bin" check --policy "$policy" --json jon.smith@partner.example |
  python3 -c 'import json,sys; c=json.loads(sys.stdin.read()); print(c["address_typo"]["kind"], c["address_typo"]["score"])')
check "check --json: the kind and score" "edit 0.8" "$kind"

[ $fail = 0 ] && echo "all typo-conditions CLI tests passed"
exit $fail

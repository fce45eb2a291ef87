#!/bin/sh
# End-to-end tests of `nearmiss policy init | lint | explain`: the embedded
# default written out, lint's golden messages and exit codes, and explain on
# each rule of the default policy. Usage: policy-cli.sh NEARMISS
# NM_UPDATE_GOLDEN=1 rewrites the golden file (review the diff by hand).
set -u
bin=$1
data=tests/testdata/policy  # relative: the golden names files this way
. "$(dirname "$0")/lib.sh"

# 1. init prints the embedded default byte for byte, and it lints clean.
"$bin" policy init > "$tmp/init.toml"
check "init exits 0" 0 $?
if cmp -s "$tmp/init.toml" data/policy/default.toml; then
  echo "ok   init prints data/policy/default.toml"
else
  echo "FAIL init output differs from data/policy/default.toml"; fail=1
fi
"$bin" policy lint "$tmp/init.toml" > /dev/null
check "the default policy lints clean" 0 $?

# 2. lint: every error, golden.
"$bin" policy lint "$data/lint-errors.toml" > "$tmp/lint.out"
check "lint with errors exits 2" 2 $?
if [ "${NM_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/lint.out" "$data/lint-errors.golden"; fi
if diff -u "$data/lint-errors.golden" "$tmp/lint.out" > "$tmp/diff"; then
  echo "ok   lint golden messages"
else
  echo "FAIL lint output differs:"; cat "$tmp/diff"; fail=1
fi
printf '[domains\n' > "$tmp/syntax.toml"
out=$("$bin" policy lint "$tmp/syntax.toml")
check "syntax error exits 2" 2 $?
contains "syntax error names file:line" "$tmp/syntax.toml:1:" "$out"
"$bin" policy lint "$tmp/missing.toml" > /dev/null
check "missing file exits 2" 2 $?
printf '[[sensitivity.pattern]]\nname = "bad"\nregex = "(unclosed"\n' > "$tmp/regex.toml"
out=$("$bin" policy lint "$tmp/regex.toml")
check "a regex Vectorscan refuses exits 2" 2 $?
contains "the refused regex is named" "bad" "$out"

# 3. explain, one case per rule of the default policy.
explain() { "$bin" policy explain --from alice@mod.gov.uk "$@"; }
out=$(explain --to bob@army.ml --path smtp)
check "lookalike: exit 1" 1 $?
contains "lookalike: rejected by rule 1" "rule: rule 1 'lookalike'" "$out"
contains "lookalike: did you mean" "did you mean bob@army.mil?" "$out"
contains "lookalike: 550 at RCPT" "smtp: 550 5.7.1 at RCPT" "$out"
out=$(explain --to bob@army.ml --path sendmail)
contains "sendmail path: whole message refused" "message action: reject" "$out"
contains "sendmail path: not at RCPT" "at end of message" "$out"
printf '[domains]\nblock = [".ml"]\nallow = ["partner.ml"]\n' > "$tmp/block.toml"
out=$(explain --policy "$tmp/block.toml" --to x@evil.ml --to y@partner.ml)
contains "blocked: rejected" "x@evil.ml: blocked -> reject" "$out"
contains "allowlisted partner: accepted" "y@partner.ml: trusted -> accept" "$out"
out=$(explain --to carol@example.com --subject "SECRET//NOFORN: plans")
contains "secret to external: held" "carol@example.com: external -> hold" "$out"
contains "secret: the finding is shown" "in subject" "$out"
printf 'OFFICIAL-SENSITIVE\n\nThe figures.\n' > "$tmp/body.txt"
out=$(explain --to carol@example.com --body-file "$tmp/body.txt")
contains "official-sensitive body to external: tagged" "external -> tag" "$out"
out=$(explain --to carol@example.com --subject "lunch")
check "plain external: exit 0" 0 $?
contains "plain external: accepted by default" "rule: default action" "$out"
out=$(explain --to bob@army.ml --to carol@example.com --subject "OFFICIAL-SENSITIVE: plan" \
  --path smtp --json)
check "explain --json: exit 1" 1 $?
fields=$(printf '%s' "$out" | python3 -c '
import json, sys
j = json.load(sys.stdin)
r = j["recipients"]
print(j["action"], j["message_action"], j["sensitivity"]["level"], len(r),
      r[0]["verdict"], r[0]["suggestion"], r[0]["smtp_code"], r[0]["at_rcpt"],
      r[1]["verdict"], r[1]["action"], r[1]["field"])')
check "explain --json: decision, level and each recipient" \
  "reject tag OFFICIAL-SENSITIVE 2 lookalike bob@army.mil 550 5.7.1 True external tag to" "$fields"
explain --policy "$data/lint-errors.toml" --to a@b.com > /dev/null 2>&1
check "explain with a broken policy exits 2" 2 $?

[ $fail = 0 ] && echo "all policy CLI tests passed"
exit $fail

#!/bin/bash
# End-to-end, issue 15 (fresh tester, item 9): a reject at end of message
# names every refused recipient, each on a line of its own (a multi-line
# 550), so Postfix passes all of it on; on one line Postfix cut it at 512
# bytes and the third suggestion was lost. A long address wraps instead of
# losing its suggestion.
# Usage: multiline_reply.sh NEARMISS_BINARY
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"

# Look-alikes are refused only when the message is marked, which only the
# end of message knows: every refusal is in the one DATA reply.
cat >"$W/policy.toml" <<'TOML'
[[rule]]
name = "marked-lookalike"
recipient = ["lookalike"]
sensitivity_at_least = "OFFICIAL"
action = "reject"
message = "{recipient}: {reason}; did you mean {suggestions}?"
TOML
start_all --store none --policy "$W/policy.toml"

long_local=$(printf 'l%.0s' $(seq 64))
rcpts="bob@army.ml,carol@hmrc.gov.uj,dave@interieur.gouv.fe,$long_local@army.mik"
send --from alice@mod.gov.uk --to "$rcpts" \
     --header "Subject: OFFICIAL-SENSITIVE: plans" --body "hello"
grep -q '<\*\* *550-5.7.1 bob@army.ml' "$W/swaks.out" || { cat "$W/swaks.out"; fail "no multi-line 550"; }
for want in "did you mean bob@army.mil?" "did you mean carol@hmrc.gov.uk?" \
            "did you mean dave@interieur.gouv.fr?" "did you mean $long_local@army.mil?"; do
  # A wrapped line continues on the next: join the reply's lines first.
  sed -n 's/^<\*\* *550[- ]5.7.1 //p' "$W/swaks.out" | tr '\n' ' ' | grep -qF -- "$want" ||
    { cat "$W/swaks.out"; fail "missing: $want"; }
done
[ "$(delivered "plans")" -eq 0 ] || fail "the refused message was delivered"
ok "every refused recipient and its suggestion reached the client"

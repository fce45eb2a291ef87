#!/bin/sh
# Issue 14, round 45 (the round-44 tester, findings 1-4), through the CLI
# and serve, on one Sent folder: alice writes often to "Mary Jones"
# <mary.jones@nhs.example>, "Jane Doe" <jane.doe@bank.example> and "John
# Smith" <john.smith@partner.example>.
# 1. (finding 1) an acknowledgement of one slip (jhon.smith@, kind edit, made
#    through POST /v1/check) does not settle another: the same address under
#    "Mary Jones" names Mary, is display-name suggesting her address first
#    and john.smith@ second; without an acknowledgement too.
# 2. (finding 2) Mary's name with an organisation or role after (or before)
#    a dash, '|', '/', a comma or "via" on Jane's address is display-name as
#    the bare name is; Jane's own name so written is not.
# 3. (finding 3) john.smith@bank.example, never written to, where john.smith@
#    is frequent at partner.example and bank.example is written to:
#    other-domain, did you mean john.smith@partner.example; a role mailbox
#    (info@, accounts.payable@) or one name part is not.
# 4. (finding 4) learn takes the name an address is written to under most:
#    one message under "Mary Jones" to jane.doe@ among 8 under "Jane Doe"
#    teaches nothing, and Mary's name on Jane's address is still flagged.
# Usage: round45c-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

id=0
alice_sent '"Mary Jones" <mary.jones@nhs.example>' '"Jane Doe" <jane.doe@bank.example>' \
           '"John Smith" <john.smith@partner.example>' > "$tmp/sent.mbox"
# The same folder with the slip itself in its history: one message to
# Jane's address under Mary's name.
{
  cat "$tmp/sent.mbox"
  printf 'From alice@trust.example Fri Nov 13 10:00:00 2026\nFrom: Alice <alice@trust.example>\nTo: "Mary Jones" <jane.doe@bank.example>\nSubject: results\nDate: Fri, 13 Nov 2026 10:00:00 +0000\nMessage-ID: <slip@trust.example>\n\nhello\n\n'
} > "$tmp/sent2.mbox"

printf 'store = "%s"\n' "$tmp/cfg/nearmiss.db" > "$tmp/nearmiss.toml"
mkdir -p "$tmp/cfg"
NEARMISS_CONFIG=$tmp/nearmiss.toml
export NEARMISS_CONFIG
"$bin" learn "$tmp/sent.mbox" > "$tmp/learn.out" 2>&1
check "learn of the Sent folder: exit 0" 0 $?

field() {  # field FILE EXPR: a Python expression over the check JSON `r`
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>&1
}

# --- 1: an acknowledgement settles the slip it was given for ---------------------
printf 'check fedcba9876543210fedcba98 Outlook addin\n' > "$tmp/tokens"
chmod 600 "$tmp/tokens"
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin /nonexistent \
  > /dev/null 2> "$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/serve.err" && break; sleep 0.05; done
curl -sf -H 'Authorization: Bearer fedcba9876543210fedcba98' -H 'Content-Type: application/json' \
  -d '{"from": "alice@trust.example", "to": ["jhon.smith@partner.example"], "acknowledge": {"justification": "Jhon is real"}}' \
  "http://127.0.0.1:$port/v1/check" > "$tmp/ack.json"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null
contains "jhon.smith@ acknowledged (kind edit)" '"recipient":"jhon.smith@partner.example"' "$(cat "$tmp/ack.json")"
"$bin" check --from alice@trust.example jhon.smith@partner.example > "$tmp/plain.txt" 2>&1
check "the acknowledged slip itself: settled (exit 0)" 0 $?
"$bin" check --json --from alice@trust.example '"Mary Jones" <jhon.smith@partner.example>' > "$tmp/mary-ack.json" 2>&1
check "the same address under Mary's name: asked (exit 1)" 1 $?
check "... display-name, Mary's address first, john.smith@ second" \
  "display-name mary.jones@nhs.example john.smith@partner.example False" \
  "$(field "$tmp/mary-ack.json" 'r["address_typo"]["kind"], r["suggestion"], r["also_suggestion"], "acknowledged_by" in r' | tr -d "(),'")"
contains "... the reason names both" "names mary.jones@nhs.example, at another domain than this address; written to 8 times" "$(cat "$tmp/mary-ack.json")"
contains "... and what the address resembles" "and the address itself is a near miss of john.smith@partner.example: one character differs" "$(cat "$tmp/mary-ack.json")"
"$bin" check --from alice@trust.example '"Mary Jones" <jhn.smith@partner.example>' > "$tmp/mary-new.txt" 2>&1
check "Mary's name on a slip never acknowledged: asked (exit 1)" 1 $?
contains "... did you mean both" "did you mean mary.jones@nhs.example or john.smith@partner.example?" "$(cat "$tmp/mary-new.txt")"
"$bin" check --json --from alice@trust.example '"John Smith" <jhn.smith@partner.example>' > "$tmp/john.json" 2>&1
check "John's own name on a slip of his address: his address alone" "john.smith@partner.example -" \
  "$(field "$tmp/john.json" 'r["suggestion"] + " " + r.get("also_suggestion", "-")')"

# --- 2: display names with an organisation or role -------------------------------
for name in 'Mary Jones - NHS' 'Mary Jones | NHS' 'NHS - Mary Jones' 'Mary Jones, NHS' \
            'Mary Jones via NHS' 'Mary Jones / Practice Manager' 'Jones, Mary (NHS)' 'Dr Mary Jones'; do
  "$bin" check --json --from alice@trust.example "\"$name\" <jane.doe@bank.example>" > "$tmp/org.json" 2>&1
  check "\"$name\" on Jane's address: display-name, did you mean Mary's" "display-name mary.jones@nhs.example" \
    "$(field "$tmp/org.json" 'r.get("address_typo", {}).get("kind", "none") + " " + r.get("suggestion", "")')"
done
"$bin" check --from alice@trust.example '"Jane Doe - Bank" <jane.doe@bank.example>' \
  '"Jane Doe | Finance" <jane.doe@bank.example>' '"Doe, Jane via Bank" <jane.doe@bank.example>' > "$tmp/jane.txt" 2>&1
check "Jane's own name with a qualifier on her address: accepted (exit 0)" 0 $?

# --- 3: the right person at the wrong organisation -------------------------------
"$bin" check --json --from alice@trust.example john.smith@bank.example > "$tmp/other.json" 2>&1
check "john.smith@bank.example (john.smith@ frequent at partner.example): asked (exit 1)" 1 $?
check "... other-domain, did you mean john.smith@partner.example" "other-domain john.smith@partner.example" \
  "$(field "$tmp/other.json" 'r["address_typo"]["kind"] + " " + r["suggestion"]')"
contains "... saying where the name is written to" "the same name at partner.example, another organisation written to" "$(cat "$tmp/other.json")"
"$bin" check --from alice@trust.example mary.jones@partner.example > /dev/null 2>&1
check "mary.jones@partner.example: asked too (exit 1)" 1 $?
"$bin" check --from alice@trust.example info@bank.example accounts.payable@bank.example \
  smith@bank.example > "$tmp/roles.txt" 2>&1
check "role mailboxes and one name part at bank.example: accepted (exit 0)" 0 $?
"$bin" check --from alice@trust.example john.smith@elsewhere.example > /dev/null 2>&1
check "john.smith@ at a domain nobody writes to: not this kind (exit 0)" 0 $?

# --- 4: the name learned is the one most used ------------------------------------
"$bin" learn --store "sqlite:$tmp/slip.db" "$tmp/sent2.mbox" > "$tmp/learn2.out" 2>&1
check "learn of the folder holding the slip: exit 0" 0 $?
"$bin" learn --store "sqlite:$tmp/slip.db" --show > "$tmp/show.txt" 2>&1
contains "--show: jane.doe@ (9 messages) under the name most used, Jane Doe" '"Jane Doe"' \
  "$(grep 'alice@trust.example -> jane.doe@bank.example  *9 ' "$tmp/show.txt")"
"$bin" check --store "sqlite:$tmp/slip.db" --json --from alice@trust.example \
  '"Mary Jones" <jane.doe@bank.example>' > "$tmp/slip.json" 2>&1
check "Mary's name on Jane's address after the slip was learned: asked (exit 1)" 1 $?
check "... display-name suggesting Mary's address" "display-name mary.jones@nhs.example" \
  "$(field "$tmp/slip.json" 'r.get("address_typo", {}).get("kind", "none") + " " + r.get("suggestion", "")')"

exit $fail

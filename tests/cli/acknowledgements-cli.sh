#!/bin/sh
# Warn once, as the issue-14 tester found it broken: an acknowledgement did
# not cover the same mailbox's sub-addresses (jon.smith+x@, or mail from
# alice+list@); `scan` counted an acknowledged look-alike as flagged while
# `check` said it was settled; `audit --events` ignored the configuration
# file's store; an acknowledgement made through POST /v1/check recorded
# only the claimed sender, not the check token that made the request.
# Everything here reads one store named by the configuration file.
# Usage: acknowledgements-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history

printf 'store = "%s"\n' "$tmp/cfg/nearmiss.db" > "$tmp/nearmiss.toml"
mkdir -p "$tmp/cfg"
NEARMISS_CONFIG=$tmp/nearmiss.toml
export NEARMISS_CONFIG
printf 'admin 0123456789abcdef0123456789 Ann Admin\ncheck fedcba9876543210fedcba98 Outlook addin\n' > "$tmp/tokens"
chmod 600 "$tmp/tokens"

# alice writes to john.smith@partner.example (sent-45-days.mbox).
"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn.txt" 2>&1
check "learn into the configured store exits 0" 0 $?
check "... the configured store was written" yes "$([ -s "$tmp/cfg/nearmiss.db" ] && echo yes || echo no)"

port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --token-file "$tmp/tokens" --postfix-bin /nonexistent \
  > /dev/null 2> "$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/serve.err" && break; sleep 0.05; done
ack() {  # ack JSON: POST /v1/check with the check token
  curl -sf -H 'Authorization: Bearer fedcba9876543210fedcba98' -H 'Content-Type: application/json' \
    -d "$1" "http://127.0.0.1:$port/v1/check"
}
ack '{"from": "alice@mod.example", "to": ["jon.smith@partner.example"], "acknowledge": {"justification": "Jon joined"}}' > "$tmp/ack1.json"
# A look-alike domain is acknowledged by address only (issue 14, round 34):
# the whole of partnerr.example is refused, zz@ alone is taken.
ack '{"from": "alice@mod.example", "to": ["zz@partnerr.example"], "acknowledge": {"scope": "domain"}}' > "$tmp/ack2d.json"
ack '{"from": "alice@mod.example", "to": ["zz@partnerr.example"], "acknowledge": true}' > "$tmp/ack2.json"
# Ann revokes one for kim@: the event names her and the line of her
# token (the issue-14 tester, round 41, item 8).
ack '{"from": "alice@mod.example", "to": ["kim@partnerr.example"], "acknowledge": true}' > "$tmp/ack3.json"
curl -sf -X DELETE -H 'Authorization: Bearer 0123456789abcdef0123456789' \
  "http://127.0.0.1:$port/v1/acknowledgements/3" > "$tmp/revoke.json"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null
contains "Ann Admin revoked kim@partnerr.example's acknowledgement" '"by":"Ann Admin"' "$(cat "$tmp/revoke.json")"
contains "the API acknowledged jon.smith" '"recipient":"jon.smith@partner.example"' "$(cat "$tmp/ack1.json")"
contains "the API refused partnerr.example as a whole" 'a look-alike domain is acknowledged by address only' "$(cat "$tmp/ack2d.json")"
contains "... and acknowledged zz@partnerr.example" '"recipient":"zz@partnerr.example"' "$(cat "$tmp/ack2.json")"

# The same mailbox on both sides (recipient_delimiter "+").
"$bin" check --from alice@mod.example jon.smith+x@partner.example > "$tmp/sub1.txt" 2>&1
check "a sub-address of the acknowledged recipient: settled, exit 0" 0 $?
contains "... by the acknowledgement" "settled by acknowledgement" "$(cat "$tmp/sub1.txt")"
"$bin" check --from alice+list@mod.example jon.smith@partner.example > "$tmp/sub2.txt" 2>&1
check "from a sub-address of the acknowledging sender: settled, exit 0" 0 $?
"$bin" check --from bob+list@mod.example jon.smith@partner.example > /dev/null 2>&1
check "another sender is still asked, exit 1" 1 $?

# policy explain agrees with check (issue-14 tester, round 3, item 8: it
# said "confirm" while the milter delivered): the acknowledgement is
# applied and named, in the text and the JSON; another sender is asked.
"$bin" policy explain --from alice@mod.example --to jon.smith@partner.example --subject hi \
  > "$tmp/explain1.txt" 2>&1
check "policy explain: the acknowledged slip is accepted, exit 0" 0 $?
contains "... named with its acknowledgement" "settled by acknowledgement" "$(cat "$tmp/explain1.txt")"
contains "... action accept" "action: accept" "$(cat "$tmp/explain1.txt")"
"$bin" policy explain --from alice@mod.example --to zz@partnerr.example --json > "$tmp/explain2.json" 2>&1
check "policy explain --json: the acknowledged look-alike, exit 0" 0 $?
check "... acknowledged_by in the JSON" True \
  "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["recipients"][0].get("acknowledged_by",0)>0)' "$tmp/explain2.json")"
"$bin" policy explain --from bob@mod.example --to jon.smith@partner.example > "$tmp/explain3.txt" 2>&1
check "policy explain: another sender is still asked, exit 1" 1 $?
contains "... confirm" "action: confirm" "$(cat "$tmp/explain3.txt")"

# scan agrees with check: the acknowledged look-alike is not flagged, and
# the acknowledgement is named in the text and the JSON. The message is
# written after the acknowledgement was made (now): one written before it
# went out without it, and stays flagged (round 46's tester 14, item 5).
printf 'From: Alice <alice@mod.example>\nTo: zz@partnerr.example\nSubject: hi\nDate: Wed, 01 Jan 2025 06:00:00 +0000\nMessage-ID: <s0@o>\n\nhello\n' > "$tmp/old.eml"
"$bin" scan "$tmp/old.eml" > "$tmp/scan-old.txt" 2>&1
check "scan: a message written before the acknowledgement is still flagged, exit 1" 1 $?
contains "... 1 flagged" "1 messages, 1 flagged" "$(cat "$tmp/scan-old.txt")"
printf 'From: Alice <alice@mod.example>\nTo: zz@partnerr.example\nSubject: hi\nDate: %s\nMessage-ID: <s1@o>\n\nhello\n' "$(LC_ALL=C date -u -R)" > "$tmp/a.eml"
"$bin" check --from alice@mod.example zz@partnerr.example > "$tmp/check-a.txt" 2>&1
check "check: the acknowledged look-alike exits 0" 0 $?
"$bin" scan "$tmp/a.eml" > "$tmp/scan-a.txt" 2>&1
check "scan: the same message exits 0" 0 $?
contains "... 0 flagged" "1 messages, 0 flagged" "$(cat "$tmp/scan-a.txt")"
contains "... the acknowledgement named on the recipient" "settled by acknowledgement" "$(cat "$tmp/scan-a.txt")"
contains "... and in the summary" "1 recipients settled by the sender's acknowledgement" "$(cat "$tmp/scan-a.txt")"
"$bin" scan --json "$tmp/a.eml" > "$tmp/scan-a.json" 2>&1
check "scan --json names the acknowledgement" True \
  "$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); print(d["recipients"][0].get("acknowledged_by",0)>0)' "$tmp/scan-a.json")"
# The scan's record in the store's audit log names the acknowledgement:
# who made it, which way, for the address, and the rule it settled (schema 8).
check "scan's audit record names who acknowledged, which way, and the rule settled" \
  "alice@mod.example (claimed; shared token 'Outlook addin'; from 127.0.0.1)|api|address|confirm|yes" \
  "$(sqlite3 "$tmp/cfg/nearmiss.db" "SELECT ack_who, ack_path, ack_scope, rule_action, CASE WHEN acknowledged_by > 0 AND ack_made_at > 0 AND settled_rule <> '' THEN 'yes' ELSE 'no' END FROM nm_audit_recipient WHERE address = 'zz@partnerr.example' AND acknowledged_by > 0 LIMIT 1")"
# Without the acknowledgement (bob), still flagged, and counted as its reason.
sed 's/alice@/bob@/' "$tmp/a.eml" > "$tmp/b.eml"
"$bin" scan "$tmp/b.eml" > "$tmp/scan-b.txt" 2>&1
check "scan: bob's message is flagged, exit 1" 1 $?
contains "... 1 flagged" "1 messages, 1 flagged" "$(cat "$tmp/scan-b.txt")"
# The by-reason line counts address-typo (it never did).
printf 'From: alice@mod.example\nTo: jon.smith@partner.example\nSubject: hi\n\nhello\n' > "$tmp/typo.eml"
"$bin" scan "$tmp/typo.eml" > "$tmp/scan-typo.txt" 2>&1
contains "alice's acknowledged typo is not flagged" "1 messages, 0 flagged" "$(cat "$tmp/scan-typo.txt")"
sed 's/alice@/carol@/' "$tmp/typo.eml" > "$tmp/typo2.eml"
"$bin" scan "$tmp/typo2.eml" > "$tmp/scan-typo2.txt" 2>&1
contains "scan's by-reason line counts address-typo" "by reason: address-typo 1" "$(cat "$tmp/scan-typo2.txt")"

# audit --events reads the configured store (it said "no store to read
# events from" and looked only at the default location).
"$bin" audit --events > "$tmp/events.txt" 2>&1
check "audit --events with a configured store exits 0" 0 $?
contains "... lists its acknowledgements" "jon.smith@partner.example" "$(cat "$tmp/events.txt")"
contains "... the revoke by Ann Admin, with her token's line" "kim@partnerr.example (api); token $tmp/tokens:1" "$(cat "$tmp/events.txt")"
"$bin" audit --events --json > "$tmp/events.json" 2>&1
check "... and as JSON" 0 $?
# The API's acknowledgement names the check token that made it, that the
# token is shared (so the sender is only claimed), and the client's address
# (the issue-14 tester, round 43, finding 5).
contains "who: the claimed sender, the shared check token and the client" "alice@mod.example (claimed; shared token 'Outlook addin'; from 127.0.0.1)" "$(cat "$tmp/events.json")"
# Each keeps the warning it acknowledged (codes without "trusted", and the
# suggestion), which is all it settles (issue 14, round-4 item 5).
contains "the warning acknowledged: its codes" '"reasons":"address-typo","suggestion":"john.smith@partner.example","warning_recorded":true,"typo_kind":"edit"' "$(cat "$tmp/events.json")"
contains "... and in the text" "for address-typo (did you mean john.smith@partner.example?)" "$(cat "$tmp/events.txt")"
exit $fail

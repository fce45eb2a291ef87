#!/bin/bash
# Issue 14, warn once (the round-4 tester's item 5): a release link
# acknowledged the address for any later warning about it. Through a real
# Postfix, milter and `nearmiss serve`: alice writes often to john.smith@
# and john.jones@partner.example; her message to jon.smith@ is held, she
# releases it by the notice's link, and the acknowledgement records the
# warning (address-typo, did you mean john.smith@). Her next plain message
# to jon.smith@ goes straight through; one that reaches jon.smith@ under the
# display name "John Jones" (the entry she picked is John Jones's: another
# warning) is held again, with a notice naming john.jones@.
# Usage: ack_warning.sh NEARMISS
set -u
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
SERVE_PID=
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pf_cleanup' EXIT

# John Jones as frequent as John Smith, in the store confirm_start learns into.
{ echo "sender,recipient,date"
  for i in 1 2 3 4 5 6 7 8; do
    echo "alice@mod.gov.uk,john.jones@partner.example,$(date -u -d "$((i * 5)) days ago" +%Y-%m-%d)"
  done; } >"$W/jones.csv"
"$NEARMISS" learn --store "sqlite:$W/nearmiss.db" "$W/jones.csv" >"$W/jones.out" 2>&1 ||
  { cat "$W/jones.out"; fail "learn john.jones"; }
confirm_start

notice() {  # subject: the notice's file
  for _ in $(seq 100); do
    n=$(grep -lF "$1" "$SINK_DIR"/* 2>/dev/null | xargs -r grep -lF "Held: please confirm" | head -1)
    [ -n "$n" ] && { echo "$n"; return 0; }
    sleep 0.1
  done
  return 1
}

send --from alice@mod.gov.uk --to jon.smith@partner.example --header "Subject: first $$" \
     --body "for Jon" || { cat "$W/swaks.out"; fail "not accepted"; }
ID=$(wait_held "first $$") || fail "jon.smith@ not held"
N=$(notice "first $$") || fail "no notice for $ID"
notice_text "$N" | grep -q "john.smith@partner.example" || { cat "$N"; fail "the notice does not name john.smith@"; }
RELEASE=$(notice_text "$N" | grep -o "$URL/confirm?t=[0-9a-f.]*" | sed -n 1p)
code=$(curl -s -o "$W/release.html" -w '%{http_code}' --data-urlencode "t=${RELEASE#*t=}" \
       --data-urlencode "why=Jon is new" "$URL/confirm")
[ "$code" = 200 ] || { cat "$W/release.html"; fail "release answered $code"; }
wait_delivered "Subject: first $$" || fail "released, not delivered"
ACKS=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/v1/acknowledgements")
echo "$ACKS" | grep -q '"recipient":"jon.smith@partner.example"' || { echo "$ACKS"; fail "no acknowledgement"; }
echo "$ACKS" | grep -q '"reasons":"address-typo"' || { echo "$ACKS"; fail "the link's acknowledgement has no reasons"; }
echo "$ACKS" | grep -q '"suggestion":"john.smith@partner.example"' ||
  { echo "$ACKS"; fail "the link's acknowledgement has no suggestion"; }
ok "released $ID by its link; acknowledged: address-typo, did you mean john.smith@partner.example"

send --from alice@mod.gov.uk --to jon.smith@partner.example --header "Subject: second $$" \
     --body "for Jon again" || { cat "$W/swaks.out"; fail "not accepted"; }
wait_delivered "Subject: second $$" || { tail -3 "$MILTER_LOG"; fail "the same warning was asked again"; }
ok "the same warning is settled: delivered"

# The milter's record of that delivery names the acknowledgement that
# settled it: its id, who made it (alice, by her notice's release link),
# when, for the address, and the rule it settled with that rule's action.
ACK_ID=$(echo "$ACKS" | python3 -c 'import json,sys
print([a for a in json.load(sys.stdin)["acknowledgements"] if a["recipient"] == "jon.smith@partner.example"][0]["id"])') ||
  { echo "$ACKS"; fail "no acknowledgement id"; }
settled=
for _ in $(seq 100); do
  curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" \
    "$URL/v1/audit?source=milter&sender=alice@mod.gov.uk&limit=50" >"$W/audit.json" || true
  settled=$(ACK_ID=$ACK_ID python3 - "$W/audit.json" <<'PY'
import json, os, sys
records = json.load(open(sys.argv[1])).get("records", [])
for rec in records:
    for r in rec["recipients"]:
        if r["address"] == "jon.smith@partner.example" and "acknowledged_by" in r:
            a = r["acknowledgement"]
            assert r["acknowledged_by"] == int(os.environ["ACK_ID"]), r
            # By her link, from where it was used (round 45: a link in a
            # forwarded mail is whoever clicks it).
            assert a["who"].startswith("alice@mod.gov.uk (confirm link; from "), r
            assert a["path"] == "confirm-link", r
            assert a["scope"] == "address" and a["made_at"] > 0, r
            assert r["rule_action"] == "confirm" and r["settled_rule"], r
            print(r["settled_rule"])
            sys.exit(0)
sys.exit(1)
PY
) && break
  sleep 0.1
done
[ -n "$settled" ] || { cat "$W/audit.json"; fail "no milter record names the acknowledgement of jon.smith@"; }
ok "the milter's record: acknowledged_by $ACK_ID, made by alice@mod.gov.uk through confirm-link, settled $settled"

# The same address under the display name "John Jones" is another warning
# (did you mean john.jones@?). Through the milter it was delivered, settled
# by the acknowledgement above: RCPT TO has no display name, the envelope
# recipient had been flagged by its address alone (did you mean
# john.smith@?), and the To header's entry was not read for it once
# flagged. Judged now as the header writes it, as `check` and the API do.
send --from alice@mod.gov.uk --to jon.smith@partner.example \
     --header 'To: "John Jones" <jon.smith@partner.example>' --header "Subject: third $$" \
     --body "for John Jones" || { cat "$W/swaks.out"; fail "not accepted"; }
ID3=$(wait_held "third $$") || { tail -3 "$MILTER_LOG"; fail "another warning was settled by the acknowledgement"; }
N3=$(notice "third $$") || fail "no notice for $ID3"
notice_text "$N3" | grep -q "john.jones@partner.example" || { cat "$N3"; fail "the notice does not name john.jones@"; }
[ "$(delivered "Subject: third $$")" -eq 0 ] || fail "the John Jones message was delivered"
ok "\"John Jones\" <jon.smith@>: another warning, held ($ID3) with a notice naming john.jones@"

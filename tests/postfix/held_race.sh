#!/bin/bash
# Issue 14, round 4, defect 2: a held message released by its sender's link
# and deleted by an admin at the same moment was both; each answered
# success and the audit said "deleted" of a delivered message. Through a
# real Postfix, milter and `nearmiss serve`, each round holds a message and
# fires two acts on it at once (the release link and an admin DELETE; the
# notice's release and delete links): exactly one answers 200, the other
# 409 (or 404 when it came after the first had finished), and what the
# winner said is what happened: delivered and acknowledged, or deleted,
# never audited as the other.
# Usage: held_race.sh NEARMISS
set -u
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
SERVE_PID=
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pf_cleanup' EXIT

confirm_start

post_link() {  # link -> HTTP code
  curl -s -o /dev/null -w '%{http_code}' --data-urlencode "t=${1#*t=}" "$URL/confirm"
}
admin_delete() {  # id -> HTTP code
  curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" \
    "$URL/v1/held/$1"
}
acks() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/v1/acknowledgements?all=1" |
         grep -o '"id":' | wc -l; }

for round in 1 2 3 4; do
  subject="Race $round $$"
  send --from alice@mod.gov.uk --to jon.smith@partner.example --header "Subject: $subject" \
       --body "round $round" || { cat "$W/swaks.out"; fail "round $round not accepted"; }
  ID=$(wait_held "$subject") || fail "round $round not held"
  L=$(notice_links "$subject") || fail "round $round: no notice"
  RELEASE=$(echo "$L" | sed -n 1p); DELETE=$(echo "$L" | sed -n 2p)
  before=$(acks)
  # Rounds 1-2: the sender's release against an admin's delete; 3-4: the
  # notice's own two links.
  # Waited for by PID: a bare `wait` would also wait for the milter, serve
  # and the sink this shell started, and never return.
  if [ "$round" -le 2 ]; then
    post_link "$RELEASE" >"$W/a.code" & p1=$!; admin_delete "$ID" >"$W/b.code" & p2=$!
  else
    post_link "$RELEASE" >"$W/a.code" & p1=$!; post_link "$DELETE" >"$W/b.code" & p2=$!
  fi
  wait "$p1" "$p2"
  a=$(cat "$W/a.code"); b=$(cat "$W/b.code")
  case "$a/$b" in
    200/409|200/404) won=release ;;
    409/200|404/200) won=delete ;;
    *) fail "round $round ($ID): release $a, delete $b: exactly one must act" ;;
  esac
  sleep 2
  events=$("$NEARMISS" audit --store "$STORE" --events 2>/dev/null | grep -F "$ID")
  if [ "$won" = release ]; then
    wait_delivered "Subject: $subject" "round $round" || fail "round $round: released, not delivered"
    echo "$events" | grep -q "delete $ID" && fail "round $round: delivered, yet audited as deleted"
    [ "$(acks)" -gt "$before" ] || fail "round $round: released with no acknowledgement"
  else
    grep -lF "Subject: $subject" "$SINK_DIR"/* 2>/dev/null | xargs -r grep -L "Held: please" |
      grep -q . && fail "round $round: deleted, yet delivered"
    echo "$events" | grep -q "release $ID" && fail "round $round: deleted, yet audited as released"
    [ "$(acks)" = "$before" ] || fail "round $round: an acknowledgement for a deleted message"
  fi
  ok "round $round ($ID): $won won (release $a, delete $b); audit and delivery agree"
  # The next round's message is new to the history only if this one's
  # acknowledgement is gone: revoke them all.
  for id in $(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/v1/acknowledgements" |
              grep -o '"id":[0-9]*' | cut -d: -f2); do
    curl -sf -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/v1/acknowledgements/$id" >/dev/null
  done
done

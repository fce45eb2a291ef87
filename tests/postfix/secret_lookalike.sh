#!/bin/bash
# Issue 14, round 34, item 1: a look-alike is outside the organisation, so a
# SECRET message to one is held for an admin, never left to the sender's
# own release link, and an acknowledgement of the look-alike settles only
# its own confirm. Through a real Postfix, milter and `nearmiss serve`:
# SECRET to dave@gmial.com is held with no notice to alice (it was a
# confirm whose link delivered it); a plain message there is confirmed,
# alice releases it (an acknowledgement); her next SECRET message there is
# held again, and so is one carrying an encrypted attachment, while her
# next plain one goes through.
# Usage: secret_lookalike.sh NEARMISS
set -u
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
SERVE_PID=
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pf_cleanup' EXIT
confirm_start

notice() {  # subject: the notice's file
  for _ in $(seq 100); do
    n=$(grep -lF "$1" "$SINK_DIR"/* 2>/dev/null | xargs -r grep -lF "Held: please confirm" | head -1)
    [ -n "$n" ] && { echo "$n"; return 0; }
    sleep 0.1
  done
  return 1
}

send --from alice@mod.gov.uk --to dave@gmial.com --header "Subject: SECRET: convoy A$$" \
     --body "SECRET convoy at 0600" || { cat "$W/swaks.out"; fail "not accepted"; }
ID=$(wait_held "SECRET: convoy A$$") || { tail -3 "$MILTER_LOG"; fail "SECRET to gmial.com not held"; }
grep -q "secret-external" "$MILTER_LOG" || { tail -3 "$MILTER_LOG"; fail "not held by secret-external"; }

send --from alice@mod.gov.uk --to dave@gmial.com --header "Subject: plain B$$" --body "hello" ||
  { cat "$W/swaks.out"; fail "not accepted"; }
IDB=$(wait_held "plain B$$") || fail "a plain message to gmial.com not held for confirmation"
NB=$(notice "plain B$$") || fail "no notice for $IDB"
# A's absence is read once B's notice is in the sink, not by polling 10 s
# for it: the milter's one notifier takes held messages in order and logs
# each notice it sends (or fails to) before taking the next, so by now a
# notice for A would have its line in the milter's log, and (submitted
# before B's) most likely be in the sink too.
N=$(grep -lF "convoy A$$" "$SINK_DIR"/* 2>/dev/null | xargs -r grep -lF "Held: please confirm" | head -1)
if [ -n "$N" ]; then cat "$N"; fail "a SECRET look-alike went to the sender's own release link"; fi
# The notifier's own line for each notice it handles (B's proves the log is
# the one it writes to).
grep -q "confirm notice for $IDB sent" "$MILTER_ERR" || { tail -3 "$MILTER_ERR"; fail "no notice logged for $IDB"; }
if grep -q "confirm notice for $ID " "$MILTER_ERR"; then fail "a notice was sent for $ID"; fi
ok "SECRET to dave@gmial.com held ($ID) for an admin, no notice to the sender"
RELEASE=$(notice_text "$NB" | grep -o "$URL/confirm?t=[0-9a-f.]*" | sed -n 1p)
code=$(curl -s -o "$W/release.html" -w '%{http_code}' --data-urlencode "t=${RELEASE#*t=}" \
       --data-urlencode "why=Dave's own domain" "$URL/confirm")
[ "$code" = 200 ] || { cat "$W/release.html"; fail "release answered $code"; }
wait_delivered "Subject: plain B$$" || fail "released, not delivered"
ok "plain message to dave@gmial.com confirmed and released by alice ($IDB)"

send --from alice@mod.gov.uk --to dave@gmial.com --header "Subject: plain C$$" --body "again" ||
  { cat "$W/swaks.out"; fail "not accepted"; }
wait_delivered "Subject: plain C$$" || fail "the acknowledged look-alike was asked again"
ok "the acknowledgement settles the look-alike's confirm"

send --from alice@mod.gov.uk --to dave@gmial.com --header "Subject: SECRET//NOFORN D$$" \
     --body "SECRET//NOFORN convoy timings" || { cat "$W/swaks.out"; fail "not accepted"; }
IDD=$(wait_held "SECRET//NOFORN D$$") || { tail -3 "$MILTER_LOG"; fail "acknowledged look-alike: SECRET not held"; }
[ "$(delivered "Subject: SECRET//NOFORN D$$")" -eq 0 ] || fail "SECRET delivered to the acknowledged look-alike"
if N=$(notice "NOFORN D$$"); then cat "$N"; fail "SECRET sent to the sender's release link"; fi
ok "acknowledged look-alike: SECRET still held ($IDD), no notice"

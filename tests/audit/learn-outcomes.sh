#!/bin/sh
# tests/audit/learn-outcomes.sh NEARMISS: learn's figures for deliveries it
# does not learn (issue-16 tester16b, findings 6, 13 and 15).
#  - A recipient still deferred when the log ends is counted and named; a
#    run that learned nothing from such sources exits 2, as README says.
#  - A Microsoft 365 Pending, GettingStatus or FilteredAsSpam row, and a
#    historical search's "Receive, Transfer", are outcome unknown, worded
#    as audit words them (maillog/unknown_cause.h; round 55's tester 16
#    (b), finding 1: they were "still deferred or held"); Quarantined is
#    held.
#  - An expired recipient in two overlapping copies of a log is left out
#    once, as a bounced one is.
#  - An internal delivery (Exchange's DELIVER; historical search's
#    "Receive, Deliver") is one rule for both formats: not learned.
#  - An Exchange RECEIVE no later event decides (the log ends before its
#    SEND) is counted as outcome unknown and named, never dropped unsaid;
#    one a DELIVER into the organisation's own mailbox settles, or a SEND
#    decides, is not (issue 16, carried finding 2).
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-learn-outcomes.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2

# 1. Deferred only: nothing learned, exit 2, the recipient in a figure.
cat >defonly.log <<'EOF'
Oct 25 01:59:00 mx1 postfix/qmgr[3000]: 91C2D3E4F5: from=<fox@army.mil>, size=900, nrcpt=1 (queue active)
Oct 25 01:59:01 mx1 postfix/smtp[3004]: 91C2D3E4F5: to=<ann@gmial.com>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to mx.gmial.com[203.0.113.5]:25: Connection timed out)
EOF
"$nearmiss" learn --store "sqlite:$w/d.db" --year 2026 defonly.log >d.out 2>d.err
rc=$?
[ "$rc" -eq 2 ] || { cat d.out d.err >&2; no "learn of a deferred-only log: exit $rc, want 2"; }
grep -qF "left out 1 delivery still deferred or held when the logs end (no outcome yet: a deferral, Postfix's hold queue, a trace's Quarantined): not learned; first at defonly.log:2" d.out ||
  { cat d.out >&2; no "the still-deferred recipient is in no figure"; }
grep -qF "nothing learned" d.err && grep -qF "1 delivery still deferred or held when the logs end" d.err ||
  { cat d.err >&2; no "the error does not say why nothing was learned"; }

# 2. A Microsoft 365 Pending row beside a Delivered one: learned 1, the
# Pending one counted.
cat >trace.csv <<'EOF'
"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId","Index"
"2026-01-01T08:05:00.0000000Z","ida@army.mil","lee@partner.example","Plan","Delivered","192.0.2.7","10.0.0.1","999","<p1@army.mil>","0a1b2c3d-0000-4000-8000-000000000301","0"
"2026-01-01T09:05:00.0000000Z","ida@army.mil","kim@gmial.com","Pending one","Pending","","10.0.0.1","999","<p2@army.mil>","0a1b2c3d-0000-4000-8000-000000000302","1"
EOF
printf '[domains]\norganisation = ["army.mil"]\n' >org.toml
"$nearmiss" learn --store "sqlite:$w/p.db" --policy org.toml trace.csv >p.out 2>p.err ||
  { cat p.out p.err >&2; no "learn of a trace with a Pending row failed"; }
grep -qxF "deliveries: 1 found = 1 new + 0 repeated in the sources + 0 already in the store" p.out ||
  { cat p.out >&2; no "the Delivered row was not learned alone"; }
grep -qxF "left out 1 delivery whose outcome is unknown (no outcome yet in the Microsoft 365 trace when it was taken (Pending, GettingStatus)): not learned; first at trace.csv:3" p.out ||
  { cat p.out >&2; no "the Pending row is not outcome unknown"; }
! grep -qF "still deferred or held" p.out || { cat p.out >&2; no "a Pending row said as still deferred"; }

# 2b. Every undecided status in its own words, each with its first line;
# Quarantined alone is held.
cat >statuses.csv <<'EOF'
"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId","Index"
"2026-01-01T08:05:00.0000000Z","ida@army.mil","lee@partner.example","Plan","Delivered","192.0.2.7","10.0.0.1","999","<s1@army.mil>","0a1b2c3d-0000-4000-8000-000000000401","0"
"2026-01-01T08:06:00.0000000Z","ida@army.mil","u@spam.example","x","FilteredAsSpam","","10.0.0.1","999","<s2@army.mil>","0a1b2c3d-0000-4000-8000-000000000402","1"
"2026-01-01T08:07:00.0000000Z","ida@army.mil","u@getting.example","x","Getting status","","10.0.0.1","999","<s3@army.mil>","0a1b2c3d-0000-4000-8000-000000000403","2"
"2026-01-01T08:08:00.0000000Z","ida@army.mil","u@quarantine.example","x","Quarantined","","10.0.0.1","999","<s4@army.mil>","0a1b2c3d-0000-4000-8000-000000000404","3"
"2026-01-01T08:09:00.0000000Z","ida@army.mil","u@spam2.example","x","Filtered as spam","","10.0.0.1","999","<s5@army.mil>","0a1b2c3d-0000-4000-8000-000000000405","4"
EOF
"$nearmiss" learn --store "sqlite:$w/s.db" --policy org.toml statuses.csv >s.out 2>s.err ||
  { cat s.out s.err >&2; no "learn of a trace of every status failed"; }
grep -qxF "left out 2 deliveries whose outcome is unknown (marked as spam by Microsoft 365, which sends it through its high-risk delivery pool or blocks it, and the trace does not say which): not learned; first at statuses.csv:3" s.out ||
  { cat s.out >&2; no "FilteredAsSpam rows not in audit's words"; }
grep -qxF "left out 1 delivery whose outcome is unknown (no outcome yet in the Microsoft 365 trace when it was taken (Pending, GettingStatus)): not learned; first at statuses.csv:4" s.out ||
  { cat s.out >&2; no "a GettingStatus row not in audit's words"; }
grep -qF "left out 1 delivery still deferred or held when the logs end" s.out && grep -qF "first at statuses.csv:5" s.out ||
  { cat s.out >&2; no "the Quarantined row is not held"; }
cat >undecided.csv <<'EOF'
"origin_timestamp_utc","sender_address","recipient_status","message_subject","total_bytes","message_id","network_message_id","original_client_ip","directionality","connector_id","delivery_priority"
"2026-01-04T11:00:00.0000000Z","pam@army.mil","rex@partner.example##Receive, Send;tom@other.example##Receive, Transfer","Weekly","3000","<hs2@army.mil>","66666666-2222-3333-4444-555555555556","10.0.0.9","Originating","","Normal"
EOF
"$nearmiss" learn --store "sqlite:$w/u.db" undecided.csv >u.out 2>u.err ||
  { cat u.out u.err >&2; no "learn of a historical search report failed"; }
grep -qF "left out 1 delivery whose outcome is unknown (its last event not in the logs given" u.out ||
  { cat u.out >&2; no "a historical Receive, Transfer is in no figure"; }

# 3. Overlapping copies: an expired recipient left out once.
cat >exp.log <<'EOF'
Jan  1 00:10:01 mx1 postfix/cleanup[1003]: 5Z2BC3D4E5: message-id=<m2@army.mil>
Jan  1 00:10:01 mx1 postfix/qmgr[900]: 5Z2BC3D4E5: from=<carol@army.mil>, size=999, nrcpt=1 (queue active)
Jan  1 00:10:02 mx1 postfix/smtp[1005]: 5Z2BC3D4E5: to=<dave@outlook.con>, relay=none, delay=0.5, delays=0.1/0/0.4/0, dsn=4.4.1, status=deferred (connect to outlook.con[198.51.100.9]:25: Connection timed out)
Jan  6 00:10:02 mx1 postfix/qmgr[900]: 5Z2BC3D4E5: from=<carol@army.mil>, status=expired, returned to sender
Jan  6 00:10:02 mx1 postfix/qmgr[900]: 5Z2BC3D4E5: removed
Jan  6 00:20:01 mx1 postfix/qmgr[900]: 6Z2BC3D4E5: from=<carol@army.mil>, size=999, nrcpt=1 (queue active)
Jan  6 00:20:02 mx1 postfix/smtp[1005]: 6Z2BC3D4E5: to=<eve@partner.example>, relay=mx.partner.example[192.0.2.8]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 ok)
Jan  6 00:20:02 mx1 postfix/qmgr[900]: 6Z2BC3D4E5: removed
EOF
cp exp.log exp2.log
"$nearmiss" learn --store "sqlite:$w/e.db" --year 2026 exp.log exp2.log >e.out 2>e.err ||
  { cat e.out e.err >&2; no "learn of overlapping logs failed"; }
grep -qF "left out 1 delivery the log or trace says was not made" e.out ||
  { cat e.out >&2; no "the expired recipient is not left out exactly once"; }

# 4. One rule for an internal delivery: a historical search report's
# "Receive, Deliver" is not learned, as Exchange's DELIVER is not.
cat >hist.csv <<'EOF'
"origin_timestamp_utc","sender_address","recipient_status","message_subject","total_bytes","message_id","network_message_id","original_client_ip","directionality","connector_id","delivery_priority"
"2026-01-04T11:00:00.0000000Z","pam@army.mil","rex@partner.example##Receive, Send;sue@army.mil##Receive, Deliver","Weekly, update","3000","<hs1@army.mil>","66666666-2222-3333-4444-555555555555","10.0.0.9","Originating","","Normal"
EOF
"$nearmiss" learn --store "sqlite:$w/h.db" hist.csv >h.out 2>h.err ||
  { cat h.out h.err >&2; no "learn of a historical search report failed"; }
"$nearmiss" learn --store "sqlite:$w/h.db" --show --limit 0 >h.show 2>&1
grep -qF "rex@partner.example" h.show || { cat h.show >&2; no "the Send row was not learned"; }
! grep -qF "sue@army.mil" h.show || { cat h.show >&2; no "an internal Deliver was learned"; }
grep -qF "1 internal hop" h.out || { cat h.out >&2; no "the internal Deliver is not said as Exchange's is"; }

# 5. Exchange: a RECEIVE no later event decides is counted, not dropped;
# one a SEND decides is learned, one a DELIVER settles is neither.
F='#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version'
{
  printf '#Software: Microsoft Exchange Server\n#Version: 15.02.1544.004\n#Log-type: Message Tracking Log\n#Date: 2026-01-05T09:00:00.000Z\n%s\n' "$F"
  cat <<'EOF'
2026-01-05T09:00:01.000Z,10.0.4.12,WS12,10.0.0.5,EX01,,,STOREDRIVER,RECEIVE,1,<x1@army.mil>,,lee@partner.example,,4096,1,,,Plan,ida@army.mil,ida@army.mil,,Originating,,,,,,,15.02.1544.004
2026-01-05T09:00:02.000Z,10.0.4.12,WS12,203.0.113.5,mx.partner.example,,Internet,SMTP,SEND,1,<x1@army.mil>,,lee@partner.example,250 2.0.0 OK,4096,1,,,Plan,ida@army.mil,ida@army.mil,,Originating,,,,,,,15.02.1544.004
2026-01-05T09:00:03.000Z,10.0.4.12,WS12,10.0.0.5,EX01,,,STOREDRIVER,RECEIVE,2,<x2@army.mil>,,sue@army.mil,,4096,1,,,Memo,ida@army.mil,ida@army.mil,,Originating,,,,,,,15.02.1544.004
2026-01-05T09:00:04.000Z,10.0.4.12,WS12,10.0.0.5,EX01,,,STOREDRIVER,DELIVER,2,<x2@army.mil>,,sue@army.mil,,4096,1,,,Memo,ida@army.mil,ida@army.mil,,Originating,,,,,,,15.02.1544.004
2026-01-05T09:00:05.000Z,10.0.4.12,WS12,10.0.0.5,EX01,,,STOREDRIVER,RECEIVE,3,<x3@army.mil>,,kim@gmial.com;max@partner.example,,4096,1,,,Late,ida@army.mil,ida@army.mil,,Originating,,,,,,,15.02.1544.004
EOF
} >MSGTRK2026010509-1.LOG
"$nearmiss" learn --store "sqlite:$w/x.db" MSGTRK2026010509-1.LOG >x.out 2>x.err ||
  { cat x.out x.err >&2; no "learn of an Exchange log with a RECEIVE only failed"; }
grep -qxF "deliveries: 1 found = 1 new + 0 repeated in the sources + 0 already in the store" x.out ||
  { cat x.out >&2; no "the SEND was not learned alone"; }
grep -qF "left out 2 deliveries whose outcome is unknown (" x.out &&
  grep -qF "): not learned; first at MSGTRK2026010509-1.LOG:10" x.out ||
  { cat x.out >&2; no "the recipients only received are in no figure"; }

exit "$fail"

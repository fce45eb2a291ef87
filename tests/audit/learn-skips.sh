#!/bin/sh
# tests/audit/learn-skips.sh NEARMISS: what `nearmiss learn` must not store
# (issue 16, round three, 2 and 3), read back from the store.
#  - Recipients whose domain audit calls invalid (a bad xn-- label, a
#    leading hyphen, a public suffix itself): skipped, counted and named
#    with FILE:LINE, never learned; from logs and from CSV exports alike.
#  - Trace rows of mail the organisation received: an Exchange DELIVER into
#    its mailboxes, a Microsoft 365 row whose sender is not one of its
#    domains, a historical search row whose directionality is Incoming;
#    skipped and said. Without organisation domains a trace with no
#    direction column cannot be told apart: nothing of it is learned, and
#    the summary says how to fix that.
#  - Bounces (the null sender <>): skipped and said.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-learn-skips.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2

# 1. Invalid domains, from a Postfix log (and a CSV export, whose
# sue@gov.uk ParseAddress already refuses: left out as no address).
cp "$here/cases/postfix-invalid-domain/maillog" maillog
printf 'sender,recipient,date\npat@mod.gov.uk,sue@gov.uk,2025-11-04\npat@mod.gov.uk,tom@navy.ml,2025-11-04\n' \
  >export.csv
"$nearmiss" learn --store "sqlite:$w/a.db" --year 2025 maillog export.csv >a.out 2>a.err
rc=$?
[ "$rc" -eq 0 ] || { cat a.out a.err >&2; no "learn over invalid domains: exit $rc, want 0"; }
grep -qF "maillog: 8 lines read" a.out || no "learn did not read the log: $(cat a.out)"
grep -qF "3 recipients skipped: the domain cannot be learned (an address literal, an invalid domain), nothing to learn (first at maillog:3: 'bob@xn--abc.mil')" a.out ||
  no "the log's line does not name the skipped recipients with FILE:LINE"
grep -qF "skipped 3 recipients whose domain cannot be learned" a.out ||
  no "the summary does not count the 3 skipped recipients"
grep -qF "first at maillog:3: 'bob@xn--abc.mil'" a.out || no "the summary does not name the first"
"$nearmiss" learn --store "sqlite:$w/a.db" --show --limit 0 >a.show 2>&1
for bad in "xn--abc.mil" "-army.ml" "bob@gov.uk" "sue@gov.uk"; do
  ! grep -qF -- "$bad" a.show || no "the store learned an invalid domain: $bad"
done
grep -qF "rose@army.ml" a.show || no "the valid delivery (rose@army.ml) was not learned"
grep -qF "tom@navy.ml" a.show || no "the CSV's valid row (tom@navy.ml) was not learned"

# 2. Inbound trace rows. A Microsoft 365 trace (no direction column) with
# one row sent and one received.
cat >trace.csv <<'EOF'
"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId","Index"
"2025-11-04T09:00:00.0000000Z","alice@mod.gov.uk","bob@partner.example","Plan","Delivered","192.0.2.7","10.0.4.12","5120","<C1@mod.gov.uk>","0a1b2c3d-0000-4000-8000-000000000201","0"
"2025-11-04T09:10:00.0000000Z","zed@partner.example","alice@mod.gov.uk","Re: Plan","Delivered","10.0.4.12","192.0.2.7","6120","<C2@partner.example>","0a1b2c3d-0000-4000-8000-000000000202","1"
EOF
printf '[domains]\norganisation = ["mod.gov.uk"]\n' >org.toml
"$nearmiss" learn --store "sqlite:$w/b.db" --policy org.toml trace.csv >b.out 2>b.err ||
  { cat b.out b.err >&2; no "learn over a trace: exit $?"; }
grep -qxF "deliveries: 1 found = 1 new + 0 repeated in the sources + 0 already in the store" b.out ||
  no "learn over a trace did not find exactly the one row sent: $(cat b.out)"
grep -qF "skipped 1 trace row of mail the organisation received" b.out ||
  no "the received row is not said to be skipped"
grep -qF "first at trace.csv:3" b.out || no "the skipped row's FILE:LINE is not named"
"$nearmiss" learn --store "sqlite:$w/b.db" --show --limit 0 >b.show 2>&1
grep -qF "bob@partner.example" b.show || no "the row sent was not learned"
! grep -qF "zed@partner.example" b.show || no "the received row's sender was learned as a sender"

# Without the organisation's domains the direction cannot be told: nothing
# learned, and said how to fix it.
"$nearmiss" learn --store "sqlite:$w/c.db" trace.csv >c.out 2>c.err
grep -qxF "deliveries: 0 found = 0 new + 0 repeated in the sources + 0 already in the store" c.out ||
  no "learn without organisation domains learned from a trace it cannot orient: $(cat c.out)"
grep -qF "skipped 2 trace rows whose direction cannot be told" c.out &&
  grep -qF "[domains] organisation" c.out || no "the unoriented rows are not said, with the fix"

# A historical search report says the direction itself: Incoming rows are
# skipped without any policy.
cat >historical.csv <<'EOF'
origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,message_id,network_message_id,original_client_ip,directionality,connector_id,delivery_priority
2025-11-05 08:00:01Z,alice@mod.gov.uk,"bob@partner.example##Receive, Send",Report,30211,<D1@mod.gov.uk>,1b2c3d4e-0000-4000-8000-000000000301,10.0.4.12,Originating,,Normal
2025-11-05 08:10:01Z,zed@partner.example,"alice@mod.gov.uk##Receive, Deliver",Re: Report,900,<D2@partner.example>,1b2c3d4e-0000-4000-8000-000000000302,192.0.2.7,Incoming,,Normal
EOF
"$nearmiss" learn --store "sqlite:$w/d.db" historical.csv >d.out 2>&1
grep -qxF "deliveries: 1 found = 1 new + 0 repeated in the sources + 0 already in the store" d.out ||
  no "historical search: not exactly the Originating row learned: $(cat d.out)"
grep -qF "skipped 1 trace row of mail the organisation received" d.out ||
  no "historical search: the Incoming row is not said to be skipped"

# Exchange: a message received from outside (RECEIVE, then DELIVER into a
# mailbox) teaches nothing; the one sent out does.
cp "$here/cases/exchange-export/tracking-export.csv" export-ps.csv
"$nearmiss" learn --store "sqlite:$w/e.db" export-ps.csv >e.out 2>&1
"$nearmiss" learn --store "sqlite:$w/e.db" --show --limit 0 >e.show 2>&1
! grep -qF "dave@mod.gov.uk" e.show || no "Exchange: a DELIVER into the organisation's mailbox was learned"
grep -qF "bob@army.ml" e.show || no "Exchange: the SEND out was not learned"

# 3. Bounces (tester round 7 item 12). A message from the null sender
# (from=<>, RFC 5321 4.5.5: a non-delivery notice Postfix wrote) is no
# correspondence a sender chose: skipped, counted with FILE:LINE, never
# learned, never shown as "(unknown)". A delivery whose sender line is not
# in the log is not learned either (issue 14: it may be a bounce too):
# counted with FILE:LINE, and learn exits 2.
cat >bounce.log <<'LOG'
Nov  3 09:12:05 mail postfix/cleanup[2102]: 53BB21161D7: message-id=<20251103.53BB21161D7@mail.mod.gov.uk>
Nov  3 09:12:05 mail postfix/bounce[25074]: B70141161F3: sender non-delivery notification: 53BB21161D7
Nov  3 09:12:05 mail postfix/qmgr[777]: 53BB21161D7: from=<>, size=2743, nrcpt=1 (queue active)
Nov  3 09:12:06 mail postfix/smtp[2103]: 53BB21161D7: to=<bob@partner.example>, relay=mx.partner.example[192.0.2.7]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 Ok)
Nov  3 09:12:07 mail postfix/qmgr[777]: 53BB21161D7: removed
Nov  3 09:13:06 mail postfix/smtp[2103]: 63BB21161D7: to=<carol@partner.example>, relay=mx.partner.example[192.0.2.7]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 Ok)
LOG
"$nearmiss" learn --store "sqlite:$w/f.db" --year 2025 bounce.log >f.out 2>&1
grep -qF "1 delivery line skipped: a bounce from the null sender <> or the mail system's own address (MicrosoftExchange329e71ec...@, MAILER-DAEMON@), not correspondence (first at bounce.log:4)" f.out ||
  no "bounce: the log's line does not count the bounce with FILE:LINE: $(cat f.out)"
grep -qF "skipped 1 delivery line of bounces (the null sender <>, RFC 5321 4.5.5" f.out ||
  no "bounce: the summary does not say the bounce was skipped"
grep -qxF "deliveries: 0 found = 0 new + 0 repeated in the sources + 0 already in the store" f.out ||
  no "bounce: a delivery was learned: $(cat f.out)"
grep -qF "left out 1 delivery whose sender the log does not show (no qmgr from= line: a filtered log, or one that starts after the message was queued): not learned as anyone's sent mail; first at bounce.log:6" f.out ||
  no "bounce: the delivery whose sender is not logged is not counted with FILE:LINE: $(cat f.out)"
"$nearmiss" learn --store "sqlite:$w/f.db" --show --limit 0 >f.show 2>&1
! grep -qF "bob@partner.example" f.show || no "bounce: the null sender's delivery was learned: $(cat f.show)"
! grep -qF "carol@partner.example" f.show || no "bounce: the delivery whose sender is not logged was learned"

[ "$fail" -eq 0 ] || exit 1
echo "learn skips invalid domains, mail received and bounces: OK"

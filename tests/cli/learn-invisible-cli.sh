#!/bin/sh
# Issue 15, round 58b's tester 15, finding 1: a recipient holding an
# invisible character (U+200B zero width space, U+FEFF, a bidi mark: the
# set check flags as invisible-character) is read without it by every learn
# source (CSV export, Postfix log, Sent folder), said with a count and the
# first place; the store never holds the invisible form, so mail to the real
# address is trusted, not an address-typo of its invisible twin. A store
# that learned such a row before is read the same way by check.
# Usage: learn-invisible-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
zwsp=$(printf '\342\200\213')
{
  echo 'sender,recipient,date'
  for d in $(seq 1 30); do
    printf 'me@acme.co.uk,%sz@partnerco.com,2026-10-%02dT10:00:00Z\n' "$zwsp" "$d"
  done
  printf 'me@acme.co.uk,w\357\273\277@partnerco.com,2026-10-01T10:00:00Z\n'
} > "$tmp/z.csv"
"$bin" learn --store "$tmp/z.db" "$tmp/z.csv" > "$tmp/z.txt" 2>&1
check "learn a CSV whose recipients hold invisible characters: exit 0" 0 $?
contains "... counted and said, with the first place" \
  "31 recipients held invisible characters (a zero width space, a byte order mark, a bidi mark, ...), read without them; first at $tmp/z.csv:2" \
  "$(cat "$tmp/z.txt")"
check "... the store holds the addresses as they read" "w@partnerco.com z@partnerco.com" \
  "$(rows "$tmp/z.db" "select distinct recipient from nm_correspondent order by recipient" | tr '\n' ' ' | sed 's/ $//')"
out=$("$bin" check --store "$tmp/z.db" --from me@acme.co.uk z@partnerco.com)
contains "... the real address is trusted, not a typo of its invisible twin" "trusted   z@partnerco.com" "$out"
out=$("$bin" check --store "$tmp/z.db" --from me@acme.co.uk z@partnerc0.com)
contains "... a slip is offered the visible address alone" "did you mean z@partnerco.com?" "$out"

# A Postfix log and a Sent folder: the same rule.
{
  echo "Oct 21 10:00:00 mx postfix/cleanup[1]: E0A1B2C3: message-id=<l1@acme.co.uk>"
  echo "Oct 21 10:00:00 mx postfix/qmgr[2]: E0A1B2C3: from=<me@acme.co.uk>, size=900, nrcpt=1 (queue active)"
  echo "Oct 21 10:00:01 mx postfix/smtp[3]: E0A1B2C3: to=<${zwsp}y@partnerco.com>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct 21 10:00:02 mx postfix/qmgr[2]: E0A1B2C3: removed"
} > "$tmp/z.log"
printf 'From me@acme.co.uk Wed Oct 21 09:59:30 2026\nFrom: me@acme.co.uk\nTo: x%s@partnerco.com\nSubject: s\nMessage-ID: <m1@acme.co.uk>\nDate: Wed, 21 Oct 2026 09:59:30 +0000\n\nhi\n\n' "$zwsp" > "$tmp/z.mbox"
"$bin" learn --year 2026 --store "$tmp/lm.db" "$tmp/z.log" "$tmp/z.mbox" > "$tmp/lm.txt" 2>&1
check "learn a log and a Sent folder with invisible characters: exit 0" 0 $?
contains "... both counted, the first at the log's line" \
  "2 recipients held invisible characters (a zero width space, a byte order mark, a bidi mark, ...), read without them; first at $tmp/z.log:3" \
  "$(cat "$tmp/lm.txt")"
check "... learned as they read" "x@partnerco.com y@partnerco.com" \
  "$(rows "$tmp/lm.db" "select distinct recipient from nm_correspondent order by recipient" | tr '\n' ' ' | sed 's/ $//')"

# Round 58c's tester 16, finding 2: a sender holding an invisible character
# is the same sender, by every source (a log's from=, a CSV's sender column,
# a Sent folder's From:): one pair stored, counted and said.
wj=$(printf '\342\201\240')
{
  echo "Oct 22 10:00:00 mx postfix/qmgr[2]: A10001: from=<al${zwsp}ice@acme.co.uk>, size=900, nrcpt=1 (queue active)"
  echo "Oct 22 10:00:01 mx postfix/smtp[3]: A10001: to=<zed@partnerco.com>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct 22 10:00:02 mx postfix/qmgr[2]: A10001: removed"
  echo "Oct 22 11:00:00 mx postfix/qmgr[2]: A10002: from=<alice@acme.co.uk>, size=900, nrcpt=1 (queue active)"
  echo "Oct 22 11:00:01 mx postfix/smtp[3]: A10002: to=<zed@partnerco.com>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct 22 11:00:02 mx postfix/qmgr[2]: A10002: removed"
} > "$tmp/s.log"
printf 'sender,recipient,date\nal%sice@acme.co.uk,yan@partnerco.com,2026-10-23T10:00:00Z\nalice@acme.co.uk,yan@partnerco.com,2026-10-24T10:00:00Z\n' "$wj" > "$tmp/s.csv"
printf 'From me@acme.co.uk Wed Oct 21 09:59:30 2026\nFrom: alice%s@acme.co.uk\nTo: xen@partnerco.com\nSubject: s\nMessage-ID: <s1@acme.co.uk>\nDate: Wed, 21 Oct 2026 09:59:30 +0000\n\nhi\n\n' "$zwsp" > "$tmp/s.mbox"
"$bin" learn --year 2026 --log-zone UTC --store "$tmp/s.db" "$tmp/s.log" "$tmp/s.mbox" "$tmp/s.csv" > "$tmp/s.txt" 2>&1
check "learn senders with invisible characters: exit 0" 0 $?
contains "... counted and said, the first at the log's line" \
  "3 deliveries held invisible characters in the sender (a zero width space, a byte order mark, a bidi mark, ...), read without them; first at $tmp/s.log:2" \
  "$(cat "$tmp/s.txt")"
check "... one sender, as it reads" "alice@acme.co.uk" \
  "$(rows "$tmp/s.db" "select distinct sender from nm_correspondent" | tr '\n' ' ' | sed 's/ $//')"
check "... one pair per recipient" "alice@acme.co.uk xen@partnerco.com 1 alice@acme.co.uk yan@partnerco.com 2 alice@acme.co.uk zed@partnerco.com 2" \
  "$(rows "$tmp/s.db" "select sender, recipient, messages from nm_correspondent order by recipient" | tr '\n|' '  ' | sed 's/ $//')"

# A store that holds the invisible form already (learned before this rule):
# check reads its row as the address it reads as.
"$bin" learn --store "$tmp/old.db" "$tmp/z.csv" > /dev/null 2>&1
sqlite3 "$tmp/old.db" "update nm_correspondent set recipient = '${zwsp}' || recipient" 2>/dev/null ||
  { echo "SKIP no sqlite3"; exit $fail; }
out=$("$bin" check --store "$tmp/old.db" --from me@acme.co.uk z@partnerco.com z@partnerc0.com)
contains "an old invisible row makes the real address no typo" "trusted   z@partnerco.com" "$out"
contains "... nor is it offered as a suggestion" "did you mean z@partnerco.com?" "$out"
exit $fail

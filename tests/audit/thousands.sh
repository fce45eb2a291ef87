#!/bin/sh
# tests/audit/thousands.sh NEARMISS: counts a person reads are grouped by
# thousands ("1,234 log lines"), in learn's summary and audit's text and
# HTML reports; JSON keeps plain numbers (issue 16: learn printed
# "900000 lines").
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-thousands.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
# 1,234 deliveries, each a qmgr line (the sender: learn does not learn a
# delivery without one) and a delivery line, 2,468 lines; the last to a
# look-alike.
awk 'BEGIN {
  for (i = 0; i < 1234; i++) {
    rcpt = i == 1233 ? "rose@army.ml" : "r" i "@partner.example.com"
    t = sprintf("Nov  3 %02d:%02d:%02d", 9 + int(i / 3600), int(i / 60) % 60, i % 60)
    printf "%s mail postfix/qmgr[102]: %X: from=<alice@corp.example>, size=900, nrcpt=1 (queue active)\n", t, 1048576 + i
    printf "%s mail postfix/smtp[103]: %X: to=<%s>, relay=mx.example.com[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n", t, 1048576 + i, rcpt
  } }' >big.log
[ "$(wc -l <big.log)" -eq 2468 ] || no "the log has $(wc -l <big.log) lines"
"$nearmiss" learn --year 2025 --store "sqlite:$w/h.db" big.log >learn.txt 2>&1
grep -qF "read: 2,468 log lines in 1 file," learn.txt || { cat learn.txt >&2; no "learn: no '2,468 log lines'"; }
grep -qF "deliveries: 1,234 found = 1,234 new" learn.txt || no "learn: deliveries not grouped"
grep -Eq '(^|[^0-9,])(1234|2468)([^0-9]|$)' learn.txt && no "learn prints 1234 or 2468 ungrouped"
"$nearmiss" audit --year 2025 --summary-json s.json --html r.html big.log >audit.txt 2>&1
grep -qF "audit: 2,468 log lines, 0 mailbox messages" audit.txt || { cat audit.txt >&2; no "audit text: no '2,468 log lines'"; }
grep -qF "big.log: 2,468 lines read, 2,468 recognised (rfc3164), 2,468 from Postfix" audit.txt ||
  no "audit text: the file's line not grouped"
grep -qF '"log_lines_read": 2468' s.json || no "summary JSON: not the plain number 2468"
grep -qF '2,468' r.html || no "HTML: no 2,468"
[ "$fail" -eq 0 ] || exit 1
echo "audit thousands: OK"

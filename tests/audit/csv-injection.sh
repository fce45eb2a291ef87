#!/bin/sh
# tests/audit/csv-injection.sh NEARMISS: `audit --csv` neutralises cells a
# spreadsheet would run as a formula (CSV injection). Addresses come from
# the log, i.e. from whoever wrote the mail: a local part may start with
# '=', '+', '-' or '@' (RFC 5321 §4.1.2 allows them all in a Dot-string).
# Every such cell must start with "'" instead (base/csv_field.h).
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-csv.XXXXXX)
trap 'rm -rf "$w"' EXIT
cd "$w" || exit 2
# Written from Postfix's log format (qmgr from=, smtp to= ... status=).
cat >maillog <<'LOG'
2025-11-07T10:00:00+00:00 mail postfix/qmgr[9]: 0A0000001: from=<=1+1@mod.gov.uk>, size=900, nrcpt=3 (queue active)
2025-11-07T10:00:01+00:00 mail postfix/smtp[1]: 0A0000001: to=<=HYPERLINK("http://x","y")@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=0.5, delays=0.1/0/0/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)
2025-11-07T10:00:01+00:00 mail postfix/smtp[1]: 0A0000001: to=<+44@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=0.5, delays=0.1/0/0/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)
2025-11-07T10:00:01+00:00 mail postfix/smtp[1]: 0A0000001: to=<-2+3@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=0.5, delays=0.1/0/0/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)
2025-11-07T10:00:01+00:00 mail postfix/qmgr[9]: 0A0000001: removed
LOG
"$nearmiss" audit --csv maillog >out.csv 2>err.txt
python3 - out.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert len(rows) == 4, rows  # the header and three deliveries
bad = [c for r in rows[1:] for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not bad, "cells a spreadsheet runs as formulas: %r" % bad
to = sorted(r[3] for r in rows[1:])
assert to == ["'+44@army.ml", "'-2+3@army.ml", "'=HYPERLINK(\"http://x\",\"y\")@army.ml"], to
assert all(r[2] == "'=1+1@mod.gov.uk" for r in rows[1:]), [r[2] for r in rows[1:]]
PY
rc=$?
[ "$rc" -eq 0 ] || { cat out.csv err.txt >&2; echo "FAIL: audit --csv" >&2; exit 1; }
echo "audit csv injection: OK"

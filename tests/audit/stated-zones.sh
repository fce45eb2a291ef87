#!/bin/sh
# tests/audit/stated-zones.sh NEARMISS: every instant the report states
# says its zone (issue 16, round 54's tester, findings 6 and 7): the HTML's
# "generated" time is UTC with Z whatever TZ or --log-zone, the year
# warning's modification time is UTC with Z, and the "Time covered" span of
# a file whose UTC is known ends in Z, as its rows' times do
# (src/maillog/shown_time.h).
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-zones.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
cp "$here/cases/exchange-set/MSGTRK2025110309-1.LOG" .
cp "$here/cases/postfix-rotated-year/maillog" .
touch -d '2026-01-04 09:00:00 UTC' maillog
utc_now=$(date -u +%Y-%m-%dT%H)
TZ=Asia/Tokyo "$nearmiss" audit --log-zone America/New_York --html r.html \
  MSGTRK2025110309-1.LOG >/dev/null 2>&1
utc_after=$(date -u +%Y-%m-%dT%H)  # the run may cross an hour
grep -qF "generated $utc_now" r.html || grep -qF "generated $utc_after" r.html || { grep -o 'generated [^<]*' r.html >&2; no "generated is not in UTC"; }
grep -q 'generated [0-9T:-]*Z' r.html || no "generated does not end in Z"
grep -q '<span class="nowrap">2025-11-03T09:[0-9][0-9]Z</span> to' r.html ||
  no "the Exchange log's Time covered does not end in Z"
TZ=Europe/Paris "$nearmiss" audit --log-zone Europe/Paris maillog >/dev/null 2>y.err
grep -qF "its modification time 2026-01-04T09:00:00Z" y.err ||
  { cat y.err >&2; no "the year warning's modification time is not UTC with Z"; }
exit $fail

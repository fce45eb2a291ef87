#!/bin/sh
# tests/audit/marking.sh NEARMISS: the report's own marking against the
# data (issue 16, finding 10). Over tests/audit/cases/mailbox-dates/, whose
# flagged mail reaches OFFICIAL-SENSITIVE: a --marking below that is
# refused (exit 2, no report written, both levels named); with
# --marking-below-data it is written, with a warning on stderr and under
# the banner; a marking at or above the level, or none, writes the report
# without a warning.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-marking.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cp "$here/cases/mailbox-dates/sent.mbox" "$w/"
cd "$w" || exit 2

"$nearmiss" audit --marking OFFICIAL --html low.html sent.mbox >/dev/null 2>low.err
rc=$?
[ "$rc" -eq 2 ] || no "--marking OFFICIAL under OFFICIAL-SENSITIVE data: exit $rc, want 2"
[ ! -e low.html ] || no "the refused report was written"
grep -qF "below OFFICIAL-SENSITIVE, the level of sent.mbox:1" low.err ||
  { cat low.err >&2; no "the refusal does not name the level and the message"; }
grep -qF -- "--marking-below-data" low.err || no "the refusal does not say how to force it"

# An unknown marking is no level at all: below too.
"$nearmiss" audit --marking "INTERNAL" --html unknown.html sent.mbox >/dev/null 2>&1
rc=$?
[ "$rc" -eq 2 ] || no "--marking INTERNAL: exit $rc, want 2"

"$nearmiss" audit --marking OFFICIAL --marking-below-data --html forced.html sent.mbox \
  >/dev/null 2>forced.err
rc=$?
[ "$rc" -eq 1 ] || { cat forced.err >&2; no "--marking-below-data: exit $rc, want 1 (found)"; }
grep -qF "written as asked (--marking-below-data)" forced.err || no "no warning on stderr"
grep -qF "Marking below the data: --marking OFFICIAL is below OFFICIAL-SENSITIVE" forced.html ||
  no "no warning in the report"
grep -qF '<div class="marking">OFFICIAL</div>' forced.html || no "forced report not marked OFFICIAL"

for ok in "OFFICIAL-SENSITIVE" "SECRET" "OFFICIAL-SENSITIVE COMMERCIAL"; do
  "$nearmiss" audit --marking "$ok" --html ok.html sent.mbox >/dev/null 2>ok.err
  rc=$?
  [ "$rc" -eq 1 ] || { cat ok.err >&2; no "--marking $ok: exit $rc, want 1"; }
  ! grep -qF "below" ok.err || no "--marking $ok: warned"
  ! grep -qF 'class="marking-warning"' ok.html || no "--marking $ok: report warns"
done

# No --marking: the data's level, no warning.
"$nearmiss" audit --html data.html sent.mbox >/dev/null 2>&1
grep -qF '<div class="marking">OFFICIAL-SENSITIVE</div>' data.html || no "no marking from the data"
[ "$fail" -eq 0 ] || exit 1
echo "audit report marking against the data: OK"

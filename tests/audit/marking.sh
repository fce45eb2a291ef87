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
# The flag's level is said of the flag, never after the message's place,
# where it read as the message's (issue-16 tester, round 8, defect 6).
grep -qF "the level of sent.mbox:1; the marking packs read --marking OFFICIAL as level OFFICIAL" low.err ||
  { cat low.err >&2; no "the refusal does not say the flag's own level apart"; }
! grep -qF "sent.mbox:1 (read by the marking packs" low.err ||
  no "the flag's level still reads as the message's"

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
# breaker16 #8: the data's caveats are the report's too. SECRET//NOFORN
# data makes a SECRET//NOFORN report (NOFORN supersedes a REL TO of other
# data); --marking SECRET lacks NOFORN and is refused like a lower level.
. "$here/mbox-subjects.sh"
mbox "SECRET//NOFORN budget" "SECRET//REL TO USA, GBR convoy" >caveats.mbox
"$nearmiss" audit --html cav.html caveats.mbox >/dev/null 2>&1
grep -qF '<div class="marking">SECRET//NOFORN</div>' cav.html || no "NOFORN data: report not SECRET//NOFORN"
grep -qF 'marked <strong>SECRET//NOFORN</strong>' cav.html || no "NOFORN data: summary lacks the caveat"
"$nearmiss" audit --marking SECRET --html cav2.html caveats.mbox >/dev/null 2>cav2.err
rc=$?
[ "$rc" -eq 2 ] || no "--marking SECRET over SECRET//NOFORN data: exit $rc, want 2"
grep -qF "lacks NOFORN, a caveat of the data (SECRET//NOFORN, caveats.mbox:1)" cav2.err ||
  { cat cav2.err >&2; no "the refusal does not name the caveat"; }
"$nearmiss" audit --marking "SECRET//NOFORN" --html cav3.html caveats.mbox >/dev/null 2>cav3.err
rc=$?
[ "$rc" -eq 1 ] || { cat cav3.err >&2; no "--marking SECRET//NOFORN: exit $rc, want 1"; }
# A portion mark's abbreviation (S//NF) and a caveat in words.
mbox "(S//NF) route" >portion.mbox
"$nearmiss" audit --html portion.html portion.mbox >/dev/null 2>&1
grep -qF '<div class="marking">SECRET//NOFORN</div>' portion.html || no "(S//NF): report not SECRET//NOFORN"
mbox "TOP SECRET//SI//NOFORN: plan" "SECRET//NOFORN: rota" >sci.mbox
"$nearmiss" audit --html sci.html sci.mbox >/dev/null 2>&1
grep -qF '<div class="marking">TOP SECRET//SI//NOFORN</div>' sci.html || no "TS//SI//NOFORN not kept"
# breaker16 round 2 §7: the automatic marking is the data's own, in its
# own scheme, never the common scale's level word: CONFIDENTIAL stays
# CONFIDENTIAL (not SECRET), CUI stays CUI (not OFFICIAL-SENSITIVE),
# Australia's PROTECTED stays PROTECTED; several schemes are each shown at
# their highest ("US ... / UK ...", highest first).
marked() {  # marked WANT SUBJECT...: the banner of a report over SUBJECTs
  want=$1
  shift
  mbox "$@" >scheme.mbox
  "$nearmiss" audit --html scheme.html scheme.mbox >/dev/null 2>&1
  grep -qF "<div class=\"marking\">$want</div>" scheme.html ||
    no "marking of [$*]: want $want, got $(sed -n 's/.*<div class="marking">\([^<]*\)<.*/\1/p' scheme.html | head -n 1)"
}
marked "CONFIDENTIAL//REL TO USA, FVEY" "CONFIDENTIAL//REL TO USA, FVEY budget"
marked "CUI//SP-PRVCY" "CUI//SP-PRVCY budget"
marked "PROTECTED" "PROTECTED: budget"
marked "PROTECTED//CABINET" "PROTECTED//CABINET budget"
marked "CONFIDENTIAL" "CONFIDENTIAL budget"
marked "OFFICIAL-SENSITIVE" "OFFICIAL-SENSITIVE: budget"
marked "OFFICIAL: Sensitive" "OFFICIAL: Sensitive - budget"
marked "SECRET//NOFORN" "(C//REL TO USA, GBR) budget" "(S//NF) route"
marked "US TOP SECRET//SI//NOFORN / UK SECRET" "TOP SECRET//SI//NOFORN: plan" "SECRET: rota"
marked "UK SECRET / US CONFIDENTIAL//REL TO USA, GBR" "SECRET: rota" "CONFIDENTIAL//REL TO USA, GBR budget"
# The same from a trace's subject (one Microsoft 365 row each).
for case in "CONFIDENTIAL//REL TO USA, FVEY|CONFIDENTIAL//REL TO USA, FVEY" \
    "CUI//SP-PRVCY budget|CUI//SP-PRVCY" "PROTECTED: budget|PROTECTED"; do
  subject=${case%%|*}
  want=${case#*|}
  printf '"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId"\n"2025-11-03T09:12:06Z","alice@army.mil","u1@army.ml","%s","Delivered","<mk@army.mil>"\n' \
    "$subject" >mk.csv
  "$nearmiss" audit --html mk.html mk.csv >/dev/null 2>&1
  grep -qF "<div class=\"marking\">$want</div>" mk.html || no "trace subject $subject: report not marked $want"
  grep -qF "marked <strong>$want</strong>" mk.html || no "trace subject $subject: summary not $want"
done
# --marking still overrides the data's.
"$nearmiss" audit --marking "SECRET//REL TO USA, FVEY" --html over.html mk.csv >/dev/null 2>&1
grep -qF '<div class="marking">SECRET//REL TO USA, FVEY</div>' over.html || no "--marking did not override"
[ "$fail" -eq 0 ] || exit 1
echo "audit report marking against the data: OK"

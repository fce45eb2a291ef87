#!/bin/sh
# Issue 14, what a fresh tester found (/work/brk14/REPORT.md), the
# command-line items:
#   defect 2: an mbox whose From_ lines are a tool's stamp (a converter's
#     run time on every entry, git's "Mon Sep 17 00:00:00 2001") dated each
#     message by the stamp and set every true Date: aside;
#   defect 3: From_ lines dated the epoch were not separators: 10 of 11
#     messages were read as the first one's body, silently;
#   defect 4: a file given as a Sent folder that is no mail exited 0;
#   defect 5: a Date: set aside was counted as "without a readable Date" too;
#   defect 6: check on a 0-byte store file wrote a schema into it and judged
#     with no history;
#   defect 7: a local part in two scripts ("мария.garcia" for the frequent
#     maria.garcia) passed.
# Usage: learn-fresh-tester-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

# An mbox of alice's mail to pat@archive.example over 45 days (Date: from
# 2025-06-02, every 5 days), every From_ line FROM_LINE.
sent_mbox() {  # sent_mbox FILE FROM_LINE
  : >"$1"
  for d in 02 07 12 17 22 27; do
    printf '%s\nFrom: alice@ourorg.example\nTo: pat@archive.example\nSubject: m%s\nDate: %s Jun 2025 10:00:00 +0000\nMessage-ID: <jun%s@ourorg.example>\n\nbody\n\n' \
      "$2" "$d" "$d" "$d" >>"$1"
  done
  for d in 02 07 12 17; do
    printf '%s\nFrom: alice@ourorg.example\nTo: pat@archive.example\nSubject: n%s\nDate: %s Jul 2025 10:00:00 +0000\nMessage-ID: <jul%s@ourorg.example>\n\nbody\n\n' \
      "$2" "$d" "$d" "$d" >>"$1"
  done
}
# "pat@archive.example COUNT FIRST LAST" from learn --show.
seen() {  # seen STORE
  "$bin" learn --store "$1" --show --limit 0 2>/dev/null |
    awk '$1 == "alice@ourorg.example" && $3 == "pat@archive.example" {print $3, $4, $5, $6}'
}

# Defects 2 and 5: a converter's stamp, git's fixed date, and a stamp older
# than every Date: the Date: dates each message, the correspondent is
# trusted after one import, and the summary counts no unreadable Date.
for form in "From MAILER-DAEMON Thu Jan  1 00:00:00 1970" \
            "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001" \
            "From alice@ourorg.example Wed Jan  1 00:00:00 2025" \
            "From MAILER-DAEMON Tue Dec  1 09:00:00 2026"; do
  rm -f "$tmp/s.db"*
  sent_mbox "$tmp/Sent.mbox" "$form"
  out=$("$bin" learn --store "$tmp/s.db" "$tmp/Sent.mbox" 2>&1)
  check "learn exits 0 ($form)" 0 $?
  contains "all 10 read ($form)" "read 10 messages from Sent folders" "$out"
  case $out in *"without a readable Date"*|*"dated by delivery instead"*)
    check "no Date: set aside ($form)" none "$(echo "$out" | sed -n 2p)" ;; esac
  contains "trusted after one import ($form)" "trusted from history: 1 domain" "$out"
  check "dated by Date: ($form)" "pat@archive.example 10 2025-06-02 2025-07-17" "$(seen "$tmp/s.db")"
done
contains "the stamp is said" "a From_ line time other messages of its mbox share" "$out"

# Defect 5: one message whose Date: is set aside (years after its real
# From_ time) is counted there only, not as unreadable.
rm -f "$tmp/s.db"*
printf 'From alice@ourorg.example Mon Jun  2 10:00:05 2025\nFrom: alice@ourorg.example\nTo: pat@archive.example\nSubject: x\nDate: Mon, 2 Jun 2031 10:00:00 +0000\nMessage-ID: <x@ourorg.example>\n\nbody\n\n' \
  >"$tmp/ahead.mbox"
printf 'From alice@ourorg.example Tue Jun  3 10:00:05 2025\nFrom: alice@ourorg.example\nTo: pat@archive.example\nSubject: y\nMessage-ID: <y@ourorg.example>\n\nbody\n\n' \
  >>"$tmp/ahead.mbox"
out=$("$bin" learn --store "$tmp/s.db" "$tmp/ahead.mbox" 2>&1)
contains "one without a Date: counted" "; 1 without a readable Date: dated by delivery;" "$out"
contains "one set aside counted" "; 1 with a Date: after their delivery" "$out"

# Real delivery times still bound the Date: a dead clock's Date: of
# 2000-01-01 under distinct From_ times is set aside, not believed.
rm -f "$tmp/s.db"*
sent_mbox "$tmp/tb.mbox" "X"
python3 - "$tmp/tb.mbox" <<'EOF'
import sys
p = sys.argv[1]
lines = open(p).read().split('\n')
out, n = [], 0
for l in lines:
    if l == 'X':
        n += 1
        l = 'From - Mon Aug %2d 10:00:%02d 2025' % (n, n)
    out.append(l)
s = '\n'.join(out).replace('Date: 02 Jun 2025', 'Date: 01 Jan 2000', 1)
open(p, 'w').write(s)
EOF
out=$("$bin" learn --store "$tmp/s.db" "$tmp/tb.mbox" 2>&1)
contains "a dead clock's Date: set aside" "1 with a Date: after their delivery" "$out"

# Defect 3: epoch From_ lines separate messages (each of the forms).
for sender in "MAILER-DAEMON" "alice@ourorg.example" "-"; do
  rm -f "$tmp/s.db"*
  sent_mbox "$tmp/epoch.mbox" "From $sender Thu Jan  1 00:00:00 1970"
  out=$("$bin" learn --store "$tmp/s.db" "$tmp/epoch.mbox" 2>&1)
  contains "epoch From_ lines separate ($sender)" "read 10 messages from Sent folders" "$out"
done

# Defect 4: a file given as a Sent folder that is no mail is an error.
printf 'hello world\nthis is not mail\n' >"$tmp/notmail.mbox"
rm -f "$tmp/s.db"*
out=$("$bin" learn --store "$tmp/s.db" "$tmp/notmail.mbox" 2>&1)
check "learn: a file that is no mail exits 2" 2 $?
contains "learn: names it" "1 file not read (first: $tmp/notmail.mbox" "$out"
out=$("$bin" learn --store "$tmp/s.db" "$tmp/Sent.mbox" 2>&1)
check "learn: mail alone exits 0" 0 $?

# Defect 6: a 0-byte store is refused by the commands that only read, and
# left as it was; learn makes it a store.
: >"$tmp/empty.db"
"$bin" check --store "$tmp/empty.db" --from alice@ourorg.example jon.smith@partner.example \
  >"$tmp/o" 2>"$tmp/e"
check "check: an empty store file exits 2" 2 $?
contains "check: says why" "holds no nearmiss store" "$(cat "$tmp/e")"
check "check: writes no schema" 0 "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM sqlite_master").fetchone()[0])' "$tmp/empty.db")"
printf 'From: alice@ourorg.example\nTo: x@p.example\nSubject: hi\n\nhi\n' >"$tmp/m.eml"
"$bin" scan --store "$tmp/empty.db" "$tmp/m.eml" >"$tmp/o" 2>"$tmp/e"
check "scan: an empty store file exits 2" 2 $?
"$bin" policy explain --store "$tmp/empty.db" --from alice@ourorg.example --to x@p.example \
  >"$tmp/o" 2>"$tmp/e"
check "explain: an empty store file exits 2" 2 $?
"$bin" learn --store "$tmp/empty.db" "$tmp/Sent.mbox" >"$tmp/o" 2>&1
check "learn: makes the empty file a store" 0 $?
"$bin" check --store "$tmp/empty.db" --from alice@ourorg.example x@archive.example >"$tmp/o" 2>&1
check "check: then reads it" 0 $?

# Defect 7: a local part in two scripts, next to a frequent address with
# the same family name, is confirmed with the frequent address suggested;
# a Cyrillic name with no such neighbour is not.
rm -f "$tmp/h.db"*
{
  echo "sender,recipient,date"
  for d in 01 05 09 13 17 21 25 29; do
    echo "alice@ourorg.example,maria.garcia@partner.example,2026-01-$d"
    echo "alice@ourorg.example,john.smith@partner.example,2026-01-$d"
  done
} >"$tmp/hist.csv"
"$bin" learn --store "$tmp/h.db" "$tmp/hist.csv" >/dev/null 2>&1
for slip in 'мария.garcia' 'марія.garcia' 'mаria.garcia'; do
  out=$("$bin" check --store "$tmp/h.db" --from alice@ourorg.example "$slip@partner.example" 2>&1 | head -1)
  contains "mixed script $slip: confirmed" "policy: confirm" "$out"
  contains "mixed script $slip: suggests maria.garcia" "did you mean maria.garcia@partner.example" "$out"
done
out=$("$bin" check --store "$tmp/h.db" --from alice@ourorg.example 'мария.garcia@partner.example' 2>&1)
contains "mixed script: says why" "written in another script" "$out"
out=$("$bin" check --store "$tmp/h.db" --from alice@ourorg.example 'иван.petrov@partner.example' 2>&1 | head -1)
contains "a Cyrillic name with no neighbour passes" "policy: accept" "$out"
exit $fail

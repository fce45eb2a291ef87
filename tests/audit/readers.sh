#!/bin/sh
# tests/audit/readers.sh NEARMISS: the log and mailbox readers fail closed
# (issue 16, the third round of faults):
#   - a .gz with junk after its gzip stream: what is valid is read, the
#     junk is an input error naming the file (exit 2), in every report;
#   - a file given twice on the command line is read once, and said so;
#   - a Maildir's stray files (a junk file in cur/, an unknown file beside
#     cur/) are never counted as messages and are named as not read;
#     Dovecot's control files and dot files are skipped without a word;
#   - the HTML "What was read" lists each mailbox with its message count;
#   - a syslog log without years that runs twelve months or more warns
#     that dates may be ambiguous.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-readers.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
lines() { sed -n 's/^audit: \([0-9,]*\) log lines.*/\1/p' "$1" | tr -d ,; }
log="$here/cases/postfix-not-understood/maillog"
good="$here/cases/postfix-unknown-sender/maillog"

# 1. gzip with trailing junk.
gzip -c "$good" >clean.gz
"$nearmiss" audit --json clean.gz >clean.jsonl 2>clean.err; rc=$?
[ "$rc" -eq 1 ] || { cat clean.err >&2; no "clean .gz: exit $rc, want 1"; }
cp clean.gz junk.gz && printf 'this is not gzip\n' >>junk.gz
"$nearmiss" audit --json --summary-json junk.json --html junk.html junk.gz >junk.jsonl 2>junk.err
rc=$?
[ "$rc" -eq 2 ] || { cat junk.err >&2; no "junk after the gzip stream: exit $rc, want 2"; }
grep -qF "junk.gz: gzip: 17 bytes of trailing data after the gzip stream" junk.err ||
  { cat junk.err >&2; no "the junk is not named on stderr"; }
cmp -s clean.jsonl junk.jsonl || no "the valid stream before the junk was not read whole"
grep -qF "trailing data after the gzip stream" junk.json || no "--summary-json does not name the junk"
grep -qF "trailing data after the gzip stream" junk.html || no "the HTML report does not name the junk"
"$nearmiss" audit junk.gz >junk.txt 2>/dev/null
grep -qF "junk.gz: 6 lines read" junk.txt || { cat junk.txt >&2; no "the text report lost lines"; }
grep -qF "NOT READ in full" junk.txt || no "the text report does not say junk.gz was not read in full"
# The junk is named in a whole sentence (it was cut at "were").
grep -qF "decompressed bytes before them were read" junk.err ||
  { cat junk.err >&2; no "the junk's sentence is cut short"; }
# Zero bytes alone after the stream are padding (a tape, a block device, a
# shipper's copy), which GNU gzip skips ("trailing zero bytes ignored"):
# read in full, counted and named, exit 1 (issue-16 tester round 59,
# finding 4). Junk after zeros is still junk.
cp clean.gz pad.gz && head -c 1024 /dev/zero >>pad.gz
"$nearmiss" audit --json --summary-json pad.json --html pad.html pad.gz >pad.jsonl 2>pad.err
rc=$?
[ "$rc" -eq 1 ] || { cat pad.err >&2; no "zero padding after the gzip stream: exit $rc, want 1"; }
cmp -s clean.jsonl pad.jsonl || no "zero padding: the stream before it was not read whole"
grep -qF "trailing data" pad.err && { cat pad.err >&2; no "zero padding called trailing data"; }
grep -qF '"gzip_padding_bytes": 1024' pad.json || no "--summary-json does not count the padding"
grep -qF "1,024 zero bytes of padding after the gzip stream" pad.html ||
  no "the HTML report does not name the padding"
grep -qF "INCOMPLETE" pad.html && no "zero padding made the HTML report INCOMPLETE"
"$nearmiss" audit pad.gz >pad.txt 2>/dev/null
grep -qF "pad.gz: 6 lines read" pad.txt || { cat pad.txt >&2; no "zero padding: lines lost"; }
grep -qF "1,024 zero bytes of padding after the gzip stream, skipped" pad.txt ||
  { cat pad.txt >&2; no "the text report does not name the padding"; }
grep -qF "NOT READ" pad.txt && { cat pad.txt >&2; no "zero padding: said not read"; }
cp pad.gz padjunk.gz && printf 'x' >>padjunk.gz && head -c 10 /dev/zero >>padjunk.gz
"$nearmiss" audit padjunk.gz >padjunk.txt 2>padjunk.err; rc=$?
[ "$rc" -eq 2 ] || { cat padjunk.err >&2; no "junk after zero padding: exit $rc, want 2"; }
grep -qF "padjunk.gz: gzip: 1035 bytes of trailing data" padjunk.err ||
  { cat padjunk.err >&2; no "junk after zero padding is not named"; }
# Two members (cat a.gz b.gz) are one valid file, not junk.
cat clean.gz clean.gz >two.gz
"$nearmiss" audit two.gz >two.txt 2>two.err; rc=$?
[ "$rc" -eq 1 ] || { cat two.err >&2; no "two gzip members: exit $rc, want 1"; }
grep -qF "two.gz: 12 lines read" two.txt || { cat two.txt >&2; no "two gzip members: not both read"; }

# 2. The same file twice.
cp "$good" maillog
"$nearmiss" audit maillog >once.txt 2>/dev/null
"$nearmiss" audit maillog ./maillog >twice.txt 2>twice.err; rc=$?
[ "$rc" -eq 1 ] || no "a file given twice: exit $rc, want 1"
[ "$(lines twice.txt)" = "$(lines once.txt)" ] || no "a file given twice was read twice"
grep -qF "maillog: given again as ./maillog; read once" twice.err || { cat twice.err >&2; no "a file given twice is not said on stderr"; }
grep -qF "given again as ./maillog; read once" twice.txt || no "a file given twice is not said in the report"
[ "$(grep '^deliveries' once.txt)" = "$(grep '^deliveries' twice.txt)" ] ||
  no "a file given twice changed the deliveries"

# 3. A Maildir with stray files.
mkdir -p Sent/cur Sent/new Sent/tmp
cat >Sent/cur/1762340000.M1P100.mail:2,S <<'MSG'
From: Alice <alice@mod.gov.uk>
To: Bob <bob@army.ml>
Subject: OFFICIAL: plan
Date: Wed, 05 Nov 2025 10:00:00 +0000
Message-ID: <m1@mod.gov.uk>

The plan.
MSG
printf 'Bud1\000\000\000' >Sent/cur/.DS_Store
printf 'shopping: milk\n' >Sent/maildirfolder
printf '3 V1762340000 N2\n' >Sent/dovecot-uidlist
printf '\000\001binary' >Sent/dovecot.index.cache
printf '3 V1762340000 N2\n' >Sent/cur/dovecot-uidlist
printf 'remember the milk\n' >Sent/cur/notes
printf 'what is this\n' >Sent/README
"$nearmiss" audit --summary-json box.json --html box.html Sent >box.txt 2>box.err; rc=$?
[ "$rc" -eq 2 ] || { cat box.txt box.err >&2; no "Maildir with stray files: exit $rc, want 2"; }
grep -qF "audit: 0 log lines, 1 mailbox message" box.txt || { cat box.txt >&2; no "stray files counted as messages"; }
# Each mailbox says the span its messages are dated over (round 47's tester
# 16, finding 6), then what it left out.
grep -qE "Sent: mailbox, 1 message read, dated [0-9T:-]+ to [0-9T:-]+, 2 files not read \(first: Sent/cur/notes: not a message" box.txt ||
  { cat box.txt >&2; no "the text report does not name the stray files"; }
grep -qF "2 files in the mailboxes not read" box.err || { cat box.err >&2; no "stray files: no error on stderr"; }
for f in maildirfolder dovecot-uidlist dovecot.index.cache DS_Store; do
  ! grep -qF "$f" box.txt box.json || no "a control file ($f) was named"
done
grep -qF '"files_not_read": 2' box.json || no "--summary-json does not count the stray files"
grep -qF '"messages_read": 1' box.json || no "--summary-json does not count the mailbox's messages"
grep -qF 'Sent/cur/notes: not a message (it starts with no header field); not read' box.html ||
  no "the HTML report does not name the junk in cur/"
grep -qF 'Sent/README: in a Maildir but neither a message' box.html ||
  no "the HTML report does not name the stray file beside cur/"
grep -qF 'Sent/README: in a Maildir but neither a message' box.json ||
  no "--summary-json does not name the stray file beside cur/"

"$nearmiss" learn --store "sqlite:$w/learn.db" Sent >learn.txt 2>&1
rc=$?
grep -qF "read 1 messages from Sent folders; 2 files not read (first: Sent/cur/notes: not a message" learn.txt ||
  { cat learn.txt >&2; no "learn counted stray files as messages, or did not say so"; }
# What it was given and could not read leaves the history incomplete: exit
# 2, as for a log it cannot read (issue 14's fresh tester, defect 4).
[ "$rc" = 2 ] || no "learn exited $rc, not 2, with files it could not read"
grep -qF "learn: 2 files given as Sent folders not read (first: Sent/cur/notes" learn.txt ||
  { cat learn.txt >&2; no "learn did not name the files it could not read as an error"; }

# 4. The HTML "What was read" lists mailboxes with their message counts.
rm Sent/cur/notes Sent/README
mkdir mbox
# Each message ends with an empty line, as mbox writers leave it: the next
# From_ line separates only after one (RFC 4155, src/content/mbox_split.h).
for i in 1 2; do
  printf 'From alice@mod.gov.uk Wed Nov  5 1%d:00:00 2025\nFrom: alice@mod.gov.uk\nTo: r%d@army.ml\n' "$i" "$i"
  printf 'Subject: m%d\nDate: Wed, 05 Nov 2025 1%d:00:00 +0000\n\nbody\n\n' "$i" "$i"
done >mbox/Sent.mbox
"$nearmiss" audit --html read.html "$good" Sent mbox/Sent.mbox >read.txt 2>read.err; rc=$?
[ "$rc" -eq 1 ] || { cat read.txt read.err >&2; no "clean mailboxes: exit $rc, want 1"; }
grep -qF '<th>Mailbox</th><th class="n">Messages read</th><th>Dated</th>' read.html || no "no mailbox table in What was read"
# A name breaks only after '/', '.', '-' or '_' (<wbr>; issue-16 tester, item 6).
grep -qE '<tr><td class="file">Sent</td><td class="n" data-v="1">1</td><td>[0-9T:-]+ to [0-9T:-]+</td><td>nothing</td></tr>' read.html ||
  no "the Maildir is not listed with its 1 message"
grep -qE '<tr><td class="file">mbox/<wbr>Sent.<wbr>mbox</td><td class="n" data-v="2">2</td><td>[0-9T:-]+ to [0-9T:-]+</td><td>nothing</td></tr>' read.html ||
  no "the mbox is not listed with its 2 messages"
grep -qF "Sent: mailbox, 1 message read" read.txt || no "the text report does not list the Maildir"

# 5. Years: a log without years over twelve months or more.
"$nearmiss" audit --year 2024 "$here/cases/postfix-year-span/maillog" >span.txt 2>span.err
grep -qF "dates may be ambiguous" span.err || { cat span.err >&2; no "no warning for a log spanning a year"; }
"$nearmiss" audit --year 2025 "$log" >short.txt 2>short.err
! grep -qF "dates may be ambiguous" short.err short.txt || no "a warning for a log within a year"

# 6. CR-only line ends (classic Mac; `tr '\n' '\r'`; some converters and
# Excel for Mac): a lone CR ends a line as LF and CRLF do, in a Postfix log,
# an M365 trace and for learn, never one long line whose deliveries vanish
# (issue-16 tester round 59b, finding 2).
tr '\n' '\r' <"$good" >cr.log
"$nearmiss" audit --json "$good" >lf.jsonl 2>/dev/null
"$nearmiss" audit --json cr.log >cr.jsonl 2>cr.err; rc=$?
[ "$rc" -eq 1 ] || { cat cr.err >&2; no "CR line ends: exit $rc, want 1"; }
[ -s lf.jsonl ] && cmp -s lf.jsonl cr.jsonl || no "CR line ends: the rows differ from the LF log's"
"$nearmiss" audit cr.log >cr.txt 2>/dev/null
[ "$(lines cr.txt)" = "$(lines once.txt)" ] || { cat cr.txt >&2; no "CR line ends: not read line by line"; }
m365="$here/cases/m365-trace"
tr '\n' '\r' <"$m365/MessageTrace_2025-11.csv" >MessageTrace_cr.csv
"$nearmiss" audit --policy "$m365/policy.toml" --json MessageTrace_cr.csv >mcr.jsonl 2>mcr.err; rc=$?
[ "$rc" -eq "$(cat "$m365/exit")" ] || { cat mcr.err >&2; no "M365 with CR line ends: exit $rc"; }
cmp -s "$m365/expected.jsonl" mcr.jsonl || { cat mcr.err >&2; no "M365 with CR line ends: rows differ"; }
d="$here/cases/postfix-discard"
tr '\n' '\r' <"$d/maillog" >lcr.log
"$nearmiss" learn --store lcr.db lcr.log >lcr.txt 2>&1; rc=$?
[ "$rc" -eq 0 ] || { cat lcr.txt >&2; no "learn, CR line ends: exit $rc, want 0"; }
grep -qF "$(cat "$d/learned")" lcr.txt || { cat lcr.txt >&2; no "learn, CR line ends: not the LF log's deliveries"; }

[ "$fail" -eq 0 ] || exit 1
echo "audit readers: OK"

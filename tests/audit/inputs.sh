#!/bin/sh
# tests/audit/inputs.sh NEARMISS: audit fails closed on how its inputs are
# given (issue 16). A directory of Postfix logs or Exchange MSGTRK*.LOG
# files is read as logs, not as a mailbox; piped input (/dev/stdin, "-",
# a FIFO) is read, gzip by its magic; an input that cannot be read is
# named with its error in the text report, --summary-json and the HTML
# "What was read" table, and the summary says how many were not read.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-inputs.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
mkdir postfix exchange empty
cp "$here/cases/postfix-rotated-year/maillog" "$here/cases/postfix-rotated-year/maillog.1" postfix/
gzip postfix/maillog.1
cp "$here/cases/exchange-set/MSGTRK"*.LOG exchange/
lines() { sed -n 's/^audit: \([0-9,]*\) log lines.*/\1/p' "$1" | tr -d ,; }

# 1. Directories of logs.
# The Exchange set without its Edge's log leaves outcomes unknown: found,
# and INCOMPLETE, so exit 2.
for d in postfix exchange; do
  "$nearmiss" audit "$d" >"$d.out" 2>"$d.err"; rc=$?
  want=1
  [ "$d" = exchange ] && want=2
  [ "$rc" -eq "$want" ] || { cat "$d.out" "$d.err" >&2; no "audit $d/: exit $rc, want $want"; }
  n=$(lines "$d.out")
  [ "${n:-0}" -gt 0 ] || no "audit $d/: read ${n:-no} log lines"
done
"$nearmiss" audit empty >empty.out 2>empty.err; rc=$?
[ "$rc" -eq 2 ] || no "audit of an empty non-Maildir directory: exit $rc, want 2"
grep -qF "neither a Maildir" empty.err || no "the empty directory's error does not say what it found"

# 1b. A report that cannot be written says why (issue 16): the reason
# and the missing directory, before Chromium runs for a PDF.
for kind in html pdf; do
  "$nearmiss" audit --$kind "$w/no-such-dir/r.$kind" postfix >/dev/null 2>"w-$kind.err"; rc=$?
  [ "$rc" -eq 2 ] || no "audit --$kind into a missing directory: exit $rc, want 2"
  grep -qF "r.$kind: cannot write the" "w-$kind.err" &&
    grep -qF "the directory $w/no-such-dir/ does not exist" "w-$kind.err" ||
    { cat "w-$kind.err" >&2; no "audit --$kind into a missing directory does not say why"; }
done

# 2. Piped input.
want=$(lines postfix.out)
cat "$here/cases/postfix-rotated-year/maillog" >plain
"$nearmiss" audit plain >plain.out 2>/dev/null
want=$(lines plain.out)
cat plain | "$nearmiss" audit /dev/stdin >stdin.out 2>stdin.err
[ "$(lines stdin.out)" = "$want" ] || { cat stdin.out stdin.err >&2; no "audit /dev/stdin: $(lines stdin.out) lines, want $want"; }
gzip -c plain | "$nearmiss" audit - >dash.out 2>dash.err
[ "$(lines dash.out)" = "$want" ] || { cat dash.out dash.err >&2; no "gzip | audit -: $(lines dash.out) lines, want $want"; }
mkfifo fifo
# The writer is bounded too: if audit never opens the FIFO, the shell's
# open for writing would block for ever.
(timeout 20 sh -c 'gzip -c plain >fifo' &)
timeout 20 "$nearmiss" audit fifo >fifo.out 2>fifo.err; rc=$?
[ "$rc" -ne 124 ] || no "audit FIFO hung"
[ "$(lines fifo.out)" = "$want" ] || no "audit FIFO: $(lines fifo.out) lines, want $want"

# 3. Unreadable inputs are named with their error.
gzip -c plain | head -c 200 >cut.gz
"$nearmiss" audit --summary-json s.json --html r.html plain missing.log cut.gz empty \
  >bad.out 2>bad.err; rc=$?
[ "$rc" -eq 2 ] || no "unreadable inputs: exit $rc, want 2"
for f in missing.log cut.gz empty; do
  grep -F "$f" bad.out | grep -qF "NOT READ" || { cat bad.out >&2; no "text report does not name $f as not read"; }
  grep -F "$f" r.html | grep -qF "NOT READ" || no "HTML What was read does not name $f as not read"
done
grep -qF "3 inputs could not be read" bad.out || no "text report does not count the unread inputs"
# Page 1's INCOMPLETE notice counts them.
grep 'class="incomplete"' r.html | grep -qF "3 inputs that could not be read, whole or in part" ||
  no "HTML summary does not count the unread inputs"
python3 - s.json <<'PY' || no "--summary-json does not carry the errors"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["inputs_not_read"] == 3, j["inputs_not_read"]
errs = {l["file"]: l["error"] for l in j["logs"]}
assert errs["plain"] is None, errs
for f in ("missing.log", "cut.gz", "empty"):
    assert errs[f], (f, errs)
PY
# 4. Empty logs (issue-16 tester, round 8, defect 2): a 0-byte file, blank
# lines, an empty .gz. Alone (or all of them) the run read nothing: exit
# 2, never "0 deliveries" as if nothing had been sent; for learn too. One
# empty file in a set with text is named in a warning and in the report's
# notes, and the run reads the rest.
mkdir emptylogs
: >emptylogs/empty.log
printf '\n\n' >emptylogs/blank.log
: | gzip >emptylogs/empty.gz
for f in emptylogs/empty.log emptylogs/blank.log emptylogs/empty.gz; do
  "$nearmiss" audit --year 2025 "$f" >e.out 2>e.err; rc=$?
  [ "$rc" -eq 2 ] || { cat e.out e.err >&2; no "audit $f alone: exit $rc, want 2"; }
  grep -qF "nothing was read: every log given is empty" e.err ||
    { cat e.err >&2; no "audit $f alone: the error does not say the run read nothing"; }
  grep -qF "$f: empty (" e.err || no "audit $f alone: not named as empty"
  "$nearmiss" learn --store "sqlite:$w/learn-empty.db" --year 2025 "$f" >l.out 2>l.err; rc=$?
  [ "$rc" -eq 2 ] || { cat l.out l.err >&2; no "learn $f alone: exit $rc, want 2"; }
done
"$nearmiss" audit --year 2025 emptylogs/empty.log emptylogs/blank.log emptylogs/empty.gz \
  >e.out 2>e.err; rc=$?
[ "$rc" -eq 2 ] || no "audit of three empty logs: exit $rc, want 2"
cp "$here/cases/postfix-rotated-year/maillog.1" emptylogs/maillog.1
: >emptylogs/maillog
"$nearmiss" audit --html set.html emptylogs/maillog emptylogs/maillog.1 >e.out 2>e.err; rc=$?
[ "$rc" -eq 1 ] || { cat e.out e.err >&2; no "a set with an empty current file: exit $rc, want 1"; }
grep -qF "emptylogs/maillog: empty (0 lines read, none with text)" e.err ||
  { cat e.err >&2; no "the set's empty file is not named on stderr"; }
! grep -qF "nothing was read" e.err || no "a set with text said nothing was read"
grep -qF "emptylogs/maillog: empty (0 lines read, none with text)" set.html ||
  no "the set's empty file is not named in the report"

# 5. Inside a folder of logs (issue 16, round 54's tester, finding 5): an
# empty subfolder holds no mail, and Windows's desktop.ini, its thumbnail
# cache and macOS's .DS_Store are no logs: each skipped and named, the
# report complete, the folder counted as no file read. Any other file
# that is no log still makes the run incomplete (fail closed).
mkdir -p servers/EX01 servers/EX02/empty servers/EX03/._x
cp "$here/cases/exchange-set/MSGTRK2025110309-1.LOG" servers/EX01/
cp "$here/cases/exchange-set/MSGTRK2025110310-1.LOG" servers/EX02/
mkdir servers/EDGE01 && cp "$here/cases/exchange-set/edge01-tracking.log" servers/EDGE01/
printf '[.ShellClassInfo]\r\n' >servers/EX01/Desktop.ini
printf 'x' >servers/EX02/Thumbs.db
printf 'Bud1' >servers/EX02/.DS_Store
printf '' >servers/EX03/desktop.ini
"$nearmiss" audit --html servers.html servers >s.out 2>s.err; rc=$?
[ "$rc" -eq 1 ] || { cat s.out s.err >&2; no "a folder with an empty subfolder and OS files: exit $rc, want 1"; }
! grep -qF INCOMPLETE s.out || no "an empty subfolder or an OS file made the report incomplete"
for said in "servers/EX02/empty: an empty folder; nothing in it to read" \
    "servers/EX01/Desktop.ini: Windows's folder settings, not a log; skipped" \
    "servers/EX02/Thumbs.db: Windows's thumbnail cache, not a log; skipped" \
    "servers/EX02/.DS_Store: macOS Finder's folder settings, not a log; skipped" \
    "servers/EX03/desktop.ini: Windows's folder settings, not a log; skipped" \
    "servers/EX03: a folder of only the files above; nothing in it to read"; do
  grep -qF "$said" s.err || { cat s.err >&2; no "not said on stderr: $said"; }
done
grep -qF "in 3 files;" servers.html || no "the HTML does not count 3 files read"
printf 'notes\n' >servers/EX02/README.txt
"$nearmiss" audit servers >s.out 2>s.err; rc=$?
[ "$rc" -eq 2 ] || no "a README.txt among the logs: exit $rc, want 2"
grep -qF "servers/EX02/README.txt" s.err || no "the README.txt is not named"

# 6. Dot files and dot folders inside a folder given (issue-16 tester round
# 58b, finding 3) are read like any other file, never skipped unnamed: a
# rotated log renamed .maillog-20261120 or moved to .archive/ is still a
# log; an editor's .maillog.swp is no log and makes the run incomplete.
mkdir -p dots/.archive
printf '[domains]\norganisation = ["army.mil"]\n' >dots.toml
printf '%s\n' 'Nov 20 08:00:00 mail postfix/qmgr[100]: B10001: from=<alice@army.mil>, size=100, nrcpt=1 (queue active)' \
  'Nov 20 08:00:01 mail postfix/smtp[101]: B10001: to=<x1@army.ml>, relay=mx.army.ml[203.0.113.5]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)' \
  >dots/.maillog-20261120
sed 's/B10001/B10002/; s/x1@/x2@/; s/Nov 20/Nov 21/' dots/.maillog-20261120 >dots/.archive/maillog-20261121
sed 's/B10001/B10003/; s/x1@/x3@/; s/Nov 20/Nov 22/' dots/.maillog-20261120 >dots/maillog
"$nearmiss" audit --policy dots.toml --year 2026 --json dots >d.out 2>d.err; rc=$?
[ "$rc" -eq 1 ] || { cat d.out d.err >&2; no "a folder with dot files of logs: exit $rc, want 1"; }
for who in x1@army.ml x2@army.ml x3@army.ml; do
  grep -qF "\"to\":\"$who\"" d.out || { cat d.out d.err >&2; no "a dot file's or dot folder's delivery to $who is not a row"; }
done
"$nearmiss" audit --policy dots.toml --year 2026 dots >d.out 2>d.err
for f in dots/.maillog-20261120 dots/.archive/maillog-20261121; do
  grep -qF "$f" d.out || { cat d.out d.err >&2; no "$f is not named in What was read"; }
done
"$nearmiss" learn --policy dots.toml --store dots.db dots >l.out 2>&1
grep -qF "in 3 files" l.out || { cat l.out >&2; no "learn did not read the 3 files of dots/"; }
printf 'b0VIM 9.0\000\000\001' >dots/.maillog.swp
"$nearmiss" audit --policy dots.toml --year 2026 dots >d.out 2>d.err; rc=$?
[ "$rc" -eq 2 ] || { cat d.out d.err >&2; no "an editor's .maillog.swp among the logs: exit $rc, want 2"; }
grep -qF "dots/.maillog.swp" d.out d.err || { cat d.out d.err >&2; no "the .maillog.swp is not named"; }

# 7. A binary file's NUL bytes (core.bin, no line recognised) are no
# crash's hole in a log (issue-16 tester round 58b, finding 7): the file is
# named as no log (exit 2), and the crash wording is kept for logs.
mkdir -p bins && cp dots/maillog bins/maillog
printf '\000\001\002binary' >bins/core.bin
"$nearmiss" audit --policy dots.toml --year 2026 bins >b.out 2>b.err; rc=$?
[ "$rc" -eq 2 ] || { cat b.out b.err >&2; no "a core.bin among the logs: exit $rc, want 2"; }
grep -qF "bins/core.bin" b.out b.err || { cat b.out b.err >&2; no "the core.bin is not named"; }
! grep -qF "what a crash leaves" b.out b.err || { cat b.out b.err >&2; no "a binary file's NUL bytes called a crash's hole"; }
printf 'Nov 23 08:00:00 mail postfix/qmgr[100]: B10009: removed\n\000\000\000\nNov 23 08:00:02 mail postfix/qmgr[100]: B1000A: removed\n' >bins/maillog.0
rm bins/core.bin
"$nearmiss" audit --policy dots.toml --year 2026 bins >b.out 2>b.err
grep -qF "what a crash leaves" b.out b.err || { cat b.out b.err >&2; no "a log's NUL bytes are not called a crash's hole"; }

exit $fail

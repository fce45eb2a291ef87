#!/bin/sh
# tests/audit/progress-tty.sh NEARMISS: on a terminal, `nearmiss audit`
# draws a progress line on stderr ("audit: read 12.3 MB, 98,304 lines
# (...) [####----...] 30% of 41.0 MB"; without --year, "pass 1 of 2 (the
# year)" and "pass 2 of 2"), and its line count moves with the reading (it once stayed at 0
# for the whole of a run over one file, because it showed the count kept
# for files already finished). Runs audit under script(1), which gives it a
# pseudo-terminal, over one generated log large enough to take more than
# the progress line's 100 ms between redraws. Skips (77) without script.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v script >/dev/null 2>&1 || { echo "SKIP: no script (util-linux)"; exit 77; }
w=$(mktemp -d /tmp/nearmiss-progress.XXXXXX)
trap 'rm -rf "$w"' EXIT
python3 "$here/gen-postfix-log.py" "$w" --messages 60000 >/dev/null || exit 2
zcat -f "$w/maillog.3.gz" "$w/maillog.2.gz" "$w/maillog.1" "$w/maillog" >"$w/one.log"
lines=$(wc -l <"$w/one.log")
script -q -e -c "'$nearmiss' audit --year 2025 '$w/one.log'" /dev/null >"$w/tty.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || { tail -5 "$w/tty.out" >&2; echo "FAIL: audit on a tty: exit $rc, want 1" >&2; exit 1; }
# Each redraw starts with a carriage return; keep the counts of the lines.
tr '\r' '\n' <"$w/tty.out" | sed -n 's/.*audit: read [0-9.]* MB, \([0-9,]*\) lines (.*/\1/p' |
  tr -d , >"$w/counts"
n=$(wc -l <"$w/counts")
[ "$n" -ge 1 ] || { echo "FAIL: no progress line drawn on the terminal" >&2; exit 1; }
max=$(sort -n "$w/counts" | tail -n 1)
min=$(sort -n "$w/counts" | head -n 1)
[ "$min" -gt 0 ] || { echo "FAIL: a progress line counts 0 lines (counts: $(tr '\n' ' ' <"$w/counts"))" >&2; exit 1; }
[ "$max" -le "$lines" ] || { echo "FAIL: progress counts $max lines of $lines" >&2; exit 1; }
# The bar: the percent of the bytes read, between 0 and 100, never going
# back, with the file's size.
size_mb=$(awk -v b="$(wc -c <"$w/one.log")" 'BEGIN { printf "%.1f", b / 1e6 }')
tr '\r' '\n' <"$w/tty.out" | sed -n 's/.*audit: read .* \[[#-]*\] \([0-9]*\)% of \([0-9.]*\) MB.*/\1 \2/p' \
  >"$w/pcts"
[ "$(wc -l <"$w/pcts")" -ge 1 ] || { echo "FAIL: no percent bar on the progress line" >&2; exit 1; }
awk -v mb="$size_mb" '$2 != mb { print "FAIL: bar of " $2 " MB, the file is " mb " MB"; exit 1 }
  $1 < 0 || $1 > 100 || $1 < last { print "FAIL: percent " $1 " after " last; exit 1 }
  { last = $1 }' "$w/pcts" >&2 || exit 1
# Without --year the log is read twice, its year first (year_anchor.h).
# Each pass is drawn as itself, its bytes out of the file's size (one bar
# over both once read "read 1987.0 MB ... 80% of 1232.1 MB" and counted 0
# lines through the first half: issue-16 tester, item 9): "pass 1 of 2
# (the year): read X MB (...) [...] P% of S MB" with no line count, then
# "pass 2 of 2: read X MB, N lines (...) [...] P% of S MB"; in each, X at
# most S, the percent never going back; pass 1 never after pass 2.
script -q -e -c "'$nearmiss' audit '$w/one.log'" /dev/null >"$w/tty2.out" 2>&1
tr '\r' '\n' <"$w/tty2.out" |
  sed -n -e 's/.*audit: pass 1 of 2 (the year): read \([0-9.]*\) MB ([^)]*) \[[#-]*\] \([0-9]*\)% of \([0-9.]*\) MB$/1 \1 0 \2 \3/p' \
    -e 's/.*audit: pass 2 of 2: read \([0-9.]*\) MB, \([0-9,]*\) lines ([^)]*) \[[#-]*\] \([0-9]*\)% of \([0-9.]*\) MB$/2 \1 \2 \3 \4/p' |
  tr -d , >"$w/passes"
grep -q '^2 ' "$w/passes" || { echo "FAIL: no 'pass 2 of 2' bar drawn without --year" >&2; exit 1; }
! grep -q 'read twice' "$w/tty2.out" || { echo "FAIL: the bar still counts both passes as one" >&2; exit 1; }
awk -v mb="$size_mb" '$5 != mb { print "FAIL: pass " $1 " is out of " $5 " MB, the file is " mb " MB"; exit 1 }
  $2 > $5 + 0.05 { print "FAIL: pass " $1 " read " $2 " MB of " $5 " MB"; exit 1 }
  $1 < pass { print "FAIL: pass 1 drawn after pass 2"; exit 1 }
  $1 == 2 && $3 == 0 { print "FAIL: pass 2 counts 0 lines"; exit 1 }
  $1 == pass && $4 < last { print "FAIL: pass " $1 ": percent " $4 " after " last; exit 1 }
  { pass = $1; last = $4 }' "$w/passes" >&2 || exit 1
# A mailbox whose one message carries a long PDF (600 pages): the line
# keeps moving while it is read, page by page, with the message named
# (issue 16: the bar stood still for minutes on a 300-page attachment).
python3 - "$w/big.mbox" <<'PY' || exit 2
import base64, sys
pages = 600
line = "Annex B budget line %d: movement of stores, quantities, depots and dates. "
objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
kids = []
for p in range(pages):
    text = "BT /F1 9 Tf 40 800 Td 11 TL " + " ".join(
        "(%s) '" % ((line % (p * 60 + i)) * 3) for i in range(60)) + " ET"
    objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objs))
    kids.append("%d 0 R" % len(objs))
objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), pages)
out, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode()
xref = len(out)
out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
out += "".join("%010d 00000 n \n" % o for o in offsets).encode()
out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
b64 = base64.encodebytes(out).decode()
open(sys.argv[1], "w").write(
    "From alice@army.mil Mon Nov  3 09:00:00 2025\nFrom: alice@army.mil\nTo: bob@army.ml\n"
    "Date: Mon, 3 Nov 2025 09:00:00 +0000\nMessage-ID: <big@army.mil>\nSubject: annex\n"
    "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
    "Content-Type: text/plain\n\nsee annex\n--b\nContent-Type: application/pdf; name=annex.pdf\n"
    "Content-Disposition: attachment; filename=annex.pdf\nContent-Transfer-Encoding: base64\n\n"
    + b64 + "--b--\n\n")
PY
script -q -e -c "'$nearmiss' audit '$w/big.mbox'" /dev/null >"$w/tty3.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || { tail -5 "$w/tty3.out" >&2; echo "FAIL: audit of a mailbox on a tty: exit $rc, want 1" >&2; exit 1; }
tr '\r' '\n' <"$w/tty3.out" >"$w/tty3.lines"
grep -qF "audit: 0 mailbox messages read; $w/big.mbox:1 (" "$w/tty3.lines" ||
  { echo "FAIL: the message being read is not named on the progress line" >&2; exit 1; }
sed -n 's/.*big\.mbox:1 (.* MB), attachment:annex\.pdf page \([0-9,]*\) of 600.*/\1/p' "$w/tty3.lines" |
  tr -d , >"$w/pages"
[ "$(sort -u "$w/pages" | wc -l)" -ge 2 ] ||
  { echo "FAIL: the progress line did not move through the PDF's pages (drawn: $(tr '\n' ' ' <"$w/pages"))" >&2; exit 1; }
awk '$1 < 1 || $1 > 600 || $1 < last { print "FAIL: page " $1 " after " last; exit 1 } { last = $1 }' \
  "$w/pages" >&2 || exit 1
# Without a terminal: no progress line at all.
"$nearmiss" audit --year 2025 "$w/one.log" >/dev/null 2>"$w/err"
! grep -q "audit: read" "$w/err" || { echo "FAIL: progress drawn without a terminal" >&2; exit 1; }
# learn draws the same bar (learn_command.cc), its year's pass and its
# reading each as itself (its year's pass once drew nothing, then its one
# bar over both passes ran from 0 to 50% and stopped there); the rate is
# bytes a second in the units of "read N MB".
script -q -e -c "'$nearmiss' learn --store 'sqlite:$w/learn.db' '$w/one.log'" /dev/null \
  >"$w/learn.out" 2>&1 || { tail -5 "$w/learn.out" >&2; echo "FAIL: learn on a tty" >&2; exit 1; }
tr '\r' '\n' <"$w/learn.out" |
  sed -n 's/.*learn: pass 2 of 2: read [0-9.]* MB, \([0-9,]*\) lines (\([^)]*\)) \[[#-]*\] \([0-9]*\)% of [0-9.]* MB$/\1 \3 \2/p' |
  tr -d , >"$w/learn-bars"
[ "$(wc -l <"$w/learn-bars")" -ge 2 ] || { echo "FAIL: learn drew under 2 bars of its reading pass" >&2; exit 1; }
awk '$1 == 0 { print "FAIL: learn: pass 2 counts 0 lines"; exit 1 }
  $2 < last { print "FAIL: learn: percent " $2 " after " last; exit 1 }
  $3 != "starting" && $0 !~ / [0-9.]+ MB\/s$/ && $0 !~ / [0-9]+ kB\/s$/ { print "FAIL: learn: rate " $3 " " $4; exit 1 }
  { last = $2 }
  END { if (last < 50) { print "FAIL: learn: the bar stopped at " last "%"; exit 1 } }' "$w/learn-bars" >&2 ||
  exit 1
# Then the store's write, a live count of each stage (it once said "writing
# N deliveries to the store" and nothing more until it was done): keys
# checked for repeats, then relationships written, each counting up to its
# total, the keys' total at most three a delivery (its key and its aliases:
# queue id and sent line, first attempt; Delivery::aliases).
tr '\r' '\n' <"$w/learn.out" |
  sed -n 's/.*learn: writing \([0-9,]*\) deliver[a-z]* to the store: \([0-9,]*\) of \([0-9,]*\) \(keys checked for repeats\|relationships written\).*/\1 \2 \3 \4/p' |
  tr -d , >"$w/learn-writes"
grep -q ' keys checked for repeats$' "$w/learn-writes" || { echo "FAIL: learn drew no count of keys written" >&2; exit 1; }
grep -q ' relationships written$' "$w/learn-writes" ||
  { echo "FAIL: learn drew no count of relationships written" >&2; exit 1; }
awk '$2 > $3 { print "FAIL: learn: wrote " $2 " of " $3; exit 1 }
  $4 == "keys" && $3 > 3 * $1 { print "FAIL: learn: " $3 " keys for " $1 " deliveries"; exit 1 }
  $4 == stage && $2 < last { print "FAIL: learn: the count went back from " last " to " $2; exit 1 }
  { stage = $4; last = $2; ends[$4] = ($2 == $3) }
  END { if (!ends["keys"] || !ends["relationships"]) { print "FAIL: learn: a stage not seen ending"; exit 1 } }' \
  "$w/learn-writes" >&2 || exit 1
# Without a terminal: neither a progress line nor a colour code.
"$nearmiss" learn --store "sqlite:$w/learn2.db" "$w/one.log" >"$w/learn.stdout" 2>"$w/learn.err" ||
  { cat "$w/learn.err" >&2; echo "FAIL: learn without a terminal" >&2; exit 1; }
! grep -q "learn: read\|to the store" "$w/learn.err" ||
  { echo "FAIL: learn progress drawn without a terminal" >&2; exit 1; }
! grep -q "$(printf '\033')" "$w/learn.stdout" "$w/learn.err" ||
  { echo "FAIL: learn wrote terminal codes without a terminal" >&2; exit 1; }
grep -q "^deliveries: " "$w/learn.stdout" || { echo "FAIL: learn printed no deliveries line" >&2; exit 1; }
echo "audit progress on a terminal: $n redraws, up to $max of $lines lines, up to $(tail -n 1 "$w/pcts" | cut -d' ' -f1)%; $(wc -l <"$w/pages") redraws in a 600-page PDF: OK"

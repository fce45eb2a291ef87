#!/bin/sh
# tests/audit/report-pdf.sh NEARMISS: the report for people who decide, as
# the browser draws it. Over the Exchange set of tests/audit/cases/:
# `audit --html --pdf` prints the report through headless Chromium; the PDF,
# read back with pdftotext, must carry the marking given (and no other), the
# summary's figures, the "why" in words and what was read, with the marking
# at the top and bottom of every page; and a Chromium
# screenshot of the HTML must be a real page (PNG, not blank). Skips (77)
# without chromium or pdftotext.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v chromium >/dev/null 2>&1 || { echo "SKIP: no chromium"; exit 77; }
command -v pdftotext >/dev/null 2>&1 || { echo "SKIP: no pdftotext (poppler-utils)"; exit 77; }
command -v pdfinfo >/dev/null 2>&1 || { echo "SKIP: no pdfinfo (poppler-utils)"; exit 77; }
w=$(mktemp -d /tmp/nearmiss-report.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cp "$here"/cases/exchange-set/*.LOG "$here"/cases/exchange-set/*.log "$w/"
cd "$w" || exit 2
"$nearmiss" audit --marking "OFFICIAL-SENSITIVE" --html report.html --pdf report.pdf \
  MSGTRK2025110309-1.LOG MSGTRK2025110310-1.LOG edge01-tracking.log >summary.txt 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || { cat err.txt >&2; no "audit --pdf: exit $rc, want 1 (found)"; }
pdftotext -layout report.pdf report.txt || no "pdftotext could not read the PDF"
# One line of text per check; the PDF's layout may wrap long sentences.
tr -s ' \n' ' ' <report.txt >flat.txt
for want in "OFFICIAL-SENSITIVE" \
    "3 messages were addressed to recipients at 3 look-alike or blocked domains, from 3 senders" \
    "3 recipients at those domains: 2 accepted by the receiving server, 1 bounced, 0 still waiting" \
    "gmial.com looks like gmail.com" "army.ml looks like army.mil" \
    "The first flagged message was first tried on 2025-11-03" \
    "What was read" "LEFT OUT, AND WHY" "2025-11-03T10:05Z to"; do
  grep -qF -- "$want" flat.txt || no "PDF lacks: $want"
done
! grep -qF "CONFIDENTIAL" flat.txt || no "PDF carries a marking nobody gave"
# The marking at the top and the bottom of every page, not only the first
# (issue 16, finding 9): each page's first and last lines of text.
pages=$(pdfinfo report.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 2 ] || no "PDF has ${pages:-no} pages; the summary alone should fill the first"
p=1
while [ "$p" -le "${pages:-0}" ]; do
  pdftotext -f "$p" -l "$p" -layout report.pdf page.txt || no "page $p: pdftotext failed"
  grep -v '^[[:space:]]*$' page.txt >lines.txt
  head -n 1 lines.txt | grep -qF "OFFICIAL-SENSITIVE" ||
    no "page $p of $pages: no marking at the top ($(head -n 1 lines.txt))"
  tail -n 1 lines.txt | grep -qF "OFFICIAL-SENSITIVE" ||
    no "page $p of $pages: no marking at the bottom ($(tail -n 1 lines.txt))"
  p=$((p + 1))
done
# And at the bottom of the page, not under the last line of a short page
# (round 52's tester 16, finding 9: page 1's summary and the last page
# ended mid-page, the banner right under them): each page's last marking
# sits in the page's last tenth (read with its place, pdftotext -bbox).
pdftotext -bbox report.pdf report.bbox.html || no "pdftotext -bbox failed"
python3 - report.bbox.html <<'PY' || no "the bottom marking is not at the bottom of every page"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
ok = True
for n, page in enumerate(re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', text, re.S), 1):
    height = float(page.group(1))
    ys = [float(y) for y, w in re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page.group(2))
          if "OFFICIAL-SENSITIVE" in w]
    if not ys or max(ys) < height * 0.9:
        print("page %d: last marking at %s of %.0f pt" % (n, max(ys) if ys else None, height),
              file=sys.stderr)
        ok = False
sys.exit(0 if ok else 1)
PY
# Page 1 is the one-page summary, whole (issue 16 tester, 3: its last
# paragraph ran onto page 2): its figures and its closing line on page 1,
# and nothing of the rest of the report.
pdftotext -f 1 -l 1 -layout report.pdf p1.txt || no "page 1: pdftotext failed"
tr -s ' \n' ' ' <p1.txt >p1flat.txt
for want in "Summary" "3 messages were addressed to recipients at 3 look-alike or blocked domains" "HOW SENSITIVE" \
    "SINCE WHEN" "The first flagged message was first tried on 2025-11-03" \
    "says what each file covered and what was left out, and why."; do
  grep -qF -- "$want" p1flat.txt || no "page 1 lacks: $want"
done
for unwanted in "Deliveries by month" "Top senders" "Left out, and why"; do
  ! grep -qF -- "$unwanted" p1flat.txt || no "page 1 runs on into the report: $unwanted"
done
pdftotext -f 2 -l 2 -layout report.pdf p2.txt || no "page 2: pdftotext failed"
! grep -qF "says what each file covered" p2.txt || no "the summary runs onto page 2"
# The Deliveries table with every column (tester, 2: Relay and Sensitivity
# were cut off the page): its headers and the relays and levels of its rows.
for want in "RELAY" "SENSITIVITY" "mx.army.ml" "mx.gmial.com" "OFFICIAL-"; do
  grep -qF -- "$want" flat.txt || no "PDF Deliveries table lacks: $want"
done
# An incomplete report says so on page 1 (tester, 4).
printf 'Nov  3 09:12:02 mail postfix/smtp[1]: AB12: to=<kay@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=frobbed (what)\n' \
  >broken.log
"$nearmiss" audit --year 2025 --marking "OFFICIAL-SENSITIVE" --html inc.html --pdf inc.pdf \
  MSGTRK2025110309-1.LOG broken.log >/dev/null 2>&1
pdftotext -f 1 -l 1 -layout inc.pdf inc1.txt || no "incomplete report: pdftotext failed"
tr -s ' \n' ' ' <inc1.txt | grep -qF "INCOMPLETE: this report leaves out 1 delivery line not understood" ||
  no "page 1 of an incomplete report does not say INCOMPLETE"
# Without --marking and without marked mail: no banner at all. (Not the
# 09 log alone: its OFFICIAL-SENSITIVE message to army.ml, sent on to the
# Edge, is in the report as outcome unknown, with its marking.)
"$nearmiss" audit --html plain.html MSGTRK2025110310-1.LOG >/dev/null 2>&1
! grep -q 'class="badge"' plain.html || no "unmarked report has a banner"
# Long addresses wrap inside their cells (issue 16, round three, 8: the
# Senders table ran off the page, its last columns cut): every address is
# whole in some cell of the PDF (read back word by word with its place,
# pdftotext -bbox, so a cell's wrapped lines are followed down its column),
# and no word is drawn past the page's right margin.
long_from=a.very.long.sender.name.kept.for.testing.the.wrapping.of.table.cells.and.then.some@ministryofdefenceprocurementandlogistics.mod.gov.uk
long_to=the.longest.local.part.anyone.would.type.in.a.hurry.to.the.wrong.place.again@army.ml
long_to2=another.recipient.whose.address.has.no.place.to.break.at.all.for.sure@army.ml
printf '%s\n' \
  "Nov  3 09:12:01 mail postfix/qmgr[102]: 4D4D01: from=<$long_from>, size=900, nrcpt=2 (queue active)" \
  "Nov  3 09:12:06 mail postfix/smtp[103]: 4D4D01: to=<$long_to>, relay=mx.army.ml[192.0.2.7]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)" \
  "Nov  3 09:12:06 mail postfix/smtp[103]: 4D4D01: to=<$long_to2>, relay=mx.army.ml[192.0.2.7]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)" \
  "Nov  3 09:12:08 mail postfix/qmgr[102]: 4D4D01: removed" >long.log
"$nearmiss" audit --year 2025 --html long.html --pdf long.pdf long.log >/dev/null 2>&1
pdftotext -bbox long.pdf long.bbox.html || no "long addresses: pdftotext -bbox failed"
PYTHONPATH="$here" python3 - long.bbox.html "$long_from" "$long_to" "$long_to2" <<'PY' || no "long addresses: lost or drawn past the page's margin"
import sys
import pdf_words
pages = pdf_words.pages(sys.argv[1])
ok = True
past = pdf_words.past_margin(pages)
if past:
    print("past the right margin:", past[:5], file=sys.stderr)
    ok = False
# Each address whole in one cell, line after line.
for addr in sys.argv[2:]:
    if pdf_words.pieces(pages, addr) is None:
        print("not whole in any cell:", addr, file=sys.stderr)
        ok = False
# The sender, in the Senders table and the Deliveries table's From column,
# breaks only after its '@' or a '.', never inside a word (issue 16: it
# came out as "kept.f" / "or.testing" and "ministryo" / "fdefence..."):
# in the Senders table, whose column takes the longest word's width, not
# at all; in the Deliveries table's fixed column, only inside a word wider
# than the column (20 letters or more: "ministryofdefenceprocurement...").
import re
sender = sys.argv[2]
spelt = pdf_words.all_pieces(pages, sender)
if len(spelt) < 2:
    print("the sender is not whole in both tables:", spelt, file=sys.stderr)
    ok = False
if not any(all(p[-1] in "@." for p in got[:-1]) for got in spelt):
    print("no table keeps the sender's words whole:", spelt, file=sys.stderr)
    ok = False
for got in spelt:
    pos = 0
    for p in got[:-1]:
        pos += len(p)
        if p[-1] in "@.":
            continue
        word = [m for m in re.finditer(r"[^@.]+", sender) if m.start() < pos < m.end()]
        if not word or len(word[0].group()) < 20:
            print("sender cut inside a word that fits:", got, file=sys.stderr)
            ok = False
sys.exit(0 if ok else 1)
PY
# The files read, by name, in "What was read" (issue-16 tester, item 6: the
# column shrank to a few characters and cut every name, even "maillog",
# into pieces). Read back word by word with its place (pdftotext -bbox):
# each name is spelt out in one column, line after line, and a line of it
# ends only after a '/', '.', '-' or '_'; a name with none of those, too
# wide for its column, still whole there; no word past the right margin.
mkdir -p ex/EX01 ex/EDGE01 logs/2025/november/mail-gateway-01.mod.gov.uk/postfix
cp MSGTRK2025110309-1.LOG MSGTRK2025110310-1.LOG ex/EX01/
cp edge01-tracking.log ex/EDGE01/
cp long.log maillog
cp long.log logs/2025/november/mail-gateway-01.mod.gov.uk/postfix/maillog_20251103-0900.log
unbroken=AVeryLongLogFileNameWithNoPlaceAtAllToBreakItForTheReportsTableOfFilesRead
cp long.log "$unbroken"
set -- ex/EX01/MSGTRK2025110309-1.LOG ex/EX01/MSGTRK2025110310-1.LOG ex/EDGE01/edge01-tracking.log \
  maillog logs/2025/november/mail-gateway-01.mod.gov.uk/postfix/maillog_20251103-0900.log "$unbroken"
"$nearmiss" audit --year 2025 --html files.html --pdf files.pdf "$@" >/dev/null 2>&1
pdftotext -bbox files.pdf files.bbox.html || no "file names: pdftotext -bbox failed"
PYTHONPATH="$here" python3 - files.bbox.html "$unbroken" "$@" <<'PY' || no "PDF What was read: a file name cut or drawn past the margin"
import sys
import pdf_words
pages = pdf_words.pages(sys.argv[1])
unbroken = sys.argv[2]
ok = True
past = pdf_words.past_margin(pages)
if past:
    print("past the right margin:", past[:5], file=sys.stderr)
    ok = False
for name in sys.argv[3:]:
    got = pdf_words.pieces(pages, name)
    if got is None:
        print("not whole in any cell:", name, file=sys.stderr)
        ok = False
    elif name != unbroken and any(p[-1] not in "/.-_" for p in got[:-1]):
        print("cut between letters:", name, "->", got, file=sys.stderr)
        ok = False
sys.exit(0 if ok else 1)
PY
# The outcome donut's key, every entry whole (breaker16 round 2 §8: "sent
# (accepted by the s" cut off, its count lost, and a sixth entry below the
# box): seven slices, the longest labels the report writes. In the PDF,
# each label is there with its count; in Chromium at 1024 px, the page's
# own layout (read through the DOM: a script at the end of the page writes
# each entry's box against its card's, and --dump-dom prints it) puts every
# entry inside the card, nothing cut by its own width.
{
  printf '%s\n' \
    "Nov  3 09:00:01 mail postfix/qmgr[1]: 5A5A01: from=<alice@army.mil>, size=900, nrcpt=6 (queue active)" \
    "Nov  3 09:00:02 mail postfix/smtp[2]: 5A5A01: to=<s1@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)" \
    "Nov  3 09:00:02 mail postfix/smtp[2]: 5A5A01: to=<b1@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (550 no such user)" \
    "Nov  3 09:00:02 mail postfix/smtp[2]: 5A5A01: to=<d1@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=4.0.0, status=deferred (451 later)" \
    "Nov  3 09:00:02 mail postfix/smtp[2]: 5A5A01: to=<e1@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=4.0.0, status=deferred (451 later)" \
    "Nov  3 09:00:02 mail postfix/discard[3]: 5A5A01: to=<x1@army.ml>, relay=none, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (army.ml)" \
    "Nov  3 09:00:02 mail postfix/smtp[2]: 5A5A01: to=<g1@army.ml>, relay=gw.army.mil[10.0.0.20]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 7B7B7B)" \
    "Nov  8 09:00:02 mail postfix/qmgr[1]: 5A5A01: from=<alice@army.mil>, status=expired, returned to sender" \
    "Nov  8 09:00:02 mail postfix/qmgr[1]: 5A5A01: removed"
} >slices.log
printf 'From alice@army.mil Mon Nov  3 09:00:00 2025\nFrom: alice@army.mil\nTo: m1@army.ml\nDate: Mon, 3 Nov 2025 09:00:00 +0000\nMessage-ID: <slice@army.mil>\nSubject: plans\n\nbody\n\n' \
  >slices.mbox
# g1's hand-off to the gateway, whose log is not given, leaves its outcome
# unknown: the report is INCOMPLETE, so exit 2 (found, and incomplete).
"$nearmiss" audit --year 2025 --html slices.html --pdf slices.pdf slices.log slices.mbox \
  >/dev/null 2>slices.err
rc=$?
[ "$rc" -eq 2 ] || { cat slices.err >&2; no "slices: exit $rc, want 2 (INCOMPLETE)"; }
pdftotext slices.pdf slices.txt || no "slices: pdftotext failed"
tr -s ' \n' ' ' <slices.txt >slices.flat
for want in "sent (accepted by the server) 1" "bounced 1" "deferred 2" "expired 2" "discarded 1" \
    "outcome unknown (final delivery not in the logs given) 1" \
    "in Sent folders (delivery unknown) 1"; do
  grep -qF -- "$want" slices.flat || no "PDF outcome key lacks: $want"
done
# Status "unknown" says what it means, the same in the key and the row
# (b16g item 3: "outcome unknown (sent on)" said neither where nor why).
for want in "outcome unknown (final delivery not in the logs given)" \
    "outcome unknown</span>: handed to gw.army.mil[10.0.0.20]:25 (queued as 7B7B7B); final delivery not in the logs given"; do
  grep -qF -- "$want" slices.html || no "HTML report lacks: $want"
done
! grep -qF "(sent on)" slices.html slices.flat || no "the report still says (sent on)"
sed 's#</body>#<script>(function(){var out=[];document.querySelectorAll(".card").forEach(function(card){var c=card.getBoundingClientRect();card.querySelectorAll(".donut-legend li").forEach(function(li){var r=li.getBoundingClientRect();var ok=r.width>0\&\&r.left>=c.left-0.5\&\&r.right<=c.right+0.5\&\&r.top>=c.top-0.5\&\&r.bottom<=c.bottom+0.5\&\&li.scrollWidth<=li.clientWidth+1;out.push((ok?"IN ":"CUT ")+li.textContent)})});var p=document.createElement("pre");p.id="legend-check";p.textContent=out.join("\\n");document.body.appendChild(p)})()</script></body>#' \
  slices.html >probe.html
chromium --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$w/profile" \
  --window-size=1024,1400 --dump-dom "file://$w/probe.html" >probe.dom 2>/dev/null ||
  no "chromium --dump-dom failed"
# The dump has the probe script and its <pre> on one line: the entries only
# (the first entry is printed once: by the address, not by s///p too).
sed -n 's/.*<pre id="legend-check">\(\(IN\|CUT\) \)/\1/; /^\(IN\|CUT\) /p' probe.dom |
  sed 's#</pre>.*##' | grep '^\(IN\|CUT\) ' >legend.txt
[ "$(wc -l <legend.txt)" -eq 7 ] ||
  { cat legend.txt >&2; no "Chromium: the outcome key has not 7 entries"; }
! grep -q 'CUT ' legend.txt || { cat legend.txt >&2; no "Chromium at 1024 px: an outcome key entry is cut off"; }
# The screenshot: the page as drawn, at a fixed size.
chromium --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$w/profile" \
  --window-size=1280,1600 --screenshot="$w/report.png" "file://$w/report.html" >/dev/null 2>&1 ||
  no "chromium --screenshot failed"
python3 - "$w/report.png" <<'PY' || no "screenshot is not a drawn page"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 1600), (w, h)
# Decompress the image data and count distinct byte values: a blank page
# has a handful, a drawn report many.
idat, i = b"", 8
while i < len(data):
    n, kind = struct.unpack(">I4s", data[i:i + 8])
    if kind == b"IDAT":
        idat += data[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
assert len(set(raw[: 1280 * 4 * 400])) > 40, "looks blank"
PY
# Every table's every column on the page (issue-16 tester F3: the domains
# table ran past the page and its Last column was cut, "L" left of its
# heading): the report with the most columns the tables can have (every
# outcome, Sent-folder copies), and the Exchange report above. Each
# heading's words are drawn whole, in capitals, inside the margins, as
# often as the headings hold them (pdftotext -bbox).
cp "$here/cases/postfix-milter-actions/maillog" wide1.log
cp "$here/cases/postfix-left-queue-undelivered/maillog" wide2.log
"$nearmiss" audit --year 2025 --html wide.html --pdf wide.pdf wide1.log wide2.log slices.mbox \
  >/dev/null 2>&1
for r in wide report; do
  pdftotext -bbox "$r.pdf" "$r.bbox.html" || no "$r: pdftotext -bbox failed"
  PYTHONPATH="$here" python3 - "$r.bbox.html" "$r.html" <<'PY' || no "$r.pdf: a table's column cut off the page"
import sys
import pdf_words
pages = pdf_words.pages(sys.argv[1])
heads = pdf_words.headings(sys.argv[2])
ok = len(heads) > 20
cut = pdf_words.missing_headings(pages, heads)
if cut:
    print("headings not drawn whole on the page:", cut, file=sys.stderr)
    ok = False
past = pdf_words.past_margin(pages)
if past:
    print("past the right margin:", past[:5], file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
PY
done
grep -qF '<th class="n">Rejected (by ' wide.html && grep -qF "In Sent folders" wide.html ||
  no "wide.html lacks the columns it was made for"
# An address the server rewrote (Postfix orig_to=) shows the one the
# sender gave in the PDF too: beside the address and in the reason.
cp "$here/cases/postfix-orig-to-any-order/maillog" orig.log
"$nearmiss" audit --year 2025 --html orig.html --pdf orig.pdf orig.log >/dev/null 2>&1
pdftotext orig.pdf orig.txt || no "orig_to: pdftotext failed"
tr -s ' \n' ' ' <orig.txt >orig.flat
for want in "rewritten from" "the server rewrote the address" "Postfix orig_to="; do
  grep -qF -- "$want" orig.flat || no "PDF lacks the rewritten address: $want"
done
[ "$fail" -eq 0 ] || exit 1
echo "audit report PDF and screenshot: OK"

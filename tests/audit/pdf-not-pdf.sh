#!/bin/sh
# tests/audit/pdf-not-pdf.sh NEARMISS: a Chromium that exits 0 but leaves
# no whole PDF at --pdf (junk, a PDF cut short before its %%EOF, nothing)
# fails the run as one that exits non-zero does: exit 2, the error names
# the PDF path, the HTML report is kept, and no file is left at the PDF's
# path (a stale PDF of the same name is gone too) (issue-16 tester round
# 56, finding 4). The control: a fake Chromium writing a whole (if tiny)
# PDF, trailing newlines after %%EOF, is accepted (exit 1: found).
# Needs no real Chromium.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-notpdf.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
cat >s.log <<'LOG'
Nov 30 10:05:01 mail postfix/qmgr[102]: 6B000001: from=<alice@army.mil>, size=1200, nrcpt=1 (queue active)
Nov 30 10:05:02 mail postfix/smtp[103]: 6B000001: to=<bob@army.ml>, relay=mx.army.ml[198.51.100.17]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)
Nov 30 10:05:02 mail postfix/qmgr[102]: 6B000001: removed
LOG
# fake NAME BODY: a "Chromium" that writes BODY (printf format) to its
# --print-to-pdf= path and exits 0.
fake() {
  printf '#!/bin/sh\nfor a; do case $a in --print-to-pdf=*) printf '"'%s'"' >"${a#--print-to-pdf=}";; esac; done\nexit 0\n' "$2" >"$1"
  chmod +x "$1"
}
fake junk 'junk\n'
fake cut '%%PDF-1.4\n1 0 obj << >> endobj\n'
fake header-only '%%PDF-'
fake tail-only 'junk\n%%%%EOF\n'
fake whole '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n\n'
for bad in junk cut header-only tail-only; do
  rm -f r.html
  echo "stale" >r.pdf
  "$nearmiss" audit --year 2026 --html r.html --pdf r.pdf --chromium "./$bad" s.log \
    >"$bad.out" 2>"$bad.err"
  rc=$?
  [ "$rc" -eq 2 ] || { cat "$bad.err" >&2; no "$bad: exit $rc, want 2"; }
  grep -qF "wrote no PDF to r.pdf" "$bad.err" || { cat "$bad.err" >&2; no "$bad: the error does not name the PDF"; }
  [ -s r.html ] || no "$bad: the HTML report was not kept"
  [ ! -e r.pdf ] || no "$bad: a file is left at the PDF's path: $(head -c 40 r.pdf)"
done
"$nearmiss" audit --year 2026 --html r.html --pdf r.pdf --chromium ./whole s.log >whole.out 2>whole.err
rc=$?
[ "$rc" -eq 1 ] || { cat whole.err >&2; no "whole: exit $rc, want 1 (found)"; }
head -c 5 r.pdf | grep -qF '%PDF-' || no "whole: the PDF was not kept"
[ "$fail" -eq 0 ] || exit 1
echo "audit --pdf output check: OK"

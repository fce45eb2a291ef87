#!/bin/sh
# tests/audit/output-checks.sh NEARMISS: audit checks where it will write
# (--html, --pdf, --summary-json) and the Chromium --pdf runs before it
# reads any input (breaker round 3 §7: a typo must not throw away an hour
# of reading a year of logs). The input is a FIFO no one writes to: a run
# that opened it before checking would wait for ever, so each run must end
# within seconds, exit 2, and name the path at fault. A control run with
# good outputs must block on the same FIFO, or the test proves nothing.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-outputs.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
mkfifo never-written.log
: >a-file

# check NAME WANT ARGS...: audit ARGS never-written.log ends within 10 s
# with exit 2 and WANT (a fixed string) on stderr.
check() {
  name=$1 want=$2
  shift 2
  timeout 10 "$nearmiss" audit "$@" never-written.log >"$name.out" 2>"$name.err"
  rc=$?
  if [ "$rc" -eq 124 ]; then
    no "$name: still running after 10 s: the input was read before the output was checked"
    return
  fi
  [ "$rc" -eq 2 ] || { cat "$name.err" >&2; no "$name: exit $rc, want 2"; }
  grep -qF -- "$want" "$name.err" || { cat "$name.err" >&2; no "$name: stderr lacks: $want"; }
  grep -qF "checked before reading the inputs" "$name.err" ||
    no "$name: the error does not say it was checked before reading"
}

check html-dir "$w/no-such-dir/r.html: cannot write the report: the directory $w/no-such-dir/ does not exist" \
  --html "$w/no-such-dir/r.html"
check html-under-file "$w/a-file/r.html: cannot write the report: the directory $w/a-file/ does not exist" \
  --html "$w/a-file/r.html"
check pdf-dir "$w/no-such-dir/r.pdf: cannot write the PDF: the directory $w/no-such-dir/ does not exist" \
  --pdf "$w/no-such-dir/r.pdf"
check summary-dir "$w/no-such-dir/s.json: cannot write the summary: the directory $w/no-such-dir/ does not exist" \
  --summary-json "$w/no-such-dir/s.json"
check chromium "--chromium $w/no-such-chromium: no such program to print the PDF with" \
  --pdf "$w/r.pdf" --chromium "$w/no-such-chromium"
check chromium-in-path "--chromium no-such-chromium-in-path: no such program" \
  --pdf "$w/r.pdf" --chromium no-such-chromium-in-path
# The first bad output is named even when a later one is fine, and with
# --json (rows to stdout) as without.
check html-with-json "$w/no-such-dir/r.html: cannot write the report" \
  --json --html "$w/no-such-dir/r.html" --summary-json "$w/s.json"
if [ "$(id -u)" -ne 0 ]; then
  # root may write anywhere: only an ordinary user meets a read-only
  # directory or file.
  mkdir ro && chmod 555 ro
  check ro-dir "$w/ro/r.html: cannot write the report: Permission denied" --html "$w/ro/r.html"
  : >ro-file.html && chmod 444 ro-file.html
  check ro-file "$w/ro-file.html: cannot write the report: Permission denied" --html "$w/ro-file.html"
fi
# --year outside 1970..next year (a typo: -5, 20260) is refused with the
# range, before any input is read (issue-16 tester round 9, defect 6); the
# control: this year is taken (the run then blocks on the FIFO).
for y in -5 1969 20260 $(($(date -u +%Y) + 2)); do
  timeout 10 "$nearmiss" audit --year="$y" never-written.log >year.out 2>year.err
  rc=$?
  [ "$rc" -eq 2 ] || { cat year.err >&2; no "--year $y: exit $rc, want 2"; }
  grep -qF "give one from 1970 to $(($(date -u +%Y) + 1))" year.err ||
    { cat year.err >&2; no "--year $y: stderr lacks the range"; }
done
timeout 3 "$nearmiss" audit --year="$(date -u +%Y)" never-written.log >/dev/null 2>&1
[ $? -eq 124 ] || no "--year $(date -u +%Y) (this year) was refused"
[ ! -e "$w/r.pdf" ] && [ ! -e "$w/s.json" ] || no "an output was written though the run was refused"

# The control: with every output writable, audit opens the FIFO and waits
# for a writer (exit 124 from timeout), so the checks above would have
# caught an input read first.
timeout 3 "$nearmiss" audit --html "$w/r.html" --summary-json "$w/s.json" never-written.log \
  >control.out 2>control.err
rc=$?
[ "$rc" -eq 124 ] || { cat control.err >&2; no "control: exit $rc, want 124 (blocked reading the FIFO)"; }

[ "$fail" -eq 0 ] || exit 1
echo "audit output checks: OK"

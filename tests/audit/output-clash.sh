#!/bin/sh
# tests/audit/output-clash.sh NEARMISS: an --html, --pdf or --summary-json
# that is an input (the same file under any name: the path, another path to
# it, a hard or symbolic link, a .gz; or a path inside an input folder) or
# another output is refused before anything is read or written: exit 2,
# both paths named, every file as it was (issue 16, round 55's tester,
# finding 1: `audit maillog --html maillog` replaced the log with the report).
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-clash.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2
cat >log.txt <<'LOG'
2026-11-30T10:00:00+00:00 mail postfix/qmgr[100]: 5A000001: from=<alice@army.mil>, size=3300, nrcpt=1 (queue active)
2026-11-30T10:00:02+00:00 mail postfix/smtp[101]: 5A000001: to=<bob@army.ml>, relay=mx.army.ml[198.51.100.7]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)
2026-11-30T10:00:03+00:00 mail postfix/qmgr[100]: 5A000001: removed
LOG
gzip -c log.txt >log.txt.gz
mkdir dd dd/sub && cp log.txt dd/maillog && cp log.txt dd/sub/maillog
ln log.txt hard.log
ln -s log.txt soft.log
printf '[domains]\norganisation = ["army.mil"]\n' >pol.toml
sums() { cksum log.txt log.txt.gz dd/maillog dd/sub/maillog pol.toml; ls dd dd/sub; }
before=$(sums)

# refused NAME WANT ARGS...: audit ARGS exits 2 with WANT on stderr, no
# report on stdout, every file as before and no new file.
refused() {
  name=$1 want=$2
  shift 2
  "$nearmiss" audit "$@" >"$name.out" 2>"$name.err"
  rc=$?
  [ "$rc" -eq 2 ] || { cat "$name.err" >&2; no "$name: exit $rc, want 2"; }
  grep -qF -- "$want" "$name.err" || { cat "$name.err" >&2; no "$name: stderr lacks: $want"; }
  grep -qF "nothing read or written" "$name.err" || no "$name: does not say nothing was read"
  [ -s "$name.out" ] && no "$name: a report was printed"
  [ "$(sums)" = "$before" ] || no "$name: a file was changed"
  for f in r.html r.pdf s.json dd/r.html; do [ -e "$f" ] && { no "$name: $f written"; rm -f "$f"; }; done
}

refused summary "--summary-json log.txt is the input log.txt (the same file)" log.txt --summary-json log.txt
refused html-json "--html log.txt is the input log.txt (the same file)" log.txt --html log.txt --json
refused pdf "--pdf log.txt is the input log.txt (the same file)" log.txt --pdf log.txt
refused gz "--html log.txt.gz is the input log.txt.gz (the same file)" log.txt.gz --html log.txt.gz
refused other-path "--html $w/log.txt is the input ./log.txt (the same file)" ./log.txt --html "$w/log.txt"
refused hard-link "--html hard.log is the input log.txt (the same file)" log.txt --html hard.log
refused symlink "--html soft.log is the input log.txt (the same file)" log.txt --html soft.log
refused in-folder "--html dd/maillog is inside the input folder dd" dd --html dd/maillog
refused in-subfolder "--summary-json dd/sub/maillog is inside the input folder dd/" dd/ --summary-json dd/sub/maillog
refused new-in-folder "--html dd/r.html is inside the input folder dd" dd --html dd/r.html
refused policy "--html pol.toml is the input pol.toml (the same file)" --policy pol.toml log.txt --html pol.toml
refused two-outputs "--pdf r.html is the same file as --html r.html" log.txt --html r.html --pdf r.html
refused two-outputs-paths "--summary-json ./s.json is the same file as --html $w/s.json" log.txt \
  --html "$w/s.json" --summary-json ./s.json

# The control: distinct outputs beside the inputs are written.
"$nearmiss" audit dd log.txt --html r.html --summary-json s.json >control.out 2>control.err
rc=$?
[ "$rc" -eq 1 ] || { cat control.err >&2; no "control: exit $rc, want 1"; }
[ -s r.html ] && [ -s s.json ] || no "control: the outputs were not written"
[ "$(sums)" = "$before" ] || no "control: an input was changed"
exit $fail

#!/bin/sh
# tests/audit/cases-golden.sh NEARMISS [--update]: one golden per case under
# tests/audit/cases/CASE/: the inputs (every file but the ones named below),
# read by `nearmiss audit ARGS --json INPUTS` and by the text summary, must
# give exactly expected.jsonl and summary (reviewed by hand), and exit with
# the code in `exit` (default 1: found). Optional files:
#   args     extra arguments, one line ("--year 2025")
#   mtimes   "FILE YYYY-MM-DD HH:MM" lines: modification times set before
#            reading (the year of BSD timestamps comes from them)
#   learned  the "deliveries: N found = ..." line `nearmiss learn` must print
#   learned-show  with learned: exactly what `nearmiss learn --show` then
#            prints (the relationships, with their first and last dates)
#   learn-says  with learned: lines learn's output (stdout and stderr) must
#            contain (fixed strings); a line "!TEXT" must not be in it
#   html     lines the HTML report (`audit ARGS --html`) must contain
#            (fixed strings); a line "!TEXT" must not be in it
#   summary-json  lines `audit ARGS --summary-json` must contain (fixed
#            strings, as pretty-printed)
#   csv      lines `audit ARGS --csv` must contain (fixed strings)
#   stderr   lines `audit ARGS --json` must write on stderr (fixed strings;
#            "!TEXT" must not be there; "=N TEXT": on exactly N lines)
#   order    any content: the inputs are also read in name order, and
#            the rows and summary must be the same (order-independence)
#   policy.toml  given as --policy to audit and learn (the organisation's
#            domains, which learn needs to tell mail sent from mail received
#            in a trace without a direction column)
# Inputs are given in reverse name order on purpose: putting a rotated set
# in order is the tool's job.
set -u
# Times without a zone are read in the reader's zone (maillog/log_zone.h): UTC
# here, whatever the machine keeps, unless a case gives --log-zone.
TZ=UTC
export TZ
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-cases.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
n=0
for dir in "$here"/cases/*/; do
  case=$(basename "$dir")
  rm -rf "$w/in" && mkdir "$w/in" && cp -pR "$dir"/* "$w/in/"
  cd "$w/in" || exit 2
  args=""
  [ -f args ] && args=$(cat args)
  [ -f policy.toml ] && args="$args --policy policy.toml"
  want_rc=1
  [ -f exit ] && want_rc=$(cat exit)
  if [ -f mtimes ]; then
    while read -r f d t; do touch -d "$d $t" "$f"; done <mtimes
  fi
  inputs=$(ls -r | grep -v -x -e args -e exit -e mtimes -e learned -e html -e expected.jsonl \
    -e summary -e summary-json -e order -e policy.toml -e learned-show -e csv -e stderr \
    -e learn-says)
  # shellcheck disable=SC2086
  "$nearmiss" audit $args --json $inputs >"$w/$case.jsonl" 2>"$w/$case.err"
  rc=$?
  # shellcheck disable=SC2086
  "$nearmiss" audit $args $inputs >"$w/$case.summary" 2>/dev/null
  if [ "$update" = "--update" ]; then
    cp "$w/$case.jsonl" "$dir/expected.jsonl"
    cp "$w/$case.summary" "$dir/summary"
  fi
  [ "$rc" -eq "$want_rc" ] || { cat "$w/$case.err" >&2; no "$case: exit $rc, want $want_rc"; }
  diff -u "$dir/expected.jsonl" "$w/$case.jsonl" >&2 || no "$case: --json rows differ"
  diff -u "$dir/summary" "$w/$case.summary" >&2 || no "$case: summary differs"
  if [ -f learned ]; then
    # shellcheck disable=SC2086
    "$nearmiss" learn --store "sqlite:$w/$case.db" $args $inputs >"$w/$case.learn" 2>&1
    grep -qxF "$(cat learned)" "$w/$case.learn" ||
      { cat "$w/$case.learn" >&2; no "$case: learn did not print: $(cat learned)"; }
    if [ -f learned-show ]; then
      "$nearmiss" learn --store "sqlite:$w/$case.db" --show >"$w/$case.show" 2>&1
      [ "$update" = "--update" ] && cp "$w/$case.show" "$dir/learned-show"
      diff -u "$dir/learned-show" "$w/$case.show" >&2 || no "$case: learn --show differs"
    fi
    if [ -f learn-says ]; then
      while IFS= read -r want; do
        case "$want" in
          !*) ! grep -qF -- "${want#!}" "$w/$case.learn" || no "$case: learn says: ${want#!}" ;;
          *) grep -qF -- "$want" "$w/$case.learn" || no "$case: learn does not say: $want" ;;
        esac
      done <learn-says
    fi
  fi
  if [ -f stderr ]; then
    # What `audit ARGS --json INPUTS` says on stderr: fixed strings it must
    # hold, "!TEXT" it must not, "=N TEXT" on exactly N lines.
    while IFS= read -r want; do
      case "$want" in
        !*) ! grep -qF -- "${want#!}" "$w/$case.err" || no "$case: stderr has: ${want#!}" ;;
        =*) count=${want%% *}; count=${count#=}; text=${want#* }
            got=$(grep -cF -- "$text" "$w/$case.err")
            [ "$got" -eq "$count" ] || no "$case: stderr has $got lines with '$text', want $count" ;;
        *) grep -qF -- "$want" "$w/$case.err" || no "$case: stderr lacks: $want" ;;
      esac
    done <stderr
  fi
  if [ -f html ]; then
    # shellcheck disable=SC2086
    "$nearmiss" audit $args --html "$w/$case.html" $inputs >/dev/null 2>&1
    while IFS= read -r want; do
      case "$want" in
        !*) ! grep -qF -- "${want#!}" "$w/$case.html" || no "$case: report has: ${want#!}" ;;
        *) grep -qF -- "$want" "$w/$case.html" || no "$case: report lacks: $want" ;;
      esac
    done <html
  fi
  if [ -f summary-json ]; then
    # shellcheck disable=SC2086
    "$nearmiss" audit $args --summary-json "$w/$case.sj" $inputs >/dev/null 2>&1
    while IFS= read -r want; do
      grep -qF -- "$want" "$w/$case.sj" || no "$case: --summary-json lacks: $want"
    done <summary-json
  fi
  if [ -f csv ]; then
    # shellcheck disable=SC2086
    "$nearmiss" audit $args --csv $inputs >"$w/$case.csv" 2>/dev/null
    while IFS= read -r want; do
      grep -qxF -- "$want" "$w/$case.csv" || no "$case: --csv lacks: $want"
    done <csv
  fi
  if [ -f order ]; then
    forward=$(echo "$inputs" | sort | tr '\n' ' ')
    # shellcheck disable=SC2086
    "$nearmiss" audit $args --json $forward >"$w/$case.fwd.jsonl" 2>/dev/null
    # shellcheck disable=SC2086
    "$nearmiss" audit $args $forward >"$w/$case.fwd.summary" 2>/dev/null
    diff -u "$dir/expected.jsonl" "$w/$case.fwd.jsonl" >&2 || no "$case: rows depend on input order"
    diff -u "$dir/summary" "$w/$case.fwd.summary" >&2 || no "$case: summary depends on input order"
  fi
  n=$((n + 1))
done
[ "$n" -ge 6 ] || no "only $n cases"
[ "$fail" -eq 0 ] || exit 1
echo "audit cases golden: $n cases: OK"

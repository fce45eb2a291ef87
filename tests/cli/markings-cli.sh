#!/bin/sh
# Issue 13's examples through `nearmiss scan` and `nearmiss policy explain`
# with the embedded default policy: the UK-prefixed markings, portion marks
# after paragraph numbers and a banner with spaced separators are held or
# tagged for an outside address; "Secret Santa" is let out. Seventh round:
# an advert headed by a bare "TOP SECRET" is let out. Breaker round 7 item
# 7: notices headed "PROTECTED:"/"CONTROLLED:" are let out, "PROTECTED:
# Budget 2027 draft" is held. Each fixture is
# an .eml under tests/testdata/markings/issue13 with goldens beside them.
# Usage: markings-cli.sh NEARMISS. NM_UPDATE_GOLDEN=1 rewrites the goldens
# (review the diff by hand).
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
data=tests/testdata/markings/issue13  # relative: the goldens name files so
. "$root/tests/cli/lib.sh"
golden() {  # golden NAME GOLDEN_FILE ACTUAL_FILE
  [ "${NM_UPDATE_GOLDEN:-}" = 1 ] && cp "$3" "$2"
  if diff -u "$2" "$3" > "$tmp/diff"; then
    echo "ok   $1"
  else
    echo "FAIL $1 differs:"; cat "$tmp/diff"; fail=1
  fi
}

# (fixture, level, action for bob@example-contractor.com, an outside address;
# summer-menu: a lone TOP SECRET nothing agrees with stays level none, and
# the default policy asks the sender to confirm it going outside: doubted-marking)
cases="uk-top-secret TOP_SECRET hold
uk-secret SECRET hold
uk-official-sensitive OFFICIAL-SENSITIVE tag
numbered-portions SECRET hold
spaced-banner SECRET hold
secret-santa none accept
summer-menu none confirm
protected-account none accept
protected-parcel none accept
controlled-substances none accept
protected-title SECRET hold"

# 1. scan: one golden JSON line per fixture, and the level and action each.
files=$(printf '%s\n' "$cases" | while read -r name _ _; do printf '%s ' "$data/$name.eml"; done)
# shellcheck disable=SC2086  # the list of fixtures is split on purpose
"$bin" scan --json $files > "$tmp/scan.jsonl"
check "scan: flagged messages exit 1" 1 $?
golden "scan golden" "$data/scan.golden.jsonl" "$tmp/scan.jsonl"
printf '%s\n' "$cases" | while read -r name level action; do
  got=$(grep -F "\"source\":\"$data/$name.eml\"" "$tmp/scan.jsonl" |
        python3 -c 'import json,sys; m=json.loads(sys.stdin.read()); print(m["sensitivity"]["level"].replace(" ", "_"), m["action"])')
  check "scan $name" "$level $action" "$got"
done > "$tmp/scan-checks.txt"
cat "$tmp/scan-checks.txt"
grep -q '^FAIL' "$tmp/scan-checks.txt" && fail=1

# 2. policy explain with the fixture's subject and body, as a sender's add-in
#    would ask before sending.
: > "$tmp/explain.txt"
printf '%s\n' "$cases" | while read -r name level action; do
  subject=$(sed -n 's/^Subject: //p' "$data/$name.eml")
  sed '1,/^$/d' "$data/$name.eml" > "$tmp/body.txt"
  out=$("$bin" policy explain --from alice@mod.gov.uk --to bob@example-contractor.com \
        --subject "$subject" --body-file "$tmp/body.txt")
  { echo "== $name"; printf '%s\n' "$out"; } >> "$tmp/explain.txt"
  case $out in
    *"bob@example-contractor.com: external -> $action"*) echo "ok   explain $name: $action" ;;
    *) echo "FAIL explain $name: want external -> $action in:"; printf '%s\n' "$out" ;;
  esac
done > "$tmp/explain-checks.txt"
cat "$tmp/explain-checks.txt"
grep -q '^FAIL' "$tmp/explain-checks.txt" && fail=1
golden "explain golden" "$data/explain.golden" "$tmp/explain.txt"
exit $fail

#!/bin/sh
# Issue-14 tester, round 42, item 6: a `learn` that failed on its first run
# left a new, empty store behind, which check, scan and the daemons then
# read as a history that holds nothing. The first learn is made in a
# temporary file beside the store and renamed once it learned something
# (removed when it learned nothing), for a named store and the default one;
# a later learn that fails leaves the earlier store as it was.
# Usage: learn-store-life-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

printf 'sender,recipient,date\nx@ourorg.example,y@z.example,2026-09-33T10:00:00Z\n' >"$tmp/bad.csv"
printf 'sender,recipient,date\nalice@ourorg.example,bob@partner.example,2026-10-01\n' >"$tmp/good.csv"

# A named store: the failed first learn keeps nothing, and says so.
out=$("$bin" learn --store "$tmp/fresh.db" "$tmp/bad.csv" 2>&1)
check "first learn fails: exit 2" 2 $?
contains "first learn fails: says the store was not created" "not created: the first learn into it learned nothing" "$out"
check "first learn fails: no store" no "$([ -e "$tmp/fresh.db" ] && echo yes || echo no)"
check "first learn fails: no temporary file left" "" "$(ls "$tmp" | grep learning)"
"$bin" check --store "$tmp/fresh.db" --from x@ourorg.example y@z.example >/dev/null 2>"$tmp/e"
check "check then refuses the missing store" 2 $?

# The default store alike.
out=$("$bin" learn "$tmp/bad.csv" 2>&1)
check "default store: first learn fails: exit 2" 2 $?
check "default store: not made" no "$([ -e "$tmp/state/nearmiss.db" ] && echo yes || echo no)"
check "default store: no temporary file left" "" "$(ls "$tmp/state" 2>/dev/null | grep learning)"

# A first learn that succeeds makes the store under its name.
out=$("$bin" learn --store "$tmp/fresh.db" "$tmp/good.csv" 2>&1)
check "first learn succeeds: exit 0" 0 $?
check "first learn succeeds: the store is there" yes "$([ -e "$tmp/fresh.db" ] && echo yes || echo no)"
check "first learn succeeds: no temporary file left" "" "$(ls "$tmp" | grep learning)"
before=$("$bin" learn --store "$tmp/fresh.db" --show 2>&1)
contains "the store holds what was learned" "bob@partner.example" "$before"

# A later learn that fails leaves it as it was.
"$bin" learn --store "$tmp/fresh.db" "$tmp/bad.csv" >/dev/null 2>&1
check "second learn fails: exit 2" 2 $?
check "second learn fails: the store stays" yes "$([ -e "$tmp/fresh.db" ] && echo yes || echo no)"
after=$("$bin" learn --store "$tmp/fresh.db" --show 2>&1)
check "second learn fails: the store is unchanged" "$before" "$after"
exit $fail

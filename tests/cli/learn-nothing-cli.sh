#!/bin/sh
# Issue 14, round 33: what a run that learns nothing says, and what a
# read-only command leaves behind.
# Item 8: `learn` given sources in which every row was skipped (a trace of
# received mail, a trace whose direction cannot be told, a CSV of no
# addresses) exits 2 and says how many were skipped, why, and where the
# first was; a source that learns something, or only what the store already
# counted, exits 0.
# Usage: learn-nothing-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history/round33

run() {  # run NAME ARGS...: learn into $tmp/NAME.db; stdout+stderr in $tmp/NAME.out, exit code printed
  name=$1; shift
  "$bin" learn --store "sqlite:$tmp/$name.db" "$@" > "$tmp/$name.out" 2>&1
  echo $?
}

check "a trace of received mail only: exit 2" 2 "$(run inbound --policy "$data/org.toml" "$data/inbound.csv")"
contains "... says nothing was learned and why, with the first row" \
  "nothing learned: the sources given hold no delivery to learn; skipped 3 trace rows of mail the organisation received (first at $data/inbound.csv:2)" \
  "$(cat "$tmp/inbound.out")"
check "a trace whose direction cannot be told (no organisation): exit 2" 2 \
  "$(run nodir "$data/inbound.csv")"
contains "... says why" "trace rows whose direction cannot be told" "$(cat "$tmp/nodir.out")"
contains "... and where" "(first at $data/inbound.csv:2)" "$(cat "$tmp/nodir.out")"
check "a CSV of no addresses: exit 2" 2 "$(run noaddr "$data/no-addresses.csv")"
contains "... says why" "skipped 2 recipients left out as no address" "$(cat "$tmp/noaddr.out")"
contains "... and where" "$data/no-addresses.csv:2" "$(cat "$tmp/noaddr.out")"
check "a received-only trace with a learnable one: exit 0" 0 \
  "$(run mixed --policy "$data/org.toml" "$data/inbound.csv" "$data/outbound.csv")"
check "the learnable trace again: all known, exit 0" 0 \
  "$(run mixed --policy "$data/org.toml" "$data/outbound.csv")"
check "an empty CSV (header only) is no skip: exit 0" 0 \
  "$(printf 'sender,recipient,date\n' > "$tmp/empty.csv"; run empty "$tmp/empty.csv")"

exit $fail

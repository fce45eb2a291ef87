#!/bin/sh
# The marking database cache across starts of `nearmiss check`: the first
# start writes one file, the next loads it silently; a damaged file is
# named in a warning and replaced; a directory that cannot be written is
# said once and the command still answers; cache_dir = "none" writes
# nothing. Usage: marking-cache-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

NEARMISS_CACHE_DIR="$tmp/cache"
export NEARMISS_CACHE_DIR
err=$("$bin" check --store none alice@army.mil 2>&1 >/dev/null)
check "first start: exit 0" 0 $?
check "first start: silent" "" "$err"
check "first start: one cache file" 1 "$(ls "$tmp/cache" | grep -c '^markings-[0-9a-f]\{64\}\.hsdb$')"
file=$(ls "$tmp/cache"/markings-*.hsdb)
before=$(cksum < "$file")
err=$("$bin" check --store none alice@army.mil 2>&1 >/dev/null)
check "second start: silent, file unchanged" "|$before" "$err|$(cksum < "$file")"

# Damage the payload: named, recompiled, replaced; the answer is the same.
python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[-50]^=0x5a; open(p,"wb").write(b)' "$file"
"$bin" check bob@army.ml > /dev/null 2>"$tmp/err"
check "damaged file: the look-alike still found (exit 1)" 1 $?
contains "damaged file: warned with its name" "marking database cache: rejected $file" "$(cat "$tmp/err")"
check "damaged file: replaced" "$before" "$(cksum < "$file")"

# A cache directory under a regular file cannot be made, even by root.
: > "$tmp/plain"
NEARMISS_CACHE_DIR="$tmp/plain/cache" "$bin" check alice@army.mil > /dev/null 2>"$tmp/err"
check "unwritable: exit 0" 0 $?
check "unwritable: said once" 1 "$(grep -c 'marking database cache: .*compiled at every start' "$tmp/err")"

printf '[sensitivity]\ncache_dir = "none"\n' > "$tmp/none.toml"
rm -rf "$tmp/cache"
"$bin" check --policy "$tmp/none.toml" alice@army.mil > /dev/null 2>&1
check "cache_dir = none: exit 0" 0 $?
check "cache_dir = none: nothing written" no "$([ -e "$tmp/cache" ] && echo yes || echo no)"
exit $fail

#!/bin/sh
# The dependency-direction test: the repository passes, and the checker is
# shown to catch an arrow pointing up (a test that cannot fail proves nothing).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
check=$root/tests/deps/check-deps.py
python3 "$check" "$root" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/engine" "$tmp/src/milter" "$tmp/src/cli"
printf '#include "cli/commands.h"\n' > "$tmp/src/engine/up.cc"
printf '#include "nearmiss/engine.h"\n' > "$tmp/src/milter/codec.cc"
printf '#include "http/server.h"\n' > "$tmp/src/cli/fine.cc"
out=$(python3 "$check" "$tmp")
[ $? -eq 1 ] || { echo "FAIL: the checker passed a tree with arrows pointing up"; exit 1; }
case $out in *"src/engine/up.cc:1: engine -> cli"*) ;; *) echo "FAIL: engine -> cli not named: $out"; exit 1 ;; esac
case $out in *"src/milter/codec.cc:1: milter -> engine"*) ;; *) echo "FAIL: codec -> engine not named: $out"; exit 1 ;; esac
case $out in *"fine.cc"*) echo "FAIL: cli -> http flagged: $out"; exit 1 ;; esac
echo "ok: the checker names arrows pointing up"

#!/bin/bash
# A copy of the source that is no git checkout (what dpkg-buildpackage
# builds) still knows its commit and each embedded list's date: dist/
# source-info writes them into the copy, cmake/build_info.cmake reads them.
# Configures only build_info.cmake (a project with no compiler) in a copy
# under /tmp, without and then with the file.
# Usage: source-info.sh REPO
set -u
repo=$(cd "$1" && pwd)
W=$(mktemp -d /tmp/nearmiss-source-info.XXXXXX)
trap 'rm -rf "$W"' EXIT
fail=0
mkdir -p "$W/src/cmake"
cp "$repo/cmake/build_info.cmake" "$repo/cmake/build_info.cc.in" "$W/src/cmake/"
cp -r "$repo/data" "$W/src/"
cat >"$W/src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(nearmiss VERSION 0.0.0 LANGUAGES NONE)
include(cmake/build_info.cmake)
CMAKE
configure() {  # -> $W/out.cc
  rm -rf "$W/b"
  # GIT_DIR: nothing above /tmp may pass for this copy's repository.
  GIT_CEILING_DIRECTORIES=/tmp cmake -S "$W/src" -B "$W/b" >"$W/cmake.log" 2>&1 ||
    { cat "$W/cmake.log"; echo "FAIL: cmake"; exit 1; }
  cp "$W/b/generated/build_info.cc" "$W/out.cc"
}
configure
grep -q '"unknown"' "$W/out.cc" && echo "ok   without source-info.cmake: unknown" ||
  { echo "FAIL without source-info.cmake and git, expected unknown:"; cat "$W/out.cc"; fail=1; }

"$repo/dist/source-info" "$repo" "$W/src/source-info.cmake" || { echo "FAIL: dist/source-info"; exit 1; }
configure
if grep -q unknown "$W/out.cc"; then echo "FAIL unknown left:"; grep unknown "$W/out.cc"; fail=1; fi
commit=$(git -C "$repo" rev-parse --short=12 HEAD)
grep -q "\"$commit\"" "$W/out.cc" && echo "ok   commit $commit" || { echo "FAIL no commit $commit"; fail=1; }
for list in data/policy/default.toml data/lists/protected.txt; do
  want=$(git -C "$repo" log -1 --format='"%cs", "%h"' -- "$list")
  grep -qF "{\"$list\", $want}" "$W/out.cc" && echo "ok   $list $want" ||
    { echo "FAIL $list: want $want in:"; grep "$list" "$W/out.cc"; fail=1; }
done
exit $fail

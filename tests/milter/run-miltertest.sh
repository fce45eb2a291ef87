#!/bin/bash
# Protocol tests: starts the built daemon on a free loopback port and drives
# it with miltertest (libmilter's own test client) scripts, then checks the
# daemon's fault handling: garbage and oversized packets end only that
# session, SIGHUP reloads, SIGTERM exits cleanly and a restart binds at once.
# Usage: run-miltertest.sh NEARMISS_BINARY
set -u
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v miltertest >/dev/null || { echo "miltertest missing (scripts/install-deps)"; exit 1; }
work=$(mktemp -d /tmp/nearmiss-miltertest.XXXXXX)
port=$("$(dirname "$0")/../free-port")
export MILTER="inet:$port@127.0.0.1"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# Waits for this start's own "listening on": a restart's log already holds
# the first one, and on a loaded machine compiling the engine takes seconds.
start() {
  local before
  before=$(grep -c "listening on" "$work/err" 2>/dev/null)
  "$bin" milter --listen "inet:127.0.0.1:$port" "$@" >>"$work/log" 2>>"$work/err" &
  pid=$!
  for _ in $(seq 600); do
    [ "$(grep -c "listening on" "$work/err" 2>/dev/null)" -gt "${before:-0}" ] && return 0
    sleep 0.1
  done
  cat "$work/err"; return 1
}

start || { echo "FAIL: daemon did not start"; exit 1; }
for script in "$here"/*.lua; do
  if miltertest -s "$script" >"$work/mt.out" 2>&1; then
    echo "ok: $(basename "$script")"
  else
    fail "$(basename "$script")"; cat "$work/mt.out"
  fi
done

# Garbage, a packet over the bound, and an unknown command: each ends its
# own session only.
printf 'GARBAGE-NOT-A-MILTER' >"$work/g1"
printf '\x7f\xff\xff\xffO' >"$work/g2"
printf '\x00\x00\x00\x0dO\x00\x00\x00\x06\x00\x00\x01\xff\x00\x1f\xff\xff\x00\x00\x00\x01Z' >"$work/g3"
for g in g1 g2 g3; do
  python3 - "$port" "$work/$g" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(open(sys.argv[2], "rb").read())
try:
    while s.recv(4096): pass   # the daemon must close on us
except socket.timeout:
    sys.exit("daemon kept a broken session open")
PY
  [ $? -eq 0 ] || fail "bad input $g not closed"
done
kill -0 "$pid" 2>/dev/null || fail "daemon died on bad input"
miltertest -s "$here/rcpt_reject.lua" >/dev/null 2>&1 || fail "daemon unusable after bad input"

# Hundreds of concurrent connections on one event loop.
# 250: hundreds of connections, all scans within the default queue bound
# (max_queued_scans 256; beyond it the fail action answers by design).
python3 "$here/concurrent.py" "$port" 250 || fail "concurrent connections"

# SIGHUP with the same (embedded) policy: reloaded, still serving.
# The reload compiles a new engine on a worker: on a loaded machine that can
# take seconds, so wait for its log line rather than a fixed sleep.
kill -HUP "$pid"
for _ in $(seq 200); do grep -q "policy reloaded" "$work/err" && break; sleep 0.1; done
grep -q "policy reloaded" "$work/err" || fail "SIGHUP did not reload within 20 s"
miltertest -s "$here/rcpt_reject.lua" >/dev/null 2>&1 || fail "unusable after reload"

# SIGTERM: exits 0; a restart on the same port binds at once.
kill -TERM "$pid"; wait "$pid"; rc=$?; pid=
[ "$rc" -eq 0 ] || fail "SIGTERM exit code $rc"
start || fail "restart could not bind"
miltertest -s "$here/rcpt_reject.lua" >/dev/null 2>&1 || fail "unusable after restart"

n=$(grep -c '"event":"message"' "$work/log")
[ "$n" -ge 6 ] || fail "expected decision log lines, got $n"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/log" ||
  fail "log lines are not JSON"
[ "$failed" -eq 0 ] && echo "miltertest: all passed"
exit "$failed"

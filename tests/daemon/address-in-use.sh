#!/bin/bash
# Both daemons refuse an address another process holds, and say which:
#  - a second `serve` on the port of a running one exits 2 naming
#    HOST:PORT, and the first keeps answering (SO_REUSEPORT would have let
#    the second bind and the kernel split the requests between them);
#  - a second `milter` on a running one's inet port, and on its unix
#    socket, exits 2 naming the address, and the first still takes
#    connections on its socket (the second must not unlink it);
#  - a stale socket file (its process gone: nothing accepts) is removed and
#    the milter binds there;
#  - a regular file or a directory at the socket's path is named as such
#    (not "in use by another process"), exit 2, and left alone.
# Usage: address-in-use.sh NEARMISS_BINARY
set -u
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d /tmp/nearmiss-inuse.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$W"
}
trap cleanup EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
export NEARMISS_CONFIG=/dev/null  # nothing from /etc/nearmiss on the test machine

. "$here/lib.sh"  # wait_for
# A second daemon must fail on its own, quickly: run it with a deadline.
second() {  # NAME ARGS...: exit status in $rc, stderr in $W/NAME.err
  local name=$1
  shift
  timeout 30 "$bin" "$@" >/dev/null 2>"$W/$name.err"
  rc=$?
}
# Connects to a unix socket: 0 when something accepts.
unix_accepts() {
  python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' "$1" \
    2>/dev/null
}

# serve.
port=$("$here/../free-port")
"$bin" serve --listen "127.0.0.1:$port" --postfix-bin /nonexistent 2>"$W/serve1.err" &
serve1=$!
pids+=("$serve1")
if wait_for "$W/serve1.err" "listening on" "$serve1"; then
  second serve2 serve --listen "127.0.0.1:$port" --postfix-bin /nonexistent
  [ "$rc" -eq 2 ] || fail "second serve on port $port: exit status $rc, not 2"
  grep -q "cannot listen on 127.0.0.1:$port: the port is in use by another process" \
    "$W/serve2.err" || fail "second serve: no message naming 127.0.0.1:$port: $(cat "$W/serve2.err")"
  # Every answer comes from the first: several connections, all 200.
  for _ in 1 2 3 4 5 6; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
    [ "$code" = 200 ] || fail "the first serve answered /healthz with $code"
  done
  kill -0 "$serve1" 2>/dev/null || fail "the first serve is gone"
else
  fail "the first serve did not start: $(cat "$W/serve1.err")"
fi

# milter, inet and unix at once.
mport=$("$here/../free-port")
sock="$W/milter.sock"
"$bin" milter --listen "inet:127.0.0.1:$mport" --listen "unix:$sock" --no-postconf \
  >/dev/null 2>"$W/milter1.err" &
milter1=$!
pids+=("$milter1")
if wait_for "$W/milter1.err" "listening on" "$milter1"; then
  second milter-inet milter --listen "inet:127.0.0.1:$mport" --no-postconf
  [ "$rc" -eq 2 ] || fail "second milter on inet port $mport: exit status $rc, not 2"
  grep -q "inet:127.0.0.1:$mport: the address is in use by another process" \
    "$W/milter-inet.err" || fail "second milter (inet): $(cat "$W/milter-inet.err")"

  second milter-unix milter --listen "unix:$sock" --no-postconf
  [ "$rc" -eq 2 ] || fail "second milter on $sock: exit status $rc, not 2"
  grep -q "unix:$sock: another process is listening on this socket" "$W/milter-unix.err" ||
    fail "second milter (unix): $(cat "$W/milter-unix.err")"
  [ -S "$sock" ] || fail "the second milter removed the first one's socket"
  unix_accepts "$sock" || fail "the first milter no longer accepts on $sock"
  kill -0 "$milter1" 2>/dev/null || fail "the first milter is gone"
else
  fail "the first milter did not start: $(cat "$W/milter1.err")"
fi

# A stale socket: bound, then its process exits without removing it.
stale="$W/stale.sock"
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$stale"
[ -S "$stale" ] || fail "could not make a stale socket"
"$bin" milter --listen "unix:$stale" --no-postconf >/dev/null 2>"$W/stale.err" &
milter3=$!
pids+=("$milter3")
if wait_for "$W/stale.err" "listening on" "$milter3"; then
  grep -q "removing the stale socket" "$W/stale.err" || fail "no 'removing the stale socket' line"
  unix_accepts "$stale" || fail "the milter does not accept on the reused socket"
else
  fail "milter on a stale socket did not start: $(cat "$W/stale.err")"
fi

# Not a socket at the path: said so, and not removed.
echo "not a socket" >"$W/file.sock"
mkdir "$W/dir.sock"
for kind in "file.sock:a regular file" "dir.sock:a directory"; do
  path="$W/${kind%%:*}"
  second notsock milter --listen "unix:$path" --no-postconf
  [ "$rc" -eq 2 ] || fail "milter on ${kind#*:}: exit status $rc, not 2"
  grep -q "unix:$path: ${kind#*:} is at this path, not a socket; remove it or listen elsewhere" \
    "$W/notsock.err" || fail "milter on ${kind#*:}: $(cat "$W/notsock.err")"
done
[ "$(cat "$W/file.sock")" = "not a socket" ] || fail "the regular file at the socket path was changed"

[ "$failed" -eq 0 ] && echo "ok: serve and milter refuse a held port or socket and reuse a stale one"
exit "$failed"

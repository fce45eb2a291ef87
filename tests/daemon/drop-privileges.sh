#!/bin/bash
# The daemon skeleton (src/daemon/single_server.h) end to end, as root:
#  - `serve --user nobody` binds, then runs as nobody (/proc/PID/status:
#    every uid and gid nobody's, no group 0), answers a check whose decision
#    record it writes to a SQLite store as nobody, and on SIGTERM exits 0
#    after logging the drain with that record written;
#  - `milter --user nobody` makes its unix socket nobody's, runs as nobody,
#    and exits 0 on SIGTERM;
#  - `serve --user nobody` on a store that does not exist yet makes the
#    database, its -wal and -shm files and the spool nobody's, not root's;
#  - a daemon already running as nobody with --user nobody (a unit's User=
#    and the same user in nearmiss.toml) starts: the drop is a no-op;
#  - `serve --user` with an unknown account exits 2 before binding.
# Usage: drop-privileges.sh NEARMISS_BINARY   (exit 77: not root, skipped)
set -u
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "SKIP: dropping privileges needs root"; exit 77; }
id nobody >/dev/null 2>&1 || { echo "SKIP: no user nobody"; exit 77; }
W=$(mktemp -d /tmp/nearmiss-daemon.XXXXXX)
chmod 755 "$W"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
uid=$(id -u nobody)
gid=$(id -g nobody)

. "$here/lib.sh"  # wait_for
# Real, effective, saved and file-system ids all nobody's; no group 0.
runs_as_nobody() {  # PID
  awk -v u="$uid" -v g="$gid" '
    /^Uid:/ { seen++; for (i = 2; i <= 5; i++) if ($i != u) bad = 1 }
    /^Gid:/ { seen++; for (i = 2; i <= 5; i++) if ($i != g) bad = 1 }
    /^Groups:/ { for (i = 2; i <= NF; i++) if ($i == 0) bad = 1 }
    END { exit (bad || seen != 2) }' "/proc/$1/status"
}
stop() {  # NAME: SIGTERM, then the exit status must be 0
  kill -TERM "$pid"
  wait "$pid"
  local rc=$?
  pid=
  [ "$rc" -eq 0 ] || fail "$1: exit status $rc after SIGTERM"
}

# serve. The store's directory and database are nobody's, who writes them
# after the drop (SQLite gives the journal files root creates there the
# database's owner).
mkdir "$W/serve"
# Made on purpose, as the package's postinst does: serve refuses a store
# nearmiss never made (a 0-byte file, a mistyped path; issue 14, round 34).
"$bin" learn --store "$W/serve/nearmiss.db" --prune >/dev/null || fail "learn --prune"
chown -R nobody "$W/serve"
port=$("$here/../free-port")
token=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'check %s\n' "$token" >"$W/tokens"
"$bin" serve --listen "127.0.0.1:$port" --user nobody --store "$W/serve/nearmiss.db" \
  --spool "$W/serve/spool" --token-file "$W/tokens" --postfix-bin /nonexistent \
  2>"$W/serve.err" &
pid=$!
if wait_for "$W/serve.err" "listening on"; then
  runs_as_nobody "$pid" ||
    fail "serve --user nobody: $(grep -E '^(Uid|Gid|Groups):' "/proc/$pid/status" | tr '\n\t' '  ')"
  code=$(curl -s -o "$W/check.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d '{"from":"alice@mod.gov.uk","to":["bob@army.ml"]}' "http://127.0.0.1:$port/v1/check")
  [ "$code" = 200 ] || fail "serve: POST /v1/check answered $code: $(cat "$W/check.json")"
  stop serve
  grep -q "drained: journal: 1 written, 0 spooled" "$W/serve.err" ||
    fail "serve: no drain line with the check's record written"
  grep -q "stopped" "$W/serve.err" || fail "serve: no 'stopped' line"
else
  fail "serve --user nobody did not start"
fi
grep -q "running as root" "$W/serve.err" && fail "serve --user nobody warned of running as root"
[ "$failed" -eq 0 ] || cat "$W/serve.err"

# milter: the socket is nobody's so Postfix reaches it through the group.
mkdir "$W/milter"
"$bin" milter --listen "unix:$W/milter/milter.sock" --user nobody --no-postconf \
  >"$W/milter.log" 2>"$W/milter.err" &
pid=$!
if wait_for "$W/milter.err" "listening on"; then
  runs_as_nobody "$pid" || fail "milter --user nobody: $(grep -E '^(Uid|Gid):' "/proc/$pid/status" | tr '\n\t' '  ')"
  [ "$(stat -c %u "$W/milter/milter.sock")" = "$uid" ] || fail "milter: the socket is not nobody's"
  stop milter
  grep -q "drained: no journal" "$W/milter.err" || fail "milter: no drain line"
else
  fail "milter --user nobody did not start"; cat "$W/milter.err"
fi

# A fresh store: every file root's process makes in nobody's directory is
# nobody's (the spool too: --spool below the store's directory).
mkdir "$W/fresh"
chown nobody "$W/fresh"
setpriv --reuid=nobody --regid="$gid" --init-groups \
  "$bin" learn --store "$W/fresh/nearmiss.db" --prune >/dev/null || fail "learn --prune as nobody"
port=$("$here/../free-port")
"$bin" serve --listen "127.0.0.1:$port" --user nobody --store "$W/fresh/nearmiss.db" \
  --spool "$W/fresh/spool" --postfix-bin /nonexistent 2>"$W/fresh.err" &
pid=$!
if wait_for "$W/fresh.err" "listening on"; then
  stop fresh
  [ -f "$W/fresh/nearmiss.db" ] || fail "fresh store: no nearmiss.db made"
  rooted=$(find "$W/fresh" ! -user nobody)
  [ -z "$rooted" ] || fail "fresh store: not nobody's: $(ls -ld $rooted | tr '\n' ';')"
else
  fail "serve --user nobody on a fresh store did not start: $(cat "$W/fresh.err")"
fi

# Already nobody, told --user nobody: nothing to drop, it starts.
mkdir "$W/self"
chown nobody "$W/self"
setpriv --reuid=nobody --regid="$gid" --init-groups \
  "$bin" milter --listen "unix:$W/self/milter.sock" --user nobody --no-postconf \
  >/dev/null 2>"$W/self.err" &
pid=$!
if wait_for "$W/self.err" "listening on"; then
  stop "milter as nobody --user nobody"
else
  fail "milter as nobody --user nobody did not start: $(cat "$W/self.err")"
fi

# A wrong account is a configuration error, found before anything is bound.
port=$("$here/../free-port")
"$bin" serve --listen "127.0.0.1:$port" --user nearmiss-no-such-user 2>"$W/nouser.err"
rc=$?
[ "$rc" -eq 2 ] || fail "serve --user nearmiss-no-such-user: exit status $rc, not 2"
grep -q "no such user: nearmiss-no-such-user" "$W/nouser.err" ||
  fail "no 'no such user' error: $(cat "$W/nouser.err")"

[ "$failed" -eq 0 ] && echo "ok: serve and milter drop to nobody and drain on SIGTERM"
exit "$failed"

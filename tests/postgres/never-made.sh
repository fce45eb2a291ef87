#!/bin/bash
# tests/postgres/never-made.sh NEARMISS: `serve` and `milter` refuse an
# empty PostgreSQL database (createdb done, no nearmiss schema), on a real
# server (pg-server.sh): each exits non-zero at once, says the database
# holds no nearmiss store and what to run, and writes nothing (no table is
# made). Only `learn` makes the store: after `learn --prune`, serve starts
# on the same database (issue 14, round 41, item 2); a first learn that
# fails having learned nothing makes none (round 43).
set -eu
NEARMISS=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-server.sh"

W=$(mktemp -d)
chmod 755 "$W"
SERVE_PID=
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  rm -rf "$W"
  pg_stop
}
trap cleanup EXIT INT TERM
fail() {
  echo "FAIL: $*" >&2
  for f in "$W"/*.err; do [ -f "$f" ] && { echo "--- $(basename "$f"):" >&2; cat "$f" >&2; }; done
  exit 1
}
export NEARMISS_CONFIG=/dev/null
tables() {
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d nearmiss_test -Atqc \
    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
}
printf 'admin %s\n' "$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$W/tokens"

refused() {  # NAME ARGS...: the daemon exits non-zero within 20 s, saying why
  local name=$1
  shift
  set +e
  timeout 20 "$NEARMISS" "$@" --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool-$name" \
    >"$W/$name.out" 2>"$W/$name.err"
  local rc=$?
  set -e
  [ "$rc" -ne 0 ] || fail "$name started on an empty database (exit 0)"
  [ "$rc" -ne 124 ] || fail "$name still running after 20 s on an empty database"
  grep -q "holds no nearmiss store" "$W/$name.err" || fail "$name: no 'holds no nearmiss store'"
  grep -q "nearmiss learn --store URL --prune" "$W/$name.err" ||
    fail "$name: the error does not say what to run"
  [ "$(tables)" = 0 ] || fail "$name made $(tables) tables in the empty database"
  echo "ok: $name refused the empty database (exit $rc): $(head -n 1 "$W/$name.err")" >&2
}
mkdir "$W/spool-serve" "$W/spool-milter"
refused serve serve --listen "127.0.0.1:$("$here/../free-port")" --token-file "$W/tokens" \
  --postfix-bin /nonexistent
refused milter milter --listen "inet:127.0.0.1:$("$here/../free-port")"

# A first learn that fails having learned nothing (a file that is no mail
# log) leaves the database as it was: no table (round 43; r42a's leftover:
# it kept the schema it made, an empty store every command then read).
for i in $(seq 20); do echo "this is not a mail log"; done >"$W/notes.log"
set +e
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" "$W/notes.log" >"$W/learn-bad.out" \
  2>"$W/learn-bad.err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "a first learn of no mail log: exit $rc, not 2"
[ "$(tables)" = 0 ] || fail "a failed first learn left $(tables) tables in the database"
grep -q "the schema this first learn created is removed" "$W/learn-bad.err" ||
  fail "the failed first learn does not say it removed the schema"
echo "ok: a failed first learn leaves the empty database as it was" >&2

# learn makes it; serve then starts on it.
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --prune >"$W/learn.out" 2>"$W/learn.err" ||
  fail "learn --prune: $(cat "$W/learn.err")"
[ "$(tables)" -gt 0 ] || fail "learn --prune made no table"
port=$("$here/../free-port")
"$NEARMISS" serve --listen "127.0.0.1:$port" --token-file "$W/tokens" --postfix-bin /nonexistent \
  --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool-serve" 2>"$W/serve-made.err" &
SERVE_PID=$!
for _ in $(seq 200); do
  grep -q "listening on" "$W/serve-made.err" 2>/dev/null && break
  kill -0 "$SERVE_PID" 2>/dev/null || fail "serve did not start on the store learn made"
  sleep 0.1
done
grep -q "listening on" "$W/serve-made.err" || fail "serve did not start on the store learn made"
echo "ok: serve starts once learn --prune made the store" >&2

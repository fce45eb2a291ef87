#!/bin/bash
# tests/postgres/store-password.sh NEARMISS: the store password reaches a
# real PostgreSQL that demands one (scram-sha-256) from a file or the
# environment, never argv:
#  - no password: exit 2, libpq's complaint, nothing echoed;
#  - --store-password-file, store_password_file in the configuration,
#    $NEARMISS_STORE_PASSWORD, and libpq's own passfile= in the URL each
#    open the store (`learn --confirm` writes there), and `serve` starts on it;
#  - a wrong password is refused and not printed.
set -eu
NEARMISS=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-server.sh"

SERVE_PID=
W=$(mktemp -d /tmp/nearmiss-pgpass.XXXXXX)
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  rm -rf "$W"
  pg_stop
}
trap cleanup EXIT INT TERM
failed=0
fail() { echo "FAIL: $*"; failed=1; }
# Nothing from the machine: no configuration, no libpq password sources.
export NEARMISS_CONFIG=/dev/null HOME="$W"
unset PGPASSWORD PGPASSFILE NEARMISS_STORE_PASSWORD

password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_pg() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atqc "$1"; }
psql_pg "CREATE ROLE nm_pw LOGIN PASSWORD '$password'"
psql_pg "CREATE DATABASE nm_pw OWNER nm_pw"
# The role must authenticate; everyone else keeps trust.
hba="$pg_dir/data/pg_hba.conf"
as_pg sh -c "{ echo 'host all nm_pw 127.0.0.1/32 scram-sha-256'; cat '$hba'; } > '$hba.new' && mv '$hba.new' '$hba'"
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" reload >/dev/null
sleep 0.5
url="postgresql://nm_pw@127.0.0.1:$pg_port/nm_pw"

learn() {  # NAME EXPECTED_STATUS [ENV=VALUE...] -- ARGS...
  local name=$1 want=$2
  shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env "${envs[@]}" "$NEARMISS" learn "$@" --confirm "$name.example.org" >"$W/$name.out" \
    2>"$W/$name.err"
  local rc=$?
  [ "$rc" -eq "$want" ] || fail "$name: exit status $rc, not $want: $(cat "$W/$name.err")"
  # Written to this server, not to a default SQLite store.
  if [ "$want" -eq 0 ]; then
    [ "$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d nm_pw -Atqc \
      "SELECT count(*) FROM nm_domain WHERE domain = '$name.example.org' AND confirmed <> 0")" = 1 ] ||
      fail "$name: the confirmation is not in the PostgreSQL store"
  fi
  if grep -q "$password" "$W/$name.out" "$W/$name.err"; then fail "$name: the password was printed"; fi
}

set +e
learn no-password 2 -- --store "$url"
grep -q "password" "$W/no-password.err" || fail "no password: no libpq complaint: $(cat "$W/no-password.err")"

printf '%s\n' "$password" >"$W/password"
chmod 600 "$W/password"
learn password-file 0 -- --store "$url" --store-password-file "$W/password"
learn env 0 NEARMISS_STORE_PASSWORD="$password" -- --store "$url"
learn wrong-env 2 NEARMISS_STORE_PASSWORD=not-the-password -- --store "$url"
grep -q "password authentication failed" "$W/wrong-env.err" ||
  fail "wrong password: $(cat "$W/wrong-env.err")"

printf 'store = "%s"\nstore_password_file = "%s"\n' "$url" "$W/password" >"$W/nearmiss.toml"
learn config-file 0 NEARMISS_CONFIG="$W/nearmiss.toml" --

printf '127.0.0.1:%s:nm_pw:nm_pw:%s\n' "$pg_port" "$password" >"$W/pgpass"
chmod 600 "$W/pgpass"
learn libpq-passfile 0 -- --store "$url?passfile=$W/pgpass"

port=$("$here/../free-port")
NEARMISS_STORE_PASSWORD="$password" "$NEARMISS" serve --listen "127.0.0.1:$port" \
  --postfix-bin /nonexistent --store "$url" --spool "$W/spool" 2>"$W/serve.err" &
SERVE_PID=$!
started=0
for _ in $(seq 200); do
  grep -q "listening on" "$W/serve.err" 2>/dev/null && { started=1; break; }
  kill -0 "$SERVE_PID" 2>/dev/null || break
  sleep 0.1
done
[ "$started" -eq 1 ] || fail "serve with NEARMISS_STORE_PASSWORD did not start: $(cat "$W/serve.err")"

[ "$failed" -eq 0 ] && echo "ok: the store password from a file, the configuration, the environment and libpq's passfile"
exit "$failed"

#!/bin/sh
# Sourced by the PostgreSQL suites: starts a private PostgreSQL server on
# 127.0.0.1 (a temp data directory, a free port, trust auth on loopback
# only), creates a database, exports NEARMISS_TEST_PG_URL, and stops and
# removes it all on exit. Installs the server first when it is missing.
set -eu

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  "$(dirname "$0")/../../scripts/install-deps" >&2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

pg_dir=$(mktemp -d /tmp/nearmiss-pg.XXXXXX)
# initdb refuses to run as root: the server runs as the postgres user then.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
pg_port=$("$here/../free-port")

pg_stop() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap pg_stop EXIT INT TERM

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >"$pg_dir/initdb.log" 2>&1 ||
  { cat "$pg_dir/initdb.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
  { cat "$pg_dir/server.log" >&2; exit 1; }
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres nearmiss_test
NEARMISS_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pg_port/nearmiss_test"
export NEARMISS_TEST_PG_URL

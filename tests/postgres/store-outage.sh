#!/bin/bash
# tests/postgres/store-outage.sh NEARMISS: decision records survive a store
# outage, on a real PostgreSQL (pg-server.sh).
#
# 1. `nearmiss serve --store postgresql://...` answers a stream of checks;
#    the server is stopped (immediate: connections cut mid-transaction) in
#    the middle of it and started again while checks go on. Afterwards the
#    store holds one record per answered check, no key twice, and /metrics
#    shows records spooled and flushed, none dropped.
# 2. The server is stopped again, checks are answered, serve is stopped with
#    the records in its spool file, and a torn line (a crash mid-write) is
#    added to it. The server comes back, serve starts again and replays the
#    spool: every record in the store once, the torn line counted.
# 3. `nearmiss milter --store` gets a stream of messages (milter-send.py)
#    through the same kind of outage: one record per decided message in the
#    store, none twice, and its "journal" log lines show records spooled and
#    flushed, none dropped.
set -eu
NEARMISS=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-server.sh"

W=$(mktemp -d)
chmod 755 "$W"
SERVE_PID=
MILTER_PID=
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  [ -n "$MILTER_PID" ] && kill "$MILTER_PID" 2>/dev/null && wait "$MILTER_PID" 2>/dev/null
  [ -n "${SENDER_PID:-}" ] && kill "$SENDER_PID" 2>/dev/null
  rm -rf "$W"
  pg_stop
}
trap cleanup EXIT INT TERM

fail() {
  echo "FAIL: $*" >&2
  echo "--- serve stderr:" >&2
  cat "$W"/serve*.err "$W"/milter.err >&2 2>/dev/null || true
  exit 1
}

pg_down() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null; }
pg_up() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}
sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d nearmiss_test -Atc "$1"; }

PORT=$("$here/../free-port")
TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'admin %s\n' "$TOKEN" >"$W/tokens"

start_serve() {  # $1: name of this run's stderr file
  "$NEARMISS" serve --listen "127.0.0.1:$PORT" --token-file "$W/tokens" \
    --postfix-bin /nonexistent --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool" \
    2>"$W/$1.err" &
  SERVE_PID=$!
  for _ in $(seq 200); do
    grep -q "listening on" "$W/$1.err" 2>/dev/null && return 0
    sleep 0.05
  done
  fail "serve did not start"
}
stop_serve() {
  kill -TERM "$SERVE_PID"
  wait "$SERVE_PID" || true
  SERVE_PID=
}

# One check per call; prints the HTTP status.
check() {
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"from\":\"alice@mod.gov.uk\",\"to\":[\"bob$1@army.ml\"],\"subject\":\"OFFICIAL: $1\"}" \
    "http://127.0.0.1:$PORT/v1/check"
}
# send FROM TO: checks numbered FROM..TO-1; appends each answered one's
# number to $W/answered.
send() {
  for ((i = $1; i < $2; i++)); do
    [ "$(check "$i")" = 200 ] && echo "$i" >>"$W/answered"
    sleep 0.01
  done
}
metric() {  # metric NAME [LABELS]: its value on /metrics
  local name=$1
  [ -n "${2:-}" ] && name="$1{$2}"
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" |
    awk -v n="$name" '$1 == n { print $2 }'
}
wait_spool_empty() {
  for _ in $(seq 300); do
    [ "$(metric nearmiss_journal_spool_depth)" = 0 ] && return 0
    sleep 0.1
  done
  fail "the spool did not drain: depth $(metric nearmiss_journal_spool_depth)"
}
# assert_store WHAT [SOURCE ANSWERED_FILE]: every decision once in the
# store, and nothing else.
assert_store() {
  local source=${2:-api} file=${3:-$W/answered}
  answered=$(wc -l <"$file")
  rows=$(sql "SELECT count(*) FROM nm_audit WHERE source = '$source'")
  keys=$(sql "SELECT count(DISTINCT record_key) FROM nm_audit WHERE source = '$source'")
  echo "$1: decisions $answered, records in store $rows, distinct keys $keys" >&2
  [ "$rows" = "$answered" ] || fail "$1: $rows records in the store for $answered decisions"
  [ "$keys" = "$rows" ] || fail "$1: $keys distinct keys among $rows records (a duplicate)"
}
: >"$W/answered"

# --- 1: the store goes down and comes back under traffic.
# serve judges only with a store made on purpose (an empty database is
# refused): learn makes the schema, as a deployment's `learn --prune` does.
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --prune >"$W/learn.out" 2>"$W/learn.err" ||
  fail "learn --prune: $(cat "$W/learn.err")"
start_serve serve1
send 0 400 &
SENDER_PID=$!
sleep 1
pg_down
echo "postgres stopped at $(wc -l <"$W/answered") answered checks" >&2
sleep 2
depth=$(metric nearmiss_journal_spool_depth)
[ "${depth:-0}" -gt 0 ] || fail "nothing spooled while the store was down (depth ${depth:-none})"
echo "spool depth while down: $depth" >&2
pg_up
echo "postgres started at $(wc -l <"$W/answered") answered checks" >&2
wait "$SENDER_PID"
SENDER_PID=
wait_spool_empty
assert_store "outage under traffic"
spooled=$(metric nearmiss_journal_records_total 'outcome="spooled"')
flushed=$(metric nearmiss_journal_records_total 'outcome="flushed"')
written=$(metric nearmiss_journal_records_total 'outcome="written"')
dropped=$(metric nearmiss_journal_records_total 'outcome="dropped"')
echo "metrics: written $written, spooled $spooled, flushed $flushed, dropped $dropped" >&2
[ "$spooled" -gt 0 ] || fail "nothing was spooled"
[ "$flushed" = "$spooled" ] || fail "spooled $spooled but flushed $flushed"
[ "$dropped" = 0 ] || fail "$dropped records dropped"
[ $((written + flushed)) = "$(wc -l <"$W/answered")" ] || fail "written + flushed != answered"
grep -q "spooling them to $W/spool/serve.spool" "$W/serve1.err" || fail "no log line for the outage"
grep -q "reach the store again" "$W/serve1.err" || fail "no log line for the recovery"

# --- 2: serve restarts with records in its spool and a torn last line.
pg_down
before=$(wc -l <"$W/answered")
send 1000 1050
left=$(( $(wc -l <"$W/answered") - before ))
sleep 0.5
depth=$(metric nearmiss_journal_spool_depth)
[ "$depth" = "$left" ] || fail "spool depth $depth for $left checks answered while down"
stop_serve
printf '0badc0de {"key":"cut-short","time":17' >>"$W/spool/serve.spool"
pg_up
start_serve serve2
wait_spool_empty
assert_store "restart with a spool"
flushed=$(metric nearmiss_journal_records_total 'outcome="flushed"')
torn=$(metric nearmiss_journal_spool_torn_total)
echo "after restart: flushed $flushed of $left spooled, torn lines $torn" >&2
[ "$flushed" = "$left" ] || fail "flushed $flushed after the restart, want $left"
[ "$torn" = 1 ] || fail "torn lines $torn, want 1"
grep -q "$left decision records from an earlier run" "$W/serve2.err" || fail "no replay line"

# --- 3: the milter under traffic through an outage.
MPORT=$("$here/../free-port")
"$NEARMISS" milter --listen "inet:127.0.0.1:$MPORT" --store "$NEARMISS_TEST_PG_URL" \
  --spool "$W/spool" >"$W/milter.log" 2>"$W/milter.err" &
MILTER_PID=$!
for _ in $(seq 200); do
  grep -q "listening on" "$W/milter.err" 2>/dev/null && break
  sleep 0.05
done
grep -q "listening on" "$W/milter.err" || fail "the milter did not start"
: >"$W/milter-answered"
python3 "$here/milter-send.py" "$MPORT" 0 500 "$W/milter-answered" 2>"$W/milter-send.err" &
SENDER_PID=$!
sleep 1
pg_down
echo "postgres stopped at $(wc -l <"$W/milter-answered") milter decisions" >&2
sleep 2
pg_up
echo "postgres started at $(wc -l <"$W/milter-answered") milter decisions" >&2
wait "$SENDER_PID"
SENDER_PID=
answered=$(wc -l <"$W/milter-answered")
for _ in $(seq 300); do
  [ "$(sql "SELECT count(*) FROM nm_audit WHERE source = 'milter'")" = "$answered" ] && break
  sleep 0.1
done
assert_store "milter outage under traffic" milter "$W/milter-answered"
last=$(grep '"event":"journal"' "$W/milter.log" | tail -n 1)
[ -n "$last" ] || fail "no journal line in the milter's log"
echo "milter's last journal line: $last" >&2
python3 - "$last" <<'PY' || fail "the milter's journal counters"
import json, sys
j = json.loads(sys.argv[1])
assert j["spooled"] > 0, j
assert j["flushed"] == j["spooled"], j
assert j["dropped"] == 0 and j["spool_depth"] == 0, j
PY

grep -h "journal:" "$W"/serve*.err "$W/milter.err" >&2
echo "PASS" >&2

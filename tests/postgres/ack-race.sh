#!/bin/bash
# tests/postgres/ack-race.sh NEARMISS: one warning, one live acknowledgement,
# on a real PostgreSQL (pg-server.sh) shared by two `serve` nodes (the
# issue-14 tester, round 43, finding 1: parallel "Send anyway" posts made two
# live acknowledgements of one warning, and revoking one left the other
# settling it).
# 1. Eight POST /v1/check with "acknowledge" at once, four to each node:
#    one acknowledgement is made; every other answer names it in
#    not_acknowledged ("already acknowledged (acknowledgement N)").
# 2. The list shows one live acknowledgement; revoking it (on the other
#    node) ends the warning's: the next check asks again.
set -eu
NEARMISS=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/pg-server.sh"

W=$(mktemp -d)
chmod 755 "$W"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$W"
  pg_stop
}
trap cleanup EXIT INT TERM
fail() {
  echo "FAIL: $*" >&2
  for f in "$W"/*.err; do echo "--- $(basename "$f"):" >&2; cat "$f" >&2; done
  exit 1
}
export NEARMISS_CONFIG=/dev/null
ADMIN=0123456789abcdef0123456789
CHECK=fedcba9876543210fedcba98
printf 'admin %s Ann Admin\ncheck %s outlook add-in\n' "$ADMIN" "$CHECK" >"$W/tokens"
chmod 600 "$W/tokens"

# alice writes to john.smith@partner.example (45 days of a Sent folder).
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" "$root/tests/testdata/history/sent-45-days.mbox" \
  >"$W/learn.out" 2>"$W/learn.err" || fail "learn: $(cat "$W/learn.err")"
start_serve() {  # NAME PORT
  mkdir "$W/spool-$1"
  "$NEARMISS" serve --listen "127.0.0.1:$2" --token-file "$W/tokens" --postfix-bin /nonexistent \
    --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool-$1" >"$W/$1.out" 2>"$W/$1.err" &
  PIDS+=($!)
  for _ in $(seq 200); do
    grep -q "listening on" "$W/$1.err" 2>/dev/null && return 0
    sleep 0.05
  done
  fail "$1 did not start"
}
PORT_A=$("$here/../free-port")
start_serve serve-a "$PORT_A"
PORT_B=$("$here/../free-port")
start_serve serve-b "$PORT_B"

body='{"from": "alice@mod.example", "to": ["jhon.smith@partner.example"], "acknowledge": {"justification": "race"}}'
post() {  # PORT OUT
  curl -s -H "Authorization: Bearer $CHECK" -H 'Content-Type: application/json' -d "$body" \
    "http://127.0.0.1:$1/v1/check" >"$2"
}
# The warning stands before (the slip of john.smith@ is asked about).
curl -s -H "Authorization: Bearer $CHECK" -H 'Content-Type: application/json' \
  -d '{"from": "alice@mod.example", "to": ["jhon.smith@partner.example"]}' \
  "http://127.0.0.1:$PORT_A/v1/check" >"$W/before.json"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["recipients"][0]; assert r["action"] != "accept" and "acknowledged_by" not in r, r' \
  "$W/before.json" || fail "jhon.smith@ is not flagged before: $(cat "$W/before.json")"

POSTS=()
for i in 1 2 3 4; do
  post "$PORT_A" "$W/a$i.json" &
  POSTS+=($!)
  post "$PORT_B" "$W/b$i.json" &
  POSTS+=($!)
done
for p in "${POSTS[@]}"; do wait "$p"; done
python3 - "$W" <<'PY' || fail "the parallel posts"
import glob, json, sys
made, already = [], []
for f in sorted(glob.glob(sys.argv[1] + "/[ab][0-9].json")):
    j = json.load(open(f))
    made += [a["id"] for a in j.get("acknowledged", [])]
    already += [n for n in j.get("not_acknowledged", []) if n["reason"].startswith("already acknowledged")]
    r = j["recipients"][0]
    assert r["action"] == "accept" and "acknowledged_by" in r, (f, r)
assert len(made) == 1, ("acknowledgements made", made)
assert len(already) == 7, ("answers naming the one made", already)
assert all(n["reason"] == "already acknowledged (acknowledgement %d)" % made[0] for n in already), already
print("ok: 8 posts over two nodes made acknowledgement %d; 7 answers name it" % made[0], file=sys.stderr)
PY
curl -sf -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT_A/v1/acknowledgements" >"$W/list.json"
id=$(python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["acknowledgements"]; assert len(l) == 1, l; print(l[0]["id"])' "$W/list.json") ||
  fail "the list: $(cat "$W/list.json")"
curl -sf -X DELETE -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT_B/v1/acknowledgements/$id" \
  >"$W/revoke.json" || fail "revoke $id"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["revoked"] and j["still_live"] == [], j' \
  "$W/revoke.json" || fail "the revoke answer: $(cat "$W/revoke.json")"
curl -s -H "Authorization: Bearer $CHECK" -H 'Content-Type: application/json' \
  -d '{"from": "alice@mod.example", "to": ["jhon.smith@partner.example"]}' \
  "http://127.0.0.1:$PORT_A/v1/check" >"$W/after.json"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["recipients"][0]; assert r["action"] != "accept" and "acknowledged_by" not in r, r' \
  "$W/after.json" || fail "after the revoke, jhon.smith@ is still settled: $(cat "$W/after.json")"
echo "ok: revoking acknowledgement $id (on the other node) ends the warning's; the next check asks again" >&2
echo PASS >&2

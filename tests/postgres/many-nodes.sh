#!/bin/bash
# tests/postgres/many-nodes.sh NEARMISS: the "Many nodes" deployment of
# docs/deployment.md on one real PostgreSQL (pg-server.sh): two milters
# (relay A and relay B) and one `serve`, all with the same policy and the
# same --store, history.refresh_seconds = 10 (its least).
#
# 1. Records: a message decided by milter A and one decided by milter B
#    each appear once in serve's GET /v1/audit.
# 2. Learning: `nearmiss learn --store` over a Postfix log in which
#    partner.co is a frequent correspondent makes every node, without a
#    restart, judge carol@partnre.co a look-alike with the reason
#    `new-domain` (the milters refuse it at RCPT; serve's POST /v1/check
#    says so) where before it was an external domain the milters accepted,
#    within refresh_seconds (+ a margin for the recompile).
# 3. Confirmation: `nearmiss learn --store --confirm partnre.co` makes every
#    node trust partnre.co, the look-alike of the learned partner.co they all
#    refused before, within the same time (army.ml, a look-alike of the
#    protected army.mil, is never confirmed: learn refuses it).
# 4. Mail to partnre.co then passes both milters, and their records in serve's
#    audit API call it trusted; no node restarted.
# Each node's delay is printed.
set -eu
NEARMISS=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-server.sh"

REFRESH=10
MARGIN=5  # the refresh's own work (read the snapshot, recompile the engine) on a busy machine
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
# Nothing from the machine's /etc/nearmiss.
export NEARMISS_CONFIG=/dev/null

# Look-alikes are refused at RCPT, so a milter's answer shows at once
# whether it learned partner.co (the default policy would hold a look-alike
# of a learned domain for the sender to confirm, answering only at its end).
cat >"$W/policy.toml" <<EOF
[history]
refresh_seconds = $REFRESH

[[rule]]
name = "lookalike"
recipient = ["lookalike"]
action = "reject"
EOF
TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'admin %s\n' "$TOKEN" >"$W/tokens"

wait_listening() {  # NAME: its stderr says it listens
  for _ in $(seq 200); do
    grep -q "listening on" "$W/$1.err" 2>/dev/null && return 0
    sleep 0.05
  done
  fail "$1 did not start"
}
start_milter() {  # NAME PORT
  mkdir "$W/spool-$1"
  "$NEARMISS" milter --listen "inet:127.0.0.1:$2" --policy "$W/policy.toml" \
    --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool-$1" >"$W/$1.log" 2>"$W/$1.err" &
  PIDS+=($!)
  wait_listening "$1"
}
PORT_A=$("$here/../free-port")
PORT_B=$("$here/../free-port")
PORT_S=$("$here/../free-port")
# The nodes judge only with a store made on purpose (an empty database is
# refused): learn makes the schema, as a deployment's `learn --prune` does.
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --prune >"$W/prune.out" 2>"$W/prune.err" ||
  fail "learn --prune: $(cat "$W/prune.err")"
start_milter milter-a "$PORT_A"
start_milter milter-b "$PORT_B"
mkdir "$W/spool-serve"
"$NEARMISS" serve --listen "127.0.0.1:$PORT_S" --policy "$W/policy.toml" --token-file "$W/tokens" \
  --postfix-bin /nonexistent --store "$NEARMISS_TEST_PG_URL" --spool "$W/spool-serve" \
  2>"$W/serve.err" &
PIDS+=($!)
wait_listening serve
probe() { python3 "$here/nodes-probe.py" "$@"; }

# --- 1: each milter's decision record, once, in serve's audit API.
probe send "$PORT_A" relay-a@example.com "OFFICIAL: from relay A" || fail "milter A refused"
probe send "$PORT_B" relay-b@example.com "OFFICIAL: from relay B" || fail "milter B refused"
audit_counts() {  # prints "A B TOTAL": milter records to relay-a, to relay-b, all
  curl -sf -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT_S/v1/audit?source=milter&limit=5000" |
    python3 -c 'import json, sys
records = json.load(sys.stdin)["records"]
def n(rcpt): return sum(1 for r in records if [x["address"] for x in r["recipients"]] == [rcpt])
print(n("relay-a@example.com"), n("relay-b@example.com"), len(records))'
}
for _ in $(seq 100); do
  [ "$(audit_counts)" = "1 1 2" ] && break
  sleep 0.1
done
counts=$(audit_counts)
echo "serve's /v1/audit: records from milter A, from milter B, all milter records: $counts" >&2
[ "$counts" = "1 1 2" ] || fail "serve's /v1/audit shows '$counts' (milter A, milter B, all), want '1 1 2'"

# wait START RECIPIENT MILTER_WANT SERVE_WANT [DEADLINE]: every node
# answers so (nodes-probe.py).
wait_nodes() {
  probe wait "$1" "${5:-$((REFRESH + MARGIN))}" "$PORT_A,$PORT_B" "$PORT_S" "$TOKEN" "$2" "$3" "$4"
}

# --- 2: learning from a Postfix log.
echo "before learning:" >&2
wait_nodes "$(date +%s.%N)" carol@partnre.co continue external-new-domain 0 >&2 ||
  fail "partnre.co is not an accepted external domain before learning"
# Five weeks of mail to partner.co (history.min_messages 5, min_days 14).
n=1
for day in 01 08 15 22 29; do
  for to in bob@partner.co amy@partner.co; do
    id=A0${n}B$day
    sec=$(printf %02d $n)
    echo "Mar $day 10:00:$sec mx postfix/qmgr[2]: $id: from=<alice@mod.gov.uk>, size=900, nrcpt=1 (queue active)"
    echo "Mar $day 10:00:$sec mx postfix/smtp[3]: $id: to=<$to>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
    n=$((n + 1))
  done
done >"$W/maillog"
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --year 2024 "$W/maillog" >"$W/learn.out" 2>"$W/learn.err" ||
  fail "learn: $(cat "$W/learn.err")"
learned=$(date +%s.%N)
echo "learned partner.co; until each node refuses carol@partnre.co as new-domain (limit $((REFRESH + MARGIN)) s):" >&2
wait_nodes "$learned" carol@partnre.co refuse lookalike+new-domain >&2 ||
  fail "a node did not see what learn added within $((REFRESH + MARGIN)) s"

# --- 3: a confirmed domain.
echo "before confirming:" >&2
wait_nodes "$(date +%s.%N)" carol@partnre.co refuse lookalike 0 >&2 ||
  fail "partnre.co is not a refused look-alike before --confirm"
# partnre.co was never written to, so --confirm alone is refused (the
# issue-14 tester, round 43, finding 4: an admin's typo would trust a
# look-alike for everyone); --force gives the reason, recorded.
if "$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --confirm partnre.co >"$W/unforced.out" 2>"$W/unforced.err"; then
  fail "learn --confirm partnre.co (never written to) was taken without --force"
fi
"$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --confirm partnre.co \
  --force "carol's own firm, checked by phone" >"$W/confirm.out" 2>"$W/confirm.err" ||
  fail "learn --confirm --force: $(cat "$W/confirm.err")"
confirmed=$(date +%s.%N)
# A look-alike of a protected name is never confirmed (issue 14: army.ml
# stays refused): learn refuses it and no node changes its answer.
if "$NEARMISS" learn --store "$NEARMISS_TEST_PG_URL" --confirm army.ml >"$W/refused.out" 2>"$W/refused.err"; then
  fail "learn --confirm army.ml was taken"
fi
echo "confirmed partnre.co; until each node trusts carol@partnre.co (limit $((REFRESH + MARGIN)) s):" >&2
wait_nodes "$confirmed" carol@partnre.co continue trusted >&2 ||
  fail "a node did not see the confirmation within $((REFRESH + MARGIN)) s"

# Mail to partnre.co now goes through both milters, and their records in
# serve's audit API call it trusted.
probe send "$PORT_A" carol@partnre.co "OFFICIAL: confirmed, relay A" || fail "milter A refused partnre.co"
probe send "$PORT_B" carol@partnre.co "OFFICIAL: confirmed, relay B" || fail "milter B refused partnre.co"
trusted_records() {
  curl -sf -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT_S/v1/audit?source=milter&limit=5000" |
    python3 -c 'import json, sys
records = json.load(sys.stdin)["records"]
print(sum(1 for r in records for x in r["recipients"]
          if x["address"] == "carol@partnre.co" and x["verdict"] == "trusted"))'
}
for _ in $(seq 100); do
  [ "$(trusted_records)" = 2 ] && break
  sleep 0.1
done
[ "$(trusted_records)" = 2 ] || fail "$(trusted_records) milter records call carol@partnre.co trusted, want 2"
# The milters' decision logs give the reason for their refusals.
for m in milter-a milter-b; do
  python3 - "$W/$m.log" <<'PY' || fail "$m's decision log"
import json, sys
refused = [j for j in map(json.loads, open(sys.argv[1]))
           if j.get("event") == "rcpt" and j["recipient"] == "carol@partnre.co"]
assert refused, "no RCPT line for carol@partnre.co"
j = refused[-1]
assert j["verdict"] == "lookalike" and "new-domain" in j["reasons"] and j["milter"] == "reject", j
PY
done
# No node restarted: one start each, all still running.
for f in milter-a milter-b serve; do
  [ "$(grep -c "listening on" "$W/$f.err")" = 1 ] || fail "$f started more than once"
done
for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a node exited (pid $pid)"; done
echo "PASS" >&2

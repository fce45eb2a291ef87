#!/bin/bash
# The soak (issue 19): a private loopback Postfix with the nearmiss milter,
# CONNECTIONS concurrent SMTP clients sending MESSAGES numbered messages (a
# mix of trusted, look-alike, SECRET-to-external and OFFICIAL-SENSITIVE),
# while faults arrive on a schedule:
#   - the milter killed with SIGKILL every KILL_EVERY seconds (at most
#     MAX_KILLS times; 0: no bound) and restarted 100 ms later, as systemd's
#     Restart=on-failure would;
#   - SIGHUP with the valid policy every 3 s, and every 7 s a broken policy
#     put in place, SIGHUP, then the good one back and SIGHUP again;
#   - `postfix reload` every 11 s.
# At the end the queue is flushed to completion and every sequence number
# accounted for (tests/soak/soak.py account): delivered + held + refused +
# still queued = sent, none twice, no look-alike or SECRET message at the
# sink, the tag on every OFFICIAL-SENSITIVE one. One JSON line; exit 1 on
# any loss, duplicate or leak. Everything stays on 127.0.0.1 (lib.sh: every
# transport goes to smtp-sink, DNS off).
# "restarts" counts every start after the first, so also starts that
# failed: a broken policy in place at that moment (exit 2), or a SIGHUP that
# reached the new process before it blocks the signal (early in `main`).
# Not injected: the store being unavailable (the soak runs without --store).
#
# Usage: soak.sh NEARMISS_BINARY MESSAGES KILL_EVERY MAX_KILLS [CONNECTIONS]
#   make test: soak.sh BIN 3000 6 2      make soak: soak.sh BIN 20000 3 0
NEARMISS=$(realpath "$1")
MESSAGES=${2:-3000}
KILL_EVERY=${3:-6}
MAX_KILLS=${4:-2}
CONNECTIONS=${5:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../postfix/lib.sh"

# Fifty clients from one address: no anvil limits, no flow delay.
pf_customise() {
  postconf -c "$CONF" -e "smtpd_client_connection_count_limit = 0" \
    "smtpd_client_connection_rate_limit = 0" "in_flow_delay = 0" \
    "default_process_limit = 150" >/dev/null
}

"$NEARMISS" policy init >"$W/policy.good" || fail "policy init"
cp "$W/policy.good" "$W/policy.toml"
printf '[[rules]]\nname = \n' >"$W/policy.bad"
"$NEARMISS" policy lint "$W/policy.bad" >/dev/null 2>&1 && fail "the broken policy lints clean"

# systemd's part: restart the milter 100 ms after it dies (RestartSec's
# default), until the soak is over.
supervise() {
  while [ ! -e "$W/stop" ]; do
    "$NEARMISS" milter --policy "$W/policy.toml" --listen "inet:127.0.0.1:$MILTER_PORT" \
      >>"$MILTER_LOG" 2>>"$MILTER_ERR" &
    echo $! >"$W/milter.pid"
    wait $!
    [ -e "$W/stop" ] && break
    echo restart >>"$W/restarts"
    sleep 0.1
  done
}

faults() {
  local t=0 kills=0
  while [ ! -e "$W/stop" ]; do
    sleep 1
    t=$((t + 1))
    if [ $((t % KILL_EVERY)) -eq 0 ] && { [ "$MAX_KILLS" -eq 0 ] || [ $kills -lt "$MAX_KILLS" ]; }; then
      kill -KILL "$(cat "$W/milter.pid")" 2>/dev/null && { kills=$((kills + 1)); echo kill >>"$W/faults"; }
    fi
    if [ $((t % 3)) -eq 0 ]; then
      kill -HUP "$(cat "$W/milter.pid")" 2>/dev/null && echo hup >>"$W/faults"
    fi
    if [ $((t % 7)) -eq 0 ]; then
      cp "$W/policy.bad" "$W/policy.new" && mv "$W/policy.new" "$W/policy.toml"
      kill -HUP "$(cat "$W/milter.pid")" 2>/dev/null && echo bad-hup >>"$W/faults"
      sleep 0.3
      cp "$W/policy.good" "$W/policy.new" && mv "$W/policy.new" "$W/policy.toml"
      kill -HUP "$(cat "$W/milter.pid")" 2>/dev/null && echo hup >>"$W/faults"
    fi
    if [ $((t % 11)) -eq 0 ]; then
      postfix -c "$CONF" reload >/dev/null 2>&1 && echo postfix-reload >>"$W/faults"
    fi
  done
}

start_sink
supervise &
SUPERVISOR=$!
for _ in $(seq 600); do grep -q "listening on" "$MILTER_ERR" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$MILTER_ERR" || { cat "$MILTER_ERR" >&2; fail "milter did not start"; }
start_postfix
faults &
FAULTS=$!

started=$(date +%s)
python3 "$HERE/soak.py" send "$SMTP_PORT" "$MESSAGES" "$CONNECTIONS" "$W/sent.json" ||
  fail "the load generator failed"
sent_s=$(($(date +%s) - started))
touch "$W/stop"
wait "$FAULTS"
# The last milter keeps running until the queue is flushed: deferred
# messages need it to be accepted again.
kill -HUP "$(cat "$W/milter.pid")" 2>/dev/null
for _ in $(seq 600); do
  postqueue -c "$CONF" -f >/dev/null 2>&1
  left=$(postqueue -c "$CONF" -j | grep -vc '"queue_name": *"hold"')
  [ "$left" -eq 0 ] && break
  sleep 1
done
sleep 1  # the sink writes its last files

count() { grep -c "^$1\$" "$W/faults" 2>/dev/null || echo 0; }
python3 "$HERE/soak.py" account "$W/sent.json" "$SINK_DIR" "$CONF" \
  "kills=$(count kill)" "restarts=$(wc -l <"$W/restarts" 2>/dev/null || echo 0)" \
  "sighups=$(count hup)" "broken_sighups=$(count bad-hup)" \
  "postfix_reloads=$(count postfix-reload)" "send_seconds=$sent_s"
rc=$?
kill -TERM "$(cat "$W/milter.pid")" 2>/dev/null
wait "$SUPERVISOR" 2>/dev/null
[ $rc -eq 0 ] || fail "the soak lost, duplicated or leaked messages (see the JSON line)"
ok "soak: every message accounted for"

#!/bin/bash
# End-to-end: a real Postfix with the nearmiss milter, driven by swaks.
# Usage: e2e.sh NEARMISS_BINARY CASE
#   rcpt-reject  mixed  hold-release  tag  sendmail  milter-down  reload  audit
#   fail-closed  postconf  encrypted-zip  display-name
NEARMISS=$(realpath "$1")
CASE=$2
. "$(dirname "$0")/lib.sh"

case "$CASE" in
rcpt-reject)
  start_all
  send --from alice@mod.gov.uk --to bob@army.ml --header "Subject: hello" && fail "swaks succeeded"
  grep -q "550 5.7.1 bob@army.ml: army.ml looks like army.mil" "$W/swaks.out" ||
    { cat "$W/swaks.out"; fail "no 550 with the reason"; }
  grep -q "did you mean bob@army.mil?" "$W/swaks.out" || fail "no suggestion"
  grep -q '"event":"rcpt".*"verdict":"lookalike"' "$MILTER_LOG" || fail "no rcpt log line"
  ok "look-alike refused at RCPT with the suggestion"
  ;;

mixed)
  start_all
  send --from alice@mod.gov.uk --to carol@army.mil,bob@army.ml --header "Subject: mixed" \
       --body "to both"
  grep -q "550 5.7.1 bob@army.ml" "$W/swaks.out" || { cat "$W/swaks.out"; fail "army.ml not refused"; }
  grep -q "250 2.0.0 Ok: queued" "$W/swaks.out" || { cat "$W/swaks.out"; fail "message not queued"; }
  wait_delivered "X-Rcpt-Args: <carol@army.mil>" "Subject: mixed" || fail "carol@army.mil not delivered"
  [ "$(delivered "X-Rcpt-Args: <bob@army.ml>")" -eq 0 ] || fail "army.ml delivered"
  ok "good recipient delivered, look-alike refused"
  ;;

hold-release)
  start_all
  send --from alice@mod.gov.uk --to dave@example.com --header "Subject: SECRET: the plan" \
       --body "SECRET" || { cat "$W/swaks.out"; fail "not accepted"; }
  id=$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")
  [ -n "$id" ] || fail "no queue id"
  for _ in $(seq 200); do queue_json | grep -q '"queue_name": *"hold"' && break; sleep 0.1; done
  queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' ||
    { queue_json; fail "$id not in the hold queue"; }
  [ "$(delivered "SECRET: the plan")" -eq 0 ] || fail "held message was delivered"
  grep -q "\"queue_id\":\"$id\".*\"milter\":\"quarantine\"" "$MILTER_LOG" || fail "no log line with the queue id"
  ok "held: $id in postqueue -j as hold"
  postsuper -c "$CONF" -H "$id" >/dev/null 2>&1 || fail "postsuper -H"
  postqueue -c "$CONF" -f
  wait_delivered "Subject: SECRET: the plan" "X-Nearmiss: hold; level=SECRET" ||
    fail "released message not delivered with its X-Nearmiss header"
  ok "released with postsuper -H and delivered with the X-Nearmiss header"
  ;;

tag)
  start_all
  send --from alice@mod.gov.uk --to dave@example.com \
       --header "Subject: OFFICIAL-SENSITIVE: budget" --header "X-Nearmiss: accept; forged" \
       --body "numbers" || { cat "$W/swaks.out"; fail "not accepted"; }
  wait_delivered "Subject: OFFICIAL-SENSITIVE: budget" || fail "not delivered"
  [ "$(delivered "X-Nearmiss: tag; level=OFFICIAL-SENSITIVE")" -eq 1 ] || fail "no tag header"
  [ "$(delivered "forged")" -eq 0 ] || fail "forged X-Nearmiss header kept"
  ok "delivered with the tag header; the forged one removed"
  ;;

sendmail)
  start_all
  printf 'From: alice@mod.gov.uk\nTo: bob@army.ml\nSubject: via sendmail\n\nhello\n' |
    sendmail -C "$CONF" -f alice@mod.gov.uk bob@army.ml || fail "sendmail(1) refused the submission"
  # Refused at end of message: Postfix bounces to the sender with our reason.
  wait_delivered "X-Rcpt-Args: <alice@mod.gov.uk>" "did you mean bob@army.mil?" ||
    fail "sender got no notice with the reason"
  [ "$(delivered "X-Rcpt-Args: <bob@army.ml>")" -eq 0 ] || fail "delivered to the look-alike"
  queue_empty_within 20 || { queue_json; fail "mail stuck in the queue"; }
  grep -q "milter configuration error" "$W/maillog" && fail "milter configuration error"
  grep -q '"path":"sendmail"' "$MILTER_LOG" || fail "sendmail path not detected"
  ok "sendmail(1) to a look-alike: bounced with the reason, nothing stuck"
  ;;

milter-down)
  start_all
  stop_milter
  send --from alice@mod.gov.uk --to carol@army.mil --header "Subject: down" && fail "accepted without the milter"
  grep -qE "^<\*\* +4[0-9][0-9]" "$W/swaks.out" || { cat "$W/swaks.out"; fail "no 4xx tempfail"; }
  ok "milter down: Postfix answers $(grep -oE '4[0-9][0-9] 4\.[0-9.]+' "$W/swaks.out" | head -1)"
  start_milter
  send --from alice@mod.gov.uk --to carol@army.mil --header "Subject: back" || fail "not accepted after restart"
  ok "milter back: accepted"
  ;;

reload)
  "$NEARMISS" policy init >"$W/policy.toml" 2>/dev/null || fail "policy init"
  start_all --policy "$W/policy.toml"
  send --from alice@mod.gov.uk --to eve@newly-blocked.example --header "Subject: before" ||
    fail "not accepted before the reload"
  # Traffic during the reload: none of it may be tempfailed.
  ( for i in $(seq 20); do
      swaks --server 127.0.0.1 --port "$SMTP_PORT" --from alice@mod.gov.uk \
            --to carol@army.mil --header "Subject: steady $i" >"$W/bg.$i" 2>&1 || echo "bg $i failed"
    done ) >"$W/bg.log" &
  bg=$!
  sed -i 's/^block = \[\].*/block = ["newly-blocked.example"]/' "$W/policy.toml"
  grep -q 'newly-blocked' "$W/policy.toml" || fail "could not edit the policy"
  kill -HUP "$MILTER_PID"
  for _ in $(seq 200); do grep -q "policy reloaded" "$MILTER_ERR" && break; sleep 0.1; done
  grep -q "policy reloaded" "$MILTER_ERR" || { cat "$MILTER_ERR"; fail "no reload"; }
  send --from alice@mod.gov.uk --to eve@newly-blocked.example --header "Subject: after" &&
    fail "accepted after the reload"
  grep -q "550 5.7.1 eve@newly-blocked.example" "$W/swaks.out" || { cat "$W/swaks.out"; fail "no 550"; }
  wait "$bg"
  [ -s "$W/bg.log" ] && { cat "$W/bg.log"; fail "traffic failed during the reload"; }
  ok "SIGHUP took the new block rule; 20 messages in flight unaffected"
  ;;

audit)
  # What `nearmiss audit` is for: mail that already went to look-alikes
  # through a server without the milter, read back from Postfix's own log.
  start_all
  PLAIN_PORT=$(free_port)
  echo "127.0.0.1:$PLAIN_PORT inet n - n - - smtpd -o smtpd_milters=" >>"$CONF/master.cf"
  postfix -c "$CONF" reload >/dev/null 2>&1
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PLAIN_PORT) 2>/dev/null && break; sleep 0.1; done
  SMTP_PORT=$PLAIN_PORT
  send --from alice@mod.gov.uk --to bob@army.ml --header "Subject: travel" || fail "not accepted"
  send --from alice@mod.gov.uk --to carol@army.mil --header "Subject: fine" || fail "not accepted"
  wait_delivered "X-Rcpt-Args: <bob@army.ml>" || fail "army.ml not delivered"
  wait_delivered "X-Rcpt-Args: <carol@army.mil>" || fail "army.mil not delivered"
  for _ in $(seq 100); do [ "$(grep -c 'status=sent' "$W/maillog")" -ge 2 ] && break; sleep 0.1; done
  # The sink listens on 127.0.0.1: a relay of the organisation, whose 250
  # only says it took the message on (docs/mail-logs.md), so without
  # --final-relay the outcome is unknown, never "sent"; declared a final
  # delivery (a mail store over SMTP), its 250 is the delivery.
  # The hand-off's outcome is unknown without the sink's log: found, and
  # the report INCOMPLETE, so exit 2.
  "$NEARMISS" audit --json "$W/maillog" >"$W/audit.jsonl"
  [ $? -eq 2 ] || fail "audit exit code is not 2 (found, outcome unknown: INCOMPLETE)"
  grep -q '"to":"bob@army.ml".*"target":"army.mil".*"status":"unknown"' "$W/audit.jsonl" ||
    { cat "$W/audit.jsonl"; fail "army.ml hand-off to the sink not reported as outcome unknown"; }
  "$NEARMISS" audit --final-relay "127.0.0.1:$SINK_PORT" --json "$W/maillog" >"$W/audit.jsonl"
  [ $? -eq 1 ] || fail "audit --final-relay exit code is not 1 (found)"
  [ "$(wc -l <"$W/audit.jsonl")" -eq 1 ] || { cat "$W/audit.jsonl"; fail "expected one flagged delivery"; }
  grep -q '"to":"bob@army.ml".*"target":"army.mil".*"status":"sent"' "$W/audit.jsonl" ||
    { cat "$W/audit.jsonl"; fail "army.ml delivery not reported"; }
  ok "audit found the army.ml delivery in a real Postfix maillog_file (unknown, and sent with the sink declared final)"
  ;;

fail-closed)
  # Issue 11: recipients Postfix 3.7 delivers to army.ml while an older
  # nearmiss judged no domain for them (or army.mil). Under the embedded
  # default each is refused at RCPT; the good recipient beside them is not.
  start_all
  send --from alice@mod.gov.uk --to 'carol@army.mil,bob.@army.ml,a@b@army.ml,x@army.mil@army.ml' \
       --header "Subject: fail closed" --body "walk-arounds"
  # A long reply comes as several lines (550-5.7.1 ... 550 5.7.1 ...).
  for r in 'bob.@army.ml' 'a@b@army.ml' 'x@army.mil@army.ml'; do
    reply=$(grep -A1 -F -- "-> RCPT TO:<$r>" "$W/swaks.out" | sed -n 2p)
    [ -n "$reply" ] || { cat "$W/swaks.out"; fail "RCPT TO:<$r> not sent as written"; }
    echo "$reply" | grep -qE '^<\*\* +550[ -]' || { cat "$W/swaks.out"; fail "<$r> not refused with 550: $reply"; }
  done
  grep -q "250 2.0.0 Ok: queued" "$W/swaks.out" || { cat "$W/swaks.out"; fail "message not queued"; }
  wait_delivered "X-Rcpt-Args: <carol@army.mil>" "Subject: fail closed" || fail "carol@army.mil not delivered"
  queue_empty_within 20 || { queue_json; fail "mail left in the queue"; }
  if grep -h "^X-Rcpt-Args:" "$SINK_DIR"/* | grep -q 'army\.ml>'; then
    grep -h "^X-Rcpt-Args:" "$SINK_DIR"/*; fail "delivered to army.ml"
  fi
  ok "bob.@army.ml, a@b@army.ml, x@army.mil@army.ml refused with 550; carol@army.mil delivered"
  ;;

postconf)
  # The milter reads where Postfix delivers from postconf (-c the private
  # instance) when the policy has no [delivery] names: with mx.nearmiss.test
  # in mydestination, bob%army.ml@mx.nearmiss.test is delivered to army.ml,
  # and the milter judges it there (its log names bob@army.ml).
  start_sink
  start_postfix
  postconf -c "$CONF" -e "mydestination = mx.nearmiss.test" "recipient_delimiter = +-"
  postfix -c "$CONF" reload >/dev/null 2>&1
  start_milter --postfix-config "$CONF"
  grep -q "postconf: myhostname mx.nearmiss.test, 1 mydestination names" "$MILTER_ERR" ||
    { cat "$MILTER_ERR"; fail "milter did not read postconf"; }
  # Issue 14, known item 9: Postfix's recipient_delimiter, every character,
  # for a policy that sets none (the embedded default), said at start-up.
  grep -q "recipient_delimiter '+-' (for \[history\] recipient_delimiter when the policy sets none)" "$MILTER_ERR" ||
    { cat "$MILTER_ERR"; fail "milter did not take Postfix's recipient_delimiter"; }
  send --from alice@mod.gov.uk --to 'bob%army.ml@mx.nearmiss.test' --header "Subject: pct" &&
    { cat "$W/swaks.out"; fail "swaks succeeded"; }
  grep -q "550 5.7.1" "$W/swaks.out" || { cat "$W/swaks.out"; fail "no 550"; }
  grep -q '"event":"rcpt".*"recipient":"bob@army.ml"' "$MILTER_LOG" ||
    { cat "$MILTER_LOG"; fail "not judged on army.ml"; }
  ok "percent hack at a mydestination name read from postconf: judged on army.ml, refused"
  ;;

encrypted-zip)
  # Issue 13: a zip whose members are encrypted (zip -P) cannot be read, so
  # the default policy holds it for an outsider (rule
  # encrypted-attachment-external); the same message to a trusted recipient
  # is delivered.
  start_all
  eml="$(cd "$(dirname "$0")/../testdata/content" && pwd)/archive-encrypted.eml"
  send --from alice@mod.gov.uk --to dave@example.com --data "$eml" ||
    { cat "$W/swaks.out"; fail "not accepted"; }
  id=$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")
  [ -n "$id" ] || fail "no queue id"
  for _ in $(seq 200); do queue_json | grep -q '"queue_name": *"hold"' && break; sleep 0.1; done
  queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' ||
    { queue_json; fail "$id not in the hold queue"; }
  grep "\"queue_id\":\"$id\"" "$MILTER_LOG" | grep -q "encrypted-attachment-external" ||
    { cat "$MILTER_LOG"; fail "no log line naming the rule"; }
  [ "$(delivered "locked.zip")" -eq 0 ] || fail "the encrypted zip was delivered"
  ok "encrypted zip to dave@example.com held: $id in the hold queue"
  send --from alice@mod.gov.uk --to carol@army.mil --data "$eml" ||
    { cat "$W/swaks.out"; fail "not accepted for carol@army.mil"; }
  wait_delivered "X-Rcpt-Args: <carol@army.mil>" "locked.zip" ||
    fail "the encrypted zip to a trusted recipient was not delivered"
  ok "the same message to carol@army.mil delivered"
  ;;

display-name)
  # Issue 14, found by its tester: RCPT TO carries no display name, so the
  # milter judged jane.doe@partner.example alone and delivered
  # `To: "John Smith" <jane.doe@partner.example>`, which scan and the API
  # flag. alice writes to john.smith often (learned from a CSV export of six
  # messages over 30 days); the milter now reads the To header at end of
  # message and holds the message (the default policy's confirm; no
  # [confirm] key here, so it waits for an administrator), with the reason
  # in its log line.
  STORE="sqlite:$W/nearmiss.db"
  { echo "sender,recipient,date"
    for i in 1 2 3 4 5 6; do
      echo "alice@mod.gov.uk,john.smith@partner.example,$(date -u -d "$((i * 5)) days ago" +%Y-%m-%d)"
    done; } >"$W/sent.csv"
  "$NEARMISS" learn --store "$STORE" "$W/sent.csv" >"$W/learn.out" 2>&1 ||
    { cat "$W/learn.out"; fail "learn"; }
  start_all --store "$STORE" --spool memory
  send --from alice@mod.gov.uk --to jane.doe@partner.example \
       --header 'To: "John Smith" <jane.doe@partner.example>' --header "Subject: wrong person" \
       --body "for John" || { cat "$W/swaks.out"; fail "not accepted"; }
  id=$(held_id) || exit 1
  grep "\"queue_id\":\"$id\"" "$MILTER_LOG" | grep -q 'address-typo' ||
    { cat "$MILTER_LOG"; fail "no log line naming address-typo"; }
  [ "$(delivered "Subject: wrong person")" -eq 0 ] || fail "the message was delivered"
  ok "To: \"John Smith\" <jane.doe@partner.example> held: $id, address-typo logged"
  # The display name that fits the address goes through.
  send --from alice@mod.gov.uk --to jane.doe@partner.example \
       --header 'To: "Jane Doe" <jane.doe@partner.example>' --header "Subject: right person" \
       --body "for Jane" || { cat "$W/swaks.out"; fail "not accepted"; }
  wait_delivered "Subject: right person" || { cat "$MILTER_LOG"; fail "Jane Doe's message not delivered"; }
  ok "To: \"Jane Doe\" <jane.doe@partner.example> delivered"
  ;;

*) echo "unknown case $CASE"; exit 2 ;;
esac

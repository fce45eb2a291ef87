#!/bin/bash
# End-to-end, issue 11: what the milter could not judge, through a real
# Postfix (docs/fail-closed.md). Usage: unjudged.sh NEARMISS_BINARY CASE
#   incomplete-hold  sendmail-t
NEARMISS=$(realpath "$1")
CASE=$2
. "$(dirname "$0")/lib.sh"

case "$CASE" in
incomplete-hold)
  # A message past [limits] max_message_bytes is decided on what was read;
  # the rest may hold anything, so it counts as incomplete_level (SECRET):
  # held for an outsider, delivered inside.
  printf '[limits]\nmax_message_bytes = 4096\n' >"$W/policy.toml"
  start_all --policy "$W/policy.toml"
  body=$(head -c 20000 /dev/zero | tr '\0' 'x' | fold -w 70)
  send --from alice@mod.gov.uk --to dave@example.com --header "Subject: big outside" \
       --body "$body" || { cat "$W/swaks.out"; fail "not accepted"; }
  id=$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")
  [ -n "$id" ] || fail "no queue id"
  for _ in $(seq 200); do queue_json | grep -q '"queue_name": *"hold"' && break; sleep 0.1; done
  queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' ||
    { queue_json; cat "$MILTER_LOG"; fail "$id not held"; }
  grep "\"queue_id\":\"$id\"" "$MILTER_LOG" | grep -q '"level":"SECRET".*"complete":false' ||
    { cat "$MILTER_LOG"; fail "no incomplete SECRET decision logged for $id"; }
  ok "a message past max_message_bytes to an outsider is held ($id)"
  send --from alice@mod.gov.uk --to carol@army.mil --header "Subject: big inside" \
       --body "$body" || { cat "$W/swaks.out"; fail "not accepted"; }
  wait_delivered "Subject: big inside" || fail "the trusted recipient's copy was not delivered"
  ok "the same to a trusted recipient is delivered"
  ;;

sendmail-t)
  # sendmail -t: the recipients come from the headers; Postfix still hands
  # each to the milter, so none goes unjudged.
  start_all
  printf 'From: alice@mod.gov.uk\nTo: bob@army.ml\nSubject: via sendmail -t\n\nhello\n' |
    sendmail -C "$CONF" -t -f alice@mod.gov.uk || fail "sendmail(1) refused the submission"
  wait_delivered "X-Rcpt-Args: <alice@mod.gov.uk>" "did you mean bob@army.mil?" ||
    { cat "$MILTER_LOG"; fail "sender got no notice with the reason"; }
  [ "$(delivered "X-Rcpt-Args: <bob@army.ml>")" -eq 0 ] || fail "delivered to the look-alike"
  grep -q '"path":"sendmail".*"verdict":"lookalike"' "$MILTER_LOG" ||
    { cat "$MILTER_LOG"; fail "the header recipient was not judged"; }
  ok "sendmail -t: the header recipient was judged and refused"
  ;;

*) echo "unknown case $CASE"; exit 2 ;;
esac

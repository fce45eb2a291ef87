#!/bin/bash
# End-to-end, issue 13: the marking examples through a real Postfix with the
# milter and the embedded default policy, each sent whole (swaks --data) from
# tests/testdata/markings/issue13 to an outside address.
# Usage: markings.sh NEARMISS_BINARY CASE
#   uk-prefix  held: UK TOP SECRET and UK SECRET to an outsider go to the hold
#              queue; UK OFFICIAL-SENSITIVE is delivered with the tag header
#   forms      held: numbered portion marks "1. (S//NF)" and the banner
#              "SECRET // NOFORN"
#   santa      "Subject: Secret Santa 2026 - sign up" is delivered untagged
#   notices    "PROTECTED: Your account is now secured" and "CONTROLLED:
#              substances policy update" are delivered untagged;
#              "PROTECTED: Budget 2027 draft" is held (breaker round 7
#              item 7)
#   archives   held: a SECRET text in a .tar.gz, and an .arj attachment
#              nothing reads (unreadable-attachment: incomplete), both from
#              tests/testdata/markings/archives
#   round32    held: a SECRET zip appended to a benign zip (what unzip
#              shows) and a SECRET file attached inside a PDF; a PDF with
#              an unmarked attached file delivered untagged (breaker round
#              32 D1, D2; tests/testdata/markings/round32)
NEARMISS=$(realpath "$1")
CASE=$2
FIXTURES=$(cd "$(dirname "$0")/../testdata/markings/issue13" && pwd)
if [ "$CASE" = archives ]; then
  FIXTURES=$(cd "$(dirname "$0")/../testdata/markings/archives" && pwd)
elif [ "$CASE" = round32 ]; then
  FIXTURES=$(cd "$(dirname "$0")/../testdata/markings/round32" && pwd)
fi
. "$(dirname "$0")/lib.sh"

send_fixture() {  # NAME: sends NAME.eml to bob@example-contractor.com; prints the queue id
  send --from alice@mod.gov.uk --to bob@example-contractor.com \
       --data "$FIXTURES/$1.eml" || { cat "$W/swaks.out" >&2; fail "$1 not accepted"; }
  local id
  id=$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")
  [ -n "$id" ] || fail "$1: no queue id"
  echo "$id"
}

expect_held() {  # NAME SUBJECT LEVEL
  local id
  id=$(send_fixture "$1") || exit 1
  for _ in $(seq 200); do
    queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' && break
    sleep 0.1
  done
  queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' ||
    { queue_json; cat "$MILTER_LOG"; fail "$1 ($id) not in the hold queue"; }
  grep "\"queue_id\":\"$id\"" "$MILTER_LOG" | grep -q "\"level\":\"$3\"" ||
    { cat "$MILTER_LOG"; fail "$1 ($id): no $3 decision logged"; }
  [ "$(delivered "Subject: $2")" -eq 0 ] || fail "$1 was delivered"
  ok "$1: held ($id, $3)"
}

case "$CASE" in
uk-prefix)
  start_all
  expect_held uk-top-secret "UK TOP SECRET: deployment plan" "TOP SECRET"
  expect_held uk-secret "UK SECRET: convoy timings" SECRET
  send_fixture uk-official-sensitive >/dev/null || exit 1
  wait_delivered "Subject: UK OFFICIAL-SENSITIVE: supplier shortlist" ||
    fail "uk-official-sensitive not delivered"
  [ "$(delivered "Subject: UK OFFICIAL-SENSITIVE" "X-Nearmiss: tag; level=OFFICIAL-SENSITIVE")" -eq 1 ] ||
    fail "uk-official-sensitive delivered without the tag header"
  ok "uk-official-sensitive: delivered with the tag header"
  ;;

forms)
  start_all
  expect_held numbered-portions "Convoy update" SECRET
  expect_held spaced-banner "Weekly brief" SECRET
  ;;

santa)
  start_all
  send_fixture secret-santa >/dev/null || exit 1
  wait_delivered "Subject: Secret Santa 2026 - sign up" || { queue_json; fail "not delivered"; }
  [ "$(delivered "Subject: Secret Santa" "X-Nearmiss:")" -eq 0 ] ||
    fail "Secret Santa delivered with an X-Nearmiss header"
  queue_empty_within 20 || { queue_json; fail "something left in the queue"; }
  ok "secret-santa: delivered untagged, nothing held"
  ;;

notices)
  start_all
  for n in "protected-account:PROTECTED: Your account is now secured" \
           "controlled-substances:CONTROLLED: substances policy update"; do
    send_fixture "${n%%:*}" >/dev/null || exit 1
    wait_delivered "Subject: ${n#*:}" || { queue_json; fail "${n%%:*} not delivered"; }
    [ "$(delivered "Subject: ${n#*:}" "X-Nearmiss:")" -eq 0 ] ||
      fail "${n%%:*} delivered with an X-Nearmiss header"
    ok "${n%%:*}: delivered untagged"
  done
  expect_held protected-title "PROTECTED: Budget 2027 draft" SECRET
  ;;

archives)
  start_all
  expect_held marked-tar-gz files SECRET
  expect_held unreadable-arj files SECRET
  ;;

round32)
  start_all
  expect_held d1-zip-after-zip Files SECRET
  expect_held d2-pdf-embedded-txt Menu SECRET
  send_fixture d2-neg-pdf-embedded >/dev/null || exit 1
  wait_delivered "Subject: Menu" || { queue_json; fail "d2-neg-pdf-embedded not delivered"; }
  [ "$(delivered "Subject: Menu" "X-Nearmiss:")" -eq 0 ] ||
    fail "d2-neg-pdf-embedded delivered with an X-Nearmiss header"
  ok "d2-neg-pdf-embedded: delivered untagged"
  ;;

*)
  echo "unknown case $CASE" >&2; exit 2
  ;;
esac

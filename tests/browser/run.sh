#!/bin/bash
# The console end to end: a private Postfix with the nearmiss milter holds
# two SECRET messages; `nearmiss serve` runs over that Postfix; headless
# Chromium (Debian's, driven by playwright-core) signs in, reads the
# dashboard, checks an address, searches the audit log, deletes one held
# message and releases the other; the sink must then have the released one
# only. Screenshots go to ARTIFACTS (default: the build dir's
# browser-artifacts/).
# Usage: run.sh NEARMISS_BINARY [ARTIFACTS]
NEARMISS=$(realpath "$1")
ARTIFACTS=${2:-$(dirname "$NEARMISS")/browser-artifacts}
. "$(dirname "$0")/lib.sh"

start_all
ids=()
# The first carries an attachment (multipart/mixed, base64): its preview
# shows the text and names the file, not the MIME source.
for n in 1 2; do
  attach=()
  [ "$n" = 1 ] && attach=(--attach-type application/pdf --attach-name "plan $n.pdf" --attach "%PDF-1.4 plan")
  send --from alice@mod.gov.uk --to "dave$n@example.com" --header "Subject: SECRET: plan $n" \
       --body "SECRET body $n" "${attach[@]}" || { cat "$W/swaks.out"; fail "not accepted"; }
  ids+=("$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")")
done
for _ in $(seq 50); do
  [ "$(queue_json | grep -c '"queue_name": *"hold"')" -ge 2 ] && break; sleep 0.1
done
[ "$(queue_json | grep -c '"queue_name": *"hold"')" -eq 2 ] || { queue_json; fail "two messages not held"; }
ok "held ${ids[*]}"
# A look-alike refused at RCPT, for the dashboard's milter decisions.
send --from alice@mod.gov.uk --to bob@army.ml --header "Subject: hi" || true

API_PORT=$(free_port)
ADMIN_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
VIEWER_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'admin %s\nviewer %s Vic Viewer\n' "$ADMIN_TOKEN" "$VIEWER_TOKEN" >"$W/tokens"
start_serve --token-file "$W/tokens" --postfix-config "$CONF" --milter-log "$MILTER_LOG"
URL="http://127.0.0.1:$API_PORT"
for rcpt in '"bob@army.ml"' '"carol@army.mil"' '"eve@gmial.com", "x@navy.mil"' '"Dan <dan@army.mil>"'; do
  curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"from\": \"alice@mod.gov.uk\", \"to\": [$rcpt]}" "$URL/v1/check" || fail "check failed"
done

NEARMISS_URL="$URL" NEARMISS_ADMIN_TOKEN="$ADMIN_TOKEN" NEARMISS_VIEWER_TOKEN="$VIEWER_TOKEN" \
  HELD_RELEASE="${ids[0]}" \
  HELD_DELETE="${ids[1]}" ARTIFACTS="$ARTIFACTS" \
  node --test "$HERE/console.test.js" || { cat "$W/serve.err"; fail "browser test"; }

wait_delivered "Subject: SECRET: plan 1" "X-Nearmiss: hold; level=SECRET" ||
  fail "released message not delivered"
[ "$(delivered "Subject: SECRET: plan 2")" -eq 0 ] || fail "deleted message was delivered"
queue_json | grep -q "${ids[1]}" && fail "deleted message still queued"
grep -q "release ${ids[0]} by " "$W/serve.err" || fail "no release log line naming the admin"
ok "released ${ids[0]} delivered; deleted ${ids[1]} gone; screenshots in $ARTIFACTS"

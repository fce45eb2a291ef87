#!/bin/bash
# Issue 14, round 42's tester, item 3: a confirm link named its message by
# queue id and sender only, and Postfix reuses queue ids, so a link opened
# after its message had left released or deleted whichever message of the
# same sender took the id. Through a real Postfix, milter and `nearmiss
# serve`: alice's message A is held (notice with links), an admin deletes
# it, and her message B is held. Postfix cannot be made to give B A's id on
# demand, so A's links are signed again with the policy's key for B's
# queue id, everything else (A's hold id) kept: exactly what A's links are
# once B has taken the id. Neither acts (409, B still held); a link in the
# old form (version 3, no hold id) acts on nothing; B's own release link
# delivers B, and its delete link then finds nothing held.
# Usage: link_reuse.sh NEARMISS
set -u
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
SERVE_PID=
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pf_cleanup' EXIT

confirm_start

post_link() {  # link, page file -> HTTP code
  curl -s -o "$2" -w '%{http_code}' --data-urlencode "t=${1#*t=}" "$URL/confirm"
}
# resign TOKEN QUEUE_ID [v3]: the token's payload with its queue id (line 3)
# replaced, signed with the policy's key; with v3, in the version-3 form
# (no hold id or Message-ID lines).
resign() {
  python3 - "$W/confirm.key" "$1" "$2" "${3:-}" <<'PY'
import hashlib, hmac, sys
key = open(sys.argv[1], "rb").read()
lines = bytes.fromhex(sys.argv[2].split(".")[0]).split(b"\n")
lines[2] = sys.argv[3].encode()
if sys.argv[4] == "v3":
    lines = [b"v3"] + lines[1:6] + lines[8:]
payload = b"\n".join(lines)
print(payload.hex() + "." + hmac.new(key, payload, hashlib.sha256).hexdigest())
PY
}

send --from alice@mod.gov.uk --to jon.smith@partner.example --header "Subject: A $$" \
     --body "message A" || { cat "$W/swaks.out"; fail "A not accepted"; }
A=$(wait_held "A $$") || fail "A not held"
LA=$(notice_links "A $$") || fail "no notice for A"
A_RELEASE=$(echo "$LA" | sed -n 1p); A_DELETE=$(echo "$LA" | sed -n 2p)
postcat -c "$CONF" -hq "$A" | grep -q "^X-Nearmiss: confirm;.*; hold-id=[0-9a-f]\{16\}$" ||
  { postcat -c "$CONF" -hq "$A" | grep X-Nearmiss; fail "A's tag header has no hold id"; }
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" \
       "$URL/v1/held/$A")
[ "$code" = 200 ] || fail "the admin's delete of A answered $code"
ok "A ($A) held with a hold id in its tag header, then deleted by the admin"

send --from alice@mod.gov.uk --to jon.smith@partner.example --header "Subject: B $$" \
     --body "message B" || { cat "$W/swaks.out"; fail "B not accepted"; }
B=$(wait_held "B $$") || fail "B not held"
LB=$(notice_links "B $$") || fail "no notice for B"
B_RELEASE=$(echo "$LB" | sed -n 1p); B_DELETE=$(echo "$LB" | sed -n 2p)

for what in release delete; do
  link=$A_RELEASE; [ "$what" = delete ] && link=$A_DELETE
  forged="$URL/confirm?t=$(resign "${link#*t=}" "$B")" || fail "resign"
  code=$(curl -s -o "$W/get.html" -w '%{http_code}' "$forged")
  [ "$code" = 409 ] || { cat "$W/get.html"; fail "A's $what link for B's id: GET answered $code"; }
  code=$(post_link "$forged" "$W/post.html")
  [ "$code" = 409 ] || { cat "$W/post.html"; fail "A's $what link for B's id: POST answered $code"; }
  grep -q "a different message now has its queue id" "$W/post.html" ||
    { cat "$W/post.html"; fail "the refusal does not say another message has the id"; }
  held_ids | grep -qx "$B" || fail "B left the hold queue after A's $what link"
done
ok "A's release and delete links, once B has the queue id: 409, B still held"

old="$URL/confirm?t=$(resign "${B_RELEASE#*t=}" "$B" v3)" || fail "resign v3"
code=$(post_link "$old" "$W/old.html")
[ "$code" = 409 ] || { cat "$W/old.html"; fail "a version-3 link answered $code"; }
grep -q "did not record which message it was for" "$W/old.html" || { cat "$W/old.html"; fail "v3 page"; }
held_ids | grep -qx "$B" || fail "B left the hold queue after a version-3 link"
ok "a link in the old form (no hold id) acts on nothing"

code=$(post_link "$B_RELEASE" "$W/b.html")
[ "$code" = 200 ] || { cat "$W/b.html"; fail "B's own release link answered $code"; }
wait_delivered "Subject: B $$" || fail "B released, not delivered"
[ "$(delivered "Subject: A $$")" -eq 0 ] || fail "A was delivered"
code=$(post_link "$B_DELETE" "$W/bd.html")
[ "$code" = 404 ] || { cat "$W/bd.html"; fail "B's delete link after its release answered $code"; }
events=$("$NEARMISS" audit --store "$STORE" --events 2>&1)
echo "$events" | grep -E "release +$B " | grep -qF "subject 'B $$'" ||
  { echo "$events"; fail "the release event does not name B as read"; }
ok "B's own link released B (the event names it); its delete link then: 404"

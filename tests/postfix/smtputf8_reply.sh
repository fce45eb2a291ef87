#!/bin/bash
# End-to-end, issue 15 (breaker round 7, item 10): the 550 for an IDN
# look-alike in an SMTPUTF8 session, through the real Postfix.
#
# RFC 6531 3.7.4 lets an SMTPUTF8 server put UTF-8 in a reply only in the
# mailbox of a 251 or 551 (after MAIL ... SMTPUTF8) and in answers to VRFY
# and EXPN with SMTPUTF8, and says it "MUST NOT include non-ASCII characters
# in replies except in [those] cases" (3.7.4.2, last paragraph). A 550 to
# RCPT is none of them, so the reply stays ASCII in every session: the
# typed domain as its A-label, a letter as its code point, once. Postfix
# does not enforce this for us: smtpd gives a milter's SMFIR_REPLYCODE text
# to the client as it came (milter8.c checks the code and unescapes '%',
# smtpd_chat_reply writes the bytes), which this test also sees, as no
# '?' replaces anything in the reply.
# Usage: smtputf8_reply.sh NEARMISS_BINARY
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"

start_all --store none
python3 - "$SMTP_PORT" >"$W/session.out" 2>&1 <<'PY' || { cat "$W/session.out"; fail "SMTP session"; }
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
f = s.makefile("rb")
def reply():
    lines = []
    while True:
        line = f.readline()
        lines.append(line)
        if len(line) < 4 or line[3:4] != b"-":
            return b"".join(lines)
def cmd(text):
    s.sendall(text.encode("utf-8") + b"\r\n")
    r = reply()
    sys.stdout.buffer.write(b">> " + text.encode("utf-8") + b"\n" + r)
    return r
reply()
if b"SMTPUTF8" not in cmd("EHLO client.nearmiss.test"):
    sys.exit("Postfix did not offer SMTPUTF8")
cmd("MAIL FROM:<alice@mod.gov.uk> SMTPUTF8")
for rcpt in ("bob@\u0430rmy.mil",):
    r = cmd("RCPT TO:<%s>" % rcpt)
    if any(b > 127 for b in r):
        sys.exit("non-ASCII reply to %r: %r" % (rcpt, r))
cmd("QUIT")
PY
bob=$(grep -A3 '^>> RCPT TO:<bob@' "$W/session.out" | grep '^550')
[ -n "$bob" ] || { cat "$W/session.out"; fail "the look-alike was not refused"; }
case "$bob" in
  *"bob@xn--rmy-5cd.mil"*"Cyrillic U+0430 for 'a'"*"did you mean bob@army.mil?"*) ;;
  *) cat "$W/session.out"; fail "reply for bob@аrmy.mil: $bob" ;;
esac
[ "$(grep -o 'U+0430' <<<"$bob" | wc -l)" -eq 1 ] || fail "the code point is not said once: $bob"
ok "SMTPUTF8 session: an ASCII 550 with the A-label, the letter named once, the suggestion"

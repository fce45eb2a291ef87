#!/bin/sh
# Issue 14, round 54's tester 14, through the CLI:
# 2. Apple Mail's own store (~/Library/Mail/V10/ACCOUNT/NAME.mbox/UUID/
#    Data/.../Messages/N.emlx) given whole, at any depth: only its Sent
#    mailboxes ("Sent Messages", or a --sent-folder name) are read, without
#    their child mailboxes; INBOX.mbox and the others are skipped and named.
#    Before, the INBOX's messages were learned as sent mail and their
#    senders trusted.
# Usage: learn-round54-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
# emlx FILE N FROM TO: an .emlx of FROM's message N to TO.
emlx() {
  python3 - "$@" <<'PY'
import sys
path, n, frm, to = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
msg = ("From: %s\nTo: %s\nSubject: note %d\n"
       "Date: Thu, %02d Oct 2026 10:00:00 +0000\nMessage-ID: <e%d@x.example>\n\nhello\n"
       % (frm, to, n, n % 28 + 1, n)).encode()
plist = b'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict/></plist>\n'
open(path, "wb").write(b"%d\n" % len(msg) + msg + plist)
PY
}
# mailbox DIR FIRST FROM TO: an Apple Mail mailbox DIR (NAME.mbox) with two
# messages FIRST and FIRST+1 under UUID/Data/1/Messages, and its Info.plist.
mailbox() {
  mkdir -p "$1/UUID-$2/Data/1/Messages"
  printf '<?xml version="1.0"?>\n<plist version="1.0"><dict/></plist>\n' > "$1/Info.plist"
  emlx "$1/UUID-$2/Data/1/Messages/$2.emlx" "$2" "$3" "$4"
  emlx "$1/UUID-$2/Data/1/Messages/$(($2 + 1)).partial.emlx" "$(($2 + 1))" "$3" "$4"
}
alice="Alice <alice@corp.example>"
acct="$tmp/Library/Mail/V10/ACCOUNT-1"
mailbox "$acct/Sent Messages.mbox" 100 "$alice" "Dana <dana@emlx.example>"
mailbox "$acct/INBOX.mbox" 200 "Eve <eve@evil-inbox.example>" "$alice"
mailbox "$acct/INBOX.mbox/Receipts.mbox" 300 "Shop <shop@evil-shop.example>" "$alice"
mailbox "$acct/Sent Messages.mbox/Received Copies.mbox" 400 "Mallory <m@evil-child.example>" "$alice"
mailbox "$acct/Archive.mbox" 500 "$alice" "Finn <finn@archive.example>"
mailbox "$acct/Sent Mail.mbox" 600 "$alice" "Gina <gina@gmail-sent.example>"

for given in "$tmp/Library" "$tmp/Library/Mail" "$tmp/Library/Mail/V10" "$acct"; do
  rm -f "$tmp/l.db"
  "$bin" learn --store "$tmp/l.db" "$given" > "$tmp/out.txt" 2>&1
  check "learn ${given#"$tmp"/}: exit 0" 0 $?
  check "... only Sent Messages learned, without its child mailbox" "dana@emlx.example|2" \
    "$(rows "$tmp/l.db" "select recipient, messages from nm_correspondent order by recipient" | tr '\n' ' ' | sed 's/ $//')"
  check "... no received sender" "" \
    "$(rows "$tmp/l.db" "select sender from nm_correspondent where sender not like 'alice@%'")"
  out=$(cat "$tmp/out.txt")
  contains "... INBOX.mbox skipped and named" "skipped (not a Sent folder): $acct/INBOX.mbox" "$out"
  contains "... a child mailbox named" "skipped (not a Sent folder): $acct/INBOX.mbox/Receipts.mbox" "$out"
  contains "... a Sent one's child mailbox named" \
    "skipped (not a Sent folder): $acct/Sent Messages.mbox/Received Copies.mbox" "$out"
  contains "... Sent Mail.mbox with its --sent-folder hint" "--sent-folder 'Sent Mail'" "$out"
done
# --sent-folder names read.
"$bin" learn --store "$tmp/s.db" --sent-folder "Sent Mail" --sent-folder Archive "$tmp/Library" \
  > "$tmp/out.txt" 2>&1
check "learn --sent-folder 'Sent Mail' --sent-folder Archive: exit 0" 0 $?
check "... those mailboxes learned" "finn@archive.example|2 gina@gmail-sent.example|2" \
  "$(rows "$tmp/s.db" "select recipient, messages from nm_correspondent order by recipient" | tr '\n' ' ' | sed 's/ $//')"
# An account with no Sent mailbox is refused, naming what it has.
mkdir -p "$tmp/only"
mailbox "$tmp/only/ACCOUNT/INBOX.mbox" 700 "Eve <eve@evil-inbox.example>" "$alice"
"$bin" learn --store "$tmp/o.db" "$tmp/only" > "$tmp/out.txt" 2>&1
check "learn a store with only INBOX.mbox: refused" 2 $?
contains "... naming the mailboxes it has" "no Sent folder among its folders (INBOX)" "$(cat "$tmp/out.txt")"
exit $fail

#!/bin/sh
# tests/audit/maildir-root.sh NEARMISS: audit reads a Maildir root as learn
# does (history/sent_folders.h): its Sent folders only; the INBOX (the
# root's own cur/ and new/) and other folders are mail received, and are
# not read, and said (breaker round 16 §6: an outside sender's Cc to a
# look-alike in the INBOX was reported as sent by the organisation).
# Both layouts Dovecot writes (Maildir++ ".Sent", LAYOUT=fs "Sent").
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
w=$(mktemp -d /tmp/nearmiss-maildir-root.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2

msg() {  # msg DIR NAME FROM TO CC SUBJECT: one message file in DIR/cur
  mkdir -p "$1/cur" "$1/new" "$1/tmp"
  printf 'From: %s\nTo: %s\nCc: %s\nSubject: %s\nDate: Mon, 3 Nov 2025 09:00:00 +0000\nMessage-ID: <%s@x>\n\nbody\n' \
    "$3" "$4" "$5" "$6" "$2" >"$1/cur/1762160200.$2.host:2,S"
}
for layout in plus fs; do
  root=$w/$layout
  sent=$root/.Sent spam=$root/.Spam
  [ "$layout" = fs ] && sent=$root/Sent spam=$root/Spam
  msg "$root" M1 pat@partner.example alice@mod.gov.uk bob@army.ml "from outside"
  mkdir -p "$root/new" "$root/tmp"
  msg "$sent" M2 alice@mod.gov.uk carol@army.ml "" "sent by us"
  msg "$spam" M3 eve@gmial.com alice@mod.gov.uk dan@army.ml "spam"
  [ "$layout" = plus ] && touch "$sent/maildirfolder" "$spam/maildirfolder"
  "$nearmiss" audit --json "$root" >"$layout.jsonl" 2>"$layout.err"
  rc=$?
  [ "$rc" -eq 1 ] || { cat "$layout.err" >&2; no "$layout: exit $rc, want 1"; }
  grep -qF '"to":"carol@army.ml"' "$layout.jsonl" || no "$layout: the Sent folder's look-alike missing"
  ! grep -qF '"to":"bob@army.ml"' "$layout.jsonl" || no "$layout: the INBOX read as sent"
  ! grep -qF '"to":"dan@army.ml"' "$layout.jsonl" || no "$layout: the Spam folder read as sent"
  ! grep -qF 'pat@partner.example' "$layout.jsonl" || no "$layout: an outside sender reported"
  grep -qF "not read (not a Sent folder): $root (INBOX" "$layout.err" ||
    { cat "$layout.err" >&2; no "$layout: the INBOX not named as not read"; }
  # The HTML report says so too, and its summary names no outside sender.
  "$nearmiss" audit --html "$layout.html" "$root" >/dev/null 2>&1
  grep -qF "not read (not a Sent folder)" "$layout.html" || no "$layout: report does not name the INBOX"
  ! grep -qF 'pat@partner.example' "$layout.html" || no "$layout: report names the outside sender"
  # --sent-folder names another folder: that one is read instead.
  "$nearmiss" audit --sent-folder Spam --json "$root" >"$layout.spam.jsonl" 2>/dev/null
  grep -qF '"to":"dan@army.ml"' "$layout.spam.jsonl" || no "$layout: --sent-folder Spam not read"
  ! grep -qF '"to":"carol@army.ml"' "$layout.spam.jsonl" || no "$layout: --sent-folder Spam read Sent"
done
# A root (it holds folders) with no Sent folder: an error naming it, never
# its INBOX read. (A lone Maildir with no folders is a folder given as it
# is, read: below.)
msg "$w/nosent" M4 pat@partner.example alice@mod.gov.uk bob@army.ml "from outside"
msg "$w/nosent/.Spam" M5 eve@gmial.com alice@mod.gov.uk dan@army.ml "spam"
touch "$w/nosent/.Spam/maildirfolder"
"$nearmiss" audit --json "$w/nosent" >nosent.jsonl 2>nosent.err
rc=$?
[ "$rc" -eq 2 ] || { cat nosent.err >&2; no "root without Sent: exit $rc, want 2"; }
! grep -qF 'bob@army.ml' nosent.jsonl || no "root without Sent: INBOX read"
# A single Maildir folder given directly is read as given (a Sent folder).
"$nearmiss" audit --json "$w/plus/.Sent" >direct.jsonl 2>/dev/null
grep -qF '"to":"carol@army.ml"' direct.jsonl || no "a Sent folder given directly not read"

[ "$fail" -eq 0 ] && echo "audit maildir root: ok"
exit "$fail"

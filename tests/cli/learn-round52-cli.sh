#!/bin/sh
# Issue 14, round 52's tester 14, through the CLI:
# 4. learn --unconfirm of a domain with no confirmation in force (a typo of
#    the confirmed one, one never confirmed, one whose --confirm was
#    refused) is refused naming the confirmations there are: exit 2, no
#    admin event, no store row, the real confirmation still in force.
# 2. learn reads To:/Cc:/Bcc: as check and the API read a list: Outlook's
#    unquoted "Okafor, Chidi <c4711@nhs.example>" is one recipient named
#    "Okafor, Chidi" (so a look-alike name over another address is held);
#    a well-formed list reads as before.
# 7. a sender's plus-addressed forms (recipient_delimiter) are one sender in
#    the store and in the "new relationships" count.
# 9. serve --help and docs/deployment.md name the token file's viewer role.
# 1. a message a mail client marked as a draft (X-Unsent: 1,
#    X-Mozilla-Draft-Info, X-Uniform-Type-Identifier: com.apple.mail-draft)
#    is never learned, in an mbox, a Maildir, an .eml folder or an Apple
#    Mail bundle, and the run says how many and why.
# Usage: learn-round52-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
verdict() {  # verdict [FLAGS...] ADDRESS: the class `check --json` gives
  "$bin" check --json "$@" 2>/dev/null |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["verdict"])'
}
rows() {  # rows DB SQL: sqlite3's answer, one row a line
  python3 -c 'import sqlite3,sys; [print("|".join(map(str, r))) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$1" "$2"
}

# --- 4: --unconfirm of what is not confirmed -------------------------------
id=0
alice_sent '"Jon" <jon@partner.example>' > "$tmp/sent4.mbox"
db="sqlite:$tmp/c4.db"
"$bin" learn --store "$db" "$tmp/sent4.mbox" > /dev/null 2>&1
"$bin" learn --store "$db" --confirm gmial.com --force "Jon's own domain" > /dev/null 2>&1
check "--confirm gmial.com --force exits 0" 0 $?
"$bin" learn --store "$db" --confirm mailo.com > /dev/null 2>&1
events_before=$(rows "$tmp/c4.db" "select count(*) from nm_admin_event")
domains_before=$(rows "$tmp/c4.db" "select count(*) from nm_domain")
for d in gmial.co never-confirmed.example GMIAL.CO. partner.example; do
  "$bin" learn --store "$db" --unconfirm "$d" > "$tmp/un.txt" 2>&1
  check "--unconfirm $d (not confirmed): exit 2" 2 $?
  contains "... saying it was not, naming those that are" \
    "was not confirmed (confirmed: gmial.com, mailo.com); nothing withdrawn" "$(cat "$tmp/un.txt")"
  case $(cat "$tmp/un.txt") in
    *unconfirmed*) check "... never says 'unconfirmed'" none "$(cat "$tmp/un.txt")" ;;
  esac
done
check "... no admin event written" "$events_before" "$(rows "$tmp/c4.db" "select count(*) from nm_admin_event")"
check "... no store row added" "$domains_before" "$(rows "$tmp/c4.db" "select count(*) from nm_domain")"
check "... x@gmial.com still trusted" trusted "$(verdict --store "$db" --from alice@trust.example x@gmial.com)"
# One typo among several withdraws none of them.
"$bin" learn --store "$db" --unconfirm mailo.com --unconfirm gmial.co > /dev/null 2>&1
check "--unconfirm mailo.com gmial.co: exit 2" 2 $?
check "... mailo.com still confirmed" 1 "$(rows "$tmp/c4.db" "select confirmed from nm_domain where domain='mailo.com'")"
# A --confirm refused leaves nothing to withdraw.
"$bin" learn --store "$db" --confirm partner-example.com > /dev/null 2>&1
"$bin" learn --store "$db" --unconfirm partner-example.com > "$tmp/un.txt" 2>&1
check "--unconfirm after a refused --confirm: exit 2" 2 $?
# The real one is withdrawn as before, and recorded.
"$bin" learn --store "$db" --unconfirm gmial.com > "$tmp/un.txt" 2>&1
check "--unconfirm gmial.com exits 0" 0 $?
contains "... says so" "unconfirmed gmial.com" "$(cat "$tmp/un.txt")"
check "... one admin event more" "$((events_before + 1))" "$(rows "$tmp/c4.db" "select count(*) from nm_admin_event")"
"$bin" learn --store "$db" --unconfirm gmial.com > "$tmp/un.txt" 2>&1
check "a second --unconfirm gmial.com: exit 2" 2 $?
contains "... naming what stays" "(confirmed: mailo.com)" "$(cat "$tmp/un.txt")"

# --- 2: "Family, Given <addr>" unquoted in a Sent message's header ---------
names() {  # names DB: recipient|display name, sorted
  rows "$1" "select recipient, display_name from nm_correspondent order by recipient"
}
id=100
alice_sent 'Okafor, Chidi <c4711@nhs.example>' \
  'Ring, Paula <paula.ring@vendor.example>; Doe, Jane <jd9@vendor.example>' \
  'Lee, K. J. <kjl@vendor.example>, "Moss, Ann" <ann.moss@vendor.example>, tom@vendor.example' \
  'Team <team@vendor.example>, Vance, Tom <tv1@vendor.example>' > "$tmp/sent2.mbox"
db="sqlite:$tmp/c2.db"
"$bin" learn --store "$db" "$tmp/sent2.mbox" > "$tmp/learn2.txt" 2>&1
check "learn of unquoted Family, Given names: exit 0" 0 $?
check "each recipient learned under the name written" \
"ann.moss@vendor.example|Moss, Ann
c4711@nhs.example|Okafor, Chidi
jd9@vendor.example|Doe, Jane
kjl@vendor.example|Lee, K. J.
paula.ring@vendor.example|Ring, Paula
team@vendor.example|Team
tom@vendor.example|
tv1@vendor.example|Vance, Tom" "$(names "$tmp/c2.db")"
case $(cat "$tmp/learn2.txt") in
  *"not an address"*|*"not addresses"*) check "... no piece left unread" none "$(cat "$tmp/learn2.txt")" ;;
esac
for to in '"Okafor, Chidi" <zz99@nhs.example>' 'Okafor, Chidi <zz99@nhs.example>' \
          '"Chidi Okafor" <zz99@nhs.example>'; do
  out=$("$bin" check --json --store "$db" --from alice@trust.example "$to" 2>/dev/null)
  contains "$to over another address: display-name, naming c4711@" \
    '"suggestion":"c4711@nhs.example"' "$out"
done

# --- 1: drafts marked as such, in every reader --------------------------
draft() {  # draft TO MARKER: a Sent-folder message (no From_ line) marked MARKER
  id=$((id + 1))
  printf 'From: Kate <kate@trust.example>\nTo: %s\nSubject: draft %s\nDate: Thu, 01 Oct 2026 10:00:00 +0000\nMessage-ID: <d%s@trust.example>\n%s\n\nhalf written\n' \
    "$1" "$id" "$id" "$2"
}
unsent='X-Unsent: 1'
moz='X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0;
 attachmentreminder=0; deliveryformat=4'
apple='X-Uniform-Type-Identifier: com.apple.mail-draft'
id=200
{ alice_sent '"Sam Ode" <sam.ode@vendor.example>'
  for marker in "$unsent" "$moz" "$apple"; do
    printf 'From kate@trust.example Thu Oct 01 10:00:00 2026\n'; draft '<sam.odee@vendor.example>' "$marker"; printf '\n'
  done; } > "$tmp/Sent1.mbox"
mkdir -p "$tmp/md/cur" "$tmp/md/new" "$tmp/md/tmp" "$tmp/emld" "$tmp/apple/Sent Messages.mbox"
draft '<sam.oode@vendor.example>' "$unsent" > "$tmp/md/cur/1791799200.a.host:2,S"
draft '<sam.oode@vendor.example>' "$moz" > "$tmp/md/cur/1791799201.b.host:2,S"
draft '<sam.odde@vendor.example>' "$unsent" > "$tmp/emld/a.eml"
draft '<sam.odde@vendor.example>' "$(printf 'X-UNSENT:  1')" > "$tmp/emld/b.eml"
{ printf 'From kate@trust.example Thu Oct 01 10:00:00 2026\n'; draft '<sam.odi@vendor.example>' "$apple"; } \
  > "$tmp/apple/Sent Messages.mbox/mbox"
db="sqlite:$tmp/d1.db"
"$bin" learn --store "$db" "$tmp/Sent1.mbox" "$tmp/md" "$tmp/emld" "$tmp/apple" \
  > "$tmp/learn1.txt" 2>&1
check "learn of Sent folders with drafts: exit 0" 0 $?
contains "drafts counted and said" \
  "skipped 8 messages a mail client marked as drafts (X-Unsent: 1, X-Mozilla-Draft-Info or com.apple.mail-draft: never sent, not learned; first: $tmp/Sent1.mbox:" \
  "$(cat "$tmp/learn1.txt")"
check "only the message sent learned" "sam.ode@vendor.example|Sam Ode" "$(names "$tmp/d1.db")"
out=$("$bin" check --json --store "$db" --from alice@trust.example sam.odee@vendor.example 2>/dev/null)
contains "a draft's slip is not known" '"suggestion":"sam.ode@vendor.example"' "$out"
# Only drafts: nothing learned, said, no store.
"$bin" learn --store "sqlite:$tmp/d2.db" "$tmp/emld" > "$tmp/learn2.txt" 2>&1
check "learn of drafts alone: exit 2" 2 $?
contains "... naming them" "skipped 2 messages a mail client marked as drafts (never sent)" \
  "$(cat "$tmp/learn2.txt")"

# --- 7: a sender's plus-addressed forms are one sender ----------------------
i=0
for from in 'hank.hill+x@trust.example' 'hank.hill+proj@trust.example' \
            'hank.hill+proj@trust.example' 'Hank.Hill@TRUST.EXAMPLE'; do
  i=$((i + 1))
  printf 'From hank@trust.example Thu Oct 0%s 10:00:00 2026\nFrom: %s\nTo: Ursula.Berg@Vendor.Example\nSubject: s%s\nDate: Thu, 0%s Oct 2026 10:00:00 +0000\nMessage-ID: <h%s@trust.example>\n\nx\n\n' \
    "$i" "$from" "$i" "$i" "$i"
done > "$tmp/hank.mbox"
db="sqlite:$tmp/h7.db"
"$bin" learn --store "$db" "$tmp/hank.mbox" > "$tmp/learn7.txt" 2>&1
contains "one new relationship" "new relationships: 1 sender -> recipient pairs" "$(cat "$tmp/learn7.txt")"
check "one row, under the mailbox" "hank.hill@trust.example|ursula.berg@vendor.example|4" \
  "$(rows "$tmp/h7.db" "select sender, recipient, messages from nm_correspondent")"
# A policy with another delimiter folds by it ('-': hank.hill-x@).
printf '[history]\nrecipient_delimiter = "-"\n' > "$tmp/dash.toml"
sed 's/hank.hill+/hank.hill-/' "$tmp/hank.mbox" > "$tmp/hank-dash.mbox"
"$bin" learn --policy "$tmp/dash.toml" --store "sqlite:$tmp/h7d.db" "$tmp/hank-dash.mbox" > /dev/null 2>&1
check "recipient_delimiter '-': one row" "hank.hill@trust.example|4" \
  "$(rows "$tmp/h7d.db" "select sender, messages from nm_correspondent")"

# --- 9: serve --help names the viewer role of the token file ---------------
help=$("$bin" serve --help 2>&1 | tr -s ' \n' '  ')
contains "serve --help: --token-file's roles" "(ROLE check, viewer or admin: a viewer reads" "$help"
contains "docs/deployment.md: token_file's roles" '`check`, `viewer` (reads what an admin reads' \
  "$(tr -s ' \n' '  ' < docs/deployment.md)"

exit $fail

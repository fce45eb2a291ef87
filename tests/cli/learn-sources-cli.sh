#!/bin/sh
# What `learn` reads as sent mail and when it was sent (issue 14, found by
# its tester): a Dovecot LAYOUT=fs Maildir root learned its INBOX and Trash
# as sent mail; a source named INBOX went without a word; one message with
# "Date: ... 2099" stretched a day's mail over 73 years and trusted its
# domain; a log row without its message-id= line and the Sent folder's copy
# of the same message counted twice in one run; `learn --help` named a
# default store that non-root users never get.
# Usage: learn-sources-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

msg() {  # msg DIR NAME FROM TO: one message in a Maildir's cur/
  mkdir -p "$1/cur" "$1/new" "$1/tmp"
  printf 'From: %s\nTo: %s\nDate: Mon, 12 Oct 2026 10:00:00 +0000\nMessage-ID: <%s@x>\nSubject: hi\n\nhi\n' \
    "$3" "$4" "$2$(echo "$3$4" | md5sum | cut -c1-8)" > "$1/cur/1791799200.$2.host:2,S"
}

# A mail store root in both layouts Dovecot writes: Maildir++ (.Sent/) and
# LAYOUT=fs (Sent/, no dot). Either way the root's own cur/ is the INBOX:
# only the Sent folder is read, the rest skipped and said.
for layout in maildir++ fs; do
  dot=; [ "$layout" = maildir++ ] && dot=.
  r=$tmp/root-$layout
  for i in 0 1 2; do
    msg "$r" "in$i" "spam$i@spam.example" alice@mod.example
    msg "$r/${dot}Sent" "s$i" alice@mod.example amy@partner.example
    msg "$r/${dot}Trash" "t$i" "junk$i@junk.example" alice@mod.example
  done
  "$bin" learn --store "$tmp/$layout.db" "$r" > "$tmp/$layout.txt" 2>&1
  check "$layout: learn of a root exits 0" 0 $?
  contains "$layout: its INBOX is skipped, said" "skipped (not a Sent folder): $r (INBOX: received mail)" "$(cat "$tmp/$layout.txt")"
  contains "$layout: ... and Trash" "skipped (not a Sent folder): $r/${dot}Trash" "$(cat "$tmp/$layout.txt")"
  contains "$layout: only Sent is read" "read 3 messages from Sent folders" "$(cat "$tmp/$layout.txt")"
  "$bin" learn --show --store "$tmp/$layout.db" > "$tmp/$layout-show.txt" 2>&1
  check "$layout: no sender of received or deleted mail becomes a relationship" 0 \
    "$(grep -c 'spam.example\|junk.example' "$tmp/$layout-show.txt")"
  rm -r "$r/${dot}Sent"
  "$bin" learn --store "$tmp/$layout.db" "$r" > "$tmp/$layout-2.txt" 2>&1
  check "$layout: a root with no Sent folder is an error" 2 $?
  contains "$layout: ... naming its folders" "Sent folder among its folders (Trash)" "$(cat "$tmp/$layout-2.txt")"
  contains "$layout: ... and what it looked for" "looked for: Sent, Sent Items, Sent Messages" "$(cat "$tmp/$layout-2.txt")"
done
# "Sent Items" as a LAYOUT=fs folder name; a folder of another name skipped.
msg "$tmp/MD3/Sent Items" s0 bob@mod.example ben@partner.example
msg "$tmp/MD3/Outbox" o0 bob@mod.example cat@partner.example
"$bin" learn --store "$tmp/fs3.db" "$tmp/MD3" > "$tmp/fs3.txt" 2>&1
contains "'Sent Items' is a Sent folder" "read 1 messages from Sent folders" "$(cat "$tmp/fs3.txt")"
contains "... Outbox is skipped" "skipped (not a Sent folder): $tmp/MD3/Outbox" "$(cat "$tmp/fs3.txt")"

# An mbox named INBOX, given by its own path: read, with a warning.
printf 'From spam@spam.example Mon Oct 12 10:00:00 2026\nFrom: spam@spam.example\nTo: alice@mod.example\nDate: Mon, 12 Oct 2026 10:00:00 +0000\nMessage-ID: <i1@x>\nSubject: win\n\nhi\n\n' > "$tmp/INBOX"
"$bin" learn --store "$tmp/inbox.db" "$tmp/INBOX" > "$tmp/inbox.txt" 2> "$tmp/inbox.err"
contains "a source named INBOX is warned about" "$tmp/INBOX: named INBOX: this looks like received mail" "$(cat "$tmp/inbox.err")"

# Five messages delivered on one day (their From_ lines), one with a
# Date: in 2099: dated by its delivery, counted and named, and the domain
# spans one day, so it is not trusted (min_days 14).
{
  for i in 1 2 3 4 5; do
    date="Tue, 06 Oct 2026 1$i:00:00 +0000"
    [ $i = 3 ] && date="Thu, 01 Jan 2099 10:00:00 +0000"
    printf 'From alice@mod.example Tue Oct  6 1%s:00:00 2026\nFrom: alice@mod.example\nTo: pat@future.example\nDate: %s\nMessage-ID: <f%s@mod.example>\nSubject: m%s\n\nhi\n\n' \
      "$i" "$date" "$i" "$i"
  done
} > "$tmp/future.mbox"
"$bin" learn --store "$tmp/future.db" "$tmp/future.mbox" > "$tmp/future.txt" 2>&1
check "learn of a far-future Date: exits 0" 0 $?
contains "the far-future Date: is set aside, named" \
  "1 with a Date: after their delivery or in the future, before 1990, or more than a year before their delivery, dated by delivery instead (first: $tmp/future.mbox:" \
  "$(cat "$tmp/future.txt")"
# Named by the field's line and text, as written (it named the message's
# number as if it were a line, and the date reformatted: the issue-14
# tester, round 41, item 11).
contains "... with the date it claimed, at its line" "future.mbox:22: Date: Thu, 01 Jan 2099 10:00:00 +0000" "$(cat "$tmp/future.txt")"
contains "one day's mail trusts no domain" "trusted from history: 0 domains" "$(cat "$tmp/future.txt")"
"$bin" learn --show --store "$tmp/future.db" > "$tmp/future-show.txt" 2>&1
grep -Eq '^alice@mod.example -> pat@future.example +5 2026-10-06 +2026-10-06$' "$tmp/future-show.txt" \
  && echo "ok   the pair spans the delivery day only" || { echo "FAIL future span:"; cat "$tmp/future-show.txt"; fail=1; }

# The same five messages, one from a device whose clock was unset (issue-14
# tester, round 3, item 3): a Date: in 1970, 1980, 2000, or more than a year
# before the delivery is dated by the delivery too, and trusts nothing.
for past in "Thu, 01 Jan 1970 00:00:01 +0000" "Tue, 01 Jan 1980 00:00:00 +0000" \
            "Sat, 01 Jan 2000 00:00:00 +0000" "Sun, 05 Oct 2025 10:00:00 +0000"; do
  sed "s/^Date: Thu, 01 Jan 2099 10:00:00 +0000/Date: $past/" "$tmp/future.mbox" > "$tmp/past.mbox"
  rm -f "$tmp/past.db"
  "$bin" learn --store "$tmp/past.db" "$tmp/past.mbox" > "$tmp/past.txt" 2>&1
  contains "a Date: of $past is set aside" "1 with a Date: after their delivery" "$(cat "$tmp/past.txt")"
  contains "... one day's mail trusts no domain" "trusted from history: 0 domains" "$(cat "$tmp/past.txt")"
  "$bin" learn --show --store "$tmp/past.db" > "$tmp/past-show.txt" 2>&1
  grep -Eq '^alice@mod.example -> pat@future.example +5 2026-10-06 +2026-10-06$' "$tmp/past-show.txt" \
    && echo "ok   ... the pair spans the delivery day only" || { echo "FAIL past span:"; cat "$tmp/past-show.txt"; fail=1; }
done

# A log row without its message-id= line (rotated away) and the Sent
# folder's copy of the same message, in one run: joined, counted once.
{
  echo "Oct 21 10:00:00 mx postfix/qmgr[2]: E0A1B2C3: from=<bob@mod.example>, size=900, nrcpt=1 (queue active)"
  echo "Oct 21 10:00:01 mx postfix/smtp[3]: E0A1B2C3: to=<gus@partner.example>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct 21 10:00:02 mx postfix/qmgr[2]: E0A1B2C3: removed"
} > "$tmp/noid.log"
printf 'From bob@mod.example Wed Oct 21 09:59:30 2026\nFrom: bob@mod.example\nTo: Gus@partner.example\nSubject: join\nMessage-ID: <noid1@mod.example>\nDate: Wed, 21 Oct 2026 09:59:30 +0000\n\nhi\n\n' > "$tmp/noid.mbox"
# A second message to gus an hour later is another delivery, not joined.
printf 'From bob@mod.example Wed Oct 21 11:00:00 2026\nFrom: bob@mod.example\nTo: gus@partner.example\nSubject: later\nMessage-ID: <noid2@mod.example>\nDate: Wed, 21 Oct 2026 11:00:00 +0000\n\nhi\n\n' >> "$tmp/noid.mbox"
"$bin" learn --year 2026 --store "$tmp/noid.db" "$tmp/noid.log" "$tmp/noid.mbox" > "$tmp/noid.txt" 2>&1
contains "the log row and its Sent copy are one delivery" \
  "deliveries: 3 found = 2 new + 1 repeated in the sources + 0 already in the store" "$(cat "$tmp/noid.txt")"
contains "... said" "1 recipients joined to log rows without a Message-ID" "$(cat "$tmp/noid.txt")"

# A delivery line not understood (issue 16): learn exits 2 with its
# FILE:LINE, as audit does, not 0 with a partial history.
cp tests/audit/cases/postfix-unparsable-recipient/maillog "$tmp/nu.log"
"$bin" learn --store "sqlite:$tmp/nu.db" --year 2025 "$tmp/nu.log" > "$tmp/nu.out" 2>&1
check "learn with lines not understood exits 2" 2 "$?"
contains "learn names the first not understood" "not understood (first at $tmp/nu.log:4)" \
  "$(cat "$tmp/nu.out")"
"$bin" audit --year 2025 "$tmp/nu.log" > /dev/null 2>&1
check "audit exits the same" 2 "$?"

# A mail client's store of mbox folders (round 51's tester 14, finding 1):
# Thunderbird's "Local Folders" (a file per folder, its .msf index beside
# it) and readpst's Outlook PST ("Outlook Data File/Sent Items/mbox"): only
# the Sent folder is read; Drafts, Trash, Outbox, Deleted Items are skipped
# and said.
mbox() {  # mbox FILE TO: one message from alice
  mkdir -p "$(dirname "$1")"
  printf 'From alice@mod.example Mon Oct 12 10:00:00 2026
From: alice@mod.example
To: %s
Date: Mon, 12 Oct 2026 10:00:00 +0000
Message-ID: <%s@x>
Subject: hi

hi

' \
    "$2" "$(echo "$1$2" | md5sum | cut -c1-8)" > "$1"
}
tb=$tmp/tb/"Local Folders"
mbox "$tb/Sent" rita.ames@vendor.example
mbox "$tb/Drafts" rita.amez@vendor.example
mbox "$tb/Trash" rita.ams@vendor.example
for f in Sent Drafts Trash; do : > "$tb/$f.msf"; done
pst=$tmp/pst/"Outlook Data File"
mbox "$pst/Sent Items/mbox" tom.vance@vendor.example
mbox "$pst/Drafts/mbox" tom.vanse@vendor.example
mbox "$pst/Outbox/mbox" tom.vanc@vendor.example
mbox "$pst/Deleted Items/mbox" tom.vence@vendor.example
# The same profile without its .msf indexes (Thunderbird's help has users
# delete them to rebuild a folder; a copied profile may lack them), beside
# the profile's other files: read as given, its Inbox was learned as sent
# mail and prefs.js counted as an unreadable Sent folder (round 54's brief,
# item 3). Folder files are told by their mbox content.
tbn=$tmp/tbnomsf/"Local Folders"
mbox "$tbn/Sent" rita.ames@vendor.example
mbox "$tbn/Inbox" rita.amez@vendor.example
mbox "$tbn/Trash" rita.ams@vendor.example
printf 'user_pref("mail.identity.id1.useremail", "alice@mod.example");\n' > "$tmp/tbnomsf/prefs.js"
for store in tb tbnomsf pst; do
  "$bin" learn --store "$tmp/$store.db" "$tmp/$store" > "$tmp/$store.txt" 2>&1
  check "$store: learn of a client's mbox store exits 0" 0 $?
  contains "$store: only Sent is read" "read 1 messages from Sent folders" "$(cat "$tmp/$store.txt")"
  contains "$store: Drafts or Inbox skipped, said" "skipped (not a Sent folder): $tmp/$store/" "$(grep 'Drafts\|Inbox' "$tmp/$store.txt")"
  "$bin" learn --show --store "$tmp/$store.db" > "$tmp/$store-show.txt" 2>&1
  check "$store: no draft, deleted or outbox address learned" 0 \
    "$(grep -c 'amez@\|ams@\|vanse@\|vanc@\|vence@' "$tmp/$store-show.txt")"
done

# learn --help states the default store's real rule, as check --help does.
"$bin" learn --help > "$tmp/learn-help.txt" 2>&1
"$bin" check --help > "$tmp/check-help.txt" 2>&1
rule='$XDG_DATA_HOME/nearmiss/nearmiss.db'
contains "learn --help names the non-root default" "$rule" "$(tr -s ' \n' ' ' < "$tmp/learn-help.txt")"
contains "check --help names the same" "$rule" "$(tr -s ' \n' ' ' < "$tmp/check-help.txt")"
check "learn --help no longer promises /var/lib alone" 0 "$(grep -c 'default: sqlite:///var/lib' "$tmp/learn-help.txt")"
exit $fail

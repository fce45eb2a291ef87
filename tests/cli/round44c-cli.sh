#!/bin/sh
# Issue 14, round 44 (the round-43 tester), through the CLI:
# 1. (finding 2) a nightly learn of each rotated file: the message whose
#    cleanup and qmgr lines end one file and whose delivery starts the next
#    is learned by the second run (the first keeps it open in the store),
#    learn exits 0 both times and says what it carried and joined; the whole
#    log learned afterwards finds nothing new.
# 2. (finding 3) a display name that names one frequent contact on another
#    frequent contact's address ("Mary Jones" <jane.doe@bank.example>) is an
#    address-typo (display-name) naming the name's owner; not the address's
#    own name, nor a name two contacts share (two John Smiths).
# 3. (finding 4) `learn --confirm partnerr.example`, a look-alike of the
#    learned partner.example no one wrote to, is refused (exit 2) naming what
#    it looks like; with --force REASON it is confirmed and the reason
#    recorded; a domain written to is confirmed as before.
# 4. (finding 8) learn's Sent-folder summary names an mbox message by the
#    line of its From_ line, never by its number in the file; (finding 11)
#    learn of an empty directory or an empty Maildir exits 2, says nothing
#    was read and makes no store.
# 5. (finding 17d) a quoted local part that is itself an address is judged as
#    the address it reads as: "jon.smith@partner.example"@partner.example is a
#    slip of the frequent john.smith@, "john.smith@partner.example"@... that
#    address itself written where a mailbox name goes.
# Usage: round44c-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

# --- 1: messages across a rotation, one file a run ---------------------------------
msg() {  # msg N DAY RCPT: the four lines of message A000NB
  echo "2026-10-$2T08:00:00.000000+00:00 mx1 postfix/cleanup[100]: A000$1B: message-id=<p$1@trust.example>"
  echo "2026-10-$2T08:00:01.000000+00:00 mx1 postfix/qmgr[101]: A000$1B: from=<bob@trust.example>, size=1000, nrcpt=1 (queue active)"
  echo "2026-10-$2T08:00:02.000000+00:00 mx1 postfix/smtp[102]: A000$1B: to=<$3>, relay=mx.x[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)"
  echo "2026-10-$2T08:00:03.000000+00:00 mx1 postfix/qmgr[101]: A000$1B: removed"
}
{
  for n in 11 12 13 14 15 16 17 18 19; do msg "$n" "$n" ops@client.example; done
} > "$tmp/full.log"
# The rotation falls inside A00015B: its cleanup and qmgr lines in .1.
head -n 18 "$tmp/full.log" > "$tmp/mail.log.1"
tail -n +19 "$tmp/full.log" > "$tmp/mail.log"
"$bin" learn --store "sqlite:$tmp/rot.db" "$tmp/mail.log.1" > "$tmp/rot1.out" 2> "$tmp/rot1.err"
check "learn of the older file: exit 0" 0 $?
contains "... keeps the message left open" "0 carried over from the last learn's logs, 0 joined by this run's lines; 1 open at the end of these logs" "$(cat "$tmp/rot1.out")"
"$bin" learn --store "sqlite:$tmp/rot.db" "$tmp/mail.log" > "$tmp/rot2.out" 2> "$tmp/rot2.err"
check "learn of the next file the next night: exit 0" 0 $?
contains "... the message crossing the rotation is joined" "1 carried over from the last learn's logs, 1 joined by this run's lines; 0 open" "$(cat "$tmp/rot2.out")"
contains "... and learned with the rest of the file" "5 found = 5 new" "$(cat "$tmp/rot2.out")"
check "... no sender left unknown" "" "$(grep 'sender the log does not show' "$tmp/rot2.out" "$tmp/rot2.err")"
"$bin" learn --store "sqlite:$tmp/rot.db" "$tmp/full.log" > "$tmp/rot3.out" 2>&1
contains "the whole log afterwards: every delivery known" "9 found = 0 new + 0 repeated in the sources + 9 already in the store" "$(cat "$tmp/rot3.out")"
# A queue id reused for an older message is not the carried one: the store
# keeps A00015B open; a log from before it with that queue id's delivery but
# no from= line is no message of bob's.
{
  echo "2026-09-01T08:00:02.000000+00:00 mx1 postfix/smtp[102]: A00015B: to=<eve@old.example>, relay=mx.x[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)"
} > "$tmp/old.log"
"$bin" learn --store "sqlite:$tmp/reuse.db" "$tmp/mail.log.1" > /dev/null 2>&1
"$bin" learn --store "sqlite:$tmp/reuse.db" "$tmp/old.log" > "$tmp/reuse.out" 2>&1
check "an older delivery under the carried queue id is not joined to it: exit 2" 2 $?
contains "... its sender is unknown" "whose sender the log does not show" "$(cat "$tmp/reuse.out")"

# --- 2: the wrong person's name on a known address ----------------------------------
id=0
alice_sent '"Mary Jones" <mary.jones@nhs.example>' '"Jane Doe" <jane.doe@bank.example>' \
           '"John Smith" <john.smith@partner.example>' '"John Smith" <john.smith@bank.example>' > "$tmp/names.mbox"
"$bin" learn --store "sqlite:$tmp/names.db" "$tmp/names.mbox" > "$tmp/names.out" 2>&1
check "learn of the named Sent folder: exit 0" 0 $?
"$bin" check --store "sqlite:$tmp/names.db" --json --from alice@trust.example \
  '"Mary Jones" <jane.doe@bank.example>' > "$tmp/mary.json" 2>&1
check "Mary's name on Jane's address: asked (exit 1)" 1 $?
check "... an address-typo of kind display-name suggesting Mary's address" \
  "display-name mary.jones@nhs.example" \
  "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["address_typo"]["kind"], r["suggestion"])' "$tmp/mary.json" 2>&1)"
contains "... the reason says whose name it is and how the address is written to" \
  "names mary.jones@nhs.example, not this address, written to as 'Jane Doe'" "$(cat "$tmp/mary.json")"
"$bin" check --store "sqlite:$tmp/names.db" --from alice@trust.example \
  '"Jane Doe" <mary.jones@nhs.example>' > "$tmp/jane.txt" 2>&1
check "Jane's name on Mary's address: asked (exit 1)" 1 $?
"$bin" check --store "sqlite:$tmp/names.db" --from alice@trust.example \
  '"Jane Doe" <jane.doe@bank.example>' '"Doe, Jane" <jane.doe@bank.example>' > "$tmp/own.txt" 2>&1
check "the address's own name: accepted (exit 0)" 0 $?
"$bin" check --store "sqlite:$tmp/names.db" --from alice@trust.example \
  '"John Smith" <john.smith@bank.example>' '"John Smith" <john.smith@partner.example>' > "$tmp/shared.txt" 2>&1
check "a name two known contacts share: accepted (exit 0)" 0 $?

# --- 3: --confirm of a look-alike no one wrote to -----------------------------------
"$bin" learn --store "sqlite:$tmp/names.db" --confirm partnerr.example > "$tmp/conf1.out" 2>&1
check "--confirm partnerr.example (never written to): exit 2" 2 $?
contains "... naming what it looks like" "no one here has written to it, and it looks like partner.example (written to 8 times)" "$(cat "$tmp/conf1.out")"
"$bin" check --store "sqlite:$tmp/names.db" --from alice@trust.example x@partnerr.example > "$tmp/conf1c.txt" 2>&1
check "... and it stays a look-alike (exit 1)" 1 $?
"$bin" learn --store "sqlite:$tmp/names.db" --confirm partnerr.example --force "Partner's new sister firm, checked by phone" > "$tmp/conf2.out" 2>&1
check "--confirm partnerr.example --force REASON: exit 0" 0 $?
"$bin" audit --events "sqlite:$tmp/names.db" > "$tmp/conf-events.txt" 2>&1
contains "... the reason recorded" "looks like partner.example (written to 8 times); --force: Partner's new sister firm, checked by phone" "$(cat "$tmp/conf-events.txt")"
"$bin" learn --store "sqlite:$tmp/names.db" --confirm bank.example > /dev/null 2>&1
check "--confirm of a domain written to: exit 0" 0 $?

# --- 4: places in an mbox; empty folders ---------------------------------------------
odd=tests/testdata/history/round44/odd.mbox
"$bin" learn --store "sqlite:$tmp/odd.db" "$odd" > "$tmp/odd.out" 2>&1
contains "the stamped message named by its From_ line (36)" "(first: $odd:36: From alice@trust.example Thu Nov 12 10:00:00 2026)" "$(cat "$tmp/odd.out")"
contains "the undated message named by its From_ line (28)" "known again by their content (first: $odd:28)" "$(cat "$tmp/odd.out")"
contains "a Date: still named by its own line (13)" "(first: $odd:13: Date: Tue, 01 Sep 2099" "$(cat "$tmp/odd.out")"
mkdir -p "$tmp/emptydir" "$tmp/md2/cur" "$tmp/md2/new" "$tmp/md2/tmp"
for d in emptydir md2; do
  "$bin" learn --store "sqlite:$tmp/$d.db" "$tmp/$d" > "$tmp/$d.out" 2>&1
  check "learn of an empty $d: exit 2" 2 $?
  contains "... nothing was read" "nothing was read: the Sent folders given hold no message ($tmp/$d)" "$(cat "$tmp/$d.out")"
  check "... no store made" no "$([ -e "$tmp/$d.db" ] && echo yes || echo no)"
done

# --- 5: a quoted local part that is an address ---------------------------------------
for q in jon.smith john.smith; do
  "$bin" check --store "sqlite:$tmp/names.db" --json --from alice@trust.example \
    "\"$q@partner.example\"@partner.example" > "$tmp/quoted-$q.json" 2>&1
  check "\"$q@partner.example\"@partner.example: asked (exit 1)" 1 $?
  check "... an address-typo suggesting john.smith@partner.example" "john.smith@partner.example" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("suggestion"))' "$tmp/quoted-$q.json" 2>&1)"
  contains "... saying the local part is an address" "the local part is itself an address, $q@partner.example" "$(cat "$tmp/quoted-$q.json")"
done

exit $fail

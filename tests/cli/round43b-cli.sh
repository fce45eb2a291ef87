#!/bin/sh
# Issue 14, round 43, through the CLI:
# 1. (tester round 42, finding 6) another real given name one letter from a
#    frequent contact's (mark.jones beside mary.jones) is `other-given-name`,
#    scored 0.5 and said to be maybe a different person; a slip that makes no
#    name (jhon.smith) stays `edit` at 0.8; the default policy confirms both;
#    a rule on the kind can only warn;
# 2. (r42a's leftover) a second learn that stops mid-way (a later source it
#    cannot read) says how many deliveries the store keeps from it, and the
#    same learn run again once fixed counts none of them twice;
# 3. (tester round 42, finding 2) rotated logs that overlap from inside a
#    message (the later file starts at its smtp "sent" line, its qmgr from=
#    line only in the earlier) count that delivery once, as repeated, and
#    learn exits 0.
# Usage: round43b-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

# --- 1: another real given name ---------------------------------------------------
{
  echo "sender,recipient,date"
  for day in 01 04 08 12 16 20 24 28; do
    echo "alice@trust.example,mary.jones@nhs.example,2026-03-${day}T10:00:00"
    echo "alice@trust.example,john.smith@partner.example,2026-03-${day}T11:00:00"
  done
} > "$tmp/history.csv"
"$bin" learn --store "sqlite:$tmp/h.db" "$tmp/history.csv" > /dev/null 2>&1
check "learn the history" 0 $?
out=$("$bin" check --json --store "sqlite:$tmp/h.db" --from alice@trust.example \
      mark.jones@nhs.example 2>&1)
contains "mark.jones beside mary.jones: kind other-given-name, score 0.5" \
  '"address_typo":{"kind":"other-given-name","score":0.5}' "$out"
contains "... said to be maybe another person" \
  "'mark' and 'mary' are both given names: this may be a different person" "$out"
contains "... the default policy still confirms it" '"action":"confirm"' "$out"
contains "... suggesting mary.jones" '"suggestion":"mary.jones@nhs.example"' "$out"
out=$("$bin" check --json --store "sqlite:$tmp/h.db" --from alice@trust.example \
      jhon.smith@partner.example 2>&1)
contains "jhon.smith beside john.smith: an edit at 0.8" \
  '"address_typo":{"kind":"edit","score":0.8}' "$out"
cat > "$tmp/warn-other-name.toml" <<'TOML'
[[rule]]
name = "address-typo-other-name"
address_typo_kind = ["other-given-name"]
action = "warn"

[[rule]]
name = "address-typo"
reason = ["address-typo"]
action = "confirm"
TOML
out=$("$bin" check --json --policy "$tmp/warn-other-name.toml" --store "sqlite:$tmp/h.db" \
      --from alice@trust.example mark.jones@nhs.example jhon.smith@partner.example 2>&1)
check "a rule on other-given-name warns mark.jones, confirms jhon.smith" \
  "warn confirm" "$(printf '%s\n' "$out" | sed -n 's/.*"action":"\([a-z]*\)".*/\1/p' | tr '\n' ' ' | sed 's/ $//')"

# --- 2: a second learn that stops mid-way ------------------------------------------
awk 'BEGIN { print "sender,recipient,date";
             for (i = 0; i < 25010; i++)
               printf "alice@trust.example,p%d@partner%d.example,2026-03-%02dT10:00:00\n",
                      i, i % 50, 1 + i % 28 }' > "$tmp/big.csv"
i=0
while [ $i -lt 20 ]; do echo "this is not a mail log"; i=$((i + 1)); done > "$tmp/notes.log"
out=$("$bin" learn --store "sqlite:$tmp/h.db" "$tmp/big.csv" "$tmp/notes.log" 2>&1)
check "a second learn stopped by a source it cannot read: exit 2" 2 $?
contains "... naming the source" "notes.log:1: not a mail log" "$out"
contains "... and saying what the store keeps of the run" \
  "the store keeps the 25,000 deliveries this run had written (25,000 new relationships), the rest was not learned" "$out"
out=$("$bin" learn --store "sqlite:$tmp/h.db" "$tmp/big.csv" 2>&1)
check "the same learn again, fixed: exit 0" 0 $?
contains "... counting none of the kept deliveries twice" "25,000 already in the store" "$out"
out=$("$bin" learn --store "sqlite:$tmp/h.db" "$tmp/notes.log" 2>&1)
contains "a learn stopped before writing says nothing was written" \
  "nothing this run read was written to the store" "$out"

# --- 3: rotated logs overlapping from inside a message -------------------------------
line() {  # SECONDS QUEUE TEXT: one Postfix line of 2026-10-15
  printf '2026-10-15T08:%02d:%02d.000000+00:00 mx1 postfix/%s\n' $(($1 / 60)) $(($1 % 60)) "$2"
}
msg_head() {  # SECONDS QUEUE N
  line "$1" "cleanup[1]: $2: message-id=<m$3@trust.example>"
  line $(($1 + 1)) "qmgr[2]: $2: from=<bob@trust.example>, size=1234, nrcpt=1 (queue active)"
}
msg_sent() {  # SECONDS QUEUE
  line $(($1 + 2)) "smtp[3]: $2: to=<ops@client.example>, relay=mx.client.example[203.0.113.5]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)"
  line $(($1 + 3)) "qmgr[2]: $2: removed"
}
{ msg_head 0 A1001 1; msg_sent 0 A1001; msg_head 10 A1002 2; msg_sent 10 A1002; } > "$tmp/mail.log.1"
{ msg_sent 10 A1002; msg_head 20 A1003 3; msg_sent 20 A1003; } > "$tmp/mail.log"
out=$("$bin" learn --store "sqlite:$tmp/rot.db" "$tmp/mail.log.1" "$tmp/mail.log" 2>&1)
check "rotated logs overlapping from inside a message: exit 0" 0 $?
contains "... the repeated delivery counted once" \
  "deliveries: 4 found = 3 new + 1 repeated in the sources" "$out"
case $out in *"sender the log does not show"*)
  check "... no 'sender the log does not show'" absent present ;; esac

exit $fail

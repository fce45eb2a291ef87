#!/bin/sh
# Issue 14, round 46 (the round-45 tester's N1 and N2), through the CLI, on
# one Sent folder: alice writes often to "Mary Jones" <mary.jones@nhs.example>,
# "Jane Doe" <jane.doe@bank.example>, "John Smith" <john.smith@partner.example>
# (and, less often, <js1977@home.example>), "Peter Walsh"
# <pwalsh@partner.example> and "Al Wu" <al.wu@bank.example>; a second folder
# adds "John Smith" <jon.smith@partner.example> (the brief's own-name case).
# 1. (N1) a display name one part of which is one or two edits off a frequent
#    contact's name, the other part exact, on another contact's address:
#    display-name, did you mean that contact; a name near the address's own
#    (its local part, or the name it is written to under), a name with both
#    parts off (Smith/Smyth with another given name), short or unrelated
#    names: no finding.
# 2. (N2 d) an address alice acknowledged is said to be acknowledged (by
#    whom, when), not "never written to", while bob is still asked.
# 3. (note 45's 17c) a domain confirmed with learn --confirm that nobody
#    wrote to is "a correspondent confirmed by an administrator", not "a
#    regular correspondent".
# 4. (note 45: names across runs) the name an address is written to under
#    survives a later folder's few messages under another name, and
#    learning that folder again; learn lists a message written to one
#    contact under another's name.
# Usage: round46c-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

id=0
alice_sent '"Mary Jones" <mary.jones@nhs.example>' '"Jane Doe" <jane.doe@bank.example>' \
           '"John Smith" <john.smith@partner.example>' \
           '"Peter Walsh" <pwalsh@partner.example>' '"Al Wu" <al.wu@bank.example>' > "$tmp/sent.mbox"
mail_to() {  # mail_to DAY TO: one message of alice's
  printf 'From alice@trust.example Thu Oct %s 11:00:00 2026\nFrom: Alice <alice@trust.example>\nTo: %s\nSubject: more\nDate: Thu, %s Oct 2026 11:00:00 +0000\nMessage-ID: <m%s-%s@trust.example>\n\nhello\n\n' \
    "$1" "$2" "$1" "$1" "$(printf '%s' "$2" | cksum | cut -d' ' -f1)"
}
for day in 02 06 10 14; do mail_to "$day" '"John Smith" <js1977@home.example>'; done >> "$tmp/sent.mbox"
{
  cat "$tmp/sent.mbox"
  for day in 03 07 11 15; do mail_to "$day" '"John Smith" <jon.smith@partner.example>'; done
} > "$tmp/sent2.mbox"

mkdir -p "$tmp/cfg"
printf 'store = "%s"\n' "$tmp/cfg/nearmiss.db" > "$tmp/nearmiss.toml"
NEARMISS_CONFIG=$tmp/nearmiss.toml
export NEARMISS_CONFIG
"$bin" learn "$tmp/sent.mbox" > "$tmp/learn.out" 2>&1
check "learn of the Sent folder: exit 0" 0 $?

field() {  # field FILE EXPR: a Python expression over the check JSON `r`
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>&1
}
kind_of() {  # kind_of DISPLAY-AND-ADDRESS: "KIND SUGGESTION ACTION" of check --json
  "$bin" check --json --from alice@trust.example "$1" > "$tmp/one.json" 2>&1
  field "$tmp/one.json" 'r.get("address_typo", {}).get("kind", "none") + " " + r.get("suggestion", "-") + " " + r["action"]'
}

# --- 1: near misses of a frequent contact's name on another contact's address ----
for name in 'Jon Smith' 'Jhon Smith' 'John Smyth' 'Smyth, John' 'Mr Jhon Smith (Partner)' \
            'Jon Smith - Partner Ltd'; do
  check "\"$name\" on Jane's address: display-name, did you mean John's" \
    "display-name john.smith@partner.example confirm" "$(kind_of "\"$name\" <jane.doe@bank.example>")"
done
for name in 'Mary Jone' 'Marie Jones' 'Mary Jonse'; do
  check "\"$name\" on Jane's address: display-name, did you mean Mary's" \
    "display-name mary.jones@nhs.example confirm" "$(kind_of "\"$name\" <jane.doe@bank.example>")"
done
check "\"Petr Walsh\" on Mary's address (John's organisation has Peter): Peter's" \
  "display-name pwalsh@partner.example confirm" "$(kind_of '"Petr Walsh" <mary.jones@nhs.example>')"
check "\"Jon Smith\" at John's own domain, on Peter's address: John's" \
  "display-name john.smith@partner.example confirm" "$(kind_of '"Jon Smith" <pwalsh@partner.example>')"
"$bin" check --from alice@trust.example '"Jon Smith" <jane.doe@bank.example>' > "$tmp/jon.txt" 2>&1
check "\"Jon Smith\" on Jane's address: asked (exit 1)" 1 $?
contains "... the reason says whose name it is near and how Jane is written to" \
  "the display name 'Jon Smith' is a near miss of 'John Smith', the name of john.smith@partner.example, not of this address, written to as 'Jane Doe'" \
  "$(cat "$tmp/jon.txt")"

# --- 1: what stays silent -----------------------------------------------------
for entry in '"Jane Doe" <jane.doe@bank.example>' '"Jane Do" <jane.doe@bank.example>' \
             '"Jayne Doe" <jane.doe@bank.example>' '"Jhon Smith" <js1977@home.example>' \
             '"Jon Smyth" <js1977@home.example>' '"John Smyth" <john.smith@partner.example>' \
             '"Jane Smyth" <jane.doe@bank.example>' '"Joan Smyth" <jane.doe@bank.example>' \
             '"Anna Smith" <jane.doe@bank.example>' '"Al Xu" <jane.doe@bank.example>' \
             '"Al Wo" <jane.doe@bank.example>' '"Jane Brown" <jane.doe@bank.example>' \
             '"Peter Wals" <pwalsh@partner.example>'; do
  check "$entry: no finding" "none - accept" "$(kind_of "$entry")"
done
# jon.smith@ written to as "John Smith": its own name and a near miss of it.
"$bin" learn --store "sqlite:$tmp/two.db" "$tmp/sent2.mbox" > "$tmp/learn2.out" 2>&1
check "learn of the second folder: exit 0" 0 $?
"$bin" check --store "sqlite:$tmp/two.db" --from alice@trust.example \
  '"Jon Smith" <jon.smith@partner.example>' '"Jhon Smith" <jon.smith@partner.example>' \
  '"John Smith" <jon.smith@partner.example>' > "$tmp/two.txt" 2>&1
check "\"Jon Smith\", \"Jhon Smith\", \"John Smith\" on jon.smith@ (written to as John Smith): accepted" 0 $?
# --- N2 d: an acknowledged address is said to be acknowledged ---------------------
# (a confirm-link release records one; here one made through the API)
add_ack "$tmp/cfg/nearmiss.db" alice@trust.example jhn.smith@partner.example address-typo \
  john.smith@partner.example edit
"$bin" check --from alice@trust.example jhn.smith@partner.example > "$tmp/acked.txt" 2>&1
check "jhn.smith@ acknowledged by alice: settled (exit 0)" 0 $?
contains "... said acknowledged, not 'never written to'" \
  "jhn.smith@partner.example has not been learned as written to here yet; acknowledged by alice@trust.example (api) on $(date -u +%Y-%m-%d)" \
  "$(cat "$tmp/acked.txt")"
"$bin" check --from bob@trust.example jhn.smith@partner.example > "$tmp/bob.txt" 2>&1
check "... bob's slip to the same address: still asked (exit 1)" 1 $?
contains "... and never written to, for bob" "jhn.smith@partner.example has never been written to here" "$(cat "$tmp/bob.txt")"
# --- 17c: a domain trusted by an administrator's word is said so ------------------
"$bin" learn --confirm newsupplier.example > "$tmp/confirm.out" 2>&1
check "learn --confirm newsupplier.example: exit 0" 0 $?
"$bin" check --from alice@trust.example bob@newsupplier.example > "$tmp/confirmed.txt" 2>&1
check "bob@newsupplier.example: trusted (exit 0)" 0 $?
contains "... as confirmed by an administrator, never written to (not 'a regular correspondent')" \
  "newsupplier.example is a correspondent confirmed by an administrator (learn --confirm), never written to here" \
  "$(cat "$tmp/confirmed.txt")"
"$bin" check --from alice@trust.example bob@partner.example > "$tmp/regular.txt" 2>&1
contains "... while partner.example is still a regular correspondent" \
  "partner.example is a regular correspondent" "$(cat "$tmp/regular.txt")"
# --- 4: the name learned across learns --------------------------------------------
# A second folder with three messages to jane.doe@ under "Mary Jones" does
# not outweigh the first folder's eight "Jane Doe" (it replaced it: a name
# used more than once in one learn won), learning it again changes nothing,
# and a name that really changed (twelve messages as "Jane Brown", more than
# the eleven counted before) is taken.
names_db="sqlite:$tmp/names.db"
"$bin" learn --store "$names_db" "$tmp/sent.mbox" > /dev/null 2>&1
for day in 02 03 04; do mail_to "$day" '"Mary Jones" <jane.doe@bank.example>'; done > "$tmp/mary.mbox"
for day in 15 16 17 18 19 20 21 22 23 24 25 26; do
  mail_to "$day" '"Jane Brown" <jane.doe@bank.example>'
done > "$tmp/brown.mbox"
shown_name() {  # the name --show gives alice -> jane.doe@
  "$bin" learn --store "$names_db" --show 2>&1 | grep 'alice@trust.example -> jane.doe@bank.example ' |
    sed 's/.*"\(.*\)".*/\1/'
}
check "after the first folder: Jane Doe" "Jane Doe" "$(shown_name)"
# learn lists a message written to one contact under another's name.
{ cat "$tmp/sent.mbox"; mail_to 30 '"Mary Jones" <jane.doe@bank.example>'; } > "$tmp/slip.mbox"
"$bin" learn --store "sqlite:$tmp/slip.db" "$tmp/slip.mbox" > "$tmp/slip-learn.out" 2>&1
contains "learn names the message to Jane under Mary's name" \
  "written under another contact's name: alice@trust.example -> jane.doe@bank.example as \"Mary Jones\" (1 message), the name mary.jones@nhs.example is written to under" \
  "$(cat "$tmp/slip-learn.out")"
check "... and nothing else" 1 "$(grep -c "another contact's name" "$tmp/slip-learn.out")"
"$bin" learn --store "$names_db" "$tmp/mary.mbox" > /dev/null 2>&1
check "after three messages under Mary Jones: still Jane Doe" "Jane Doe" "$(shown_name)"
"$bin" learn --store "$names_db" "$tmp/mary.mbox" > /dev/null 2>&1
check "after learning them again: still Jane Doe" "Jane Doe" "$(shown_name)"
"$bin" check --store "$names_db" --from alice@trust.example '"Mary Jones" <jane.doe@bank.example>' > /dev/null 2>&1
check "... and Mary's name on Jane's address is still asked (exit 1)" 1 $?
"$bin" learn --store "$names_db" "$tmp/brown.mbox" > /dev/null 2>&1
check "after twelve messages under Jane Brown: Jane Brown" "Jane Brown" "$(shown_name)"
exit $fail

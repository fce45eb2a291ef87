#!/bin/sh
# Issue 14, round 47 (round 46's fresh tester), through the CLI, on one Sent
# folder: alice writes often to "Jon Smythe" <js@partner.example>, "John
# Smith" <john.smith@partner.example>, "Wei Zhang" <wz@client.example>,
# "Accounts Payable" <ap@supplier-a.example>, "Customer Service"
# <help@shop-a.example> and, under an RFC 2047 name, jm7@client.example.
# 1. (item 2) a learned name over another address at the same domain is a
#    display-name slip naming the learned address; the name over its own
#    address, or over an address it fits, is not.
# 2. (item 4) a role mailbox's name over a new supplier's address names no
#    one: external, no address-typo.
# 3. (item 1) a display-name acknowledgement settles the later "one letter
#    differs" warning about the same address (check --from).
# 4. (item 6) check's summary counts each class once.
# 5. (item 8) learn --show prints learned names decoded.
# 6. (item 7) a Maildir name dated after now dates nothing.
# Usage: round47a-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

id=0
alice_sent '"Jon Smythe" <js@partner.example>' '"John Smith" <john.smith@partner.example>' \
           '"Wei Zhang" <wz@client.example>' '"Accounts Payable" <ap@supplier-a.example>' \
           '"Customer Service" <help@shop-a.example>' \
           '=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <jm7@client.example>' > "$tmp/sent.mbox"
mkdir -p "$tmp/cfg"
printf 'store = "%s"\n' "$tmp/cfg/nearmiss.db" > "$tmp/nearmiss.toml"
NEARMISS_CONFIG=$tmp/nearmiss.toml
export NEARMISS_CONFIG
"$bin" learn "$tmp/sent.mbox" > "$tmp/learn.out" 2>&1
check "learn of the Sent folder: exit 0" 0 $?

field() {  # field FILE EXPR: a Python expression over the check JSON `r`
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>&1
}
kind_of() {  # kind_of DISPLAY-AND-ADDRESS: "KIND SUGGESTION" of check --json
  "$bin" check --json --from alice@trust.example "$1" > "$tmp/one.json" 2>&1
  field "$tmp/one.json" 'r.get("address_typo", {}).get("kind", "none") + " " + r.get("suggestion", "-")'
}

# --- 1: a learned name over another address at its own domain -------------
check "'Jon Smythe' over kwame.mensah@partner.example names js@" \
  "display-name js@partner.example" "$(kind_of '"Jon Smythe" <kwame.mensah@partner.example>')"
check "'Wei Zhang' over lihua@client.example names wz@" \
  "display-name wz@client.example" "$(kind_of '"Wei Zhang" <lihua@client.example>')"
"$bin" check --from alice@trust.example '"Jon Smythe" <kwame.mensah@partner.example>' > "$tmp/k.txt" 2>&1
contains "... said as the name it is written to under" \
  "names js@partner.example, the name it is written to under, not this address" "$(cat "$tmp/k.txt")"
check "the name over its own address: no slip" "none -" "$(kind_of '"Jon Smythe" <js@partner.example>')"
check "the name over an address it fits: no slip" "none -" \
  "$(kind_of '"Jon Smythe" <jon.smythe@partner.example>')"

# --- 2: a role mailbox's name names no one ---------------------------------
for entry in '"Accounts Payable" <ap@acme-corp.example>' '"Customer Service" <cs@acme-corp.example>' \
             '"Accounts Payable" <invoices@supplier-a.example>'; do
  check "$entry: no address-typo" "none -" "$(kind_of "$entry")"
done

# --- 3: a display-name acknowledgement settles the weaker warning ----------
check "jon.smith@ alone is one letter off john.smith@" "edit john.smith@partner.example" \
  "$(kind_of 'jon.smith@partner.example')"
check "under John's name it is a display-name slip" "display-name john.smith@partner.example" \
  "$(kind_of '"John Smith" <jon.smith@partner.example>')"
add_ack "$tmp/cfg/nearmiss.db" alice@trust.example jon.smith@partner.example address-typo \
  john.smith@partner.example display-name
"$bin" check --from alice@trust.example jon.smith@partner.example > "$tmp/ack.txt" 2>&1
check "after the display-name acknowledgement, jon.smith@ alone: exit 0" 0 $?
"$bin" check --from alice@trust.example '"Jon Smith" <jon.smith@partner.example>' > "$tmp/ack2.txt" 2>&1
check "... and under Jon's own name: exit 0" 0 $?
"$bin" check --from alice@trust.example '"Wei Zhang" <jon.smith@partner.example>' > "$tmp/ack3.txt" 2>&1
check "... but under another person's name: asked again, exit 1" 1 $?

# --- 4: one count per class in check's summary -----------------------------
"$bin" check --from alice@trust.example 'jhon.smith@partner.example' \
  '"Jon Smythe" <j.smythe@newco.example>' 'x@gmail.com' > "$tmp/sum.txt" 2>&1
contains "the summary counts the two address-typos once" "3 checked: 1 trusted, 2 address-typo;" \
  "$(tail -1 "$tmp/sum.txt")"

# --- 5: learned names shown decoded ----------------------------------------
"$bin" learn --show > "$tmp/show.txt" 2>&1
contains "learn --show decodes the RFC 2047 name" '"Jörg Müller"' "$(cat "$tmp/show.txt")"

# --- 6: a Maildir file name after now dates nothing ------------------------
mkdir -p "$tmp/md/.Sent/cur" "$tmp/md/.Sent/new" "$tmp/md/.Sent/tmp"
for n in 1 2 3; do
  printf 'From: Alice <alice@trust.example>\nTo: hana@maildir.example\nSubject: s%s\n\nhello\n' "$n" \
    > "$tmp/md/.Sent/cur/190000000$n.M${n}P9.otherhost:2,S"
done
"$bin" learn "$tmp/md" > "$tmp/md.out" 2>&1
"$bin" learn --show > "$tmp/show2.txt" 2>&1
check "no learned date in 2030" "" "$(grep 'hana@maildir.example' "$tmp/show2.txt" | grep -o '2030-[0-9-]*')"

exit $fail

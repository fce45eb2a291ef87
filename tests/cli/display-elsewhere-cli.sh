#!/bin/sh
# The wrong person at the right domain, across domains (issue 14, round 41,
# items 3 and 4): a display name that names a frequent contact in full,
# over an address at another organisation's domain never written to, is
# address-typo with a "did you mean" of that contact. The person is named
# by the frequent address's local part (john.smith@partner.example is John
# Smith) or by the display name `learn` kept from a Sent folder's To:
# ("Jon Smythe" <js@partner.example>, whose local part names no one).
# The right address under its own name, and new contacts whose names no
# frequent address has, are not flagged.
# Usage: display-elsewhere-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history
export NEARMISS_CONFIG=/dev/null
# field EXPR ENTRY: a field of `check --json ENTRY` on the default store.
field() {
  "$bin" check --json "$2" | python3 -c "import json,sys; c=json.loads(sys.stdin.read()); print($1)"
}
codes='" ".join(sorted(r["code"] for r in c["reasons"]))'

"$bin" learn "$data/sent-45-days.mbox" "$data/round41/smythe.mbox" >"$tmp/learn.txt" 2>&1
check "learn exits 0" 0 $?

# The local part names the person. partner-example.com is also a look-alike
# of partner.example (dot-omission), which says more and suggests the same.
entry='"John Smith" <john.smith@partner-example.com>'
check "John Smith at partner-example.com: did you mean john.smith@partner.example" \
  john.smith@partner.example "$(field 'c.get("suggestion", "")' "$entry")"
# A webmail address no domain rule relates to partner.example: only the name does.
entry='"John Smith" <john.smith@gmail.com>'
contains "John Smith at gmail.com: address-typo" "address-typo" "$(field "$codes" "$entry")"
check "... did you mean john.smith@partner.example" john.smith@partner.example \
  "$(field 'c.get("suggestion", "")' "$entry")"
contains "... the reason says whose name it is" \
  "names john.smith@partner.example, at another domain" "$(field 'json.dumps(c["reasons"])' "$entry")"
check "Smith, John <jsmith77@outlook.com>: the same" john.smith@partner.example \
  "$(field 'c.get("suggestion", "")' '"Smith, John" <jsmith77@outlook.com>')"

# The display name learned from the Sent folder names the person.
entry='"Jon Smythe" <jon.smythe@gmail.com>'
check "Jon Smythe at gmail.com: did you mean js@partner.example (a learned name)" \
  js@partner.example "$(field 'c.get("suggestion", "")' "$entry")"
"$bin" learn --show --sender alice@mod.example >"$tmp/show.txt" 2>&1
sqlite3 "$tmp/state/nearmiss.db" \
  "SELECT display_name FROM nm_correspondent WHERE recipient = 'js@partner.example'" >"$tmp/names.txt"
check "learn kept the display name" "Jon Smythe" "$(cat "$tmp/names.txt")"
# A store learned before schema 8 kept no names: learning the folder again
# counts nothing, and fills them.
sqlite3 "$tmp/state/nearmiss.db" "UPDATE nm_correspondent SET display_name = ''"
check "... with the names gone, js@ is named by no one" "" \
  "$(field 'c.get("suggestion", "")' '"Jon Smythe" <jon.smythe@gmail.com>')"
"$bin" learn "$data/round41/smythe.mbox" >"$tmp/learn2.txt" 2>&1
contains "learned again: nothing counts twice" "4 found = 0 new + 0 repeated in the sources + 4 already in the store" \
  "$(cat "$tmp/learn2.txt")"
check "... and the name is back" "Jon Smythe" "$(sqlite3 "$tmp/state/nearmiss.db" \
  "SELECT display_name FROM nm_correspondent WHERE recipient = 'js@partner.example'")"
check "... so is the suggestion" js@partner.example \
  "$(field 'c.get("suggestion", "")' '"Jon Smythe" <jon.smythe@gmail.com>')"

# Not flagged: the right address, a name no frequent address has, a given
# name alone, a name that is an initial.
check "John Smith at partner.example: no address-typo" "" \
  "$(field '"address-typo" if "address-typo" in '"$codes"' else ""' '"John Smith" <john.smith@partner.example>')"
for entry in '"Mary Major" <mary.major@newco.example>' '"John" <john@newco.example>' \
             '"J. Smith" <j.smith@newco.example>' '"Peter Smith" <peter.smith@newco.example>'; do
  check "$entry: no address-typo" "" \
    "$(field '"address-typo" if "address-typo" in '"$codes"' else ""' "$entry")"
done
exit $fail

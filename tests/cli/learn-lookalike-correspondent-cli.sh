#!/bin/sh
# Issue 15, tester r59b, finding 2: a Sent folder holds slips too. A
# look-alike learn leaves out (gmial.com, nhs.nt, westpac.com.ua), or one
# under a TLD the root zone lacks (hotmail.fe), written to often, is never
# the "frequent correspondent" a real address is judged against, nor a
# suggestion: lee@hotmail.fr was "did you mean lee@hotmail.fe?".
# Usage: learn-lookalike-correspondent-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
lacks() {  # lacks NAME NEEDLE HAYSTACK
  case $3 in
    *"$2"*) echo "FAIL $1: '$2' in:"; echo "$3"; fail=1 ;;
    *) echo "ok   $1" ;;
  esac
}
printf '[domains]\norganisation = ["org.example"]\nallow = ["westpac.com.au", "fabrikam.co.uk"]\n' \
  > "$tmp/pol.toml"
{
  echo 'sender,recipient,date'
  for r in bob@gmial.com lee@hotmail.fe kim@nhs.nt ann@westpac.com.ua joe@mial.com \
           pat@fabrikam.co.uk; do
    for m in 08 09 10; do
      for d in 01 08 15 22; do echo "alice@org.example,$r,2026-$m-$d 10:00:00"; done
    done
  done
} > "$tmp/l.csv"
"$bin" learn --store "$tmp/s.db" --policy "$tmp/pol.toml" "$tmp/l.csv" > "$tmp/learn.txt" 2>&1
check "learn: exit 0" 0 $?
contains "learn leaves gmial.com out" "left out gmial.com (12 messages): looks like gmail.com" \
  "$(cat "$tmp/learn.txt")"
out=$("$bin" check --store "$tmp/s.db" --policy "$tmp/pol.toml" --from alice@org.example \
  bob@gmail.com lee@hotmail.fr kim@nhs.net ann@westpac.com.au joe@mail.com 2>&1)
for bad in bob@gmial.com lee@hotmail.fe kim@nhs.nt ann@westpac.com.ua joe@mial.com; do
  lacks "no suggestion of the look-alike $bad" "$bad" "$out"
done
lacks "no real address is an address typo of a left-out look-alike" "frequent correspondent" "$out"
# A real correspondent's slip is still one: pat@fabrikam.co.uk is trusted.
out=$("$bin" check --store "$tmp/s.db" --policy "$tmp/pol.toml" --from alice@org.example \
  pta@fabrikam.co.uk 2>&1)
contains "a slip of a real frequent address is still offered it" "did you mean pat@fabrikam.co.uk?" \
  "$out"
exit $fail

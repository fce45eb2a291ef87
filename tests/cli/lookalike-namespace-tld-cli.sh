#!/bin/sh
# Issue 15, tester r59b, finding 4: a namespace apex with a TLD the root
# zone lacks added (gov.uk.ik, police.uk.ik, gov.au.ay) got "... and the
# trusted domain nearest it is );", an empty name, and no suggestion in the
# text line while the JSON offered "an address under .gov.uk". The sentence
# names the namespace whole, and the text offers what the JSON does.
# Usage: lookalike-namespace-tld-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
for pair in gov.uk.ik:gov.uk police.uk.ik:police.uk gov.au.ay:gov.au; do
  d=${pair%%:*}
  ns=${pair#*:}
  out=$("$bin" check --store none "x@$d" 2>&1)
  contains "$d: the sentence names the namespace" \
    "it is the namespace $ns with .${d##*.} added, and $ns is no mail domain" "$out"
  case $out in
    *"nearest it is )"* | *"nearest it is ;"*) echo "FAIL $d: an empty name: $out"; fail=1 ;;
    *) echo "ok   $d: no empty name" ;;
  esac
  contains "$d: the text offers an address under the namespace" \
    "did you mean an address under .$ns?" "$out"
  json=$("$bin" check --store none --json "x@$d" 2>&1)
  contains "$d: as the JSON does" "did you mean an address under .$ns?" "$json"
done
exit $fail

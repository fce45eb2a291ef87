#!/bin/sh
# Issue 15, round 47 (round 46's fresh tester 15, findings 8, 10 and 11):
# 8.  the Postfix map's REJECT text carries the enhanced status of the
#     policy's own reply (gmail.con: rule lookalike-undeliverable, 550
#     5.1.2), not always 5.7.1;
# 10. permute of a source the policy refuses ('.co.uk') says the error
#     alone, no note that it will be permuted;
# 11. policy lint warns of dns.catch_all_probe under dns.enabled = false.
# Usage: round47b-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
NEARMISS_CONFIG=/dev/null
export NEARMISS_CONFIG

"$bin" permute --format postfix gmail.com army.mil > "$tmp/map" 2> /dev/null
check "gmail.con: the policy's 5.1.2" \
  "gmail.con REJECT 5.1.2 gmail.con looks like gmail.com (tld-not-delegated)" \
  "$(grep '^gmail\.con ' "$tmp/map")"
check "army.ml: the policy's 5.7.1" "army.ml REJECT 5.7.1 army.ml looks like army.mil (suffix-edit)" \
  "$(grep '^army\.ml ' "$tmp/map")"
"$bin" policy explain --from alice@mod.example --to x@gmail.con > "$tmp/explain" 2>&1
contains "... which is what the milter answers at RCPT" "550 5.1.2" "$(cat "$tmp/explain")"

"$bin" permute .co.uk > "$tmp/cous" 2> "$tmp/cous.err"
check "permute .co.uk: exit 2" 2 $?
check "... no note that it would be permuted" 0 "$(grep -c 'note:' "$tmp/cous.err")"
contains "... the error says why" "would trust every domain under .co.uk" "$(cat "$tmp/cous.err")"
"$bin" permute acme-widgets.com > /dev/null 2> "$tmp/partner.err"
check "permute of an unlisted domain: exit 0" 0 $?
contains "... with its note" "acme-widgets.com is in no list of the policy" "$(cat "$tmp/partner.err")"

printf '[dns]\nenabled = false\ncatch_all_probe = true\nservers = ["127.0.0.1"]\n' > "$tmp/probe.toml"
"$bin" policy lint "$tmp/probe.toml" > "$tmp/lint" 2>&1
check "lint: exit 0 (a warning)" 0 $?
contains "lint warns the probe does nothing" "dns.catch_all_probe = true does nothing while dns.enabled is false" \
  "$(cat "$tmp/lint")"
printf '[dns]\nenabled = true\ncatch_all_probe = true\nservers = ["127.0.0.1"]\n' > "$tmp/probe2.toml"
"$bin" policy lint "$tmp/probe2.toml" > "$tmp/lint2" 2>&1
check "... not with DNS on" 0 "$(grep -c 'catch_all_probe' "$tmp/lint2")"

exit $fail

#!/bin/sh
# The policy's [sensitivity.labels] table applied where Purview writes a
# label besides its header: the content marking it adds to a body (a footer
# "Sensitivity: Team Internal", a sublabel "Classification:
# Confidential\Finance", a header line with the label's name alone), and an
# msip_labels label named by its GUID. Each fixture under
# tests/testdata/markings/policy-labels through `nearmiss scan` with the
# tenant's policy.toml beside them, and with the embedded default (which does
# not know these names) to show the table is what places them; one through
# `nearmiss policy explain --message`. Usage: policy-labels-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
data=tests/testdata/markings/policy-labels
. "$root/tests/cli/lib.sh"

# level, action and the pack/where of the finding that decided.
summary() {  # summary JSONL FIXTURE
  grep -F "\"source\":\"$data/$2.eml\"" "$1" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
s = m["sensitivity"]
top = [f["pack"] + "@" + f["where"] for f in s["findings"]
       if f["strength"] == "strong" and f["level"] == s["level"]]
print(s["level"], m["action"], top[0] if top else "-")'
}

fixtures="footer-team-internal footer-sublabel header-name-only mentions-label msip-guid"
files=""
for f in $fixtures; do files="$files $data/$f.eml"; done
# shellcheck disable=SC2086  # the list of fixtures is split on purpose
"$bin" scan --json --policy $data/policy.toml $files > "$tmp/with.jsonl"
check "scan with the table: flagged exit code" 1 $?
# shellcheck disable=SC2086
"$bin" scan --json $files > "$tmp/without.jsonl"

check "footer 'Sensitivity: Team Internal' placed by the table, tagged" \
  "OFFICIAL-SENSITIVE tag policy-labels@body" "$(summary "$tmp/with.jsonl" footer-team-internal)"
check "without the table the footer is not a marking" \
  "none accept -" "$(summary "$tmp/without.jsonl" footer-team-internal)"
check "footer sublabel 'Confidential\\Finance': the table's whole name wins, held" \
  "SECRET hold policy-labels@body" "$(summary "$tmp/with.jsonl" footer-sublabel)"
check "the table wins over the packs on that line: no other finding there" 0 \
  "$(grep -F "\"source\":\"$data/footer-sublabel.eml\"" "$tmp/with.jsonl" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
print(len([f for f in m["sensitivity"]["findings"] if f["pack"] != "policy-labels"]))')"
check "a first line that is a label's name alone (internal name Falcon_Restricted_0)" \
  "SECRET hold policy-labels@body" "$(summary "$tmp/with.jsonl" header-name-only)"
check "without the table that line is not a marking" \
  "none accept -" "$(summary "$tmp/without.jsonl" header-name-only)"
check "a label named in running prose is no marking" \
  "none accept -" "$(summary "$tmp/with.jsonl" mentions-label)"
check "an msip_labels label placed by its GUID" \
  "TOP SECRET hold policy-labels@header:msip_labels" "$(summary "$tmp/with.jsonl" msip-guid)"
check "without the table that label is unknown-label, held" \
  "unknown-label hold labels@header:msip_labels" "$(summary "$tmp/without.jsonl" msip-guid)"

out=$("$bin" policy explain --policy $data/policy.toml --from alice@example.org \
      --to bob@example-contractor.com --message $data/footer-team-internal.eml)
check "explain: the footer's label decides" "sensitivity: OFFICIAL-SENSITIVE|tag" \
  "$(printf '%s\n' "$out" | grep '^sensitivity:')|$(printf '%s\n' "$out" | sed -n 's/^action: \([a-z-]*\).*/\1/p')"
exit $fail

#!/bin/sh
# Issue 13, round 55 (h16), from round 55's tester 13: the fixtures of
# tests/testdata/markings/round55 through `nearmiss scan` and `policy
# explain` (a marking as a field's whole value: JSON, XML attributes, CSV
# cells, YAML; a zip's archive and member comments), and POST /v1/check
# reading Keywords and Comments in `headers` as scan and the milter read
# them. Usage: round55-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
data=tests/testdata/markings/round55
. "$root/tests/cli/lib.sh"
. "$root/tests/daemon/lib.sh"  # wait_for

files=""
for f in "$data"/*.eml; do files="$files $f"; done
# shellcheck disable=SC2086  # the list of fixtures is split on purpose
"$bin" scan --json --store none $files > "$tmp/scan.jsonl"

check_fixtures "$bin" "$data" "json-classification SECRET true hold
json-one-line TOP_SECRET true hold
json-deep-record SECRET true hold
xml-attribute SECRET true hold
csv-far-cell SECRET true hold
yaml-field SECRET true hold
neg-json-clearance none true accept
neg-json-recipe none true accept
neg-xml-recipe none true accept
zip-archive-comment SECRET true hold
zip-member-comment SECRET true hold
neg-zip-comment none true accept"

# The field is named where the marking was found.
place=$(grep -F "\"source\":\"$data/json-deep-record.eml\"" "$tmp/scan.jsonl" | python3 -c '
import json, sys
s = json.loads(sys.stdin.read())["sensitivity"]
print([f.get("place", "-") for f in s["findings"] if f["strength"] == "strong"][0])')
check "place: the JSON field" 'field "/8/classification"' "$place"

# --- /v1/check reads the headers the milter reads ---------------------------
port=$("$root/tests/free-port")
"$bin" serve --listen "127.0.0.1:$port" --postfix-bin /nonexistent --store none \
  >/dev/null 2>"$tmp/serve.err" &
serve_pid=$!
wait_for "$tmp/serve.err" "listening on" $serve_pid || { echo "FAIL serve did not start"; cat "$tmp/serve.err"; exit 1; }
api_level() {  # api_level HEADERS_JSON: the answer's sensitivity level
  curl -s -H 'Content-Type: application/json' \
    -d "{\"from\":\"alice@example.org\",\"to\":[\"bob@gmail.com\"],\"headers\":$1}" \
    "http://127.0.0.1:$port/v1/check" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["sensitivity"]["level"])'
}
check "api: Keywords TOP SECRET" "TOP SECRET" "$(api_level '{"Keywords":"recipes, TOP SECRET"}')"
check "api: Comments SECRET//NOFORN" "SECRET" "$(api_level '{"Comments":"SECRET//NOFORN"}')"
check "api: ordinary Keywords" "none" "$(api_level '{"Keywords":"recipes, cakes"}')"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null

# --- policy lint: a rule that never decides; at least "none" (finding 6) ----
printf '[[rule]]\nname = "low-ok"\nsensitivity_at_most = "OFFICIAL"\naction = "accept"\n\n[[rule]]\nname = "rest"\naction = "hold"\n' >"$tmp/p3.toml"
out=$("$bin" policy lint "$tmp/p3.toml" 2>&1)
contains "lint: a content rule a later catch-all overrides" \
  "rule 'low-ok' never decides: rule 'rest'" "$out"
printf '[[rule]]\nname = "hold-rest"\nsensitivity_at_least = "none"\naction = "hold"\n' >"$tmp/p1.toml"
out=$("$bin" policy lint "$tmp/p1.toml" 2>&1)
check "lint: sensitivity_at_least = none is an error" 1 "$([ $? -ne 0 ] && echo 1 || echo 0)"
contains "... and says why" 'sensitivity_at_least = "none" holds for every message' "$out"
printf '[[rule]]\nname = "low-ok"\nsensitivity_at_most = "OFFICIAL"\naction = "accept"\n\n[[rule]]\nname = "rest"\nsensitivity_at_least = "OFFICIAL-SENSITIVE"\naction = "hold"\n' >"$tmp/p2.toml"
out=$("$bin" policy lint "$tmp/p2.toml" 2>&1)
case $out in *"never decides"*) check "lint: p2 (a content catch-all) is fine" none warned ;; esac

# --- a ';' list in X-Protective-Marking; a bracket closed (finding 7) --------
texts() {  # texts EML: the findings' texts, one a line
  "$bin" scan --json --store none "$1" 2>/dev/null | python3 -c '
import json, sys
for f in json.loads(sys.stdin.readline())["sensitivity"]["findings"]: print(f["level"] + "=" + f["text"])'
}
printf 'From: alice@example.org\nTo: bob@gmail.com\nSubject: tender\nX-Protective-Marking: VER=2018.4; NS=gov.au; SEC=SECRET; ORIGIN=alice@example.org\n\nThe scores.\n' >"$tmp/l26.eml"
check "X-Protective-Marking with ';': SEC read" "SECRET=SECRET" "$(texts "$tmp/l26.eml")"
printf 'From: alice@example.org\nTo: bob@gmail.com\nSubject: tender\n\nOFFICIAL-SENSITIVE [COMMERCIAL]\n\nThe scores.\n' >"$tmp/d20.eml"
check "the finding keeps its closing bracket" "OFFICIAL-SENSITIVE=OFFICIAL-SENSITIVE [COMMERCIAL]" \
  "$(texts "$tmp/d20.eml" | head -1)"
exit $fail

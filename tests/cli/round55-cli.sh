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
exit $fail

#!/bin/sh
# Issue 13, round 45 (s45a), from round 44's tester 13: the fixtures of
# tests/testdata/markings/round45a through `nearmiss scan` and `policy
# explain`. p1: each document property (OOXML core and extended
# properties, ODF meta.xml, Flat ODF office:meta) is a page of its own,
# named by its place. v2: Visio shape texts are lines; XPS and OpenXPS pages
# are read from their Glyphs, and glyphs without text are unread. x4: a
# PDF's XMP title, subject, description and keywords. c3: Word document
# variables, a Boldon James label part, a Sensitivity property. Usage:
# round45a-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
data=tests/testdata/markings/round45a
. "$root/tests/cli/lib.sh"

# The place of the first strong finding at the message's level.
place() {  # place FIXTURE
  grep -F "\"source\":\"$data/$1.eml\"" "$tmp/scan.jsonl" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
s = m["sensitivity"]
top = [f.get("place", "-") + "=" + f["text"] for f in s["findings"]
       if f["strength"] == "strong" and f["level"] == s["level"]]
print(top[0] if top else "-")'
}

files=""
for f in "$data"/*.eml; do files="$files $f"; done
# shellcheck disable=SC2086  # the list of fixtures is split on purpose
"$bin" scan --json $files > "$tmp/scan.jsonl"

check_fixtures "$bin" "$data" "p1-docx-core-subject SECRET true hold
p1-docx-core-keywords OFFICIAL-SENSITIVE true tag
p1-docx-core-status OFFICIAL-SENSITIVE true tag
p1-docx-core-category TOP_SECRET true hold
p1-docx-app-company SECRET true hold
p1-neg-docx-core-ordinary none true accept
p1-pptx-core SECRET true hold
p1-xlsx-core SECRET true hold
p1-odt-meta SECRET true hold
p1-fodt-meta SECRET true hold
v2-vsdx-shapes SECRET true hold
v2-vsdx-master-banner SECRET true hold
v2-neg-vsdx-ordinary none true accept
v2-xps-pages SECRET true hold
v2-oxps-page SECRET true hold
v2-xps-glyphs-without-text none false hold
v2-neg-xps-ordinary none true accept
x4-pdf-xmp-subject SECRET true hold
x4-pdf-xmp-keywords OFFICIAL-SENSITIVE true tag
x4-pdf-xmp-keywords-attribute SECRET true hold
x4-pdf-xmp-description TOP_SECRET true hold
x4-neg-pdf-xmp-ordinary none true accept
c3-docx-docvars SECRET true hold
c3-neg-docx-docvars-ordinary none true accept
c3-docx-bj-sisl SECRET true hold
c3-docx-bj-sisl-unknown unknown-label true hold
c3-docx-custom-sensitivity SECRET true hold
c3-neg-docx-custom-sensitivity-normal none true accept"

check "place: the core property Subject" 'document property "Subject"=UK SECRET' \
  "$(place p1-docx-core-subject)"
check "place: Word's Status field" 'document property "Status"=OFFICIAL-SENSITIVE' \
  "$(place p1-docx-core-status)"
check "place: ODF meta.xml's subject" 'document property "Subject"=UK SECRET' \
  "$(place p1-odt-meta)"
check "place: a Visio drawing page" 'drawing page=UK SECRET' "$(place v2-vsdx-shapes)"
check "place: an XPS page" 'page "Documents/1/Pages/2.fpage"=UK SECRET' \
  "$(place v2-xps-pages)"
check "place: XMP keywords" 'document property "Keywords"=OFFICIAL-SENSITIVE' \
  "$(place x4-pdf-xmp-keywords)"
out=$("$bin" policy explain --from alice@example.org --to bob@outside-partner.com \
      --message $data/v2-xps-glyphs-without-text.eml)
contains "explain: XPS glyphs without text are named unread" \
  "runs of glyphs carry no Unicode text" "$out"
# e5: `policy explain --body-file` given a document reads it as an
# attachment (main read the zip's bytes as text: none, accept); a text
# file is the body, as before.
explain_body() {  # explain_body FILE [SUBJECT]
  "$bin" policy explain --from alice@example.org --to bob@outside-partner.com \
    --subject "${2:-Route}" --body-file "$data/$1" 2>&1
}
out=$(explain_body e5-route.docx)
contains "body-file docx: read as an attachment, SECRET" \
  "SECRET from 'UK SECRET' (uk, strong: on a banner line) in attachment:e5-route.docx, page header" "$out"
contains "body-file docx: held" "bob@outside-partner.com: external -> hold" "$out"
contains "body-file docx: says why" "e5-route.docx is not text (a Word, Excel, PowerPoint" "$out"
out=$(explain_body e5-route.docx "UK TOP SECRET: route")
contains "body-file docx: the subject still counts" "sensitivity: TOP SECRET" "$out"
out=$(explain_body e5-notes.txt)
contains "body-file text: the body, as before" "SECRET from 'UK SECRET' (uk, strong: on a banner line) in body" "$out"
exit $fail

#!/bin/sh
# Issue 14, round 52's tester 14, through the CLI:
# 3. Apple Mail's .emlx messages (a byte count line, the message, Apple's
#    property list) are read by learn and scan: one file given alone (by its
#    name, or without the .emlx name by its first bytes), and a folder of
#    Apple Mail's store (Sent Messages.mbox/UUID/Data/.../Messages/N.emlx,
#    its Info.plist files Apple's own and not named as unread). Before,
#    learn took a lone .emlx for a log and refused it, and read a store
#    folder's messages as "not a MIME message", learning nothing.
# 1. A name part added to a frequent address (juan.martinez.garcia for the
#    frequent juan.martinez: a Spanish second family name, a middle name) is
#    an address-typo the default policy asks about, never accepted.
# Usage: learn-round53-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
# emlx FILE N TO: an .emlx of alice's message N to TO, on day N of October.
emlx() {
  python3 - "$@" <<'PY'
import sys
path, n, to = sys.argv[1], int(sys.argv[2]), sys.argv[3]
msg = ("From: Alice <alice@trust.example>\nTo: %s\nSubject: note %d\n"
       "Date: Thu, %02d Oct 2026 10:00:00 +0000\nMessage-ID: <e%d@trust.example>\n\nhello\n"
       % (to, n, n, n)).encode()
plist = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
         b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
         b'\t<key>flags</key>\n\t<integer>8590195713</integer>\n</dict>\n</plist>\n')
open(path, "wb").write(b"%d\n" % len(msg) + msg + plist)
PY
}

# --- 3: .emlx ----------------------------------------------------------------
emlx "$tmp/one.emlx" 1 "Bob <bob@partner.example>"
"$bin" learn --store "$tmp/one.db" "$tmp/one.emlx" > "$tmp/out.txt" 2>&1
check "learn one.emlx: exit 0" 0 $?
contains "... one Sent message read" "1 Sent folder message" "$(cat "$tmp/out.txt")"
check "... bob@partner.example learned" "bob@partner.example|1" \
  "$(rows "$tmp/one.db" "select recipient, messages from nm_correspondent")"
cp "$tmp/one.emlx" "$tmp/noname"
"$bin" learn --store "$tmp/noname.db" "$tmp/noname" > "$tmp/out.txt" 2>&1
check "learn an .emlx without its name: exit 0" 0 $?
contains "... read as a Sent message" "1 Sent folder message" "$(cat "$tmp/out.txt")"
# Apple Mail's store: a mailbox folder's messages and its own plists.
box="$tmp/Mail/V10/ACCOUNT/Sent Messages.mbox"
msgs="$box/0A1B2C3D-UUID/Data/1/Messages"
mkdir -p "$msgs"
printf '<?xml version="1.0"?>\n<plist version="1.0"><dict/></plist>\n' > "$box/Info.plist"
cp "$box/Info.plist" "$box/0A1B2C3D-UUID/Info.plist"
day=1
for to in "Bob <bob@partner.example>" "Carol <carol@partner.example>" "Bob <bob@partner.example>"; do
  emlx "$msgs/$((100 + day)).emlx" $day "$to"
  day=$((day + 1))
done
emlx "$msgs/104.partial.emlx" 4 "Dan <dan@partner.example>"
"$bin" learn --store "$tmp/box.db" "$box" > "$tmp/out.txt" 2>&1
check "learn an Apple Mail store folder: exit 0" 0 $?
contains "... its four messages read" "4 Sent folder messages" "$(cat "$tmp/out.txt")"
case $(cat "$tmp/out.txt") in
  *"not read"*|*plist*) check "... Info.plist named as unread" none "$(cat "$tmp/out.txt")" ;;
esac
check "... every recipient learned" "bob@partner.example|2 carol@partner.example|1 dan@partner.example|1" \
  "$(rows "$tmp/box.db" "select recipient, messages from nm_correspondent order by recipient" | tr '\n' ' ' | sed 's/ $//')"
# scan reads the message, not the count line.
"$bin" scan --json --store none "$tmp/one.emlx" > "$tmp/scan.json" 2>/dev/null
check "scan one.emlx: its To: read" "bob@partner.example" \
  "$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["recipients"][0]["address"])' "$tmp/scan.json")"
# A plist outside an Apple Mail folder is no message: named, not skipped.
mkdir "$tmp/other"
cp "$box/Info.plist" "$tmp/other/Info.plist"
emlx "$tmp/other/5.emlx" 5 "Bob <bob@partner.example>"
"$bin" learn --store "$tmp/other.db" "$tmp/other" > "$tmp/out.txt" 2>&1
contains "a plist elsewhere is named as not read" "Info.plist" "$(cat "$tmp/out.txt")"

# --- 1: a name part added ----------------------------------------------------
id=0
alice_sent '"Juan Martinez" <juan.martinez@partner.example>' '"Ana Garcia Lopez" <ana.garcia.lopez@partner.example>' \
  > "$tmp/sent1.mbox"
"$bin" learn --store "$tmp/h.db" "$tmp/sent1.mbox" > /dev/null 2>&1
for to in juan.martinez.garcia juan.carlos.martinez juan.martinez-garcia ana.maria.garcia.lopez; do
  out=$("$bin" check --json --store "$tmp/h.db" --from alice@trust.example "$to@partner.example" 2>/dev/null)
  got=$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["action"], (d.get("address_typo") or {}).get("kind"), d.get("suggestion"))')
  case $to in
    ana.*) want="confirm long-form ana.garcia.lopez@partner.example" ;;
    *) want="confirm long-form juan.martinez@partner.example" ;;
  esac
  check "$to@partner.example: asked about, a part added" "$want" "$got"
done
for to in pedro.martinez.garcia maria.lopez.ruiz; do
  got=$("$bin" check --json --store "$tmp/h.db" --from alice@trust.example "$to@partner.example" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print((d.get("address_typo") or {}).get("kind"))')
  check "$to@partner.example: another person, no part-added slip" None "$got"
done
exit $fail

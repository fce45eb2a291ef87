#!/bin/sh
# Issue 15, round 46 (round 45's fresh tester, findings 1, 4 and 8): one
# decision for check and the Postfix map.
#  - The block list is written into every output: `block = [".ml"]` (the
#    docs' own example) gave a map with no `ml` key at all, so Postfix
#    delivered to army.ml with the milter down; blocked single names
#    (gmial.com, natwset.com) vanished from the map likewise.
#  - Every name of the tester's lists and of the false-alarm corpora's .ml
#    names is judged by check and by the map as Postfix looks it up
#    (postmap -q, the domain then its parents: map_agrees.py): a name a key
#    decides gets the same answer from both (Mali's gov.ml departments,
#    foo.co.uk.ml, foo.de.ml disagreed).
# Usage: map-agree-round46-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../testdata/map-agree
if ! command -v postmap > /dev/null 2>&1; then
  echo "SKIP: no postmap (Debian package postfix)"
  exit 77
fi
mkdir -p "$tmp/conf" && : > "$tmp/conf/main.cf"
# lookup MAP NAME: the action Postfix's check_recipient_access takes from
# MAP for NAME under the default parent_domain_matches_subdomains (the
# name, then each parent without its dot), "none" with no key.
lookup() {
  python3 - "$tmp/conf" "$1" "$2" <<'PY'
import subprocess, sys
conf, m, name = sys.argv[1:]
labels = name.split(".")
for i in range(len(labels)):
    k = ".".join(labels[i:])
    r = subprocess.run(["postmap", "-c", conf, "-q", k, "hash:" + m], capture_output=True, text=True)
    if r.returncode == 0:
        print(r.stdout.split()[0]); break
else:
    print("none")
PY
}

# Finding 1: block = [".ml", "evil.com"], allow = ["sante.gov.ml"].
"$bin" permute --store none --policy "$data/block-ml.toml" --format postfix .mil army.mil gmail.com \
  > "$tmp/blk.pf" 2> "$tmp/blk.err"
check "block map exit" 0 $?
postmap -c "$tmp/conf" "hash:$tmp/blk.pf"
check "block map: ml line" "ml REJECT 5.7.1 *.ml: .ml is blocked by policy ([domains] block)" \
  "$(grep '^ml ' "$tmp/blk.pf")"
for n in army.ml navy.ml gmail.ml justice.gov.ml gmailco.ml evil.com mail.evil.com; do
  check "block map refuses $n" REJECT "$(lookup "$tmp/blk.pf" "$n")"
done
for n in sante.gov.ml mail.sante.gov.ml; do
  check "block map passes allowed $n" DUNNO "$(lookup "$tmp/blk.pf" "$n")"
done
check "block map: army.ml still a look-alike line" 1 "$(grep -c '^army\.ml REJECT .*looks like army\.mil' "$tmp/blk.pf")"
contains "block map said on stderr" \
  "the block list is written (2 entries: .ml except sante.gov.ml, evil.com) with the policy's action for a blocked recipient: reject (rule 'blocked')" \
  "$(cat "$tmp/blk.err")"
"$bin" permute --store none --policy "$data/block-ml.toml" --format rpz army.mil > "$tmp/blk.rpz" 2>/dev/null
for line in "ml CNAME ." "*.ml CNAME ." "sante.gov.ml CNAME rpz-passthru." "*.sante.gov.ml CNAME rpz-passthru." "evil.com CNAME ."; do
  check "block rpz: $line" 1 "$(grep -cxF "$line" "$tmp/blk.rpz")"
done
"$bin" permute --store none --policy "$data/block-ml.toml" --format jsonl army.mil > "$tmp/blk.jsonl" 2>/dev/null
contains "block jsonl: ml" '{"domain":"ml","source":"[domains] block","class":"blocked","target":".ml","suggestion":"","namespace":true,"action":"reject","rule":"blocked","except":["sante.gov.ml"]}' "$(cat "$tmp/blk.jsonl")"
contains "block jsonl: army.ml kept" '{"domain":"army.ml","source":"army.mil","class":"suffix-edit"' "$(cat "$tmp/blk.jsonl")"
"$bin" permute --store none --policy "$data/block-ml.toml" --format list army.mil > "$tmp/blk.list" 2>/dev/null
check "block list: .ml" 1 "$(grep -cx '\.ml' "$tmp/blk.list")"
# Blocked single look-alikes keep their lines (they were left out).
"$bin" permute --store none --policy "$data/block-names.toml" --format postfix gmail.com natwest.com \
  > "$tmp/blk3.pf" 2>/dev/null
postmap -c "$tmp/conf" "hash:$tmp/blk3.pf"
for n in gmial.com natwset.com mail.gmial.com; do
  check "blocked name $n refused" REJECT "$(lookup "$tmp/blk3.pf" "$n")"
done
check "gmai.com still held" HOLD "$(lookup "$tmp/blk3.pf" gmai.com)"
python3 "$here/map_agrees.py" "$bin" "$tmp/blk.pf" "$tmp/conf" --policy "$data/block-ml.toml" \
  "$data/corpus-ml.txt" > "$tmp/blk.agree"
check "block map and check agree on the .ml corpus" 0 $?
tail -1 "$tmp/blk.agree"
exit $fail

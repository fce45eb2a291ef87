#!/bin/sh
# Issue 15, round 43's tester, findings 7, 8, 9 and 17: what `nearmiss
# permute` writes is a floor of what `check` flags, and carries the
# policy's action.
#  - The floor, as a property over a corpus: the Postfix map of the
#    embedded namespaces and a provider, looked up as Postfix's
#    check_recipient_access does (the domain, then its parents: "gov.ml",
#    "ml" with parent_domain_matches_subdomains listing smtpd_access_maps,
#    ".gov.ml", ".ml" without; the first key found decides, DUNNO stops),
#    stops (REJECT or HOLD) no name `check` accepts. The corpus: the
#    embedded lists' domains, each ICANN zone of the Public Suffix List
#    and a name under it, and the tester's Malian names. `ml` of .mil
#    refused all of Mali, gov.ml and gouv.ml included.
#  - The action: a look-alike the policy confirms (gmai.com) is HOLD, one
#    it rejects (army.ml) REJECT, never 554 for a confirm.
#  - A namespace-form entry naming a registrable domain (.hsbc.co.uk) has
#    its look-alikes written, as check flags them.
#  - The CSV for a registrar watch leaves out names under a TLD that does
#    not exist.
# Usage: permute-floor.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"
data=$(dirname "$0")/../../data/lists

sources=".mil .gov .fed.us .gov.uk .police.uk .nhs.uk .gov.au .govt.nz .mil.nz .gouv.fr .gov.ie gmail.com army.mil"
"$bin" permute --store none --format postfix $sources > "$tmp/map" 2> "$tmp/map.err"
check "permute exits 0" 0 $?

{
  for f in real-mail-domains.txt providers.txt protected.txt namespace-names.txt suffix-mail-domains.txt; do
    grep -v '^#' "$data/$f" | awk '{print $1}' | grep -v '^\.' | grep '\.'
  done
  psl=/usr/share/publicsuffix/public_suffix_list.dat
  grep -v '^//' "$psl" | awk '{print $1}' | grep -v '[*!]' | grep '^[ -~]*$' | grep . |
    while read -r z; do echo "$z"; echo "example.$z"; done
  printf '%s\n' sante.gov.ml gouv.ml primature.gouv.ml gov.ml mail.sante.gov.ml army.ml navy.ml
} | tr 'A-Z' 'a-z' | sort -u > "$tmp/corpus"

# Postfix's check_recipient_access lookup of a domain in a map, for the
# Python below: the domain, then its parents ("gov.ml", "ml" with
# parent_domain_matches_subdomains listing smtpd_access_maps, ".gov.ml",
# ".ml" without); the first key found decides (access(5)).
cat > "$tmp/postfix_lookup.py" <<'PY'
def load(path):
    keys = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        k, action = line.split()[:2]
        keys.setdefault(k, action)
    return keys
def first(keys, domain, parent):
    """The key that decides `domain` and its action, or (None, None)."""
    labels = domain.split(".")
    for i in range(len(labels)):
        k = ".".join(labels[i:])
        if i > 0 and not parent:
            k = "." + k
        if k in keys:
            return k, keys[k]
    return None, None
PY

python3 - "$tmp/map" "$tmp/corpus" "$tmp" > "$tmp/stopped" <<'PY'
import sys
sys.path.insert(0, sys.argv[3])
from postfix_lookup import load, first
keys = load(sys.argv[1])
for d in open(sys.argv[2]).read().split():
    for parent in (True, False):
        a = first(keys, d, parent)[1]
        if a not in (None, "DUNNO", "WARN"):
            print(d, "yes" if parent else "no", a)
            break
PY
stopped=$(wc -l < "$tmp/stopped" | tr -d ' ')
corpus=$(wc -l < "$tmp/corpus" | tr -d ' ')
cut -d' ' -f1 "$tmp/stopped" | sed 's/^/x@/' | "$bin" check --store none --json > "$tmp/check.jsonl" 2>/dev/null
python3 - "$tmp/stopped" "$tmp/check.jsonl" <<'PY'
import json, sys
stopped = [l.split() for l in open(sys.argv[1])]
answers = [json.loads(l) for l in open(sys.argv[2])]
assert len(stopped) == len(answers), (len(stopped), len(answers))
bad = [(s[0], s[1], s[2], a["verdict"]) for s, a in zip(stopped, answers)
       if a["verdict"] in ("trusted", "external")]
for b in bad[:20]:
    print("  stopped by the map (parent matching %s, %s), %s by check: %s" % (b[1], b[2], b[3], b[0]))
sys.exit(1 if bad else 0)
PY
check "the map stops no name of the corpus check accepts ($stopped of $corpus stopped)" 0 $?
for d in army.ml navy.ml; do
  check "the map stops $d" 1 "$(grep -c "^$d " "$tmp/stopped")"
done
for d in sante.gov.ml gouv.ml primature.gouv.ml gov.ml; do
  check "the map lets $d through" 0 "$(grep -c "^$d " "$tmp/stopped")"
done
grep -qx 'gov.ml DUNNO' "$tmp/map"
check "gov.ml excepted under ml" 0 $?

# Every key's action is check's own for the names it matches (round 58's
# tester 15, finding 5: "mil.com REJECT ... looks like .mil" where check
# confirms mil.com as mail.com's look-alike). Under both settings of
# parent_domain_matches_subdomains, each key looked up as Postfix does:
# "x" for the name x, ".x" (only without smtpd_access_maps listed) for a
# name under it. The name the key is for gets check's action exactly; a
# name a parent key covers (example.x under "x" with the default), or an
# excepted name (DUNNO: edu.ml, an ICANN zone check refuses as invalid,
# whose names it accepts), at most check's: the map is a floor.
"$bin" permute --store none --format postfix --parent-matching no $sources > "$tmp/map.no" 2>/dev/null
check "permute --parent-matching no exits 0" 0 $?
python3 - "$bin" "$tmp/map" "$tmp/map.no" "$tmp" <<'PY2'
import json, subprocess, sys
sys.path.insert(0, sys.argv[4])
from postfix_lookup import load, first
MAP = {None: 0, "DUNNO": 0, "WARN": 1, "HOLD": 2, "REJECT": 3}
CHECK = {"accept": 0, "tag": 0, "warn": 1, "confirm": 2, "hold": 2, "reject": 3,
         "remove-recipient": 3}
probes = []  # (map, key, name, exact)
for path, parent in ((sys.argv[2], True), (sys.argv[3], False)):
    keys = load(path)
    for key in keys:
        if not key.isascii():
            continue  # an IDN's U-label line, the same as its A-label's
        if key.startswith("."):
            if not parent:
                probes.append((keys, parent, key, "example" + key, True))
        else:
            probes.append((keys, parent, key, key, True))
            probes.append((keys, parent, key, "example." + key, False))
out = subprocess.run([sys.argv[1], "check", "--store", "none", "--json"], capture_output=True,
                     text=True, input="".join("x@%s\n" % p[3] for p in probes)).stdout.splitlines()
assert len(out) == len(probes), (len(out), len(probes))
bad = []
for (keys, parent, key, name, exact), line in zip(probes, out):
    hit, verb = first(keys, name, parent)
    want = CHECK[json.loads(line)["action"]]
    got = MAP[verb]
    if got > want or (exact and hit == key and verb != "DUNNO" and got != want):
        bad.append("%s (parent matching %s): map %s (key %s), check %s"
                   % (name, "yes" if parent else "no", verb, hit, json.loads(line)["action"]))
for b in bad[:20]:
    print("  " + b)
print("%d names of %d map keys looked up; %d differ from check" % (len(probes), len(set(p[2] for p in probes)), len(bad)))
sys.exit(1 if bad or len(probes) < 1000 else 0)
PY2
check "every key's action is check's for its name, and at most check's under it" 0 $?
grep -q "^mil\.com HOLD nearmiss confirm (rule 'lookalike-confirm'): mil\.com looks like mail\.com" "$tmp/map.no"
check "mil.com HOLD as mail.com's look-alike (no)" 0 $?
grep -q '^\.mil\.com REJECT 5\.7\.1 \*\.mil\.com: \.mil\.com looks like \.mil' "$tmp/map.no"
check ".mil.com REJECT as .mil's (no)" 0 $?
grep -q "^mil\.com HOLD " "$tmp/map"
check "mil.com HOLD under the default parent matching (the floor of both)" 0 $?

# The action: confirm is HOLD, reject REJECT (finding 9).
grep -q "^gmai\.com HOLD nearmiss confirm (rule 'lookalike-confirm'): gmai\.com looks like gmail\.com" "$tmp/map"
check "gmai.com HOLD (the policy confirms it)" 0 $?
grep -q '^gmai\.com REJECT' "$tmp/map"
check "gmai.com not REJECT" 1 $?
grep -q '^army\.ml REJECT 5\.7\.1 army\.ml looks like army\.mil' "$tmp/map"
check "army.ml REJECT (the policy rejects it)" 0 $?
"$bin" permute --store none --format jsonl gmail.com 2>/dev/null | grep '"domain":"gmai.com"' > "$tmp/gmai.json"
contains "jsonl carries the action" '"action":"confirm","rule":"lookalike-confirm"' "$(cat "$tmp/gmai.json")"
printf 'x@gmai.com\nx@army.ml\n' | "$bin" check --store none --json 2>/dev/null |
  python3 -c 'import json,sys; print(" ".join(json.loads(l)["action"] for l in sys.stdin))' > "$tmp/actions"
check "check: confirm, reject" "confirm reject" "$(cat "$tmp/actions")"

# A namespace-form entry of a registrable domain (finding 8).
printf '.hsbc.co.uk\n.barclays.co.uk\n' > "$tmp/ns.txt"
"$bin" permute --store none --protect-file "$tmp/ns.txt" .hsbc.co.uk > "$tmp/hsbc.list" 2> "$tmp/hsbc.err"
check "permute .hsbc.co.uk exits 0" 0 $?
for d in hbsc.co.uk hsbc.cp.uk; do
  check "permute .hsbc.co.uk writes $d" 1 "$(grep -cx "$d" "$tmp/hsbc.list")"
done
grep -v '^#' "$tmp/hsbc.list" | awk '{ print (substr($0, 1, 1) == "." ? "x@example" : "x@") $0 }' |
  "$bin" check --store none --protect-file "$tmp/ns.txt" --json 2>/dev/null |
  python3 -c 'import json,sys; v=[json.loads(l)["verdict"] for l in sys.stdin]; print(len(v) > 0 and all(x == "lookalike" for x in v))' > "$tmp/rt"
check "each written comes back a look-alike" True "$(cat "$tmp/rt")"

# The registrar CSV: no name under a TLD that does not exist (finding 17).
"$bin" permute --store none --format csv army.mil > "$tmp/army.csv" 2> "$tmp/army.err"
check "csv: no army.eil" 0 "$(grep -c '^army\.eil,' "$tmp/army.csv")"
check "csv: army.ml" 1 "$(grep -c '^army\.ml,' "$tmp/army.csv")"
contains "csv: the left out said" "under a TLD that does not exist" "$(cat "$tmp/army.err")"

# check's stdin: a '#' line is a comment (finding 17).
printf 'x@gmail.com\n# a comment\n  # another\n' | "$bin" check --store none > "$tmp/c.out" 2>/dev/null
check "check: '#' lines skipped (exit 0)" 0 $?
check "check: one line judged" 1 "$(grep -c '^trusted' "$tmp/c.out")"
exit $fail

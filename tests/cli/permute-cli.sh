#!/bin/sh
# `nearmiss permute` end to end: every domain it writes comes back from
# `nearmiss check` as a look-alike of its source with the same class (the
# round trip), in each output format; the per-class counts on stderr add up
# to the lines written. Usage: permute-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# 1. Round trip over domains of every shape: a provider with a family, a
# short provider, a bank under a two-label suffix, a listed .gov.uk domain,
# an IDN name (its slips made on its letters, issue 15 breaker round 5 item
# 10) and a namespace.
# The banks, mod.gov.uk and münchen.de are protected by a policy beside the
# embedded lists.
sources="gmail.com seznam.cz wp.pl barclays.co.uk cba.com.au mod.gov.uk münchen.de .mil"
printf '[domains]\nprotected = ["barclays.co.uk", "cba.com.au", "mod.gov.uk", "münchen.de"]\n' > "$tmp/p.toml"
policy="--policy $tmp/p.toml"
"$bin" permute $policy --format jsonl $sources > "$tmp/p.jsonl" 2> "$tmp/p.err"
check "permute exits 0" 0 $?
python3 - "$bin" "$tmp/p.jsonl" "$tmp/p.toml" <<'PY'
import json, subprocess, sys
rows = [json.loads(l) for l in open(sys.argv[2])]
# A namespace look-alike ("ml" of .mil) is checked with a name under it.
addrs = ["x@" + ("example." if r["source"].startswith(".") else "") + r["domain"] for r in rows]
out = subprocess.run([sys.argv[1], "check", "--json", "--policy", sys.argv[3]], input="\n".join(addrs) + "\n",
                     capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(rows), (len(out), len(rows))
bad = []
for r, line in zip(rows, out):
    c = json.loads(line)
    src = r["source"]
    of = c.get("target", "").endswith(src) if src.startswith(".") else c.get("target") == src
    if c["verdict"] != "lookalike" or not of or c["reasons"][0]["code"] != r["class"]:
        bad.append((r["domain"], r["class"], c["verdict"], c.get("target"), c["reasons"][0]["code"]))
print("ok   round trip: %d look-alikes come back from check, same source and class" % len(rows)
      if not bad else "FAIL round trip: %d of %d differ, e.g. %s" % (len(bad), len(rows), bad[:5]))
sys.exit(1 if bad or len(rows) < 500 else 0)
PY
check "round trip" 0 $?
# A namespace look-alike's own name (mil.com of .mil) carries check's action
# for it: "own_action" where that differs from the names under it (round
# 58's tester 15, finding 5: mil.com, mail.com's look-alike, confirmed).
python3 - "$bin" "$tmp/p.jsonl" "$tmp/p.toml" <<'PY'
import json, subprocess, sys
MAP = {"accept": 0, "tag": 0, "warn": 1, "confirm": 2, "hold": 2, "reject": 3, "remove-recipient": 3}
rows = [r for r in map(json.loads, open(sys.argv[2])) if r.get("namespace")]
out = subprocess.run([sys.argv[1], "check", "--json", "--policy", sys.argv[3]], capture_output=True,
                     text=True, input="".join("x@%s\n" % r["domain"] for r in rows)).stdout.splitlines()
assert len(out) == len(rows) and rows, (len(out), len(rows))
bad = []
for r, line in zip(rows, out):
    c = json.loads(line)
    if c["verdict"] in ("trusted", "external"):
        continue
    said = r.get("own_action", r["action"])
    if MAP[said] != MAP[c["action"]]:
        bad.append((r["domain"], said, c["action"]))
print("ok   namespace look-alikes' own names: the row's action is check's" if not bad else
      "FAIL %d namespace look-alikes' own names differ from check, e.g. %s" % (len(bad), bad[:5]))
sys.exit(1 if bad else 0)
PY
check "namespace look-alikes' own names" 0 $?
grep -qF '"domain":"mil.com","source":".mil","class":"suffix-append","target":".mil","suggestion":".mil","namespace":true,"action":"reject","rule":"lookalike","own_action":"confirm","own_rule":"lookalike-confirm"' "$tmp/p.jsonl"
check "jsonl: mil.com's own action" 0 $?

# 2. The issue's cases are among them, with their classes.
for want in '"domain":"barclays.cp.uk","source":"barclays.co.uk","class":"suffix-edit"' \
            '"domain":"barclays.co.ul","source":"barclays.co.uk","class":"tld-not-delegated"' \
            '"domain":"mod.gvo.uk","source":"mod.gov.uk","class":"suffix-edit"' \
            '"domain":"seznam.cy","source":"seznam.cz","class":"tld-swap"' \
            '"domain":"gmail.ru","source":"gmail.com","class":"tld-swap"' \
            '"domain":"mik","source":".mil","class":"tld-not-delegated"' \
            '"domain":"ml","source":".mil","class":"suffix-edit"' \
            '"domain":"barclays.co.uk.uk","source":"barclays.co.uk","class":"suffix-append"' \
            '"domain":"barclays.co.uk.ml","source":"barclays.co.uk","class":"suffix-append"' \
            '"domain":"gmail.uk.com","source":"gmail.com","class":"tld-swap"' \
            '"domain":"gmail.msk.ru","source":"gmail.com","class":"tld-swap"' \
            '"domain":"gmail.spb.ru","source":"gmail.com","class":"tld-swap"' \
            '"domain":"gmail.com.de","source":"gmail.com","class":"tld-swap"' \
            '"domain":"barclays.msk.ru","source":"barclays.co.uk","class":"tld-swap"' \
            '"domain":"barclays.us.com","source":"barclays.co.uk","class":"tld-swap"' \
            '"domain":"gmail.xn--j1aef","source":"gmail.com","class":"tld-swap"' \
            '"domain":"munchen.de","source":"xn--mnchen-3ya.de","class":"label-typo"' \
            '"domain":"mnchen.de","source":"xn--mnchen-3ya.de","class":"label-typo"'; do
  if grep -qF "$want" "$tmp/p.jsonl"; then echo "ok   has $want"; else echo "FAIL missing $want"; fail=1; fi
done
# Another generic TLD is flagged for a provider with a generic domain of its
# own (gmail.net), not for one whose home is a country code (seznam.com:
# README "What it catches", round 58's tester 15, finding 4).
grep -q '"domain":"gmail.net","source":"gmail.com"' "$tmp/p.jsonl"
check "gmail.net written" 0 $?
check "seznam.com, .net, .org not written" 0 "$(grep -cE '"domain":"seznam\.(com|net|org)"' "$tmp/p.jsonl")"
# A real neighbour is never written: check does not flag it.
if grep -q '"domain":"mailo.com"' "$tmp/p.jsonl"; then echo "FAIL mailo.com written"; fail=1; else echo "ok   mailo.com not written"; fi

# 3. The counts on stderr: "N look-alikes of 8 sources: class n, ..." adding up.
n=$(wc -l < "$tmp/p.jsonl" | tr -d ' ')
sum=$(sed 's/.*sources://' "$tmp/p.err" | tr ',' '\n' | awk '{s += $2} END {print s}')
case $(cat "$tmp/p.err") in
  "$n look-alikes of 8 sources:"*) echo "ok   count line" ;;
  *) echo "FAIL count line: $(cat "$tmp/p.err")"; fail=1 ;;
esac
check "per-class counts add up" "$n" "$sum"

# 4. Every format writes the same domains.
"$bin" permute $policy $sources 2>/dev/null | grep -v '^#' > "$tmp/list"
# Less the namespaces holding a name check accepts (ml: gov.ml), which the
# list cannot except (round 43's tester, finding 7): left out, said.
excepted=$(grep -c '"except":' "$tmp/p.jsonl")
check "plain list" "$((n - excepted))" "$(wc -l < "$tmp/list" | tr -d ' ')"
"$bin" permute $policy --format postfix $sources 2>/dev/null | grep -v '^#' > "$tmp/postfix"
# An IDN look-alike has a second line for its U-label: Postfix looks a
# domain up as an SMTPUTF8 client sent it (issue 15 breaker, round 3, item 4).
# Each look-alike has its keys (issue 15, breaker 15 round 6, defect 2:
# "x" and ".x", or the one Postfix's default setting can say), but those
# stderr counts as taking no effect under that setting.
"$bin" permute $policy --format postfix $sources 2>"$tmp/postfix.err" >/dev/null
unexpressed=$(sed -n 's/^nearmiss permute: \([0-9]*\) look-alikes that check flags either alone.*/\1/p' "$tmp/postfix.err")
keyed=$(cut -d' ' -f1 "$tmp/postfix" | grep -v '[^ -~]' | sed 's/^\.//' | sort -u | wc -l)
# ... plus the names under a TLD look-alike written with check's milder
# action (gmailco.ml under ml: round 44's note), counted on stderr.
milder=$(sed -n 's/^nearmiss permute: \([0-9]*\) names under a TLD look-alike.*/\1/p' "$tmp/postfix.err")
[ "$keyed" -ge "$((n - ${unexpressed:-0}))" ] && [ "$keyed" -le "$((n + ${milder:-0}))" ]
check "postfix: a key for each look-alike it can say ($keyed of $n, ${unexpressed:-0} unexpressed)" 0 $?
python3 - "$tmp/postfix" <<'PY'
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
bad = []
alabels = 0
for i, l in enumerate(lines):
    key, reply = l.split(" ", 1)
    if "xn--" not in key:
        continue
    alabels += 1
    # The U-label line follows its A-label line, with the same reply.
    nxt = lines[i + 1].split(" ", 1) if i + 1 < len(lines) else ["", ""]
    if nxt[1] != reply or nxt[0].isascii() or nxt[0].count(".") != key.count("."):
        bad.append((key, lines[i + 1] if i + 1 < len(lines) else None))
print("ok   postfix: %d IDN look-alikes, each in A-label and U-label form" % alabels
      if alabels and not bad else "FAIL postfix U-label lines: %d IDN, missing %s" % (alabels, bad[:5]))
sys.exit(1 if bad or not alabels else 0)
PY
check "postfix U-label lines" 0 $?
grep -qx 'barclays.cp.uk REJECT 5.7.1 barclays.cp.uk looks like barclays.co.uk (suffix-edit)' "$tmp/postfix"
check "postfix entry" 0 $?
"$bin" permute $policy --format rpz $sources 2>/dev/null > "$tmp/rpz"
# The name, the names under it, or both: as check flags them.
check "rpz names each look-alike" "$n" "$(grep ' CNAME \.$' "$tmp/rpz" | cut -d' ' -f1 | sed 's/^\*\.//' | sort -u | wc -l | tr -d ' ')"
grep -q '^@ IN SOA ' "$tmp/rpz"
check "rpz has an SOA" 0 $?
"$bin" permute $policy --format csv $sources 2>/dev/null > "$tmp/csv"
# Issue 15 breaker, finding 9: namespace look-alikes leaked the probe name
# ("iml looks like example.mil") and stood in the CSV as if registrable.
ns=$(grep -c '"namespace":true' "$tmp/p.jsonl")
[ "$ns" -gt 0 ]
check "namespace look-alikes are marked" 0 $?
# Nor a name under a TLD that does not exist (army.eil): no registrar
# sells one (round 43's tester, finding 17).
sellable=$(python3 - "$tmp/p.jsonl" data/lists/root-zone-tlds.txt <<'PY'
import json, sys
tlds = {l.strip() for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")}
rows = [json.loads(l) for l in open(sys.argv[1])]
# Nor under .int, .gov, .mil: registered only to treaty organisations or
# the US government (round 44's tester, minor).
print(sum(1 for r in rows if not r.get("namespace") and r["domain"].rsplit(".", 1)[-1] in tlds
          and r["domain"].rsplit(".", 1)[-1] not in ("int", "gov", "mil")))
PY
)
check "csv rows plus header, no namespace rows, none under a TLD that does not exist or .int/.gov/.mil" "$((sellable + 1))" "$(wc -l < "$tmp/csv" | tr -d ' ')"
check "no output names the probe" 0 "$(cat "$tmp/p.jsonl" "$tmp/list" "$tmp/postfix" "$tmp/csv" | grep -c 'example\.')"
grep -qx 'ml REJECT 5.7.1 \*\.ml: \.ml looks like \.mil (suffix-edit)' "$tmp/postfix"
check "postfix namespace entry" 0 $?
grep -qx '\.iml' "$tmp/list"
check "list writes a namespace as .iml" 0 $?
grep -qx '\.ml' "$tmp/list"
check "list leaves out .ml, which holds gov.ml" 1 $?
grep -qF '"domain":"ml","source":".mil","class":"suffix-edit","target":".mil","suggestion":".mil","namespace":true' "$tmp/p.jsonl"
check "jsonl namespace row" 0 $?
check "csv header" "domain,source,class,target,suggestion" "$(head -1 "$tmp/csv")"
"$bin" permute --format xml gmail.com > /dev/null 2>&1
check "unknown format exits 2" 2 $?

# 5. Issue 15: these wrote nothing with exit 0. A U-label is converted; an
# unlisted domain is permuted (and said so); garbage exits 2 naming it.
uni=$("$bin" permute münchen.de 2>/dev/null | grep -vc '^#')
asc=$("$bin" permute xn--mnchen-3ya.de 2>/dev/null | grep -vc '^#')
check "U-label permuted as its A-label" "$asc" "$uni"
[ "$uni" -gt 0 ]
check "U-label has look-alikes" 0 $?
out=$("$bin" permute example-unlisted.net 2>"$tmp/unlisted.err" | grep -vc '^#')
[ "$out" -gt 0 ]
check "unlisted domain permuted" 0 $?
grep -q 'example-unlisted.net is in no list' "$tmp/unlisted.err"
check "unlisted domain said so" 0 $?
# Issue 15, breaker 15 item 11: a public suffix that check judges as a mail
# domain (nic.in, gc.ca: the Indian and Canadian governments' own mail) is
# permuted as that domain; a bare zone (co.uk, above) is still refused.
for suffix_domain in nic.in gc.ca; do
  "$bin" permute --store none "$suffix_domain" > "$tmp/sfx.out" 2> "$tmp/sfx.err"
  check "permute $suffix_domain exits 0" 0 $?
  n=$(grep -vc '^#' "$tmp/sfx.out")
  [ "$n" -gt 0 ]
  check "permute $suffix_domain writes look-alikes" 0 $?
done
for bad in bad..domain x@gmail.com co.uk ''; do
  "$bin" permute "$bad" > "$tmp/bad.out" 2> "$tmp/bad.err"
  check "permute '$bad' exits 2" 2 $?
  grep -qF "'$bad'" "$tmp/bad.err"
  check "permute '$bad' is named" 0 $?
  check "permute '$bad' writes nothing" 0 "$(wc -c < "$tmp/bad.out" | tr -d ' ')"
done

# 6. Issue 15, breaker 15 round 5, defect 1: a namespace look-alike whose
# own name is a registrable domain check accepts (bgov.uk of .gov.uk) stood
# in the Postfix map as the key "bgov.uk" and in the RPZ zone as the owner
# "bgov.uk", which refuse that domain itself (access(5): "domain.tld
# matches domain.tld"). Every key that matches a domain itself, and every
# RPZ owner without "*.", must be one check refuses; the others are written
# for the names under them only (".bgov.uk", "*.bgov.uk").
ns_sources=".gov.uk .govt.nz .police.uk .nhs.uk .gov.au .mil.nz .gouv.fr .gov.ie .fed.us .mil"
"$bin" permute --store none --format postfix $ns_sources 2>/dev/null > "$tmp/ns.postfix"
"$bin" permute --store none --format rpz $ns_sources 2>/dev/null > "$tmp/ns.rpz"
grep -q '^\.bgov\.uk REJECT 5\.7\.1 \*\.bgov\.uk: \.bgov\.uk looks like \.gov\.uk (suffix-edit)$' "$tmp/ns.postfix"
check "postfix: a namespace look-alike that is a real name has a subdomain key" 0 $?
grep -q '^bgov\.uk ' "$tmp/ns.postfix"
check "postfix: no key for bgov.uk itself" 1 $?
grep -qx '\*\.bgov\.uk CNAME \.' "$tmp/ns.rpz"
check "rpz: *.bgov.uk" 0 $?
grep -q '^bgov\.uk CNAME' "$tmp/ns.rpz"
check "rpz: no owner bgov.uk" 1 $?
grep -qx 'ml CNAME \.' "$tmp/ns.rpz"
check "rpz: ml itself (check refuses it)" 0 $?
python3 - "$bin" "$tmp/ns.postfix" "$tmp/ns.rpz" <<'PY'
import json, subprocess, sys
bad = []
for path in sys.argv[2:]:
    # An exception (DUNNO, rpz-passthru: gov.ml under ml) refuses nothing.
    keys = [l.split()[0] for l in open(path) if l.strip() and not l.startswith(("#", "$", "@"))
            and " DUNNO" not in l and "rpz-passthru" not in l]
    bare = [k for k in keys if not k.startswith((".", "*."))]
    out = subprocess.run([sys.argv[1], "check", "--store", "none", "--json"], capture_output=True, text=True,
                         input="".join("x@%s\n" % k for k in bare)).stdout.splitlines()
    assert len(out) == len(bare) and bare, (path, len(out), len(bare))
    bad += [k for k, l in zip(bare, out) if json.loads(l)["verdict"] in ("external", "trusted")]
print("ok   map keys of the domains themselves: check refuses each" if not bad else
      "FAIL %d map keys refuse a domain check accepts, e.g. %s" % (len(bad), bad[:5]))
sys.exit(1 if bad else 0)
PY
check "no map key refuses more than check" 0 $?

# Round 47's tester 15, finding 7: every class permute writes is listed in
# its --help (suffix-truncate: cba.com for cba.com.au), and one source is
# counted as one.
"$bin" permute cba.com.au > "$tmp/cba.txt" 2> "$tmp/cba.err"
grep -qx "cba.com" "$tmp/cba.txt" && echo "ok   cba.com written" || { echo "FAIL cba.com not written"; fail=1; }
contains "one source counted as one" "look-alikes of 1 source: " "$(cat "$tmp/cba.err")"
help=$("$bin" permute --help)
for class in $(grep ' source: ' "$tmp/cba.err" | sed 's/.*source: //' | tr ',' '\n' | awk '{print $1}'); do
  contains "--help lists $class" "$class" "$help"
done

# Round 59's tester 15, finding 1: an allowed partner's country code slipped
# into another country's real zone of the same kind (westpac.com.ua,
# westpac.com.ai for westpac.com.au) is check's suffix-edit look-alike, so
# permute writes it, and check flags each line permute writes for it.
printf '[domains]\nallow = ["westpac.com.au", "acme.co.za"]\n' > "$tmp/allow.toml"
"$bin" permute --policy "$tmp/allow.toml" --format jsonl westpac.com.au acme.co.za > "$tmp/allow.jsonl" 2>/dev/null
for d in westpac.com.ua westpac.com.ai acme.co.zm; do
  grep -q "\"domain\":\"$d\",\"source\":\"[a-z.]*\",\"class\":\"suffix-edit\"" "$tmp/allow.jsonl" &&
    echo "ok   permute writes $d (suffix-edit)" || { echo "FAIL permute leaves out $d"; fail=1; }
done
python3 - "$bin" "$tmp/allow.jsonl" "$tmp/allow.toml" <<'PY'
import json, subprocess, sys
rows = [json.loads(l) for l in open(sys.argv[2])]
out = subprocess.run([sys.argv[1], "check", "--json", "--store", "none", "--policy", sys.argv[3]],
                     input="".join("x@%s\n" % r["domain"] for r in rows), capture_output=True,
                     text=True).stdout.splitlines()
assert len(out) == len(rows) and rows, (len(out), len(rows))
bad = [r["domain"] for r, l in zip(rows, out) if json.loads(l)["verdict"] != "lookalike"]
print("ok   allowed partner: %d look-alikes come back from check" % len(rows) if not bad else
      "FAIL allowed partner: %d of %d not look-alikes, e.g. %s" % (len(bad), len(rows), bad[:5]))
sys.exit(1 if bad else 0)
PY
check "allowed partner round trip" 0 $?

exit $fail

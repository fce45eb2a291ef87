#!/bin/sh
# Issue 15, round 55: the look-alikes fresh tester 15 found, each as a kind,
# through `nearmiss check` as a user runs it. Each case:
# ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any; WORDS must be
# in the first reason; "A or B" is the suggestion and the second).
# Usage: lookalike-tester15-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# Findings 1, 2, 5: a mailbox domain Thunderbird's ISPDB lists
# (data/lists/ispdb-mail-domains.txt) is a real mail domain: a host under a
# provider (mail.com's texas.usa.com), a provider's other TLD (bigpond.net),
# another provider's domain near a trusted one (zoomail.dk), even next to a
# protected name (who.net, beside who.int), is external, at most a real
# neighbour, never held or refused by default. A host of the provider the
# ISPDB does not list stays a slip, and so do the ISPDB's MX hosts, which
# the tool leaves out (mail.protection.outlook.com).
cat > "$tmp/ispdb" <<'CASES'
x@alabama.usa.com|external|accept|-|*|
x@texas.usa.com|external|accept|-|*|
x@newyork.usa.com|external|accept|-|*|
x@who.net|external|accept|-|real-neighbour|one of mail.com's domains in Thunderbird's ISPDB
x@bigpond.net|external|accept|-|real-neighbour|one slip from bigpond.com
x@zoomail.dk|external|accept|-|real-neighbour|
x@ohio.usa.com|lookalike|confirm|x@usa.com|*|
x@mail.protection.outlook.com|lookalike|confirm|x@outlook.com|*|
x@wh0.int|lookalike|reject|x@who.int|*|
CASES
judge "$tmp/ispdb" > "$tmp/report"

# Every domain of the generated list: none is held or refused by default.
sed -n 's/^\([a-z0-9.-]*\) .*/x@\1/p' data/lists/ispdb-mail-domains.txt > "$tmp/ispdb-all"
n=$(wc -l < "$tmp/ispdb-all")
# shellcheck disable=SC2046 # one address a word, by design
bad=$("$bin" check --json --store none $(cat "$tmp/ispdb-all") 2>/dev/null | python3 -c '
import json, sys
print(" ".join(d["domain"] for d in map(json.loads, sys.stdin) if d["action"] != "accept"))')
check "all $n ISPDB mail domains accepted" "" "$bad" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail

"""Judge `nearmiss check --json` rows against cases, one line per case.

Usage: judge_cases.py CASES OUT.jsonl
CASES: lines ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('#' comments);
'*' takes any action, suggestion or code; WORDS must be in the first
reason's message. A SUGGESTION "A or B" is the suggestion and the second
one (also_suggestion). Prints "ok   ADDRESS" or "FAIL ADDRESS: ..." for each.
"""
import json
import sys

cases = [l.rstrip("\n").split("|") for l in open(sys.argv[1])
         if l.strip() and not l.startswith("#")]
rows = [json.loads(l) for l in open(sys.argv[2])]
if len(rows) != len(cases):
    print("FAIL expected %d results, got %d" % (len(cases), len(rows)))
for (addr, verdict, action, sugg, code, words), r in zip(cases, rows):
    suggested = r.get("suggestion", "-")
    if " or " in sugg:
        suggested += " or " + r.get("also_suggestion", "-")
    got = [r["verdict"], r.get("action", "-"), suggested,
           r["reasons"][0]["code"] if r["reasons"] else "-"]
    want = [verdict, action, sugg, code]
    got = [g if w != "*" else "*" for g, w in zip(got, want)]
    message = r["reasons"][0]["message"] if r["reasons"] else ""
    if got != want:
        print("FAIL %s: expected %s, got %s (%s)" % (addr, " ".join(want), " ".join(got), message))
    elif words and words not in message:
        print("FAIL %s: '%s' not in: %s" % (addr, words, message))
    else:
        print("ok   %s" % addr)

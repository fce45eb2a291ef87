"""One decision for check and the Postfix map (issue 15, round 45's tester,
findings 1, 4 and 8).

Every name of the corpus files is judged twice: by `nearmiss check --json`
(the action for a sender in no group) and by the map `nearmiss permute
--format postfix` wrote, looked up with Postfix's own postmap(1) in the order
smtpd's check_recipient_access uses under the default
parent_domain_matches_subdomains (smtpd_check.c check_domain_access: the
domain, then each parent without its leading dot; the first key found
decides, DUNNO included). The map's action is ranked as the milter's:
none/DUNNO < WARN < HOLD (confirm, hold) < REJECT (reject, remove-recipient).

A name some key of the map decides must get the same rank from both: the
map may refuse no name check accepts (it is a floor) and may pass no name
under one of its keys that check refuses (`ml REJECT` with `gov.ml DUNNO`
passing justice.gov.ml check refused). A name no key decides is the map's
floor at work (permute writes what it can enumerate); it is counted, and
with --all-keyed, a failure when check flags it.

    map_agrees.py NEARMISS MAP CONFDIR [--policy FILE] [--all-keyed] CORPUS...
Prints one line per disagreement and a summary; exit 1 on any.
"""
import json
import subprocess
import sys

RANK = {"accept": 0, "tag": 0, "warn": 1, "confirm": 2, "hold": 2, "reject": 3,
        "remove-recipient": 3}
VERB = {"DUNNO": 0, "OK": 0, "WARN": 1, "HOLD": 2, "REJECT": 3}


def main(argv):
    binary, mapfile, confdir = argv[:3]
    rest = argv[3:]
    policy, all_keyed, corpora = [], False, []
    while rest:
        a = rest.pop(0)
        if a == "--policy":
            policy = ["--policy", rest.pop(0)]
        elif a == "--all-keyed":
            all_keyed = True
        else:
            corpora.append(a)
    names = []
    for path in corpora:
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                names.append(line)
    names = sorted(set(names))
    keys = sorted({".".join(n.split(".")[i:]) for n in names for i in range(len(n.split(".")))})
    got = subprocess.run(["postmap", "-c", confdir, "-q", "-", "hash:" + mapfile],
                         input="\n".join(keys) + "\n", capture_output=True, text=True)
    if got.returncode not in (0, 1):
        sys.exit("postmap failed: " + got.stderr)
    found = {}
    for line in got.stdout.splitlines():
        k, v = line.split("\t", 1)
        found[k] = v.split()[0]
    run = subprocess.run([binary, "check", "--store", "none", "--json"] + policy,
                         input="".join("x@%s\n" % n for n in names),
                         capture_output=True, text=True)
    answers = [json.loads(l) for l in run.stdout.splitlines() if l.startswith("{")]
    if len(answers) != len(names):
        sys.exit("check answered %d of %d" % (len(answers), len(names)))
    bad, unkeyed, keyed = [], [], 0
    for name, a in zip(names, answers):
        labels = name.split(".")
        key = next((".".join(labels[i:]) for i in range(len(labels))
                    if ".".join(labels[i:]) in found), None)
        want = RANK.get(a.get("action"), 3)
        if key is None:
            if want > 0:
                unkeyed.append((name, a.get("verdict"), a.get("action")))
            continue
        keyed += 1
        have = VERB.get(found[key], 3)
        if have != want:
            side = "map stricter" if have > want else "map weaker"
            bad.append("%s: %s: check %s/%s, map %s %s" % (side, name, a.get("verdict"),
                                                       a.get("action"), key, found[key]))
    for b in bad:
        print(b)
    if all_keyed:
        for n, v, act in unkeyed:
            print("no key: %s: check %s/%s" % (n, v, act))
    print("%d names, %d decided by a key, %d disagree; %d flagged by check with no key" %
          (len(names), keyed, len(bad), len(unkeyed)))
    return 1 if bad or (all_keyed and unkeyed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

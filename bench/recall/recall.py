"""dnstwist recall: does nearmiss flag every permutation of a protected domain?

For each protected domain, dnstwist's Fuzzer (its Python module: no DNS, no
network) generates the permutations of every fuzzer class. Each one goes
through `nearmiss check --json --protect-file F` as x@PERMUTATION. A
permutation is recalled when the verdict is `lookalike` and the target is the
domain it was made from. A permutation that is itself a trusted domain (an
entry of the embedded mail-provider list, such as mail.com from gmail.com)
is correctly trusted: it is reported apart and left out of the recall.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

import dnstwist


def read_domains(path):
    with open(path, encoding="utf-8") as f:
        return [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]


def permutations(domain):
    fuzzer = dnstwist.Fuzzer(domain)
    fuzzer.generate()
    for p in fuzzer.domains:
        if p["fuzzer"] != "*original" and p["domain"]:
            yield p["fuzzer"], p["domain"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", help="build directory holding the nearmiss binary")
    ap.add_argument("--protect-file", default=os.path.join(here, "protected.txt"))
    ap.add_argument("--min", type=float, default=99.0, help="minimum recall %% per class")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args()

    protected = read_domains(args.protect_file)
    cases = []  # (class, origin, permutation)
    seen = set()
    for origin in protected:
        for cls, perm in permutations(origin):
            if (origin, perm) not in seen:
                seen.add((origin, perm))
                cases.append((cls, origin, perm))

    binary = os.path.join(args.build, "nearmiss")
    stdin = "".join("x@%s\n" % perm for _, _, perm in cases)
    run = subprocess.run([binary, "check", "--json", "--protect-file", args.protect_file],
                         input=stdin.encode(), capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit("nearmiss failed (%d): %s" % (run.returncode, run.stderr.decode()))
    results = [json.loads(l) for l in run.stdout.decode().splitlines()]
    if len(results) != len(cases):
        sys.exit("expected %d results, got %d" % (len(cases), len(results)))

    stats = collections.defaultdict(collections.Counter)
    misses = collections.defaultdict(list)
    trusted = []
    for (cls, origin, perm), r in zip(cases, results):
        s = stats[cls]
        s["total"] += 1
        if r["verdict"] == "trusted":
            s["trusted"] += 1
            trusted.append((cls, perm, r["reasons"][0]["message"]))
        elif r["verdict"] == "lookalike" and r.get("target") == origin:
            s["recalled"] += 1
        else:
            s["missed"] += 1
            misses[cls].append((perm, origin, r["verdict"], r.get("target", "-")))

    failed = []
    rows = []
    for cls in sorted(stats):
        s = stats[cls]
        judged = s["total"] - s["trusted"]
        recall = 100.0 * s["recalled"] / judged if judged else 100.0
        rows.append({"class": cls, "permutations": s["total"], "trusted": s["trusted"],
                     "recalled": s["recalled"], "missed": s["missed"], "recall": recall})
        if recall < args.min:
            failed.append(cls)
    if args.json:
        print(json.dumps({"rows": rows, "failed": failed}))
    else:
        print("dnstwist recall, protected: %s" % " ".join(protected))
        print("%-14s %7s %8s %8s %7s %8s" % ("class", "perms", "trusted", "flagged", "missed",
                                            "recall"))
        for row in rows:
            print("%-14s %7d %8d %8d %7d %7.2f%%" % (row["class"], row["permutations"],
                                                   row["trusted"], row["recalled"],
                                                   row["missed"], row["recall"]))
        for cls, perm, why in trusted:
            print("  trusted (%s): %s" % (cls, why))
        for cls in sorted(misses):
            shown = misses[cls] if args.verbose else misses[cls][:5]
            for perm, origin, verdict, target in shown:
                print("  missed (%s): %s for %s -> %s %s" % (cls, perm, origin, verdict, target))
            if len(misses[cls]) > len(shown):
                print("  ... %d more %s misses (-v lists them)" % (
                    len(misses[cls]) - len(shown), cls))
    if failed:
        print("FAIL: recall under %.1f%% in %s" % (args.min, ", ".join(failed)),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

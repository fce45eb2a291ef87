"""Held-out recall of the round-two classes, and false alarms, in one run.

Three classes of slip that no generator of the engine's own tests makes,
built here from their own model (a QWERTY keyboard, the Public Suffix List
file of Debian's `publicsuffix` package, the TLD labels of that list):

  multi-label-suffix  one slip inside a label of a two-label public suffix
                      (hsbc.cp.uk, anz.con.au), the result not a listed suffix
  undelegated-tld     one slip of the TLD that leaves no TLD at all
                      (army.mik, hsbc.co.ul), for held-out domains and names
                      under the embedded .mil and .gov namespaces
  foreign-cctld       a provider's name under a ccTLD it has no domain in
                      (seznam.cy, gmail.ru), for the families of
                      data/lists/provider-regions.txt whose name
                      data/lists/word-provider-names.txt does not list

A case is recalled when `nearmiss check` says `lookalike` with the domain it
was made from as target; a foreign-cctld case also when the target is another
domain of the same provider (yahoo.ac: yahoo.ca, one key away, is offered
before yahoo.com since issue 15 breaker round 3, item 7). The false-alarm rate is bench/false-alarms' (real
mail domains far from the trusted set), run in the same invocation.
    bench/heldout-recall BUILD_DIR [--min PERCENT] [--json] [-v]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PSL = "/usr/share/publicsuffix/public_suffix_list.dat"
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NAMES_UNDER_NAMESPACES = ["army.mil", "navy.mil", "af.mil", "uscg.mil", "irs.gov",
                          "state.gov", "nasa.gov", "fbi.gov"]


def neighbours(c):
    out = set()
    for r, row in enumerate(ROWS):
        i = row.find(c)
        if i < 0:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(row):
                out.add(row[j])
        for rr, shift in ((r - 1, (0, 1)), (r + 1, (-1, 0))):
            if 0 <= rr < len(ROWS):
                for s in shift:
                    if 0 <= i + s < len(ROWS[rr]):
                        out.add(ROWS[rr][i + s])
    return out


def slips(label):
    """Drop, double, swap, neighbouring key for a letter."""
    out = set()
    for i, c in enumerate(label):
        out.add(label[:i] + label[i + 1:])
        out.add(label[:i] + c + label[i:])
        if i + 1 < len(label):
            out.add(label[:i] + label[i + 1] + label[i] + label[i + 2:])
        for n in neighbours(c):
            out.add(label[:i] + n + label[i + 1:])
    out.discard(label)
    return {s for s in out if s}


def read_psl():
    """The ICANN rules, and the TLDs that only a wildcard rule covers (*.bd:
    gmail.bd is itself a suffix, no domain)."""
    rules, wild, icann = set(), set(), False
    for line in open(PSL, encoding="utf-8"):
        line = line.strip()
        if "===BEGIN ICANN DOMAINS===" in line:
            icann = True
        elif "===END ICANN DOMAINS===" in line:
            break
        elif icann and line and not line.startswith("//"):
            rules.add(line.lstrip("!*."))
            if line.startswith("*.") and line.count(".") == 1:
                wild.add(line[2:])
    return rules, wild


def read_list(path):
    return [l.split("#")[0].strip() for l in open(path, encoding="utf-8") if l.split("#")[0].strip()]


def split(domain, rules):
    labels = domain.split(".")
    for k in range(len(labels) - 1, 0, -1):
        suffix = ".".join(labels[-k:])
        if suffix in rules:
            return ".".join(labels[:-k]), suffix
    return ".".join(labels[:-1]), labels[-1]


def cases(rules, wild):
    tlds = {r for r in rules if "." not in r}
    held = read_list(os.path.join(HERE, "protected.txt"))
    out = []  # (class, origin, domain)
    for origin in held:
        name, suffix = split(origin, rules)
        labels = suffix.split(".")
        if len(labels) == 2:
            for i in range(2):
                for s in slips(labels[i]):
                    new = labels[:]
                    new[i] = s
                    cand = ".".join(new)
                    if cand in rules or not s.isalpha():
                        continue
                    cls = "multi-label-suffix" if new[-1] in tlds else "undelegated-tld"
                    out.append((cls, origin, name + "." + cand))
        else:
            for s in slips(labels[-1]):
                if s not in tlds:
                    out.append(("undelegated-tld", origin, name + "." + s))
    for origin in NAMES_UNDER_NAMESPACES:
        name, tld = origin.rsplit(".", 1)
        for s in slips(tld):
            if s not in tlds:
                out.append(("undelegated-tld", origin, name + "." + s))
    families = {}
    # A name data/lists/word-provider-names.txt lists (orange, tiscali,
    # terra) is a word or a brand of unrelated national companies: its name
    # under another ccTLD is no slip (issue 15, fresh tester, item 7), so it
    # makes no case.
    words = set()
    for line in open(os.path.join(REPO, "data", "lists", "word-provider-names.txt")):
        f = line.split("#")[0].split()
        if f:
            words.add(f[0])
    text = open(os.path.join(REPO, "data", "lists", "provider-regions.txt")).read().replace("\\\n", " ")
    for line in text.splitlines():
        f = line.split("#")[0].split()
        if len(f) >= 2 and f[0] not in words:
            families[f[1]] = set(f[1:])
    # A real mail domain data/lists/real-mail-domains.txt lists (naver.jp,
    # t-online.hu, rambler.ua) is another company's or the provider's own
    # regional domain, real: no slip, so it makes no case (issue 15, round
    # 34: four such were counted as misses).
    real = set()
    for line in open(os.path.join(REPO, "data", "lists", "real-mail-domains.txt")):
        f = line.split("#")[0].split()
        if f:
            real.add(f[0])
    cctlds = sorted(t for t in tlds if len(t) == 2 and t.isascii() and t.isalpha()
                    and t not in wild)
    for home, own in families.items():
        name = home.split(".")[0]
        for cc in cctlds:
            cand = name + "." + cc
            if cand not in own and cand not in real:
                out.append(("foreign-cctld", home, cand))
    return out, families


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--min", type=float, default=95.0, help="minimum recall %% per class")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    rules, wild = read_psl()
    all_cases, families = cases(rules, wild)
    protect = os.path.join(HERE, "protected.txt")
    binary = os.path.join(args.build, "nearmiss")
    # The held-out domains are added to the embedded lists (not in place of
    # them): the namespaces and providers stay protected.
    policy = os.path.join(os.environ.get("TMPDIR", "/tmp"), "nearmiss-heldout-%d.toml" % os.getpid())
    with open(policy, "w") as f:
        f.write('[domains]\nprotected_files = ["%s"]\n' % protect)
    try:
        run = subprocess.run([binary, "check", "--json", "--policy", policy],
                             input="".join("x@%s\n" % d for _, _, d in all_cases).encode(),
                             capture_output=True)
    finally:
        os.unlink(policy)
    if run.returncode not in (0, 1):
        sys.exit("nearmiss failed (%d): %s" % (run.returncode, run.stderr.decode()))
    results = [json.loads(l) for l in run.stdout.decode().splitlines()]
    if len(results) != len(all_cases):
        sys.exit("expected %d results, got %d" % (len(all_cases), len(results)))
    rows, misses = {}, []
    for (cls, origin, d), r in zip(all_cases, results):
        row = rows.setdefault(cls, {"class": cls, "cases": 0, "recalled": 0})
        row["cases"] += 1
        own = families.get(origin, set()) if cls == "foreign-cctld" else {origin}
        if r["verdict"] == "lookalike" and (r.get("target") == origin or r.get("target") in own):
            row["recalled"] += 1
        else:
            misses.append((cls, d, origin, r["verdict"], r.get("target", "-")))
    for row in rows.values():
        row["recall"] = 100.0 * row["recalled"] / row["cases"]
    alarms = subprocess.run([os.path.join(HERE, "..", "false-alarms", "run"), args.build, "--json"],
                            capture_output=True)
    fa = json.loads(alarms.stdout.decode()) if alarms.stdout else {}
    failed = [r["class"] for r in rows.values() if r["recall"] < args.min]
    if fa.get("rate", 100.0) >= 0.1:
        failed.append("false-alarms")
    result = {"rows": sorted(rows.values(), key=lambda r: r["class"]),
              "false_alarm_rate": fa.get("rate"), "false_alarms": fa.get("false_alarms"),
              "far_domains": fa.get("far"), "failed": failed}
    if args.json:
        print(json.dumps(result))
    else:
        print("%-20s %7s %9s %8s" % ("class", "cases", "recalled", "recall"))
        for row in result["rows"]:
            print("%-20s %7d %9d %7.2f%%" % (row["class"], row["cases"], row["recalled"], row["recall"]))
        print("false alarms on real mail domains: %s of %s far domains (%.4f%%)"
              % (fa.get("false_alarms"), fa.get("far"), fa.get("rate", float("nan"))))
        for m in (misses if args.verbose else misses[:10]):
            print("  missed (%s): %s for %s -> %s %s" % m)
        if len(misses) > 10 and not args.verbose:
            print("  ... %d more misses (-v lists them)" % (len(misses) - 10))
        for f in fa.get("false_alarm_list", []):
            print("  false alarm: %s -> %s %s" % (f[0], f[1], f[2]))
    if failed:
        print("FAIL: %s" % ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""address-typo on a crowded domain: a mail provider (gmail.com) many
unrelated people share, where measure.py's partner domains of 5 to 40
people say nothing about false alarms.

A seeded, generated history (no real mail; after the issue-14 tester's
repro/gen_provider.py): 30 senders write 3 to 12 times each to 400 distinct
gmail.com people, over 80 days, in the forms people pick there
(given.family, givenfamily, given.family+NN, givenfamilyYYYY, gfamilyNNN,
family.given). Then checked with `nearmiss check --json --store`:

  new   300 genuinely new gmail.com people in the same forms, never written
        to: each one flagged address-typo is a false alarm;
  slip  300 slips of the 400 (a letter dropped, doubled, swapped with its
        neighbour or replaced by a keyboard neighbour; the name parts
        swapped; a number added), never written to: recall.

Usage: provider.py BUILD_DIR [--seed N] [--max-false P]
Exit 1 when false alarms are over --max-false (percent).
"""
import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

GIVEN = """james mary robert patricia john jennifer michael linda david elizabeth
william barbara richard susan joseph jessica thomas sarah charles karen christopher
lisa daniel nancy matthew betty anthony margaret mark sandra donald ashley steven
kimberly paul emily andrew donna joshua michelle kenneth carol kevin amanda brian
dorothy george melissa timothy deborah ronald stephanie edward rebecca jason sharon
jeffrey laura ryan cynthia jacob kathleen gary amy nicholas angela eric shirley
jonathan anna stephen brenda larry pamela justin emma scott nicole brandon helen
benjamin samantha samuel katherine gregory christine alexander debra frank rachel
patrick carolyn raymond janet jack catherine dennis maria jerry heather""".split()
FAMILY = """smith johnson williams brown jones garcia miller davis rodriguez martinez
hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee perez
thompson white harris sanchez clark ramirez lewis robinson walker young allen king
wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell
mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins
reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson
bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james
bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross
foster jimenez""".split()
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def form(rng, g, f):
    k = rng.random()
    if k < 0.35:
        return "%s.%s" % (g, f)
    if k < 0.55:
        return g + f
    if k < 0.75:
        return "%s.%s%d" % (g, f, rng.randint(1, 99))
    if k < 0.85:
        return "%s%s%d" % (g, f, rng.randint(1970, 2005))
    if k < 0.95:
        return "%s%s%d" % (g[0], f, rng.randint(1, 999))
    return "%s.%s" % (f, g)


def neighbour(rng, c):
    for row in ROWS:
        i = row.find(c)
        if i >= 0:
            return rng.choice([row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)])
    return c


def slip(rng, local):
    letters = [i for i, c in enumerate(local) if c.isalpha()]
    i = rng.choice(letters)
    kinds = [local[:i] + local[i + 1:], local[:i] + local[i] + local[i:],
             local[:i] + neighbour(rng, local[i]) + local[i + 1:]]
    j = rng.randrange(len(local) - 1)
    if local[j] != local[j + 1]:
        kinds.append(local[:j] + local[j + 1] + local[j] + local[j + 2:])
    if "." in local:
        a, b = local.split(".", 1)
        kinds.append(b + "." + a)
    return rng.choice(kinds)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-false", type=float, default=100)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    nearmiss = os.path.join(os.path.abspath(a.build), "nearmiss")
    seen, rows = set(), []
    start = datetime.datetime(2026, 9, 1, tzinfo=datetime.timezone.utc)
    senders = ["s%d@mod.example" % i for i in range(30)]
    while len(seen) < 400:
        address = form(rng, rng.choice(GIVEN), rng.choice(FAMILY)) + "@gmail.com"
        if address in seen:
            continue
        seen.add(address)
        sender = rng.choice(senders)
        for _ in range(rng.randint(3, 12)):
            t = start + datetime.timedelta(seconds=rng.randrange(80 * 86400))
            rows.append((sender, address, t.strftime("%Y-%m-%dT%H:%M:%SZ")))
    known = sorted(seen)
    new = []
    while len(new) < 300:
        address = form(rng, rng.choice(GIVEN), rng.choice(FAMILY)) + "@gmail.com"
        if address not in seen:
            seen.add(address)
            new.append(address)
    slips = []
    while len(slips) < 300:
        meant = rng.choice(known)
        typed = slip(rng, meant.split("@")[0]) + "@gmail.com"
        if typed not in seen:
            seen.add(typed)
            slips.append((typed, meant))
    with tempfile.TemporaryDirectory() as w:
        with open(os.path.join(w, "history.csv"), "w") as f:
            f.write("sender,recipient,date\n")
            for r in rows:
                f.write(",".join(r) + "\n")
        store = "sqlite:" + os.path.join(w, "h.db")
        subprocess.run([nearmiss, "learn", "--store", store, os.path.join(w, "history.csv")],
                       capture_output=True, text=True, check=True)
        typed = new + [s[0] for s in slips]
        out = subprocess.run([nearmiss, "check", "--json", "--store", store],
                             input="\n".join(typed) + "\n", capture_output=True, text=True)
    answers = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    if len(answers) != len(typed):
        sys.exit("check answered %d of %d: %s" % (len(answers), len(typed), out.stderr))

    def typo(r):
        return any(x["code"] == "address-typo" for x in r["reasons"])

    false = [r for r in answers[:len(new)] if typo(r)]
    found = [(r, m) for r, (_, m) in zip(answers[len(new):], slips) if typo(r)]
    right = [1 for r, m in found if r.get("suggestion") == m]
    fa = 100.0 * len(false) / len(new)
    print("crowded domain gmail.com: 400 people written to by 30 senders (seed %d)" % a.seed)
    print("  genuinely new contacts: %d, flagged address-typo: %d (%.1f%%)"
          % (len(new), len(false), fa))
    print("  slips of known contacts: %d, flagged: %d (recall %.3f), meant address suggested: %d"
          % (len(slips), len(found), len(found) / len(slips), len(right)))
    for r in false[:5]:
        print("    false alarm: %s -> did you mean %s?" % (r["address"], r.get("suggestion")))
    if fa > a.max_false:
        sys.exit("false alarms %.1f%% over %.1f%%" % (fa, a.max_false))


if __name__ == "__main__":
    main()

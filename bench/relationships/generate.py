#!/usr/bin/env python3
"""A seeded, generated relationship history and a labelled test set for
address-typo (the wrong person at the right domain).

Nothing here is real mail: the history is synthetic and says so. What it
models, so the figures mean something:

  * an organisation (mod.example) of SENDERS senders writing to PARTNERS
    partner domains (northwind-traders.example, ...) over 180 days;
  * each partner domain names its people by one convention, as real ones
    do: given.family, gfamily, given_family, family.given or given-family;
  * people are drawn from common given and family names, so two people at
    one domain often share a given name (john.smith and john.taylor), as
    they do in real directories;
  * each sender has 5 to 25 contacts with Zipf-like message counts (a few
    written to weekly, most rarely), dated over the 180 days.

The test set holds, one per line, `label<TAB>address<TAB>expected`:

  slip   a frequent contact's address (written to 3+ times) with one slip a
         sender makes: a letter dropped, doubled, swapped with its
         neighbour or replaced by a keyboard neighbour, the name parts
         swapped, the given name cut to its initial; never an address
         anyone has written to. `expected` is the meant address.
  new    a genuinely new person at a domain people write to (a fresh name
         in the domain's convention), never written to. `expected` is "".

The slips above were written beside the detector and follow its kinds, so
their recall partly confirms itself. DIR/cases-independent.tsv holds as
many slips again, made from how people mistype an address and pick the
wrong one, without looking at what the detector compares
(independent_slips): a QWERTY neighbour typed for a letter or pressed with
it, one or two letters dropped, given and family name in the other order,
the initial forms of directories and sign-offs (j.smith, jsmith, smith.j,
smithj, john.s, johns) whatever the domain's convention, and another
person with the same family name (mary.smith for john.smith: autocomplete
offered the wrong Smith), never written to.

DIR/cases-families.tsv holds the name families the issue-14 tester's
round 6 found missed (family_cases), with their own people added to the
history by a separate random stream (so the figures above stay comparable
across versions): a given name in a familiar or short form (bob.brown,
alex.petrov for robert.brown, alexander.petrov; the forms from FORMS, a list
kept here apart from the detector's table), a family name with particles
dropped or run together (jan.berg, p.devries for jan.van.der.berg,
pieter.de.vries), an initial or swapped form with a number (rbrown1,
brown.robert2), and a display name of one frequent contact over another
known contact's address ("Robert Brown" <li.wei@...>). Beside them, as
`new`, what must stay quiet: another given name with a frequent family name
or particle group, a numbered initial form of another initial, and a known
address under its own display name.

Usage: generate.py --seed N --out DIR
  (writes DIR/history.csv, DIR/cases.tsv, DIR/cases-independent.tsv,
  DIR/cases-families.tsv, DIR/cases-threads.tsv and DIR/history-threads.csv:
  thread_cases; DIR/cases-given-neighbours.tsv: given_neighbours.py;
  DIR/history-cjk.csv and DIR/cases-cjk.tsv: cjk.py)
"""
import argparse
import collections
import datetime
import os
import random

from cjk import cjk_cases
from given_neighbours import given_neighbour_cases

GIVEN = """james john robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
eric jonathan stephen larry justin scott brandon benjamin samuel gregory mary
patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy
melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela
shirley anna brenda pamela emma nicole helen samantha katherine christine debra
rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
virginia victoria kelly lauren christina joan evelyn judith megan andrea
cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
lori""".split()
FAMILY = """smith johnson williams brown jones garcia miller davis rodriguez
martinez hernandez lopez gonzalez wilson anderson thomas taylor moore jackson
martin lee perez thompson white harris sanchez clark ramirez lewis robinson
walker young allen king wright scott torres nguyen hill flores green adams
nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans
turner diaz parker cruz edwards collins reyes stewart morris morales murphy
cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard
ramos kim cox ward richardson watson brooks chavez wood james bennett gray
mendoza ruiz hughes price alvarez castillo sanders patel myers long ross
foster jimenez powell jenkins perry russell sullivan bell coleman butler
henderson barnes gonzales fisher vasquez simmons romero jordan patterson
alexander hamilton graham reynolds griffin wallace moreno west cole hayes
bryant herrera gibson ellis tran medina aguilar stevens murray ford castro
marshall owens harrison fernandez mcdonald woods washington kennedy wells
vargas henry chen freeman webb tucker guzman burns crawford olson simpson
porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks
holmes palmer wagner black robertson boyd rose stone salazar fox warren mills
meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan
gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen
peters santos hart bradley knight elliott cunningham duncan armstrong hudson
carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston
matthews pena richards contreras willis carpenter lawrence sandoval""".split()

# Partner domains, far apart from each other: numbered names
# (partner01/partner02) would be look-alikes of one another, which is the
# domain detector's business, not this benchmark's.
DOMAINS = """northwind-traders contoso-legal fabrikam adventure-works tailspin-toys
litware wingtip-partners proseware lucerne-publishing margies-travel
coho-winery fourth-coffee blue-yonder-air alpine-ski-house wide-world-importers
trey-research humongous-insurance graphic-design-institute woodgrove-bank
school-of-fine-art southridge-video consolidated-messenger""".split()

CONVENTIONS = [
    lambda g, f: g + "." + f,
    lambda g, f: g[0] + f,
    lambda g, f: g + "_" + f,
    lambda g, f: f + "." + g,
    lambda g, f: g + "-" + f,
]

# QWERTY neighbours, for substituted and inserted letters.
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbours(c):
    for r, row in enumerate(ROWS):
        i = row.find(c)
        if i < 0:
            continue
        out = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        for rr in (r - 1, r + 1):
            if 0 <= rr < len(ROWS):
                out += [ROWS[rr][j] for j in (i - 1, i) if 0 <= j < len(ROWS[rr])]
        return out
    return [c]


def slips(rng, local, person, convention):
    """(kind, local) candidates for one slip of `local`."""
    g, f = person
    letters = [i for i, c in enumerate(local) if c.isalpha()]
    i = rng.choice(letters)
    out = [
        ("drop-letter", local[:i] + local[i + 1:]),
        ("double-letter", local[:i] + local[i] + local[i:]),
        ("neighbour-key", local[:i] + rng.choice(neighbours(local[i])) + local[i + 1:]),
    ]
    j = rng.randrange(len(local) - 1)
    if local[j] != local[j + 1]:
        out.append(("swap-letters", local[:j] + local[j + 1] + local[j] + local[j + 2:]))
    if convention in (0, 2, 3, 4):
        sep = {0: ".", 2: "_", 3: ".", 4: "-"}[convention]
        parts = local.split(sep)
        if len(parts) == 2:
            out.append(("swap-parts", parts[1] + sep + parts[0]))
            out.append(("initial", g[0] + f if convention != 3 else f + g[0]))
    return out


def independent_slips(rng, local, person, convention):
    """(kind, local) candidates for one slip of `local`, by how people err."""
    g, f = person
    letters = [i for i, c in enumerate(local) if c.isalpha()]
    i = rng.choice(letters)
    k = rng.choice(neighbours(local[i]))
    out = [
        ("ind-neighbour-key", local[:i] + k + local[i + 1:]),
        ("ind-neighbour-extra", local[:i] + k + local[i:] if rng.random() < 0.5
         else local[:i + 1] + k + local[i + 1:]),
        ("ind-dropped", local[:i] + local[i + 1:]),
    ]
    if len(letters) >= 6:
        a, b = sorted(rng.sample(letters, 2))
        out.append(("ind-dropped-two", local[:a] + local[a + 1:b] + local[b + 1:]))
    sep = {0: ".", 1: "", 2: "_", 3: ".", 4: "-"}[convention]
    first, last = (f, g) if convention == 3 else (g, f)
    if convention == 1:
        out.append(("ind-swapped-first-last", f + g[0]))
    else:
        out.append(("ind-swapped-first-last", last + sep + first))
    dot = rng.choice([".", "_", ""])
    out.append(("ind-initial-form", rng.choice([
        g[0] + dot + f, f + dot + g[0], g + dot + f[0]])))
    other = rng.choice([x for x in GIVEN if x[0] != g[0]])
    out.append(("ind-same-surname-other-person", CONVENTIONS[convention](other, f)))
    return out


# Familiar forms of given names, as people write them (common English
# hypocoristics; kept here apart from data/names/given-name-forms.txt).
FORMS = {
    "robert": ["bob", "rob", "robbie"], "william": ["bill", "will", "billy"],
    "james": ["jim", "jimmy", "jamie"], "elizabeth": ["liz", "beth", "betsy"],
    "margaret": ["maggie", "peggy", "meg"], "richard": ["rick", "dick", "rich"],
    "michael": ["mike", "mick"], "thomas": ["tom", "tommy"], "christopher": ["chris", "kit"],
    "katherine": ["kate", "katie", "kathy"], "joseph": ["joe", "joey"],
    "edward": ["ted", "eddie", "ned"], "anthony": ["tony"], "daniel": ["dan", "danny"],
    "jennifer": ["jen", "jenny"], "patricia": ["pat", "patty", "trish"],
    "samuel": ["sam"], "alexander": ["alex", "sasha"], "benjamin": ["ben"],
    "matthew": ["matt"], "nicholas": ["nick"], "stephen": ["steve"], "timothy": ["tim"],
    "deborah": ["deb", "debbie"], "susan": ["sue", "susie"], "rebecca": ["becky"],
    "maximilian": ["max"], "frederick": ["fred", "freddie"], "gabriel": ["gabe"],
}
# Family names with particles, as parts (van der berg), and given names
# that go with them.
PARTICLE_FAMILIES = [["van", "der", "berg"], ["de", "vries"], ["de", "la", "cruz"],
                     ["dos", "santos"], ["von", "mises"], ["di", "stefano"], ["van", "dijk"],
                     ["de", "jong"], ["van", "den", "bosch"], ["da", "silva"],
                     ["del", "rio"], ["le", "roux"]]
PARTICLE_GIVEN = ["jan", "pieter", "maria", "ana", "ludwig", "luca", "sanne", "joao",
                  "carmen", "claire", "daan", "lotte", "marco", "ines"]


def family_cases(seed, domains, written, out_rows):
    """Round-6 families: extra people written to (appended to out_rows and
    written), and (label, input, expected, kind) cases."""
    rng = random.Random(seed * 7919 + 6)
    start = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
    senders = ["family%d.sender@mod.example" % i for i in range(6)]
    people = []  # (domain, conv, given, family parts, address)

    def add(domain, conv, given, parts, sender):
        sep = {0: ".", 2: "_", 3: ".", 4: "-"}[conv]
        local = (sep.join(parts) + sep + given) if conv == 3 else (given + sep + sep.join(parts))
        address = local + "@" + domain
        if address in written:
            return None
        n = rng.randint(4, 15)
        for _ in range(n):
            t = start + datetime.timedelta(seconds=rng.randrange(180 * 86400))
            out_rows.append((sender, address, t.strftime("%Y-%m-%dT%H:%M:%S")))
        written[address] = n
        people.append((domain, conv, given, parts, address, sep))
        return people[-1]

    # Conventions with a separator: a run-together family (gfamily) has no
    # parts to drop.
    usable = [(d, c) for d, c, _ in domains if c != 1]
    for sender in senders:
        for _ in range(6):
            domain, conv = rng.choice(usable)
            if rng.random() < 0.5:
                add(domain, conv, rng.choice(sorted(FORMS)), [rng.choice(FAMILY)], sender)
            else:
                add(domain, conv, rng.choice(PARTICLE_GIVEN), rng.choice(PARTICLE_FAMILIES),
                    sender)
    seen = set(written)
    cases = []

    def case(label, typed_local, p, kind, display=None, expected=None):
        address = typed_local + "@" + p[0]
        if address in seen:
            return
        seen.add(address)
        text = '"%s" <%s>' % (display, address) if display else address
        cases.append((label, text, p[4] if expected is None else expected, kind))

    for p in people:
        domain, conv, given, parts, address, sep = p
        family = parts[-1]

        def local(g, fam_parts):
            return (sep.join(fam_parts) + sep + g) if conv == 3 else (g + sep + sep.join(fam_parts))

        if given in FORMS:
            case("slip", local(rng.choice(FORMS[given]), parts), p, "fam-given-form")
            if len(given) >= 6:
                case("slip", local(given[:rng.randint(3, len(given) - 2)], parts), p,
                     "fam-given-prefix")
            case("slip", given[0] + family + str(rng.randint(1, 99)), p, "fam-initial-number")
            case("slip", family + sep + given + str(rng.randint(1, 9)), p, "fam-swap-number")
            other = rng.choice([g for g in GIVEN if g[0] != given[0] and g not in FORMS])
            case("new", local(other, parts), p, "new-same-family", expected="")
            case("new", other[0] + family + str(rng.randint(1, 99)), p, "new-other-initial-number",
                 expected="")
        else:
            case("slip", local(given, [family]), p, "fam-particles-dropped")
            case("slip", given[0] + "." + "".join(parts), p, "fam-particles-initial")
            other = rng.choice([g for g in PARTICLE_GIVEN if g[0] != given[0]])
            case("new", local(other, parts), p, "new-same-particle-family", expected="")
        # A display name of this person over another known address at the
        # domain, and a known address under its own name.
        others = [q for q in people if q[0] == domain and q is not p]
        if others:
            q = rng.choice(others)
            name = "%s %s" % (given.capitalize(), " ".join(x.capitalize() for x in parts))
            cases.append(("slip", '"%s" <%s>' % (name, q[4]), address, "fam-display-known"))
            cases.append(("new", '"%s" <%s>' % (name, address), "", "new-display-fits"))
    # Round 41, item 3: the person's display name over the same mailbox name
    # at another organisation's domain (a look-alike registration with a
    # dash, a webmail address), never written to; and strangers: a name no
    # one here has, at such a domain. Drawn from their own generator, so the
    # cases above stay as they were.
    erng = random.Random(seed * 7919 + 41)
    names = {(p[2], tuple(p[3])) for p in people}
    for p in people:
        domain, conv, given, parts, address, sep = p
        name = "%s %s" % (given.capitalize(), " ".join(x.capitalize() for x in parts))
        local_part = address.split("@")[0]
        # Webmail, or a company no domain rule relates to the person's (a
        # dashed copy of the domain is a look-alike, which that detector
        # finds with its own reason).
        elsewhere = erng.choice(["gmail.com", "outlook.com", "yahoo.com",
                                 "newco-%d.example" % erng.randrange(1000)])
        case("slip", local_part, (elsewhere,) + p[1:], "fam-display-elsewhere", display=name,
             expected=address)
        stranger = (erng.choice(GIVEN), [erng.choice(FAMILY)])
        if (stranger[0], tuple(stranger[1])) in names:
            continue
        s_name = "%s %s" % (stranger[0].capitalize(), stranger[1][0].capitalize())
        s_local = stranger[0] + "." + stranger[1][0]
        case("new", s_local, (elsewhere,) + p[1:], "new-display-elsewhere", display=s_name,
             expected="")
    return cases


def thread_cases(seed, frequent, meant, seen, domains, n, out_rows):
    """Round 33, item 4: slips a thread repeats, and contacts that became
    known. Rows for their history (DIR/history-threads.csv) go to out_rows; returns
    (label, input, expected, kind) cases. A separate random stream, so the
    figures above stay comparable across versions.

      slip thread-slip         a slip of a frequent address (independent_slips)
                               then written to 2 or 3 more times within 36
                               hours: replies in its thread, or the slip sent
                               again. Still a slip.
      new  new-known-contact   an address of a slip's shape (a real colleague
                               jon.smith beside john.smith) written to 3 to 6
                               times over 7 days or more: a correspondent now.
      new  new-burst-contact   a fresh person at a known domain, written to 3
                               or 4 times within one day (a new project's
                               first exchange): new, and as often a false
                               alarm as any new contact.
    """
    rng = random.Random(seed * 104729 + 33)
    start = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
    sender = "thread.sender@mod.example"
    cases = []

    def burst(address, count, hours):
        t0 = start + datetime.timedelta(seconds=rng.randrange(170 * 86400))
        for i in range(count):
            t = t0 + datetime.timedelta(seconds=0 if i == 0 else rng.randrange(hours * 3600))
            out_rows.append((sender, address, t.strftime("%Y-%m-%dT%H:%M:%S")))

    def shaped():
        while True:
            address = rng.choice(frequent)
            local, domain = address.split("@")
            person, conv = meant[address]
            kind, typed = rng.choice(independent_slips(rng, local, person, conv))
            typed_address = typed + "@" + domain
            if typed and typed_address not in seen:
                seen.add(typed_address)
                return typed_address, address

    for _ in range(n):
        typed, address = shaped()
        burst(typed, rng.randint(3, 4), 36)
        cases.append(("slip", typed, address, "thread-slip"))
    for _ in range(n):
        typed, _ = shaped()
        count = rng.randint(3, 6)
        days = sorted(rng.sample(range(170), count))
        if days[-1] - days[0] < 7:
            days[-1] = days[0] + 7 + rng.randrange(10)
        for d in days:
            t = start + datetime.timedelta(days=d, seconds=rng.randrange(86400))
            out_rows.append((sender, typed, t.strftime("%Y-%m-%dT%H:%M:%S")))
        cases.append(("new", typed, "", "new-known-contact"))
    made = 0
    while made < n:
        domain, conv, _ = rng.choice(domains)
        address = CONVENTIONS[conv](rng.choice(GIVEN), rng.choice(FAMILY)) + "@" + domain
        if address in seen:
            continue
        seen.add(address)
        burst(address, rng.randint(3, 4), 20)
        cases.append(("new", address, "", "new-burst-contact"))
        made += 1
    return cases


def new_person(rng, conv, domain, seen):
    """A fresh person's address at `domain` in its convention, added to
    `seen`; "" when the name drawn was written to or drawn before."""
    address = CONVENTIONS[conv](rng.choice(GIVEN), rng.choice(FAMILY)) + "@" + domain
    if address in seen:
        return ""
    seen.add(address)
    return address


def blend_cases(seed, frequent, meant, written, seen, most=12):
    """Round 47: ("slip", typed, meant, "blend") cases, the given name of one
    frequent address with the family name of another at the same domain
    (issue 14, item 2), at domains with at most `most` frequent addresses
    (engine kBlendMostFrequent) and a convention with a separator; the meant
    address is the one written to more. And ("new", address, "",
    "new-at-small-domain") cases: fresh people at those domains, never
    written to, the blends' false alarms."""
    rng = random.Random(seed * 7919 + 47)
    by_domain = collections.defaultdict(list)
    for address in sorted(frequent):
        by_domain[address.split("@")[1]].append(address)
    out = []
    for domain, addresses in sorted(by_domain.items()):
        if len(addresses) > most:
            continue
        for a in addresses:
            for b in addresses:
                (ga, fa), conv = meant[a]
                (gb, fb), _ = meant[b]
                if conv == 1 or ga == gb or fa == fb:
                    continue
                typed = CONVENTIONS[conv](ga, fb) + "@" + domain
                if typed in seen:
                    continue
                seen.add(typed)
                out.append(("slip", typed, a if written[a] >= written[b] else b, "blend"))
        conv = meant[addresses[0]][1]
        for _ in range(3 * len(addresses)):
            address = new_person(rng, conv, domain, seen)
            if address:
                out.append(("new", address, "", "new-at-small-domain"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--senders", type=int, default=40)
    ap.add_argument("--partners", type=int, default=20, help="at most 22")
    ap.add_argument("--cases", type=int, default=1000, help="of each label")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    domains = []
    for d in range(a.partners):
        people = set()
        while len(people) < rng.randint(5, 40):
            people.add((rng.choice(GIVEN), rng.choice(FAMILY)))
        domains.append((DOMAINS[d] + ".example", rng.randrange(len(CONVENTIONS)), sorted(people)))

    start = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
    written = {}  # address -> messages by everyone
    meant = {}    # address -> (person, convention)
    rows = []
    for s in range(a.senders):
        sender = "%s.%s@mod.example" % (rng.choice(GIVEN), rng.choice(FAMILY))
        for rank in range(1, rng.randint(5, 25) + 1):
            domain, conv, people = rng.choice(domains)
            person = rng.choice(people)
            address = CONVENTIONS[conv](*person) + "@" + domain
            # Zipf-like: the first contacts weekly, the tail once or twice.
            n = max(1, int(40 / rank ** 1.1 * rng.uniform(0.5, 1.5)))
            for _ in range(n):
                t = start + datetime.timedelta(seconds=rng.randrange(180 * 86400))
                rows.append((sender, address, t.strftime("%Y-%m-%dT%H:%M:%S")))
            written[address] = written.get(address, 0) + n
            meant[address] = (person, conv)
    rng.shuffle(rows)
    with open(os.path.join(a.out, "history.csv"), "w") as f:
        f.write("sender,recipient,date\n")
        for r in rows:
            f.write(",".join(r) + "\n")

    frequent = [x for x, n in written.items() if n >= 3]
    seen = set(written)

    def draw(make, n):
        """n slips of frequent addresses by `make`, each never written to."""
        out = []
        while len(out) < n:
            address = rng.choice(frequent)
            local, domain = address.split("@")
            person, conv = meant[address]
            kind, typed = rng.choice(make(rng, local, person, conv))
            typed_address = typed + "@" + domain
            if typed_address in seen or not typed:
                continue
            seen.add(typed_address)
            out.append(("slip", typed_address, address, kind))
        return out

    cases = draw(slips, a.cases)
    while sum(1 for c in cases if c[0] == "new") < a.cases:
        domain, conv, people = rng.choice(domains)
        address = new_person(rng, conv, domain, seen)
        if address:
            cases.append(("new", address, "", "new-contact"))
    independent = draw(independent_slips, a.cases)
    extra = []
    families = family_cases(a.seed, domains, written, extra)
    with open(os.path.join(a.out, "history.csv"), "a") as f:
        for r in extra:
            f.write(",".join(r) + "\n")
    # Their own history file, learned on top of history.csv into a second
    # store (measure.py): the figures above stay those of history.csv.
    thread_rows = []
    threads = thread_cases(a.seed, frequent, meant, seen, domains, a.cases // 3, thread_rows)
    with open(os.path.join(a.out, "history-threads.csv"), "w") as f:
        f.write("sender,recipient,date\n")
        for r in thread_rows:
            f.write(",".join(r) + "\n")
    # Round 43: genuinely new people whose given name is a real neighbour of
    # a frequent contact's (given_neighbours.py), after every other draw.
    neighbours = given_neighbour_cases(a.seed, frequent, meant, seen, a.cases // 5)
    blends = blend_cases(a.seed, frequent, meant, written, seen)
    # Round 54: Chinese, Japanese and Korean partners (cjk.py), their own
    # history and store.
    cjk_rows = []
    cjk = cjk_cases(a.seed, a.cases // 5, cjk_rows)
    with open(os.path.join(a.out, "history-cjk.csv"), "w") as f:
        f.write("sender,recipient,date\n")
        for r in cjk_rows:
            f.write(",".join(r) + "\n")
    for name, labelled in (("cases.tsv", cases), ("cases-independent.tsv", independent),
                           ("cases-cjk.tsv", cjk),
                           ("cases-blends.tsv", blends),
                           ("cases-families.tsv", families), ("cases-threads.tsv", threads),
                           ("cases-given-neighbours.tsv", neighbours)):
        with open(os.path.join(a.out, name), "w") as f:
            for c in labelled:
                f.write("\t".join(c) + "\n")
    print("history: %d deliveries, %d addresses (%d frequent); cases: %d slips, %d new, "
          "%d independent slips; families: %d slips, %d new (%d more deliveries)"
          % (len(rows), len(written), len(frequent), a.cases, a.cases, len(independent),
             sum(1 for c in families if c[0] == "slip"),
             sum(1 for c in families if c[0] == "new"), len(extra)))


if __name__ == "__main__":
    main()

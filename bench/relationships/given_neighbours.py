"""Genuinely new contacts whose given name is a real neighbour of a
frequent contact's (issue 14 tester round 42, finding 6): mark.jones at a
domain where mary.jones is written to often, never written to, another
person. generate.py writes them to DIR/cases-given-neighbours.tsv, drawn
from their own random stream so its other figures stay comparable.

NEIGHBOURS: for each of generate.py's GIVEN names, the given names one edit
away (insert, delete, substitute, swap two neighbours) that are in the US
Social Security Administration's yearly top 1,000 of any year 1950-2020
(its baby-name files; public domain), less GIVEN and FAMILY themselves,
each with its births 1950-2020 in thousands (at least 1): a new person's
name is drawn by them, as names are given (a uniform draw made the rare
spellings, christoper or jaymes, as common as marc or jon).
Each typed address is drawn once: fewer than n cases when the frequent
addresses have fewer neighbour pairs (the summary line counts them).
A cut of the same source other than the detector's own list
(data/names/ssa-given-names.txt: 5,000 births since 1940), so a neighbour
the detector does not know shows as a false alarm at 0.8. Misspellings a
register holds (christoper, racheal) are names people have, and stay in.
"""
import random

NEIGHBOURS = {
    "james": "jame:3 jamel:11 jamey:10 jaymes:2",
    "john": "johan:12 jon:142",
    "robert": "hobert:1 roberta:73 roberto:100",
    "michael": "michaela:51 michal:7 michale:3 micheal:140 michel:12",
    "william": "willam:1",
    "david": "davie:2 davin:11",
    "joseph": "joesph:11",
    "thomas": "tomas:23",
    "charles": "charlee:15 charley:15",
    "christopher": "christoper:3 christophe:4 cristopher:11",
    "daniel": "danial:8 daniela:63 daniele:4 danniel:2 danyel:3 dariel:5",
    "matthew": "mathew:70",
    "anthony": "anthoney:3 antony:10",
    "mark": "mack:16 mara:21 marc:133 mari:14",
    "donald": "donal:2",
    "steven": "seven:3 stevan:4 steve:173",
    "paul": "paula:224 paulo:4 raul:75 saul:34",
    "andrew": "andre:124 andres:84",
    "joshua": "joshuah:3",
    "kenneth": "kennith:7 kennth:2",
    "kevin": "devin:170 kelvin:50 kevan:3 keven:9 kevon:5 tevin:11",
    "brian": "arian:7 brain:5 bria:15 briana:95 briar:8 brien:3 brion:3 bryan:378 rian:8",
    "george": "georgie:3",
    "timothy": "timmothy:4",
    "ronald": "ronaldo:5",
    "edward": "edwardo:6",
    "jason": ("cason:10 eason:2 jadon:10 jalon:2 jaron:11 jasen:5 javon:18 jaxon:93 jaxson:55 "
              "jayson:33 kason:12"),
    "jeffrey": "jefferey:4 jeffery:226 jeffry:14",
    "ryan": "aryan:7 ayan:3 bryan:378 dyan:2 kyan:4 rayan:7 rian:8 ryann:11 rylan:36",
    "jacob": "jacoby:10 jakob:31 jaycob:4",
    "gary": "cary:24 garey:1 garry:35 gay:10 geary:2 lary:1",
    "nicholas": "nicholaus:3 nickolas:35 nicolas:89",
    "eric": "aric:7 deric:5 erica:231 erich:11 erick:74 erie:2 erik:154 erin:322",
    "jonathan": "johathan:2 johnathan:95 jonatan:3 jonathon:65",
    "stephen": "stephan:25 stephon:9",
    "larry": "barry:137 darry:1 garry:35 harry:99 lary:1",
    "justin": "austin:411 dustin:207 justen:4 justina:11 justine:34 juston:2 justyn:4 rustin:3",
    "scott": "scot:14 scotty:18 scout:5",
    "brandon": ("braedon:4 brandan:6 branden:28 brandin:3 brandyn:5 brannon:5 branson:7 braydon:14 "
                "brendon:20"),
    "benjamin": "benjamen:3",
    "samuel": "samual:4 shmuel:5",
    "gregory": "greggory:5",
    "mary": "cary:24 lary:1 macy:30 mara:21 marc:133 marcy:20 mari:14 marty:33 maury:2 may:8",
    "patricia": "latricia:5 patrica:7",
    "jennifer": "jenifer:25 jenniffer:3",
    "linda": "cinda:3 glinda:2 lina:12 lindy:9 lynda:47",
    "elizabeth": "elisabeth:38 elizabet:2 lizabeth:5",
    "barbara": "barbra:5",
    "susan": "susana:19 susann:2 suzan:7",
    "jessica": "jesica:5 jessika:6",
    "sarah": "farah:6 sarahi:7 sarai:19 sariah:8 tarah:5",
    "karen": ("caren:8 daren:11 jaren:5 kaden:65 kalen:6 kamren:5 karan:4 kareen:2 karin:25 "
              "karon:7 karsen:4 karyn:13 kasen:9 maren:10"),
    "lisa": ("alisa:34 elisa:40 leisa:5 lesa:11 lia:22 lila:36 lina:12 lise:3 lisha:2 lissa:4 "
             "lita:3 liza:15 luisa:11 risa:4 tisa:1"),
    "nancy": "nanci:5 yancy:3",
    "betty": "betsy:34 bette:5 bettye:4",
    "margaret": "margarett:1 margret:4",
    "sandra": "andra:7 saundra:10 shandra:3 sondra:16 zandra:3",
    "ashley": "ashely:7 ashlea:3 ashlee:44 ashly:12",
    "kimberly": "kimberely:2 kimberley:38 kimberli:4",
    "emily": "emely:20 emil:8 emile:4",
    "donna": "danna:20 dona:8 donn:4 donny:11 donta:4 jonna:5 lonna:3 ronna:4",
    "michelle": "machelle:3 mechelle:4 michele:213 michell:7 nichelle:6 richelle:8",
    "carol": "carl:224 carlo:11 carole:31 caron:4 carrol:2 caryl:3 karol:8",
    "dorothy": "dorthy:3",
    "melissa": "elissa:16 malissa:7 melisa:19 melissia:2 mellissa:6 milissa:3",
    "deborah": "debora:29 deborrah:1 debrah:4 debroah:1",
    "stephanie": "stephaine:4 stephani:5 stephenie:6",
    "rebecca": "rebeca:13",
    "sharon": "shalon:1 shanon:7 sharen:2 sharron:9 sharyn:3 shavon:4 sheron:3",
    "laura": "lara:28 lauri:11 maura:19",
    "cynthia": "cinthia:6",
    "kathleen": "cathleen:25 kathaleen:2 kathlene:3",
    "amy": "ami:8 amya:10 may:8",
    "angela": "angel:334 angelia:22 angella:3 angelo:56 tangela:4",
    "shirley": "shirlee:1",
    "anna": "ana:102 anne:176 anya:17 danna:20 hanna:38 janna:15",
    "brenda": "brendan:90 brenna:29 brinda:2",
    "pamela": "pamala:6 pamelia:2 pamella:2 tamela:7",
    "emma": "elma:3 emmy:9 erma:7 gemma:17 jemma:6",
    "nicole": "nichole:64 nicola:7 nicolle:6 nikole:7",
    "helen": "belen:10 helena:23 helene:10",
    "samantha": "samatha:4",
    "katherine": "katharine:28 katherin:3 kathrine:11",
    "christine": "christie:44 christin:12 cristine:4",
    "debra": "debbra:4 debera:1 debora:29 debrah:4 dedra:4",
    "rachel": "rachael:79 racheal:10",
    "carolyn": "carolynn:4 karolyn:4",
    "janet": "jane:169 janel:12 janey:3 jaret:3",
    "catherine": "catharine:5 cathrine:5",
    "maria": ("aria:65 daria:8 maia:15 maira:6 malia:26 mara:21 marcia:77 mari:14 mariah:110 "
              "mariam:14 marian:33 marin:6 marina:35 mario:133 marisa:49 marita:3 marla:35 "
              "marta:15 marva:5 zaria:10"),
    "diane": "dane:31 dian:3 diann:8 dianne:59 dione:3 duane:71 dwane:2 liane:3",
    "julie": "jolie:12 judie:2 juli:6 julia:294 julien:11 juliet:29 julio:57",
    "olivia": "alivia:30 livia:8",
    "joyce": "boyce:2 jayce:36 royce:21",
    "kelly": "keely:12 keily:4 kelby:5 kelli:75 telly:2",
    "lauren": "laureen:6 laurel:37 laurene:2 lauryn:21",
    "christina": "christian:446 christiana:10 christin:12 cristina:51",
    "joan": "jan:58 joana:7 joann:76 johan:12 jon:142 jovan:11 juan:326",
    "evelyn": "evalyn:5 evelin:7 evelynn:11",
    "megan": "kegan:4 maegan:9 magan:3 meagan:42 meggan:3 meghan:96 regan:19 tegan:8",
    "andrea": "andra:7 andrae:2 andre:124 andreas:8 andres:84 andria:9",
    "cheryl": "cheryle:4 cheryll:2 sheryl:68",
    "hannah": "hanna:38",
    "jacqueline": "jacquelin:7 jacquline:7 jaqueline:15",
    "martha": "eartha:1 marsha:74 marta:15",
    "gloria": "loria:1",
    "teresa": "terese:5 teressa:6 tresa:4",
    "ann": "ana:102 anne:176 dann:2 jann:2 nan:3",
    "sara": ("cara:51 dara:13 kara:100 lara:28 mara:21 sabra:4 sarai:19 shara:5 tara:175 yara:5 "
             "zara:14"),
    "madison": "adison:4 maddison:21 madisen:5 madisyn:16 madyson:13 maison:4",
    "frances": "francis:100",
    "kathryn": "cathryn:11 katheryn:10 kathlyn:3 kathyrn:2",
    "janice": "janie:35 janine:32",
    "jean": "dean:136 ean:6 jan:58 jeana:7 jena:13 juan:326 sean:422",
    "abigail": "abagail:6 abbigail:12",
    "alice": "aline:4 alize:5 alyce:5",
    "judy": "jody:85 judd:4 jude:44 judi:6 rudy:36",
    "sophia": "sophie:80",
    "grace": "gracie:58 trace:12",
    "denise": "denese:1 denice:10 denine:1 denis:15 denisse:7",
    "amber": "ameer:5 ember:13",
    "doris": "boris:4 dori:5",
    "marilyn": "madilyn:19 marilynn:5 marlyn:4",
    "danielle": "danelle:7 daniele:4 daniella:30 dannielle:4 danyelle:6",
    "beverly": "beverley:4 everly:26",
    "isabella": "isabela:11 isabell:7 isabelle:74 izabella:28",
    "theresa": "therese:23",
    "diana": ("dana:229 deana:22 dian:3 diann:8 dianna:45 dina:29 giana:9 kiana:25 liana:17 "
              "qiana:3 tiana:27"),
    "natalie": "natalee:10 natalia:70 nathalie:17",
    "brittany": "britany:6 brittaney:3 brittani:12 brittnay:2 brittny:4",
    "marie": ("carie:4 karie:5 macie:18 mamie:7 marcie:14 margie:26 mari:14 mariel:6 marin:6 "
              "mario:133 marlie:4 marnie:6 maxie:2"),
    "kayla": ("ayla:24 cayla:11 gayla:9 jayla:42 kaela:6 kaila:14 kala:8 karla:86 kaya:10 kaylah:6 "
              "kaylan:5 kayli:7 keyla:8 kyla:41 layla:100 tayla:5"),
    "alexis": "alexia:45 alexus:19 alexys:5 lexis:3",
    "lori": "cori:13 dori:5 kori:15 loni:4 lora:36 loria:1 lorie:21 lorin:5 lorri:8 tori:37",
}

# generate.py's CONVENTIONS: where the given name stands, and the separator.
GIVEN_AT = {0: (0, "."), 2: (0, "_"), 3: (1, "."), 4: (0, "-")}


def given_neighbour_cases(seed, frequent, meant, seen, n):
    """n ("new", address, "", "new-given-neighbour") cases: a frequent
    address's given name replaced by a real neighbour, never written to.
    Each (frequent address, neighbour) pair is drawn by the neighbour's
    births: a new colleague is a Marc more often than a Cinthia."""
    rng = random.Random(seed * 7919 + 43)
    pairs, weights = [], []
    for address in sorted(frequent):
        (given, family), conv = meant[address]
        if conv not in GIVEN_AT or given not in NEIGHBOURS:
            continue
        for word in NEIGHBOURS[given].split():
            name, births = word.split(":")
            pairs.append((address, name))
            weights.append(int(births))
    cases = []
    tries = 0
    while pairs and len(cases) < n and tries < 100 * n:
        tries += 1
        address, other = rng.choices(pairs, weights)[0]
        (given, family), conv = meant[address]
        at, sep = GIVEN_AT[conv]
        parts = [other, family] if at == 0 else [family, other]
        typed = sep.join(parts) + "@" + address.split("@")[1]
        if typed in seen:
            continue
        seen.add(typed)
        cases.append(("new", typed, "", "new-given-neighbour"))
    return cases

#!/usr/bin/env python3
"""Generates realistic Postfix logs with planted misdeliveries, and the exact
report `nearmiss audit --json` must give for them.

Deterministic (seeded). Messages overlap in time, so queue ids interleave;
some deliveries are deferred and retried, some bounce, some expire; the log is
split into a rotated set (maillog.3.gz maillog.2.gz maillog.1 maillog), the
older half in BSD syslog form, the newer in journalctl -o short-precise form
(microseconds; Postfix's own maillog_file has none, see
gen-format-excerpts.py). Noise lines (smtpd connects, warnings, anvil) pad it out.

Usage: gen-postfix-log.py OUT_DIR [--messages N] [--seed S]
Writes OUT_DIR/maillog* and OUT_DIR/expected.jsonl (the planted rows, in log
order).
"""
import argparse, gzip, json, os, random

YEAR = 2025
SENDERS = [f"{n}@mod.gov.uk" for n in ("alice", "bob", "carol", "dave", "erin", "frank",
                                       "grace", "heidi", "ivan", "judy", "mallory", "oscar")]
GOOD = ["army.mil", "navy.mil", "gmail.com", "outlook.com", "partner.co.uk", "example.org",
        "nato.int", "mod.uk", "bbc.co.uk", "cabinetoffice.gov.uk"]
# Planted: (domain, verdict, target)
BAD = [("army.ml", "lookalike", "army.mil"), ("navy.ml", "lookalike", "navy.mil"),
       ("gmial.com", "lookalike", "gmail.com"), ("outlok.com", "lookalike", "outlook.com")]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def stamp(t, precise):
    mon = MONTHS[t.tm_mon - 1] if hasattr(t, "tm_mon") else None
    return mon


def ts(sec, precise):
    import time
    t = time.gmtime(sec)
    base = f"{MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} {t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
    return base + (f".{(sec * 7919) % 1000000:06d}" if precise else "")


def iso(sec):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--messages", type=int, default=40000)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    import calendar
    start = calendar.timegm((YEAR, 1, 6, 8, 0, 0))
    span = 300 * 86400
    events = []  # (time, seq, text)
    expected = []
    seq = 0
    used = set()

    def qid():
        while True:
            q = "%X" % rng.randrange(0x100000, 0xFFFFFFFFF)
            if q not in used:
                used.add(q)
                return q

    def add(t, prog, text):
        nonlocal seq
        seq += 1
        events.append((t, seq, prog, text))

    for i in range(args.messages):
        t = start + int(span * i / args.messages) + rng.randrange(0, 30)
        q = qid()
        sender = rng.choice(SENDERS)
        planted = rng.random() < 0.004
        rcpts = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            d = rng.choice(GOOD)
            rcpts.append(f"user{rng.randrange(500)}@{d}")
        if planted:
            d, verdict, target = rng.choice(BAD)
            rcpts.append(f"pat{rng.randrange(50)}@{d}")
        size = rng.randrange(900, 400000)
        add(t, "postfix/smtpd[%d]" % rng.randrange(1000, 9999), f"{q}: client=ws{rng.randrange(99)}.mod.gov.uk[10.0.{rng.randrange(255)}.{rng.randrange(255)}]")
        add(t, "postfix/cleanup[%d]" % rng.randrange(1000, 9999), f"{q}: message-id=<{i}.{q}@mod.gov.uk>")
        add(t + 1, "postfix/qmgr[777]", f"{q}: from=<{sender}>, size={size}, nrcpt={len(rcpts)} (queue active)")
        last = t + 1
        # qmgr expires a message once, whatever its recipients still
        # deferred (one "status=expired" line for the message): so one
        # recipient at most takes that path, else its second line is of a
        # message no longer held (issue-16 tester round 35, item 3).
        expiring = False
        for r in rcpts:
            dom = r.split("@")[1]
            relay = f"mx.{dom}[192.0.2.{rng.randrange(1, 254)}]:25"
            roll = rng.random()
            if roll < 0.06:
                outcomes = ["deferred", "deferred", "sent"]
            elif roll < 0.09:
                outcomes = ["bounced"]
            elif roll < 0.10 and not expiring:
                outcomes = ["deferred"] * 3 + ["expired"]
                expiring = True
            else:
                outcomes = ["sent"]
            at = t + 2 + rng.randrange(0, 5)
            for k, st in enumerate(outcomes):
                if k > 0:
                    at += 600 * k
                    add(at - 1, "postfix/qmgr[777]", f"{q}: from=<{sender}>, size={size}, nrcpt={len(rcpts)} (queue active)")
                if st == "expired":
                    add(at, "postfix/qmgr[777]", f"{q}: from=<{sender}>, status=expired, returned to sender")
                    if dom in [b[0] for b in BAD]:
                        expected.append((at, q, sender, r, "expired", ""))
                    # qmgr removes the message after it expires, never
                    # before: a "removed" logged first made the expiry a
                    # line of a message no longer held (an orphan, the
                    # audit INCOMPLETE; issue-16 tester round 35, item 3).
                    last = max(last, at)
                    continue
                dsn = {"sent": "2.0.0", "deferred": "4.4.1", "bounced": "5.1.1"}[st]
                why = {"sent": "250 2.0.0 Ok: queued", "deferred": "connect to mx timed out",
                       "bounced": "host said: 550 5.1.1 user unknown"}[st]
                add(at, "postfix/smtp[%d]" % rng.randrange(1000, 9999),
                    f"{q}: to=<{r}>, relay={relay}, delay={at - t}, delays=0.1/0/0.2/0.3, dsn={dsn}, status={st} ({why})")
                if dom in [b[0] for b in BAD]:
                    expected.append((at, q, sender, r, st, relay))
                last = max(last, at)
        add(last + 1, "postfix/qmgr[777]", f"{q}: removed")
        if rng.random() < 0.5:
            add(t, "postfix/smtpd[4242]", f"connect from ws{rng.randrange(99)}.mod.gov.uk[10.0.0.{rng.randrange(255)}]")
            add(t + 2, "postfix/smtpd[4242]", "disconnect from ws1.mod.gov.uk[10.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
        if rng.random() < 0.05:
            add(t, "postfix/smtpd[4242]", "warning: hostname ws9.mod.gov.uk does not resolve to address 10.0.0.9")
    events.sort()
    os.makedirs(args.out, exist_ok=True)
    n = len(events)
    cuts = [0, n // 4, n // 2, 3 * n // 4, n]
    names = ["maillog.3.gz", "maillog.2.gz", "maillog.1", "maillog"]
    for part, name in enumerate(names):
        precise = part >= 2  # newer half: journalctl short-precise, with microseconds
        lines = [f"{ts(t, precise)} mail {prog}: {text}\n" for t, _, prog, text in events[cuts[part]:cuts[part + 1]]]
        data = "".join(lines).encode()
        path = os.path.join(args.out, name)
        if name.endswith(".gz"):
            with gzip.open(path, "wb") as f:
                f.write(data)
        else:
            with open(path, "wb") as f:
                f.write(data)
    targets = {b[0]: (b[1], b[2]) for b in BAD}
    expected.sort(key=lambda e: e[0])
    with open(os.path.join(args.out, "expected.jsonl"), "w") as f:
        for at, q, sender, r, st, relay in expected:
            dom = r.split("@")[1]
            verdict, target = targets[dom]
            row = {"time": iso(at), "queue_id": q, "from": sender, "to": r, "domain": dom,
                   "verdict": verdict, "target": target,
                   "suggestion": r.split("@")[0] + "@" + target, "status": st, "relay": relay}
            f.write(json.dumps(row, separators=(",", ":")) + "\n")
    print(f"{n} lines, {len(expected)} planted attempts")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The milter judges every display name an envelope recipient carries in
To and Cc (issue 14, the round-44 tester, finding 7h): `To: "Jane Doe"
<jane.doe@bank.example>, "Mary Jones" <jane.doe@bank.example>` shows the
sender Mary while Jane gets the mail, and is held as `"Mary Jones"
<jane.doe@...>` alone is; Jane's own name, twice or alone, is delivered.
And (finding 1) a slip of john.smith@ under Mary's name is held naming
Mary's address. The history is learned from a Sent folder into a store
the daemon reads; the embedded default policy confirms address-typos.

Usage: display_names.py NEARMISS_BINARY
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from milter_wire import pkt, read_packet  # noqa: E402
import milter_daemon  # noqa: E402

milter_daemon.BIN = os.path.realpath(sys.argv[1])
from milter_daemon import Milter, connect, finish, negotiate  # noqa: E402


def sent_folder(path):
    with open(path, "w") as f:
        n = 0
        for day in ("01", "05", "09", "13", "17", "21", "25", "29"):
            for to in ('"Mary Jones" <mary.jones@nhs.example>', '"Jane Doe" <jane.doe@bank.example>',
                       '"John Smith" <john.smith@partner.example>'):
                n += 1
                f.write(f"From alice@trust.example Thu Oct {day} 10:00:00 2026\n"
                        f"From: Alice <alice@trust.example>\nTo: {to}\nSubject: note {n}\n"
                        f"Date: Thu, {day} Oct 2026 10:00:00 +0000\n"
                        f"Message-ID: <n{n}@trust.example>\n\nhello\n\n")


def send(m, rcpt, to, qid):
    """One message from alice; the end-of-message packets' codes and data."""
    s = connect(m)
    negotiate(s)
    s.sendall(pkt(b"D", b"Mi\0" + qid + b"\0") + pkt(b"M", b"<alice@trust.example>\0"))
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<" + rcpt + b">\0"))
    code, data = read_packet(s)
    assert code == b"c", (rcpt, code, data)
    for k, v in ((b"From", b"Alice <alice@trust.example>"), (b"To", to), (b"Subject", b"results"),
                 (b"Message-ID", b"<" + qid + b"@trust.example>")):
        s.sendall(pkt(b"L", k + b"\0" + v + b"\0"))
    s.sendall(pkt(b"B", b"text\r\n") + pkt(b"D", b"Ei\0" + qid + b"\0"))
    got = finish(s)
    s.sendall(pkt(b"Q"))
    s.close()
    return got


def learned_store(prefix):
    """A new directory and a store learned from sent_folder's folder there."""
    work = tempfile.mkdtemp(prefix=prefix)
    mbox = os.path.join(work, "sent.mbox")
    store = "sqlite:" + os.path.join(work, "history.db")
    sent_folder(mbox)
    subprocess.run([milter_daemon.BIN, "learn", "--store", store, mbox], check=True,
                   stdout=subprocess.DEVNULL)
    return work, store


def main():
    _, store = learned_store("nearmiss-display-names.")
    m = Milter("--store", store)
    failed = []
    jane = b'"Jane Doe" <jane.doe@bank.example>'
    mary_on_jane = b'"Mary Jones" <jane.doe@bank.example>'
    cases = [
        # envelope recipient, To:, held?, words a header or the log must hold
        (b"jane.doe@bank.example", jane + b", " + mary_on_jane, True, []),
        (b"jane.doe@bank.example", mary_on_jane + b", " + jane, True, []),
        (b"jane.doe@bank.example", mary_on_jane, True, []),
        (b"jane.doe@bank.example", jane + b", " + jane.replace(b"Jane Doe", b"Doe, Jane"), False, []),
        (b"jane.doe@bank.example", jane, False, []),
        (b"jhn.smith@partner.example", b'"Mary Jones" <jhn.smith@partner.example>', True,
         ["mary.jones@nhs.example"]),
    ]
    try:
        for i, (rcpt, to, held, words) in enumerate(cases):
            qid = b"ABCDEF%04d" % i
            got = send(m, rcpt, to, qid)
            codes = [c for c, _ in got]
            text = b" ".join(d for _, d in got).decode(errors="replace")
            # This message's decision line (the log is the daemon's whole).
            with open(os.path.join(m.dir, "log"), errors="replace") as f:
                text += "".join(line for line in f if qid.decode() in line)
            bad = [w for w in words if w not in text]
            if (b"q" in codes) != held or bad:
                failed.append(f"{to.decode()}: codes {codes}, held expected {held} (missing: {bad})")
            else:
                print(f"ok   {to.decode()}: {'held' if held else 'delivered'}")
    finally:
        m.stop()
    for f in failed:
        print("FAIL " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

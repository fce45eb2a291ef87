#!/usr/bin/env python3
"""The confirm notice names both addresses the sender may have meant, as
check and the API do (issue 14, the round-45 tester, N2 a: "Did you mean
mary.jones@nhs.example?" only, while check said "mary.jones@nhs.example or
john.smith@partner.example"). A slip of john.smith@ under Mary's name is
held and the notice, submitted through a sendmail(1) stand-in, asks "Did
you mean mary.jones@nhs.example or john.smith@partner.example?"; a plain
slip names its one suggestion. And (round 46, N1) Jon Smith's name, one
letter off John's, on Jane's address is held with a notice naming John's.
The history is learned from a Sent folder (display_names.py's) into a
store the daemon reads; the embedded default policy confirms address-typos.

Usage: notice_suggestions.py NEARMISS_BINARY
"""
import glob
import shutil
import os
import quopri
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import milter_daemon  # noqa: E402

milter_daemon.BIN = os.path.realpath(sys.argv[1])
from milter_daemon import Milter  # noqa: E402
from display_names import learned_store, send  # noqa: E402


def main():
    work, store = learned_store("nearmiss-notice-suggestions.")
    notices = os.path.join(work, "notices")
    os.mkdir(notices)
    sendmail = os.path.join(work, "sendmail")
    with open(sendmail, "w") as f:
        f.write(f'#!/bin/sh\ncat > "{notices}/$$.eml"\n')
    os.chmod(sendmail, 0o755)
    with open(os.path.join(work, "confirm.key"), "wb") as f:
        f.write(os.urandom(32))
    policy = os.path.join(work, "policy.toml")
    with open(policy, "w") as f:
        f.write('[domains]\norganisation = ["trust.example"]\n\n[confirm]\n'
                'key_file = "confirm.key"\nlink_base = "https://nearmiss.trust.example"\n'
                f'sendmail = "{sendmail}"\nnotice_from = "nearmiss@trust.example"\n')
    m = Milter("--store", store, "--policy", policy)
    failed = []
    cases = [
        # envelope recipient, To:, the notice's "Did you mean" line
        (b"jhn.smith@partner.example", b'"Mary Jones" <jhn.smith@partner.example>',
         "Did you mean mary.jones@nhs.example or john.smith@partner.example?"),
        (b"jhn.smith@partner.example", b'"John Smith" <jhn.smith@partner.example>',
         "Did you mean john.smith@partner.example?"),
        (b"jane.doe@bank.example", b'"Jon Smith" <jane.doe@bank.example>',
         "Did you mean john.smith@partner.example?"),
    ]
    try:
        for i, (rcpt, to, line) in enumerate(cases):
            before = set(glob.glob(os.path.join(notices, "*.eml")))
            qid = b"ABCDEF%04d" % (i + 1)
            got = send(m, rcpt, to, qid)
            codes = [c for c, _ in got]
            new = []
            for _ in range(100):
                new = sorted(set(glob.glob(os.path.join(notices, "*.eml"))) - before)
                if new:
                    break
                time.sleep(0.05)
            body = ""
            if new:
                time.sleep(0.1)  # the stand-in may still be writing
                with open(new[0], "rb") as f:
                    body = quopri.decodestring(f.read().split(b"\r\n\r\n", 1)[-1]).decode()
            said = [x.strip() for x in body.splitlines() if x.strip().startswith("Did you mean")]
            if b"q" not in codes or said != [line]:
                failed.append(f"{to.decode()}: codes {codes}, notice said {said}, expected [{line!r}]")
            else:
                print(f"ok   {to.decode()}: held; {line}")
    finally:
        m.stop()
        shutil.rmtree(work, ignore_errors=True)
    for f in failed:
        print("FAIL " + f)
    if failed:
        print(m.err())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The 550 a sender reads at RCPT carries a suggestion they can follow
(issue 15, round 42, tester items 6 and 9): never an empty one ("did you
mean  or x@gov.wales?"), never one the same milter refuses in turn
(usarmy.mil for usarmy.ml). Starts the built daemon on a loopback port with
the embedded default policy and answers RCPT as Postfix's smtpd asks.

Usage: suggestion_reply.py NEARMISS_BINARY
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from milter_wire import pkt, read_packet  # noqa: E402
import milter_daemon  # noqa: E402

milter_daemon.BIN = os.path.realpath(sys.argv[1])
from milter_daemon import Milter, connect, negotiate  # noqa: E402


def rcpt_reply(s, rcpt):
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<" + rcpt + b">\0"))
    code, data = read_packet(s)
    return code, data.rstrip(b"\0").decode()


def main():
    m = Milter()
    failed = []
    try:
        s = connect(m)
        negotiate(s)
        s.sendall(pkt(b"M", b"<alice@mod.gov.uk>\0"))
        cases = [
            # address, words the reply must hold, words it must not
            (b"x@gov.uk.com", [], ["mean  or", "gov.wales", "gov.scot"]),
            (b"x@gov.co.uk", ["an address under .gov.uk"], ["gov.scot"]),
            (b"x@usarmy.ml", ["did you mean x@us.army.mil?"], ["x@usarmy.mil"]),
            (b"x@nhs.com", ["did you mean x@nhs.net?"], ["nhs.scot"]),
        ]
        for rcpt, want, never in cases:
            code, text = rcpt_reply(s, rcpt)
            bad = [w for w in want if w not in text] + [w for w in never if w in text]
            if code != b"y" or not text.startswith("550 ") or bad:
                failed.append(f"{rcpt.decode()}: {code!r} {text!r} (wrong: {bad})")
            else:
                print(f"ok   {rcpt.decode()}: {text}")
        s.close()
    finally:
        m.stop()
    for f in failed:
        print("FAIL " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

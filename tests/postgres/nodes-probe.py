#!/usr/bin/env python3
"""Asks the nodes of tests/postgres/many-nodes.sh (two milters and a serve on
127.0.0.1) how they judge one recipient, or sends one message through a
milter.

  nodes-probe.py send MILTER_PORT RECIPIENT SUBJECT
      One whole message from alice@mod.gov.uk, as Postfix sends it (options,
      MAIL, RCPT with {rcpt_mailer}, a header, a body, end of message): one
      decision record. Exit 1 when the milter refuses the recipient.

  nodes-probe.py wait START DEADLINE MILTER_PORTS SERVE_PORT TOKEN RECIPIENT
                 MILTER_WANT SERVE_WANT
      Asks every node again and again (every 0.2 s) until each answers as
      wanted, and prints, per node, the seconds from START (unix time, when
      the store changed) to its first such answer. Exit 1 when a node has
      not answered so by START + DEADLINE seconds (DEADLINE 0: ask once).
      MILTER_PORTS: comma-separated. MILTER_WANT: the RCPT answer, `continue`
      or `refuse` (a reply code or a reject); the probe then aborts the
      message, so it leaves no decision record. SERVE_WANT: POST /v1/check's
      verdict for the recipient, `VERDICT` or `VERDICT+REASON` (that reason
      code among its reasons) or `VERDICT-REASON` (not among them).
"""
import json
import os
import socket
import struct
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "milter"))
from milter_wire import pkt, read_packet  # noqa: E402

SENDER = b"<alice@mod.gov.uk>\0"


def rcpt_answer(s, recipient):
    """Opens a transaction on socket s up to RCPT; returns RCPT's reply."""
    s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    assert read_packet(s)[0] == b"O"
    # MAIL gets no reply: the milter negotiates it away (milter-send.py).
    s.sendall(pkt(b"M", SENDER))
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<%s>\0" % recipient.encode()))
    code, data = read_packet(s)
    if code == b"c":
        return "continue", ""
    if code in (b"y", b"r"):
        return "refuse", data.rstrip(b"\0").decode(errors="replace")
    raise AssertionError(f"RCPT answered {code!r} {data!r}")


def milter_state(port, recipient):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        answer, text = rcpt_answer(s, recipient)
        s.sendall(pkt(b"A") + pkt(b"Q"))  # abort: no message, no record
    return answer, text


def send(port, recipient, subject):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        answer, text = rcpt_answer(s, recipient)
        if answer != "continue":
            print(f"RCPT {recipient} refused: {text}", file=sys.stderr)
            return 1
        s.sendall(pkt(b"L", b"Subject\0%s\0" % subject.encode()) + pkt(b"B", b"text\r\n") + pkt(b"E"))
        while True:
            code, _ = read_packet(s)
            if code in (b"c", b"a", b"y", b"t", b"r"):
                break
        s.sendall(pkt(b"Q"))
    return 0


def serve_state(port, token, recipient):
    body = json.dumps({"from": "alice@mod.gov.uk", "to": [recipient], "subject": "probe"}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/check", data=body, method="POST",
                                 headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        answer = json.load(r)
    rc = answer["recipients"][0]
    return rc["verdict"], [x["code"] for x in rc.get("reasons", [])]


def serve_matches(state, want):
    verdict, reasons = state
    for sep in "+-":
        if sep in want:
            v, reason = want.split(sep, 1)
            return verdict == v and ((reason in reasons) == (sep == "+"))
    return verdict == want


def wait(start, deadline, milter_ports, serve_port, token, recipient, milter_want, serve_want):
    nodes = {f"milter :{p}": (lambda p=p: milter_state(p, recipient),
                              lambda st: st[0] == milter_want) for p in milter_ports}
    nodes[f"serve :{serve_port}"] = (lambda: serve_state(serve_port, token, recipient),
                                     lambda st: serve_matches(st, serve_want))
    seen, last = {}, {}
    deadline_at = start + deadline if deadline else 0
    while True:
        for name, (ask, matches) in nodes.items():
            if name in seen:
                continue
            last[name] = ask()
            if matches(last[name]):
                seen[name] = time.time() - start
        if len(seen) == len(nodes) or time.time() > deadline_at:
            break
        time.sleep(0.2)
    ok = True
    for name in nodes:
        if name in seen and deadline == 0:
            print(f"  {name}: {recipient}: {last[name]}")
        elif name in seen:
            print(f"  {name}: {recipient} as wanted after {seen[name]:.1f} s: {last[name]}")
        else:
            ok = False
            print(f"  {name}: {recipient} still answered {last[name]} after {deadline} s", file=sys.stderr)
    return 0 if ok else 1


def main(argv):
    if argv[1] == "send":
        return send(int(argv[2]), argv[3], argv[4])
    if argv[1] == "wait":
        return wait(float(argv[2]), float(argv[3]), [int(p) for p in argv[4].split(",")],
                    int(argv[5]), argv[6], argv[7], argv[8], argv[9])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

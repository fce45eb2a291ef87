#!/usr/bin/env python3
"""Sends messages FROM..TO-1 to a nearmiss milter on 127.0.0.1:PORT, one
connection each, as Postfix would (options, MAIL, RCPT with {rcpt_mailer},
a Subject header, a body, end of message), and appends the number of each
message that got its end-of-message answer to ANSWERED: one decision each.
Usage: milter-send.py PORT FROM TO ANSWERED"""
import socket, struct, sys, time

port, first, last, answered = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "milter"))
from milter_wire import pkt, read_packet  # noqa: E402

def send(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    assert read_packet(s)[0] == b"O"
    # MAIL, headers and body get no reply (the milter negotiates that away).
    s.sendall(pkt(b"M", b"<alice@mod.gov.uk>\0"))
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<dave%d@example.com>\0" % n))
    assert read_packet(s)[0] == b"c"
    s.sendall(pkt(b"L", b"Subject\0OFFICIAL: note %d\0" % n) + pkt(b"B", b"text\r\n") + pkt(b"E"))
    while True:
        code, _ = read_packet(s)
        if code in (b"c", b"a", b"y", b"t", b"r"): break
    s.sendall(pkt(b"Q"))
    s.close()

with open(answered, "a") as out:
    for n in range(first, last):
        try:
            send(n)
        except (OSError, EOFError, AssertionError) as e:
            print(f"message {n}: {e!r}", file=sys.stderr)
            continue
        out.write(f"{n}\n")
        out.flush()
        time.sleep(0.01)

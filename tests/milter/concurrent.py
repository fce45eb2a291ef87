#!/usr/bin/env python3
"""Opens N milter connections at once (default 300; the test suite uses 250), runs one message on
each with the steps interleaved across connections, and checks every answer:
look-alike refused at RCPT, SECRET-to-external quarantined. Proves the
daemon serves hundreds of concurrent MTA connections from one event loop.
Usage: concurrent.py PORT [N]"""
import socket, struct, sys

port, n = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300

from milter_wire import pkt, read_packet  # noqa: E402

conns = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    conns.append(s)
for s in conns:
    code, _ = read_packet(s)
    assert code == b"O", code
for s in conns:
    s.sendall(pkt(b"M", b"<alice@mod.gov.uk>\0"))
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<bob@army.ml>\0"))
for i, s in enumerate(conns):
    code, data = read_packet(s)
    assert code == b"y" and b"did you mean bob@army.mil?" in data, (i, code, data)
for s in conns:
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", b"<dave@example.com>\0"))
for s in conns:
    code, _ = read_packet(s)
    assert code == b"c", code
for s in conns:
    s.sendall(pkt(b"L", b"Subject\0SECRET: plan\0") + pkt(b"B", b"text\r\n") + pkt(b"E"))
held = 0
for i, s in enumerate(conns):
    codes = []
    while True:
        code, _ = read_packet(s)
        if code == b"p": continue
        codes.append(code)
        if code in (b"c", b"a", b"y", b"t", b"r"): break
    assert b"q" in codes, (i, codes)
    held += 1
for s in conns:
    s.sendall(pkt(b"Q")); s.close()
print(f"concurrent: {n} connections, {held} messages quarantined, {n} look-alikes refused")

#!/usr/bin/env python3
"""Replays Postfix's milter conversation for bench/postfix-overhead's message
mix against a milter on loopback: the deterministic load behind
bench/milter-instructions.

Each of the four message kinds (internal, external, OFFICIAL,
OFFICIAL-SENSITIVE; 10 KB, as bench/postfix-rounds.sh writes them) has its
own connection, as smtp-source -d keeps one SMTP session, and so one milter
connection, per kind. Per message it sends what Postfix 3.x's milter8 client
sends once nearmiss has negotiated (protocol.h kWantedProtocol: no CONNECT,
HELO, DATA or end-of-headers; MAIL, headers and body without replies): the
MAIL macros and MAIL, the RCPT macros and RCPT (waits for the reply), each
header with the Received header Postfix prepends and the Date it appends, the body in one chunk with
CRLF line ends, the end-of-message macros and end of message (waits for the
final reply), then ABORT as smtpd does before the next transaction. One
send() per packet, as milter8 flushes each command.

Usage: milter_replay.py PORT MESSAGES [--pause-after N --pause-file F] [--gap-us US] [--nagle]
  With --pause-after, after N messages it creates F and waits until F is
  removed (the caller zeroes its profiler's counters meanwhile), then sends
  the remaining MESSAGES. With --gap-us, waits US microseconds after each
  packet, so each reaches the milter alone (as Postfix's packets do); the
  default sends them back to back. With --nagle, leaves Nagle's algorithm on,
  as Postfix does on milter sockets, and prints the median and slowest
  message's milliseconds: a milter that delays its ACKs stalls a message
  ~40 ms (the end of message waits behind the unacknowledged body). Exits 1 with what went wrong if the milter closes
  or answers a message with anything but continue/accept/add-header.
"""
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "milter"))
from milter_wire import pkt, read_packet  # noqa: E402


def cstrings(*items):
    return b"".join(i.encode() + b"\0" for i in items)


KINDS = [("Lunch", "carol@army.mil"), ("Re: budget", "erin@partner.example"),
         ("OFFICIAL: minutes", "dave@example.com"),
         ("OFFICIAL-SENSITIVE: plan", "dave@example.com")]
BODY = (("Dear colleague,\r\n\r\n" + "The quarterly figures are attached below. " * 60
         + "\r\n") * 4 + "\r\n").encode()


def negotiate(s):
    # Postfix 3.x offers version 6, all actions and all protocol steps.
    s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    code, _ = read_packet(s)
    if code != b"O":
        sys.exit("milter_replay: option negotiation answered %r" % code)


GAP = 0.0  # seconds after each packet (--gap-us): packets arrive one per wake-up


class Paced:
    """A socket whose sendall waits GAP after each packet, as Postfix's
    milter8 client, writing each command when smtpd reaches it, wakes the
    milter once per packet rather than once per burst."""

    def __init__(self, sock):
        self.sock = sock

    def sendall(self, data):
        self.sock.sendall(data)
        if GAP:
            time.sleep(GAP)

    def __getattr__(self, name):
        return getattr(self.sock, name)


def message(s, serial, kind):
    subject, rcpt = KINDS[kind]
    qid = "4Q%08X" % serial
    s.sendall(pkt(b"D", b"M" + cstrings("i", qid, "{mail_addr}", "alice@mod.gov.uk")))
    s.sendall(pkt(b"M", cstrings("<alice@mod.gov.uk>")))
    s.sendall(pkt(b"D", b"R" + cstrings("i", qid, "{rcpt_addr}", rcpt, "{rcpt_mailer}", "smtp")))
    s.sendall(pkt(b"R", cstrings("<%s>" % rcpt)))
    code, _ = read_packet(s)
    if code != b"c":
        sys.exit("milter_replay: RCPT %s answered %r" % (rcpt, code))
    headers = [
        ("Received", "from localhost (localhost [127.0.0.1])\n\tby bench.nearmiss.test "
         "(Postfix) with ESMTP id %s\n\tfor <%s>; Wed,  2 Dec 2026 03:50:00 +0000 (UTC)"
         % (qid, rcpt)),
        ("From", "alice@mod.gov.uk"), ("To", rcpt), ("Subject", subject),
        ("Message-ID", "<bench-%d@mod.gov.uk>" % kind),
        # cleanup(8) adds the Date a message lacks (local_header_rewrite_clients
        # takes in loopback clients), after the message's own headers.
        ("Date", "Wed,  2 Dec 2026 03:50:00 +0000 (UTC)")]
    for name, value in headers:
        s.sendall(pkt(b"L", cstrings(name, value)))
    s.sendall(pkt(b"B", BODY))
    s.sendall(pkt(b"D", b"E" + cstrings("i", qid)))
    s.sendall(pkt(b"E"))
    while True:
        code, _ = read_packet(s)
        if code in (b"c", b"a"):
            break
        if code not in (b"h", b"i", b"p"):  # add/insert header, progress
            sys.exit("milter_replay: %s to %s answered %r" % (subject, rcpt, code))
    s.sendall(pkt(b"A"))


def main():
    global GAP
    port, total = int(sys.argv[1]), int(sys.argv[2])
    if "--gap-us" in sys.argv:
        GAP = int(sys.argv[sys.argv.index("--gap-us") + 1]) / 1e6
    pause_after, pause_file = None, None
    if "--pause-after" in sys.argv:
        pause_after = int(sys.argv[sys.argv.index("--pause-after") + 1])
        pause_file = sys.argv[sys.argv.index("--pause-file") + 1]
    conns = []
    for _ in KINDS:
        s = socket.create_connection(("127.0.0.1", port))
        if "--nagle" not in sys.argv:
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        negotiate(s)
        conns.append(s)
    took = []
    for i in range(total):
        if i == pause_after:
            open(pause_file, "w").close()
            while os.path.exists(pause_file):
                time.sleep(0.05)
        start = time.monotonic()
        message(Paced(conns[i % 4]), i, i % 4)
        took.append(time.monotonic() - start)
    for s in conns:
        s.sendall(pkt(b"Q"))
        s.close()
    if "--nagle" in sys.argv:
        took.sort()
        print("median message: %.1f ms, slowest %.1f ms"
              % (took[len(took) // 2] * 1000, took[-1] * 1000))


main()

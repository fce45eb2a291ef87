"""One message through `nearmiss milter` for the DNS tests, on either path:
sendmail(1) (no {rcpt_mailer}, bare addresses: every decision at end of
message) or SMTP ({rcpt_mailer}, <addresses>: a recipient may be refused at
RCPT)."""
import os
import signal
import socket
import struct
import subprocess
import sys
import time

# Appended, not first: tests/milter/concurrent.py would hide the standard library's.
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "milter"))
from milter_wire import pkt, read_packet  # noqa: E402

FINAL = (b"a", b"c", b"r", b"t", b"y", b"d")


def send(port, rcpt, smtp=False):
    """Returns (the RCPT reply (code, data), the packets after EOM, seconds
    from the first packet to the end-of-message reply)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        start = time.monotonic()
        s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
        while read_packet(s)[0] != b"O":
            pass
        replies = []

        def final():
            while True:
                code, data = read_packet(s)
                replies.append((code, data))
                if code in FINAL:
                    return code, data

        # nearmiss negotiates no reply to MAIL, headers and body
        # (milter/protocol.h kWantedProtocol): only RCPT and EOM answer.
        s.sendall(pkt(b"M", b"<alice@example.test>\0" if smtp else b"alice@example.test\0"))
        if smtp:
            s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0"))
            s.sendall(pkt(b"R", b"<" + rcpt.encode() + b">\0"))
        else:
            s.sendall(pkt(b"R", rcpt.encode() + b"\0"))
        at_rcpt = final()
        if at_rcpt[0] in (b"r", b"y", b"t"):  # the only recipient refused: the client gives up
            return at_rcpt, [], time.monotonic() - start
        mark = len(replies)
        # No end-of-headers: negotiated away (kNoEndOfHeaders).
        s.sendall(pkt(b"L", b"Subject\0hello\0") + pkt(b"B", b"hello\r\n") + pkt(b"E"))
        final()
        return at_rcpt, replies[mark:], time.monotonic() - start
    finally:
        s.close()


def refused(packets):
    """Whether the message or recipient was refused (reply 'y' with 5xx, 'r')."""
    return any(code == b"r" or (code == b"y" and data[:1] == b"5") for code, data in packets)


class Milter:
    """`nearmiss milter` on a free loopback port with `policy`, its stderr
    in WORK/err and its decision log (stdout) in WORK/out; `port`, `err()`,
    `out()`, `started()`, `stop()`."""

    def __init__(self, binary, policy, work, extra=()):
        free_port = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "free-port")
        self.port = int(subprocess.check_output([free_port]).decode())
        self.err_path = os.path.join(work, "err")
        self.out_path = os.path.join(work, "out")
        self.proc = subprocess.Popen([binary, "milter", "--no-postconf", "--listen",
                                      "inet:127.0.0.1:%d" % self.port, "--policy", policy] + list(extra),
                                     stdout=open(self.out_path, "wb"), stderr=open(self.err_path, "wb"))

    def err(self):
        with open(self.err_path, errors="replace") as f:
            return f.read()

    def out(self):
        with open(self.out_path, errors="replace") as f:
            return f.read()

    def started(self):
        for _ in range(300):
            if "listening on" in self.err() or self.proc.poll() is not None:
                break
            time.sleep(0.1)
        return "listening on" in self.err()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()

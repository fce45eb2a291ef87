"""The milter daemon as the reliability cases drive it: `nearmiss milter` on
a free loopback port (Milter), and an MTA's side of the milter protocol
(negotiate, begin, body, finish) over milter_wire's packets. BIN is set by
the caller (reliability.py: its first argument) before a Milter is made.
"""
import os
import signal
import socket
import struct
import subprocess
import tempfile
import time

from milter_wire import pkt, read_packet

BIN = None
HERE = os.path.dirname(os.path.abspath(__file__))
FREE_PORT = os.path.join(HERE, "..", "free-port")
MIB = 1 << 20
CHUNK = 65535  # Postfix's MILTER_CHUNK_SIZE: the body comes in pieces of this
FINAL = (b"c", b"a", b"y", b"t", b"r", b"d")  # end-of-message verdicts

class Milter:
    """One daemon: `nearmiss milter` on a free loopback port."""

    def __init__(self, *flags, prefix=(), hup_after=None, marking_cache=True):
        """`hup_after`: seconds after the daemon blocks SIGHUP (its first
        constructor, before the static initialisers) at which to send one,
        while it is still loading (self.hup_while_loading says whether it
        was: "listening on" not yet logged). `marking_cache`: the compiled
        marking database is cached in this daemon's directory (never the
        machine's /var/lib/nearmiss); False compiles it at every load."""
        self.dir = tempfile.mkdtemp(prefix="nearmiss-reliability.")
        env = dict(os.environ, NEARMISS_CACHE_DIR=(
            os.path.join(self.dir, "cache") if marking_cache else "none"))
        self.port = int(subprocess.check_output([FREE_PORT]).decode())
        self.err_path = os.path.join(self.dir, "err")
        self.proc = subprocess.Popen(
            list(prefix) + [BIN, "milter", "--no-postconf", "--listen",
                            f"inet:127.0.0.1:{self.port}", *flags],
            stdout=open(os.path.join(self.dir, "log"), "wb"),
            stderr=open(self.err_path, "wb"), env=env)
        if hup_after is not None:
            self._hup_early(hup_after)
        # A sanitizer build compiles the marking database several times
        # slower: NM_START_SECONDS lets `make sanitize` wait longer.
        for _ in range(int(float(os.environ.get("NM_START_SECONDS", "60")) * 10)):
            if "listening on" in self.err():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        status = self.proc.poll()
        if status is None:  # still loading: never leave it running
            self.proc.kill()
            self.proc.wait()
        raise AssertionError(f"daemon did not start in time (exit status {status}; "
                             f"-N: killed by signal N):\n" + self.err())

    def _hup_early(self, after):
        # Earlier than the block, SIGHUP would test ld.so (and, under ASan,
        # the sanitizer's start-up), which no program can guard; the units
        # are Type=notify so systemd sends no reload there.
        for _ in range(5000):
            try:
                with open(f"/proc/{self.proc.pid}/status") as f:
                    blocked = next(int(line.split()[1], 16) for line in f
                                   if line.startswith("SigBlk:"))
                if blocked & (1 << (signal.SIGHUP - 1)):
                    break
            except (OSError, StopIteration):
                pass
            if self.proc.poll() is not None:
                return
            time.sleep(0.001)
        time.sleep(after)
        self.hup_while_loading = "listening on" not in self.err()
        self.proc.send_signal(signal.SIGHUP)

    def err(self):
        with open(self.err_path, errors="replace") as f:
            return f.read()

    def status(self, key):
        """VmRSS / VmHWM in MiB."""
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
        raise KeyError(key)

    def busy_fraction(self, seconds, samples=60):
        """How often the event loop's thread (the main one) is running or
        runnable (state R), sampled: a spinning loop is R nearly always
        however loaded the machine is, where CPU seconds depend on it."""
        running = 0
        for _ in range(samples):
            with open(f"/proc/{self.proc.pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "R":
                    running += 1
            time.sleep(seconds / samples)
        return running / samples

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def connect(m, timeout=30):
    s = socket.create_connection(("127.0.0.1", m.port), timeout=timeout)
    return s


def negotiate(s):
    s.sendall(pkt(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF)))
    code, _ = read_packet(s)
    assert code == b"O", code


def begin(s, rcpt=b"<dave@example.com>", subject=b"hello", content_type=b"text/plain"):
    """MAIL, RCPT (answered), Subject and Content-Type: the message is open."""
    s.sendall(pkt(b"M", b"<alice@mod.gov.uk>\0"))
    s.sendall(pkt(b"D", b"R{rcpt_mailer}\0smtp\0") + pkt(b"R", rcpt + b"\0"))
    code, data = read_packet(s)
    assert code == b"c", (code, data)
    # No end-of-headers packet: the milter negotiates it away (SMFIP_NOEOH),
    # as Postfix then sends none.
    s.sendall(pkt(b"L", b"Subject\0" + subject + b"\0") +
              pkt(b"L", b"Content-Type\0" + content_type + b"\0"))


def body(s, size):
    line = b"The quarterly figures are attached for review by the team.\r\n"
    chunk = (line * (CHUNK // len(line) + 1))[:CHUNK]
    sent = 0
    while sent < size:
        n = min(CHUNK, size - sent)
        s.sendall(pkt(b"B", chunk[:n]))
        sent += n


def finish(s):
    """End of message; the packets up to the verdict."""
    s.sendall(pkt(b"E"))
    got = []
    while True:
        code, data = read_packet(s)
        if code == b"p":
            continue
        got.append((code, data))
        if code in FINAL:
            return got


def verdict(got):
    return got[-1]


def one_message(m, size=100, subject=b"hello"):
    s = connect(m)
    negotiate(s)
    begin(s, subject=subject)
    body(s, size)
    got = finish(s)
    s.sendall(pkt(b"Q"))
    s.close()
    return got


def closed_by_peer(s, within):
    """True if the daemon closes `s` within `within` seconds."""
    s.settimeout(within)
    try:
        while s.recv(65536):
            pass
        return True
    except socket.timeout:
        return False
    except ConnectionError:
        return True


def assert_serves(m, what, times=1):
    """Plain messages, each accepted; the mean seconds one took."""
    started = time.monotonic()
    for _ in range(times):
        code, data = verdict(one_message(m))
        assert code in (b"c", b"a"), f"{what}: a plain message got {code} {data[:120]}"
    took = (time.monotonic() - started) / times
    assert took < 5, f"{what}: a new session took {took:.1f} s"
    return took

"""dnsmasq(8) on a loopback port with tests/dns/zone.conf, for the DNS tests,
and the loopback check every server given to nearmiss must pass: no test
queries public DNS."""
import ipaddress
import os
import socket
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def loopback(server):
    host = server.rsplit(":", 1)[0].strip("[]")
    return ipaddress.ip_address(host).is_loopback


def free_udp_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def zone_with_ttl(ttl):
    """A copy of zone.conf whose answers carry `ttl` seconds (0: dnsmasq's
    default for its own records, so a resolver keeps none of them)."""
    with open(os.path.join(HERE, "zone.conf")) as f:
        text = f.read().replace("local-ttl=60", "local-ttl=%d" % ttl)
    fd, path = tempfile.mkstemp(prefix="nearmiss-zone.", suffix=".conf")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    return path


def start(ttl=None):
    """Returns (process, "127.0.0.1:PORT"); the caller waits until it answers.
    `ttl`: the answers' TTL in seconds, when not zone.conf's 60.
    Another test may take the free port before dnsmasq binds it (ctest -j):
    dnsmasq then exits at once, and it is started again on another port."""
    conf = os.path.join(HERE, "zone.conf") if ttl is None else zone_with_ttl(ttl)
    for _ in range(10):
        port = free_udp_port()
        cmd = ["/usr/sbin/dnsmasq", "--keep-in-foreground",
               "--conf-file=" + conf, "--port=%d" % port,
               "--listen-address=127.0.0.1", "--bind-interfaces", "--pid-file=",
               "--log-facility=-"]
        if os.geteuid() == 0:
            cmd.append("--user=root")  # else dnsmasq switches to "nobody"
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=0.5)  # exited: the port was taken
        except subprocess.TimeoutExpired:
            if ttl is not None:
                os.unlink(conf)  # read at start: no longer needed
            return proc, "127.0.0.1:%d" % port
    raise RuntimeError("dnsmasq did not stay up on any of 10 free ports")


def wait_ready(binary, server):
    """Waits (5 s at most) until dnsmasq at `server` answers `nearmiss
    check` about exampel.test (zone.conf); the probe is off for this ask."""
    import json
    import time
    assert loopback(server), server + " is not loopback"
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        f.write('[domains]\nprotected = ["example.test"]\n')
    for _ in range(50):
        # example.test's look-alikes are refused whatever DNS says: asked
        # about only when every look-alike is.
        out = subprocess.run([binary, "check", "--json", "--dns-server", server,
                              "--dns-lookup-every-lookalike",
                              "--dns-timeout-ms", "300", "--policy", f.name, "a@exampel.test"],
                             capture_output=True, text=True)
        for line in out.stdout.splitlines():
            if json.loads(line).get("dns", {}).get("exists") is not None:
                os.unlink(f.name)
                return
        time.sleep(0.1)
    os.unlink(f.name)
    raise RuntimeError("dnsmasq at %s did not answer in 5 s" % server)


class DelayingForwarder:
    """A loopback UDP forwarder that passes each query to `upstream` after
    `delay` seconds: a lookup the milter starts at RCPT is then certainly
    still pending when it decides the RCPT, whatever the machine's load (a
    direct dnsmasq answer can arrive between the lookup's start and that
    decision when the milter's thread is preempted: CI, stop 36)."""

    def __init__(self, upstream, delay):
        import threading
        assert loopback(upstream), upstream + " is not loopback"
        host, port = upstream.rsplit(":", 1)
        self._upstream = (host, int(port))
        self._delay = delay
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self.server = "127.0.0.1:%d" % self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        import threading
        while True:
            try:
                query, client = self._sock.recvfrom(4096)
            except OSError:
                return  # closed
            threading.Thread(target=self._forward, args=(query, client), daemon=True).start()

    def _forward(self, query, client):
        import time
        time.sleep(self._delay)
        up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        up.settimeout(2.0)
        try:
            up.sendto(query, self._upstream)
            answer, _ = up.recvfrom(4096)
            self._sock.sendto(answer, client)
        except OSError:
            pass  # no answer upstream: the client's own deadline decides
        finally:
            up.close()

    def close(self):
        self._sock.close()

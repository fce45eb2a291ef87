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


def start():
    """Returns (process, "127.0.0.1:PORT"); the caller waits until it answers.
    Another test may take the free port before dnsmasq binds it (ctest -j):
    dnsmasq then exits at once, and it is started again on another port."""
    for _ in range(10):
        port = free_udp_port()
        cmd = ["/usr/sbin/dnsmasq", "--keep-in-foreground",
               "--conf-file=" + os.path.join(HERE, "zone.conf"), "--port=%d" % port,
               "--listen-address=127.0.0.1", "--bind-interfaces", "--pid-file=",
               "--log-facility=-"]
        if os.geteuid() == 0:
            cmd.append("--user=root")  # else dnsmasq switches to "nobody"
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=0.5)  # exited: the port was taken
        except subprocess.TimeoutExpired:
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
        out = subprocess.run([binary, "check", "--json", "--dns-server", server,
                              "--dns-timeout-ms", "300", "--policy", f.name, "a@exampel.test"],
                             capture_output=True, text=True)
        for line in out.stdout.splitlines():
            if json.loads(line).get("dns", {}).get("exists") is not None:
                os.unlink(f.name)
                return
        time.sleep(0.1)
    os.unlink(f.name)
    raise RuntimeError("dnsmasq at %s did not answer in 5 s" % server)

"""dnsmasq(8) on a loopback port with tests/dns/zone.conf, for the DNS tests,
and the loopback check every server given to nearmiss must pass: no test
queries public DNS."""
import ipaddress
import os
import socket
import subprocess

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

#!/usr/bin/env python3
"""With [dns] on, a look-alike is looked up only when DNS could change its
decision (issue 15, fresh tester 15, finding 26): a query for a look-alike
reaches its own name servers through a recursive resolver, telling the
squatter that someone there just tried to mail it. A protected look-alike
the policy refuses whatever DNS says (the default policy's rule 1) is never
asked about; a provider's look-alike, which the `can_receive` rule confirms
or refuses, still is. Queries are counted at a loopback forwarder in front
of dnsmasq(8) (tests/dns/zone.conf).

Usage: lookup_needed.py NEARMISS
"""
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dnsmasq import DelayingForwarder, start as start_dnsmasq, wait_ready  # noqa: E402
from checks import Checks  # noqa: E402

BIN = sys.argv[1]
check = Checks()


def qname(query):
    """The question's name of a DNS query (RFC 1035 4.1.2), lower case."""
    labels, i = [], 12
    while i < len(query) and query[i] != 0:
        n = query[i]
        labels.append(query[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    return ".".join(labels).lower()


class CountingForwarder(DelayingForwarder):
    """DelayingForwarder with no delay that keeps each query's name."""

    def __init__(self, upstream):
        self.names = []
        self._lock = threading.Lock()
        super().__init__(upstream, 0)

    def _forward(self, query, client):
        with self._lock:
            self.names.append(qname(query))
        super()._forward(query, client)

    def asked(self, domain):
        with self._lock:
            return [n for n in self.names if n == domain or n.endswith("." + domain)]


work = tempfile.mkdtemp()
os.environ["NEARMISS_STATE_DIR"] = os.path.join(work, "state")
dnsmasq, upstream = start_dnsmasq()
forwarder = None
try:
    wait_ready(BIN, upstream)
    forwarder = CountingForwarder(upstream)
    policy = os.path.join(work, "policy.toml")
    # example.test protected: its look-alikes meet rule 1 (reject, no DNS
    # condition). mx.test allowed: its look-alikes meet lookalike-confirm
    # (can_receive = true) and lookalike-undeliverable (can_receive = false).
    with open(policy, "w") as f:
        f.write('[domains]\nprotected = ["example.test"]\nallow = ["mxtest.test"]\n'
                '[dns]\nenabled = true\nservers = ["%s"]\ntimeout_ms = 1000\n' % forwarder.server)

    def run(*extra):
        return subprocess.run([BIN, "check", "--json", "--policy", policy] + list(extra) +
                              ["bob@exampel.test", "bob@mxtesf.test"],
                              capture_output=True, text=True, timeout=30)

    p = run()
    check("check ran", p.returncode in (0, 1), p.stdout + p.stderr)
    check("both are look-alikes", p.stdout.count('"verdict":"lookalike"') == 2
          or p.stdout.count('"verdict": "lookalike"') == 2, p.stdout)
    check("a protected look-alike refused whatever DNS says is not looked up",
          forwarder.asked("exampel.test") == [], str(forwarder.names))
    check("a look-alike a can_receive rule decides is looked up",
          len(forwarder.asked("mxtesf.test")) > 0, str(forwarder.names) + p.stdout)

    # Asked for: every look-alike is looked up, its facts in the verdict.
    before = len(forwarder.asked("exampel.test"))
    p = run("--dns-lookup-every-lookalike")
    check("--dns-lookup-every-lookalike asks about the protected one too",
          len(forwarder.asked("exampel.test")) > before, str(forwarder.names) + p.stderr)
finally:
    if forwarder is not None:
        forwarder.close()
    dnsmasq.terminate()
    dnsmasq.wait()

sys.exit(1 if check.failed else 0)

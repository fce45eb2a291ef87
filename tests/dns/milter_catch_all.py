#!/usr/bin/env python3
"""`nearmiss milter` on the SMTP path with a rule on DNS facts: the rule
cannot hold at RCPT before the answer is in, so the decision waits for the
end of message (RecipientCheck::dns_pending), where the connection awaits
the lookup and the catch-all probe on an asio timer.

The policy rejects a look-alike whose mail exchanger accepts any address
and warns about the rest. dnsmasq on loopback gives the MX; smtp_servers.py
runs smtp-sink (catch-all) and a responder that refuses unknown users.
Regression: the reject used to act at RCPT on a first message to a
look-alike that is not a catch-all (no facts yet counted as a catch-all).
Usage: milter_catch_all.py NEARMISS
"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dnsmasq import loopback, start as start_dnsmasq, wait_ready  # noqa: E402
from checks import Checks  # noqa: E402
from milter_client import Milter, refused, send  # noqa: E402
from smtp_servers import Servers  # noqa: E402

BIN = sys.argv[1]
check = Checks()


work = tempfile.mkdtemp(prefix="nearmiss-milter-catch-all.")
os.environ["NEARMISS_STATE_DIR"] = os.path.join(work, "state")
policy = os.path.join(work, "policy.toml")
dnsmasq, server = start_dnsmasq()
servers = Servers()
assert loopback(server)


def write_policy(path, server):
    with open(path, "w") as f:
        f.write('[domains]\nprotected = ["example.test"]\n'
                '[dns]\nenabled = true\nservers = ["%s"]\ntimeout_ms = 1000\n'
                'catch_all_probe = true\ncatch_all_port = %d\ncatch_all_timeout_ms = 800\n'
                '[[rule]]\nname = "lookalike-catch-all"\nrecipient = ["lookalike"]\n'
                'catch_all = true\naction = "reject"\n'
                '[[rule]]\nname = "lookalike"\nrecipient = ["lookalike"]\naction = "warn"\n'
                % (server, servers.port))


write_policy(policy, server)
wait_ready(BIN, server)
# The exchangers are on 127.0.0.x, which the probe refuses unless told.
milter = Milter(BIN, policy, work, ["--dns-probe-internal"])
try:
    check("milter started", milter.started(), milter.err())
    check("the log says the probe connects to look-alikes' exchangers",
          "catch-all probe ON" in milter.err(), milter.err())

    # Not a catch-all, first message: no facts at RCPT, so no reject there.
    at_rcpt, eom, took = send(milter.port, "bob@exampls.test", smtp=True)
    check("not a catch-all: RCPT not refused before the answer", at_rcpt[0] == b"c", repr(at_rcpt))
    check("not a catch-all: the end of message warns, does not refuse", not refused(eom),
          repr(eom))

    # A catch-all, first message: deferred at RCPT, refused at end of message;
    # or, when DNS and the probe answered before RCPT was judged (they start
    # at once, and a loaded machine can hold the milter back), refused at
    # RCPT already. Either way it never passes.
    at_rcpt, eom, took = send(milter.port, "bob@exanple.test", smtp=True)
    check("catch-all: RCPT deferred, or refused once the probe answered",
          at_rcpt[0] == b"c" or refused([at_rcpt]), repr(at_rcpt))
    check("catch-all: refused at RCPT or at end of message",
          refused([at_rcpt]) or refused(eom), repr(at_rcpt) + repr(eom) + milter.err())
    check("catch-all: within DNS + probe deadlines (%.2f s)" % took, took < 4.0)

    # Second message: the answer is cached, so the rule acts at RCPT.
    at_rcpt, eom, _ = send(milter.port, "carol@exanple.test", smtp=True)
    check("catch-all, cached: refused at RCPT", refused([at_rcpt]), repr(at_rcpt))
    at_rcpt, eom, _ = send(milter.port, "carol@exampls.test", smtp=True)
    check("not a catch-all, cached: accepted at RCPT", at_rcpt[0] == b"c", repr(at_rcpt))
finally:
    milter.stop()
    dnsmasq.terminate()
    dnsmasq.wait()

# Answers with TTL 0 (dnsmasq's default for its own records): the resolver
# keeps none, so the end of message must use the probe's answer of the
# lookup it waited for; asked again, it found none, and "unknown" counted
# as a catch-all refused every message (issue 15, tester r59b, finding 1).
uncached, uncached_server = start_dnsmasq(ttl=0)
milter = None
try:
    wait_ready(BIN, uncached_server)
    write_policy(policy, uncached_server)
    milter = Milter(BIN, policy, work, ["--dns-probe-internal"])
    check("TTL 0: milter started", milter.started(), milter.err())
    for n in (1, 2):
        at_rcpt, eom, took = send(milter.port, "dan@exampls.test", smtp=True)
        check("TTL 0, message %d: not a catch-all (550 to the probe): not refused" % n,
              not refused([at_rcpt]) and not refused(eom), repr(at_rcpt) + repr(eom))
    at_rcpt, eom, took = send(milter.port, "dan@exanple.test", smtp=True)
    check("TTL 0: a catch-all is still refused", refused([at_rcpt]) or refused(eom),
          repr(at_rcpt) + repr(eom))
finally:
    if milter is not None:
        milter.stop()
    uncached.terminate()
    uncached.wait()
    servers.close()

sys.exit(1 if check.failed else 0)

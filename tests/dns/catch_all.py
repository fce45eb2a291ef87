#!/usr/bin/env python3
"""The catch-all probe end to end with `nearmiss check`: dnsmasq(8) on
loopback gives each look-alike an MX at its own 127.0.0.x (tests/dns/
zone.conf), where smtp_servers.py runs smtp-sink (catch-all true), a
responder that refuses unknown users (false) and a silent listener
(unknown, within the deadline). A rule holds catch-all look-alikes and
warns about the rest. Nothing leaves loopback.
Usage: catch_all.py NEARMISS
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dnsmasq import loopback, start as start_dnsmasq, wait_ready  # noqa: E402
from checks import Checks  # noqa: E402
from smtp_servers import Servers  # noqa: E402

BIN = sys.argv[1]
check = Checks()


def write_policy(path, server, port, probe=True):
    assert loopback(server), server + " is not loopback"
    with open(path, "w") as f:
        f.write('[domains]\nprotected = ["example.test"]\n'
                '[dns]\nenabled = true\nservers = ["%s"]\ntimeout_ms = 1000\n'
                'catch_all_probe = %s\ncatch_all_port = %d\ncatch_all_timeout_ms = 600\n'
                '[[rule]]\nname = "lookalike-catch-all"\nrecipient = ["lookalike"]\n'
                'catch_all = true\naction = "hold"\n'
                '[[rule]]\nname = "lookalike"\nrecipient = ["lookalike"]\naction = "warn"\n'
                % (server, "true" if probe else "false", port))


def run_check(policy, addresses, internal=True):
    # The exchangers are on 127.0.0.x: the probe refuses internal addresses
    # unless --dns-probe-internal says otherwise.
    start = time.monotonic()
    flags = ["--dns-probe-internal"] if internal else []
    p = subprocess.run([BIN, "check", "--json", "--policy", policy] + flags + addresses,
                       capture_output=True, text=True, timeout=30)
    rows = {}
    for line in p.stdout.splitlines():
        row = json.loads(line)
        rows[row["domain"]] = row
    return p, rows, time.monotonic() - start


work = tempfile.mkdtemp(prefix="nearmiss-catch-all.")
os.environ["NEARMISS_STATE_DIR"] = os.path.join(work, "state")
policy = os.path.join(work, "policy.toml")
dnsmasq, server = start_dnsmasq()
servers = Servers()
wait_ready(BIN, server)
try:
    write_policy(policy, server, servers.port)

    cases = {  # domain: (catch_all, catch_all_unknown, action)
        "exanple.test": (True, None, "hold"),      # smtp-sink accepts anyone
        "exampls.test": (False, None, "warn"),     # 550 User unknown
        "wxample.test": (None, "timeout", "hold"),  # silent: unknown, fails closed
    }
    p, rows, took = run_check(policy, ["bob@" + d for d in cases])
    check("check ran", p.returncode in (0, 1), p.stderr)
    for domain, (catch_all, why, action) in cases.items():
        row = rows.get(domain, {})
        dns = row.get("dns", {})
        check(domain + " is a look-alike", row.get("verdict") == "lookalike", json.dumps(row))
        check(domain + " mx via DNS", dns.get("mail_exchanger") == "mx", json.dumps(dns))
        check(domain + " catch_all %s" % catch_all, dns.get("catch_all", "absent") == catch_all,
              json.dumps(dns))
        check(domain + " catch_all_unknown %s" % why, dns.get("catch_all_unknown") == why,
              json.dumps(dns))
        check(domain + " action " + action, json.dumps(row).count('"%s"' % action) > 0,
              json.dumps(row))
    # DNS 1 s + probe 0.6 s is the deadline; the three run at once.
    check("silent exchanger decided within the deadline (%.2f s)" % took, took < 4.0)

    # No exchanger: a domain that does not exist is not probed.
    p, rows, _ = run_check(policy, ["bob@exampl.test"])
    dns = rows.get("exampl.test", {}).get("dns", {})
    check("NXDOMAIN: not probed", dns.get("catch_all", "absent") is None and
          dns.get("catch_all_unknown") == "not probed: no mail exchanger", json.dumps(dns))

    # The sentence a person reads.
    p = subprocess.run([BIN, "check", "--policy", policy, "--dns-probe-internal", "bob@exanple.test"],
                       capture_output=True, text=True)
    check("text says catch-all", "accepts mail for any address (a catch-all)" in p.stdout, p.stdout)

    # The default never connects to a loopback exchanger (issue 15
    # breaker, round 3, item 5): smtp-sink on 127.0.0.21 is never reached.
    # Such an MX is no mail exchanger at all (round 52, finding 3: mail
    # there loops back to the sender's own server), so nothing is probed;
    # other internal addresses are refused by the prober
    # (src/dns/catch_all_probe_test.cc).
    p, rows, _ = run_check(policy, ["bob@exanple.test"], internal=False)
    row = rows.get("exanple.test", {})
    dns = row.get("dns", {})
    check("loopback exchanger: no mail, not probed",
          dns.get("mx") is False and dns.get("mail_exchanger") == "loopback" and
          dns.get("catch_all", "absent") is None and
          dns.get("catch_all_unknown") == "not probed: no mail exchanger", json.dumps(dns))

    # Off (the default): DNS facts, no probe, catch_all null with no reason.
    write_policy(policy, server, servers.port, probe=False)
    p, rows, _ = run_check(policy, ["bob@exampls.test"])
    dns = rows.get("exampls.test", {}).get("dns", {})
    check("probe off: catch_all null, no reason",
          dns.get("catch_all", "absent") is None and "catch_all_unknown" not in dns, json.dumps(dns))
finally:
    servers.close()
    dnsmasq.terminate()
    dnsmasq.wait()

sys.exit(1 if check.failed else 0)

#!/usr/bin/env python3
"""`nearmiss serve` with DNS signals (round 44's note: serve ignored [dns]):
POST /v1/check looks up a look-alike recipient's domain before deciding, as
`check` does, against dnsmasq(8) on a loopback port (tests/dns/zone.conf);
a SIGHUP that turns [dns] off stops the lookups.

Every server given to nearmiss is asserted to be loopback: no test queries
public DNS. Usage: serve_dns.py NEARMISS
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dnsmasq import loopback, start as start_dnsmasq  # noqa: E402
from checks import Checks  # noqa: E402

BIN = sys.argv[1]
check = Checks()
RULES = ('[[rule]]\nname = "lookalike-cannot-receive"\nrecipient = ["lookalike"]\n'
         'can_receive = false\naction = "warn"\n'
         '[[rule]]\nname = "lookalike"\nrecipient = ["lookalike"]\naction = "reject"\n')


def write_policy(path, server):
    with open(path, "w") as f:
        f.write('[domains]\nprotected = ["example.test"]\n')
        if server:
            assert loopback(server), server + " is not loopback"
            f.write('[dns]\nenabled = true\nservers = ["%s"]\ntimeout_ms = 800\n' % server)
        f.write(RULES)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def post_check(port, rcpts):
    body = json.dumps({"from": "alice@example.test", "to": rcpts}).encode()
    req = urllib.request.Request("http://127.0.0.1:%d/v1/check" % port, data=body,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return {row["domain"]: row for row in json.loads(r.read())["recipients"]}


work = tempfile.mkdtemp()
os.environ["NEARMISS_STATE_DIR"] = os.path.join(work, "state")
policy = os.path.join(work, "policy.toml")
dnsmasq, server = start_dnsmasq()
serve = None
try:
    write_policy(policy, server)
    port = free_port()
    serve = subprocess.Popen([BIN, "serve", "--policy", policy, "--listen", "127.0.0.1:%d" % port],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = {}
    for _ in range(100):  # ready when serve and dnsmasq both answer
        try:
            rows = post_check(port, ["bob@exampel.test", "bob@exampl.test"])
            if rows.get("exampel.test", {}).get("dns", {}).get("exists") is not None:
                break
        except OSError:
            pass
        time.sleep(0.1)
    mx = rows.get("exampel.test", {})
    nx = rows.get("exampl.test", {})
    check("serve: exampel.test dns facts (MX)",
          (mx.get("dns", {}).get("exists"), mx.get("dns", {}).get("mx")) == (True, True),
          json.dumps(mx))
    check("serve: exampel.test refused (can receive)",
          (mx.get("action"), mx.get("rule")) == ("reject", "lookalike"), json.dumps(mx))
    check("serve: exampl.test does not exist",
          nx.get("dns", {}).get("exists") is False, json.dumps(nx))
    check("serve: exampl.test warned by the can_receive = false rule",
          (nx.get("action"), nx.get("rule")) == ("warn", "lookalike-cannot-receive"),
          json.dumps(nx))
    rows = post_check(port, ["bob@example.test"])
    check("serve: a trusted domain is not looked up", "dns" not in rows.get("example.test", {}),
          json.dumps(rows))

    # SIGHUP with [dns] off: no lookups, no facts; the rule reads "can receive".
    write_policy(policy, None)
    serve.send_signal(signal.SIGHUP)
    nx = {}
    for _ in range(50):
        nx = post_check(port, ["bob@exampl.test"]).get("exampl.test", {})
        if "dns" not in nx:
            break
        time.sleep(0.1)
    check("serve: after a reload with [dns] off, no dns facts", "dns" not in nx, json.dumps(nx))
    check("serve: after a reload with [dns] off, refused", nx.get("action") == "reject",
          json.dumps(nx))

    # [dns] on with no server: serve refuses to start, as check and lint do.
    with open(policy, "w") as f:
        f.write('[dns]\nenabled = true\n')
    p = subprocess.Popen([BIN, "serve", "--policy", policy, "--listen",
                          "127.0.0.1:%d" % free_port()], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    try:
        _, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:  # started: the fault this guards against
        p.kill()
        _, err = p.communicate()
        err = "still running after 10 s; " + err
    check("serve: [dns] on with no server refused at start",
          p.returncode not in (0, None) and "dns.servers names no server" in err,
          str(p.returncode) + " " + err)
finally:
    if serve is not None:
        serve.terminate()
        serve.wait(timeout=10)
    dnsmasq.terminate()
    dnsmasq.wait(timeout=10)
sys.exit(1 if check.failed else 0)

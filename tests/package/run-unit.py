#!/usr/bin/env python3
"""Runs an installed systemd service the way systemd would, where systemd is
not PID 1 (containers, CI): its ExecStartPre= lines, then execs its exact
ExecStart= line, each as the unit's User=/Group= (with the user's
supplementary groups, as systemd's initgroups gives them), with its
Environment= and UMask=. A "+" prefix runs a line with root's rights, as
systemd does. The sandboxing directives (ProtectSystem=, ...) need systemd
and are not applied; StateDirectory= is expected to exist (the package's
postinst makes /var/lib/nearmiss).

Usage: run-unit.py UNIT_FILE   (as root)
Prints each command line before it runs it, on stderr.
"""
import os
import shlex
import subprocess
import sys


def service_section(path):
    """[Service] key -> list of values, with continuation lines joined."""
    keys, section, pending = {}, None, ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = pending + raw.rstrip("\n")
            if line.endswith("\\"):
                pending = line[:-1] + " "
                continue
            pending = ""
            line = line.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("["):
                section = line
                continue
            if section == "[Service]" and "=" in line:
                key, value = line.split("=", 1)
                keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: run-unit.py UNIT_FILE")
    unit = service_section(sys.argv[1])
    user = unit["User"][-1]
    group = unit.get("Group", [user])[-1]
    env = dict(os.environ)
    for assignment in unit.get("Environment", []):
        for word in shlex.split(assignment):
            name, value = word.split("=", 1)
            env[name] = value
    if "UMask" in unit:
        os.umask(int(unit["UMask"][-1], 8))
    as_user = ["setpriv", f"--reuid={user}", f"--regid={group}", "--init-groups",
               "--inh-caps=-all", "--"]

    def command(line):
        privileged = line.startswith("+")
        words = shlex.split(line.lstrip("+-@:!"))
        print("run-unit: " + ("(root) " if privileged else f"({user}) ") + line.lstrip("+"),
              file=sys.stderr, flush=True)
        return words if privileged else as_user + words

    for line in unit.get("ExecStartPre", []):
        if subprocess.run(command(line), env=env).returncode != 0:
            sys.exit(f"run-unit: ExecStartPre failed: {line}")
    start = command(unit["ExecStart"][-1])
    os.execvpe(start[0], start, env)


if __name__ == "__main__":
    main()

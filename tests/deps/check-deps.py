#!/usr/bin/env python3
"""Fails on an include that points the wrong way between modules.

Each src/<module>/ may include its own files, the public headers
(include/nearmiss/*.h) of the modules below it, and those modules' private
headers. "Below" is DESIGN.md's direction, written out in ALLOWED: a module
may use what its listed modules use, transitively. Tests (*_test.cc) are
left out: they may reach across to build fixtures.

Usage: check-deps.py [REPO_ROOT]. Prints every bad arrow as
FILE:LINE: MODULE -> MODULE (via HEADER), and exits 1 if there is one.
"""
import os
import re
import sys

# module -> the modules it may include directly (their closure is allowed).
ALLOWED = {
    "base": [],
    "vocab": ["base"],
    "address": ["vocab"],
    "lookalike": ["address"],
    "content": ["vocab"],
    "maillog": ["base"],
    "historydata": ["vocab"],  # include/nearmiss/history.h: a plain snapshot
    "policy": ["lookalike", "content"],
    "engine": ["policy", "historydata"],
    "render": ["address", "vocab"],  # a suggestion shown as the sender writes it (U-labels)
    "dns": ["vocab"],  # c-ares lookups behind nearmiss/dns.h's DnsSource
    "store": ["historydata", "vocab"],
    "journal": ["store", "render"],
    "history": ["maillog", "content", "store", "address"],
    "daemon": ["engine", "store", "journal"],
    "confirm": ["base", "content"],  # signed links, the sender's notice (GMime's RFC 2047 encoder), its submission
    "milter": ["engine", "render", "journal", "store", "confirm", "dns"],
    # maillog: its AddressRanges (CIDR sets) for --trusted-proxy (http/client_address.h)
    "http": ["engine", "render", "journal", "store", "confirm", "dns", "maillog"],
    "investigate": ["engine", "maillog", "content"],
    "cli": ["engine", "render", "history", "daemon", "milter", "http", "investigate",
            "maillog", "journal", "store", "dns"],
}

# Which module owns each public header.
PUBLIC = {
    "status.h": "base",
    "verdict.h": "vocab",
    "decision.h": "vocab",
    "dns.h": "vocab",  # DnsFacts, a plain value, and the DnsSource interface
    "content_sensitivity.h": "vocab",
    "address.h": "address",
    "delivery.h": "address",
    "lookalike.h": "lookalike",
    "content.h": "content",
    "content_limits.h": "content",
    "content_reader.h": "content",
    "content_scanner.h": "content",
    "history.h": "historydata",
    "acknowledgement.h": "historydata",
    "policy.h": "policy",
    "engine.h": "engine",
    "engine_holder.h": "engine",
    "message_check.h": "engine",
    "store.h": "store",
    # A plain value and the sink interface, like decision.h; the functions it
    # declares (MakeDecisionRecord) are defined in journal, which callers link.
    "decision_record.h": "vocab",
}

# Finer rules inside a module: these files may include base only, so they
# can be fuzzed and tested without sockets (DESIGN.md).
BASE_ONLY_FILES = ["src/milter/codec.h", "src/milter/codec.cc", "src/milter/codec_encode.cc",
                   "src/milter/protocol.h"]

INCLUDE = re.compile(r'\s*#\s*include\s+"([a-z_]+)/([^"]+)"')


def closure(module):
    seen, stack = set(), [module]
    while stack:
        m = stack.pop()
        for d in ALLOWED.get(m, []):
            if d not in seen:
                seen.add(d)
                stack.append(d)
    return seen


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    bad = []
    src = os.path.join(root, "src")
    for module in sorted(os.listdir(src)):
        if not os.path.isdir(os.path.join(src, module)):
            continue
        if module not in ALLOWED:
            bad.append(f"src/{module}/: module missing from tests/deps/check-deps.py ALLOWED")
            continue
        ok = closure(module) | {module}
        for dirpath, _, files in os.walk(os.path.join(src, module)):
            for name in sorted(files):
                if not name.endswith((".h", ".cc")) or name.endswith("_test.cc"):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                base_only = rel in BASE_ONLY_FILES
                with open(path, errors="replace") as f:
                    for n, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        top, header = m.groups()
                        if top == "nearmiss":
                            target = PUBLIC.get(header)
                            if target is None:
                                bad.append(f"{rel}:{n}: public header {header} has no owner "
                                           "in tests/deps/check-deps.py PUBLIC")
                                continue
                        else:
                            target = top
                        allowed = {"base", module} if base_only else ok
                        if target not in allowed:
                            bad.append(f"{rel}:{n}: {module} -> {target} (via {top}/{header})")
    for b in bad:
        print(b)
    if bad:
        print(f"{len(bad)} include(s) point the wrong way; see DESIGN.md's dependency direction")
        return 1
    print("dependency direction: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

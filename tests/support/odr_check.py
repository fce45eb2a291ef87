#!/usr/bin/env python3
"""One definition per name across a module's test program (cmake/nearmiss.cmake, nm_test).

Each module's GoogleTest sources are linked into one program. Two test files
that define a class of the same name in the same named namespace (say two
helper headers' `nearmiss::maillog::Collect`) break the one-definition rule:
the linker keeps one copy of each inline member, silently, and the other
file's tests run the wrong code (round 54: a segfault in the trace tests).
This reads the objects of every <module>_tests program and fails, naming the
symbol and the files, when one inline (weak) symbol of ours has definitions
of different sizes. Usage: odr_check.py BUILD_DIR
"""
import collections
import glob
import os
import subprocess
import sys


def weak_symbols(objs):
    """(object, name, size) of each weak symbol of ours, one nm for all."""
    # One nm over a program's objects, not one per object: 266 nm starts cost
    # this test 29 s of CPU (124 s wall on a loaded machine), 19 cost 4.
    out = subprocess.run(["nm", "-A", "-S", "--defined-only", *objs], capture_output=True,
                         text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2] in ("W", "V") and "nearmiss" in parts[3]:
            yield parts[0].rsplit(":", 1)[0], parts[3], parts[1]


def main():
    build = sys.argv[1]
    programs = sorted(glob.glob(os.path.join(build, "src/*/CMakeFiles/*_tests.dir")))
    if not programs:
        print(f"no test program objects under {build}/src", file=sys.stderr)
        return 1
    faults = 0
    for program in programs:
        sizes = collections.defaultdict(lambda: collections.defaultdict(list))
        objs = sorted(glob.glob(os.path.join(program, "*.o")))
        for obj, name, size in weak_symbols(objs) if objs else ():
            sizes[name][size].append(os.path.basename(obj)[:-2])
        for name, by_size in sizes.items():
            if len(by_size) > 1:
                shown = subprocess.run(["c++filt", name], capture_output=True, text=True).stdout.strip()
                files = "; ".join(f"{len(f)} file(s) incl. {f[0]}" for f in by_size.values())
                print(f"{os.path.basename(program)[:-4]}: {shown} has {len(by_size)} different definitions ({files})")
                faults += 1
    print(f"{len(programs)} test programs read, {faults} names with more than one definition")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())

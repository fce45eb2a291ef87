"""The pass/fail lines of the DNS test scripts: `check(name, ok, detail)`
prints "ok   name" or "FAIL name: detail"; `check.failed` after."""


class Checks:
    def __init__(self):
        self.failed = False

    def __call__(self, name, ok, detail=""):
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
        self.failed |= not ok

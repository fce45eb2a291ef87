#!/usr/bin/env python3
"""The Postfix differential (issue 11), driven by differential.sh.

For every form in the corpus it asks two parties where the mail goes:
  Postfix   the form is sent (RCPT forms over SMTP, one transaction each,
            bytes exactly as written; header forms with `sendmail -t`) and
            the pipe recorder logs the domain and next hop of each delivery;
  nearmiss  `check --json` on each recipient exactly as Postfix hands it
            to a milter (milter-recorder logs it: the RCPT argument from
            smtpd, or on the sendmail path the recipient cleanup took from
            the header), as it came and without its angle brackets; for
            header forms also `scan --json` on the very message given to
            sendmail.
A form passes when Postfix delivered nothing, or, in each of these
judgements, every domain Postfix delivered to is among the domains nearmiss
judged (`domain`, `domain_unicode`, `route_domains`) or nearmiss called a
recipient `invalid` and the policy refuses invalid recipients. Anything else is a walk-around: the form, what
Postfix did and what nearmiss said are printed, and the exit status is 1.
"""
import argparse
import encodings.idna
import json
import os
import re
import socket
import subprocess
import sys
import time

SENDER_DOMAIN = "sender.test"


# ---------------------------------------------------------------- corpus

def unescape(text):
    """Corpus escapes to bytes: \\t \\r \\n \\0 \\\\ \\xHH \\{N:TEXT}."""
    out = bytearray()
    i = 0
    raw = text.encode("utf-8")
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = raw[i + 1:i + 2]
        simple = {b"t": b"\t", b"r": b"\r", b"n": b"\n", b"0": b"\0", b"\\": b"\\"}
        if nxt in simple:
            out += simple[nxt]
            i += 2
        elif nxt == b"x":
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif nxt == b"{":
            end = raw.index(b"}", i)
            count, rep = raw[i + 2:end].split(b":", 1)
            out += unescape(rep.decode("utf-8")) * int(count)
            i = end + 1
        else:
            raise ValueError("unknown escape \\%s in %r" % (nxt.decode(), text))
    return bytes(out)


class Form:
    def __init__(self, line, kind, text, note):
        self.id = "L%d" % line
        self.kind = kind
        self.text = text          # as written in the corpus (for reports)
        self.data = unescape(text)
        self.note = note
        self.smtp = []            # Postfix's replies, or sendmail's complaint
        self.deliveries = []      # recorder lines
        self.bounced = 0
        self.milter = []          # what a milter was given, one per RCPT
        self.judged = []          # (variant, [check objects]): each must pass
        self.informational = []   # the same, reported but not held to it
        self.by_variant = {}      # variant -> same | invalid | FAIL
        self.info_status = {}     # the same for the informational ones
        self.status = ""
        self.detail = ""


def load_corpus(path):
    forms = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in ("rcpt", "header"):
                sys.exit("%s:%d: want KIND<tab>FORM<tab>NOTE, KIND rcpt or header" % (path, n))
            forms.append(Form(n, *parts))
    return forms


# ---------------------------------------------------------------- Postfix

class Smtp:
    """Lock-step SMTP over a raw socket: what we write goes out unchanged."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=20)
        self.buf = b""

    def line(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def reply(self):
        lines = [self.line()]
        while len(lines[-1]) >= 4 and lines[-1][3] == "-":
            lines.append(self.line())
        return lines[-1]

    def send(self, data):
        self.sock.sendall(data)

    def command(self, data):
        self.send(data + b"\r\n")
        return self.reply()

    def close(self):
        self.sock.close()


def send_rcpt_form(port, form):
    s = Smtp(port)
    try:
        s.reply()
        s.command(b"EHLO client.nearmiss.test")
        utf8 = b" SMTPUTF8" if any(b > 127 for b in form.data) else b""
        r = s.command(b"MAIL FROM:<form-%s@%s>%s" % (form.id.encode(), SENDER_DOMAIN.encode(), utf8))
        if not r.startswith("250"):
            form.smtp.append("MAIL: " + r)
            return
        # The form may hold line ends: then smtpd sees several commands. A
        # NOOP after it marks where their replies end.
        s.send(b"RCPT TO:" + form.data + b"\r\nNOOP\r\n")
        while True:
            r = s.reply()
            if r == "250 2.0.0 Ok":
                break
            form.smtp.append(r)
        if not any(r.startswith("250") for r in form.smtp):
            s.command(b"QUIT")
            return
        r = s.command(b"DATA")
        if not r.startswith("354"):
            form.smtp.append("DATA: " + r)
            return
        r = s.command(b"Subject: form %s\r\nX-Form: %s\r\n\r\nform %s\r\n." %
                      ((form.id.encode(),) * 3))
        form.smtp.append("end of data: " + r)
        s.command(b"QUIT")
    except (OSError, EOFError) as e:
        form.smtp.append("error: %s" % e)
    finally:
        s.close()


def header_message(form):
    return (b"From: alice@" + SENDER_DOMAIN.encode() + b"\nSubject: form " + form.id.encode() +
            b"\nX-Form: " + form.id.encode() + b"\n" + form.data + b"\n\nform " +
            form.id.encode() + b"\n")


def send_header_form(conf, form, eml_dir):
    msg = header_message(form)
    path = os.path.join(eml_dir, form.id + ".eml")
    with open(path, "wb") as f:
        f.write(msg)
    p = subprocess.run(["sendmail", "-C", conf, "-f", "form-%s@%s" % (form.id, SENDER_DOMAIN),
                        "-t", "-i"], input=msg, capture_output=True, timeout=30)
    if p.returncode != 0:
        form.smtp.append("sendmail exit %d: %s" % (p.returncode, " ".join(
            p.stderr.decode("utf-8", "replace").split())))
    return path


def wait_queue_empty(conf, seconds):
    end = time.time() + seconds
    while time.time() < end:
        out = subprocess.run(["postqueue", "-c", conf, "-j"], capture_output=True).stdout
        if not out.strip():
            return ""
        time.sleep(0.3)
    return out.decode("utf-8", "replace")


def read_record(path, by_id):
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            m = re.fullmatch(r"form-(L\d+)@" + re.escape(SENDER_DOMAIN), rec["sender"])
            if m and m.group(1) in by_id:
                by_id[m.group(1)].deliveries.append(rec)
                continue
            m = re.fullmatch(r"form-(L\d+)@" + re.escape(SENDER_DOMAIN), rec["recipient"])
            if m and m.group(1) in by_id:
                by_id[m.group(1)].bounced += 1  # a bounce back to the form's sender


# ---------------------------------------------------------------- nearmiss

def read_milter_record(path, by_id):
    """What smtpd handed a milter for each RCPT (milter-recorder's log)."""
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            m = re.fullmatch(r"<?form-(L\d+)@" + re.escape(SENDER_DOMAIN) + ">?",
                             (rec["mail"] or [""])[0])
            if m and m.group(1) in by_id:
                by_id[m.group(1)].milter.append(rec)


def without_brackets(arg):
    """A RCPT argument without its angle brackets: "<bob@army.ml>" as the
    bare address a client of the API would send."""
    return arg[1:-1] if arg.startswith("<") and arg.endswith(">") else arg


SENTINEL = "sentinel@differential.invalid"


def run_check(nearmiss, policy, inputs):
    """One `check --json` over stdin, one line per input; for each input the
    objects check wrote for it (none for a blank line, several if check
    splits the line into a list). A sentinel line after each input marks
    where its objects end."""
    feed = b"".join(i + b"\n" + SENTINEL.encode() + b"\n" for i in inputs)
    p = subprocess.run([nearmiss, "check", "--json"] + (["--policy", policy] if policy else []),
                       input=feed, capture_output=True, timeout=120)
    if p.returncode not in (0, 1):
        sys.exit("nearmiss check failed (exit %d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
    out, current = [], []
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        obj = json.loads(line)
        if obj.get("input") == SENTINEL:
            out.append(current)  # nothing: nearmiss judged no domain, and refused nothing
            current = []
        else:
            current.append(obj)
    if len(out) != len(inputs) or current:
        sys.exit("nearmiss check: %d inputs, %d answers" % (len(inputs), len(out)))
    return out


def run_scan(nearmiss, policy, paths):
    p = subprocess.run([nearmiss, "scan", "--json"] + (["--policy", policy] if policy else []) + paths,
                       capture_output=True, timeout=120)
    # Exit 2 also means a damaged message (two To headers, a bad encoded
    # word): its object is still written, with "errors".
    by_source = {}
    for l in p.stdout.decode("utf-8", "replace").splitlines():
        m = json.loads(l)
        by_source[os.path.basename(m["source"])] = m
    missing = [x for x in paths if os.path.basename(x) not in by_source]
    if p.returncode not in (0, 1, 2) or missing:
        sys.exit("nearmiss scan failed (exit %d) on %s: %s" %
                 (p.returncode, missing, p.stderr.decode(errors="replace")))
    return by_source


def policy_refuses_invalid(nearmiss, policy):
    """Whether the policy refuses an invalid recipient, from `policy explain`
    on a few addresses until one of them is judged invalid."""
    seen = []
    for rcpt in ("bob@[192.0.2.1]", "@", "bob.@", "bob"):
        p = subprocess.run([nearmiss, "policy", "explain", "--json", "--from", "alice@" + SENDER_DOMAIN,
                            "--to", rcpt, "--path", "smtp"] + (["--policy", policy] if policy else []),
                           capture_output=True, timeout=60)
        try:
            recipients = json.loads(p.stdout).get("recipients", [])
        except ValueError:
            seen.append("%s: %s" % (rcpt, p.stderr.decode(errors="replace").strip()))
            continue
        for r in recipients:
            if r.get("verdict") == "invalid":
                return r.get("action") in ("reject", "remove-recipient"), \
                    "%s: %s by %s" % (rcpt, r.get("action"), r.get("rule"))
            seen.append("%s: %s" % (rcpt, r.get("verdict")))
    return False, "no invalid recipient found to try: " + "; ".join(seen)


# ---------------------------------------------------------------- comparing

def to_ascii(domain):
    """The A-label form DNS would be asked for: UTS #46 non-transitional,
    as Postfix's midna_domain (midna_domain_transitional = no) and ICU do;
    IDNA 2003 (which maps a sharp s to ss) only when the idna package is
    missing."""
    try:
        import idna
        return idna.encode(domain, uts46=True, transitional=False).decode()
    except ImportError:
        return ".".join(encodings.idna.ToASCII(l).decode() for l in domain.split("."))


def names(domain):
    """The spellings of one domain to compare: lower case, no trailing
    dots, and its A-label and U-label forms where IDNA can make them."""
    d = domain.strip().rstrip(".").lower()
    out = {d}
    try:
        out.add(to_ascii(re.sub("[\u3002\uff0e\uff61]", ".", d)).lower())
    except Exception:  # the idna package raises its own errors: not a name IDNA maps
        pass
    if "xn--" in d:
        try:
            out.add(".".join(encodings.idna.ToUnicode(l) for l in d.split(".")).lower())
        except UnicodeError:
            pass
    return out


def postfix_domains(form):
    """Every domain a delivery of this form went to: the recipient's domain,
    and the next hop for mail that leaves (relay, default)."""
    out = []
    for rec in form.deliveries:
        for d in [rec["domain"]] + ([rec["nexthop"]] if rec["class"] in ("relay", "default") else []):
            if d and d not in out:
                out.append(d)
    return out


def judged_names(checks):
    out = set()
    for c in checks:
        for d in [c.get("domain"), c.get("domain_unicode")] + list(c.get("route_domains") or []):
            if d:
                out |= names(d)
    return out


def variant_status(delivered, checks, refuses_invalid):
    judged = judged_names(checks)
    if all(names(d) & judged for d in delivered):
        return "same"
    if any(c.get("verdict") == "invalid" for c in checks):
        return "invalid" if refuses_invalid else "FAIL"
    return "FAIL"


def decide(form, refuses_invalid):
    delivered = postfix_domains(form)
    if not delivered:
        form.status = "refused"  # Postfix delivered nothing
        return
    for variant, checks in form.judged:
        form.by_variant[variant] = variant_status(delivered, checks, refuses_invalid)
    for variant, checks in form.informational:
        form.info_status[variant] = variant_status(delivered, checks, refuses_invalid)
    statuses = form.by_variant.values()
    form.status = ("FAIL" if "FAIL" in statuses else "invalid" if "invalid" in statuses
                   else "same")


def show_bytes(b):
    return repr(b.decode("utf-8", "surrogateescape"))[1:-1] if len(b) <= 120 else \
        repr(b[:100].decode("utf-8", "surrogateescape"))[1:-1] + "...(%d bytes)" % len(b)


def show_check(c):
    s = "%s %s" % (c.get("verdict"), c.get("domain") or "-")
    if c.get("domain_unicode"):
        s += " (%s)" % c["domain_unicode"]
    if c.get("route_domains"):
        s += " route=" + ",".join(c["route_domains"])
    return s


def show_judgement(form, informational=False):
    judged, status = ((form.informational, form.info_status) if informational
                      else (form.judged, form.by_variant))
    return "; ".join("%s%s: %s" % (variant, "(FAIL)" if status.get(variant) == "FAIL" else "",
                                    " | ".join(show_check(c) for c in checks) or "no recipients")
                     for variant, checks in judged)


def show_postfix(form):
    return ", ".join(sorted({"%s:%s%s" % (r["class"], r["domain"],
                                          "" if r["nexthop"] in (r["domain"], "") or r["class"] in
                                          ("local", "virtual") else "->" + r["nexthop"])
                             for r in form.deliveries}))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    for a in ("nearmiss", "conf", "port", "record", "milter-record", "corpus", "policy", "work"):
        ap.add_argument("--" + a, required=True)
    opt = ap.parse_args()
    forms = load_corpus(opt.corpus)
    by_id = {f.id: f for f in forms}
    kinds = {k: sum(f.kind == k for f in forms) for k in ("rcpt", "header")}
    print("corpus: %d forms (%d rcpt, %d header)" % (len(forms), kinds["rcpt"], kinds["header"]))

    # nearmiss first: if it cannot read the policy with [delivery], say so
    # and judge with the embedded default, so the table still shows where
    # it and Postfix part.
    policy = opt.policy
    lint = subprocess.run([opt.nearmiss, "policy", "lint", policy], capture_output=True)
    policy_ok = lint.returncode == 0
    if not policy_ok:
        print("FAIL: nearmiss rejects the policy with Postfix's [delivery] settings:\n  " +
              (lint.stdout + lint.stderr).decode(errors="replace").strip().replace("\n", "\n  ") +
              "\n  judging with the embedded default policy instead")
        policy = None
    refuses_invalid, invalid_action = policy_refuses_invalid(opt.nearmiss, policy)
    print("policy: invalid recipients %s (%s)" % ("refused" if refuses_invalid else "NOT refused",
                                                   invalid_action))

    t0 = time.time()
    eml_dir = os.path.join(opt.work, "eml")
    os.makedirs(eml_dir, exist_ok=True)
    emls = {}
    for f in forms:
        if f.kind == "rcpt":
            send_rcpt_form(int(opt.port), f)
        else:
            emls[f.id] = send_header_form(opt.conf, f, eml_dir)
    stuck = wait_queue_empty(opt.conf, 45)
    if stuck:
        print("FAIL: Postfix's queue did not empty in 45 s:\n" + stuck[:3000])
        return 1
    read_record(opt.record, by_id)
    print("postfix: %d forms sent, %d deliveries recorded in %.1f s" %
          (len(forms), sum(len(f.deliveries) for f in forms), time.time() - t0))

    # nearmiss judges what Postfix handed a milter for each recipient: the
    # RCPT argument (as smtpd read it; on the sendmail path the recipient
    # cleanup extracted from the header), as it came and with its angle
    # brackets taken off. Header forms are also scanned. The {rcpt_addr}
    # macro is judged for information only: it is Postfix's case-folded
    # rewrite of the address (straße.de becomes strasse.de), so it can name
    # a domain Postfix does not deliver to, and nearmiss does not judge it.
    read_milter_record(opt.milter_record, by_id)
    broken = [f for f in forms if any(r[:1] == "4" for r in f.smtp) or (f.deliveries and not f.milter)]
    if broken:
        print("FAIL: Postfix tempfailed, or the milter recorder missed recipients Postfix delivered:")
        for f in broken:
            print("  %s %s: %s" % (f.id, show_bytes(f.data), " / ".join(f.smtp)))
        return 1
    def judge(strings_of):
        inputs = [s.encode("utf-8", "surrogateescape") for f in forms for s in strings_of(f)]
        results = iter(run_check(opt.nearmiss, policy, inputs))
        return {f.id: [c for _ in strings_of(f) for c in next(results)] for f in forms}

    arg = judge(lambda f: [r["argv"][0] for r in f.milter])
    bare = judge(lambda f: [without_brackets(r["argv"][0]) for r in f.milter])
    addr = judge(lambda f: [r["macros"].get("{rcpt_addr}", "") for r in f.milter])
    for f in forms:
        f.judged = [("milter-arg", arg[f.id]), ("bare-arg", bare[f.id])]
        f.informational = [("rcpt_addr", addr[f.id])]
    scans = run_scan(opt.nearmiss, policy, list(emls.values())) if emls else {}
    for f in forms:
        if f.kind == "header":
            m = scans.get(f.id + ".eml")
            f.judged.insert(0, ("scan", m["recipients"] if m else []))

    for f in forms:
        decide(f, refuses_invalid)

    with open(os.path.join(opt.work, "results.tsv"), "w") as out:
        for f in forms:
            out.write("\t".join([f.id, f.status, ",".join("%s=%s" % kv for kv in f.by_variant.items()) or "-",
                                 f.kind, show_bytes(f.data), show_postfix(f) or "-",
                                 show_judgement(f) + ("; info " + show_judgement(f, True)
                                                      if f.informational else ""),
                                 " / ".join(f.smtp + ["%d bounce(s)" % f.bounced] * (f.bounced > 0))]) + "\n")
    counts = {s: sum(f.status == s for f in forms) for s in ("refused", "same", "invalid", "FAIL")}
    print("result: %d refused by Postfix, %d judged on Postfix's domain, %d refused by nearmiss "
          "as invalid, %d FAIL" % (counts["refused"], counts["same"], counts["invalid"], counts["FAIL"]))
    failed = [f for f in forms if f.status == "FAIL"]
    variants = sorted({v for f in forms for v in f.by_variant})
    print("FAIL by judgement: " + ", ".join(
        "%s %d" % (v, sum(f.by_variant.get(v) == "FAIL" for f in forms)) for v in variants))
    if failed:
        print("\nForms Postfix delivers to a domain nearmiss did not judge:")
        for f in failed:
            print("  %s %-6s %s\n      note:     %s\n      postfix:  %s\n      nearmiss: %s" %
                  (f.id, f.kind, show_bytes(f.data), f.note, show_postfix(f), show_judgement(f)))
    noted = [f for f in forms if "FAIL" in f.info_status.values()]
    if noted:
        print("\nFor information (not failures): {rcpt_addr} names another domain than "
              "Postfix delivers to:")
        for f in noted:
            print("  %s %-6s %s\n      postfix:  %s\n      nearmiss: %s" %
                  (f.id, f.kind, show_bytes(f.data), show_postfix(f), show_judgement(f, True)))
    return 1 if failed or not policy_ok else 0


if __name__ == "__main__":
    sys.exit(main())

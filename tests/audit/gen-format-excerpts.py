#!/usr/bin/env python3
"""Writes one small Postfix log excerpt per supported log format, and the rows
`nearmiss audit --year 2025 --json` must give for each (tests/audit/formats/).

The same two messages in every format, among the lines a real mail server's
syslog carries besides Postfix's (kernel, cron, rsyslogd, and journalctl's
own "-- Boot ... --" lines in its formats). One message went to army.ml
(sent), one to gmial.com (deferred, then bounced); gmail.com and army.mil
deliveries must not be reported.

Zoned formats carry the year 2024 and an offset of +01:00 (rfc5424,
rsyslog-file-format, journal-short-iso) or UTC (journal-short-iso-precise,
-full, -unix), so their expected times prove the tool read the line's year
and zone instead of --year 2025.

How each format was checked: the journal-* files are byte for byte what
journalctl 252 printed (TZ=UTC, or Europe/Paris for short-iso) for the same
entries written to a journal by systemd-journal-remote, less the "-- Boot"
line it prints between boots; postfix-maillog-file follows a line written by
Postfix 3.7 postlog with maillog_file set (strftime "%b %d %H:%M:%S", as in
src/util/msg_logger.c); rsyslog-file-format and rfc3164 follow rsyslog's
RSYSLOG_FileFormat and RSYSLOG_TraditionalFileFormat templates; rfc5424
follows RFC 5424 section 6 (as rsyslog's RSYSLOG_SyslogProtocol23Format
writes it).

The FORM.summary files beside them are the tool's reviewed text summaries
(`nearmiss audit --year 2025 FORM.log`, run in that directory).

Usage: gen-format-excerpts.py OUT_DIR   (the checked-in set: tests/audit/formats)
"""
import calendar, json, os, sys, time

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
HOST = "mail"
# (seconds after the start, program, pid, text); None program: not syslog.
EVENTS = [
    (0, "kernel", None, "[ 1234.567890] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex"),
    (1, "postfix/smtpd", 2101, "connect from ws12.mod.gov.uk[10.0.4.12]"),
    (1, "postfix/smtpd", 2101, "4F2A1B3C: client=ws12.mod.gov.uk[10.0.4.12]"),
    (2, "postfix/cleanup", 2102, "4F2A1B3C: message-id=<20241103.1@mod.gov.uk>"),
    (2, "postfix/qmgr", 777, "4F2A1B3C: from=<alice@mod.gov.uk>, size=48211, nrcpt=2 (queue active)"),
    (2, "postfix/smtpd", 2101, "disconnect from ws12.mod.gov.uk[10.0.4.12] ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6"),
    (3, "postfix/smtp", 2103, "4F2A1B3C: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9D1E)"),
    (3, "postfix/smtp", 2104, "4F2A1B3C: to=<carol@army.mil>, relay=mx.army.mil[192.0.2.9]:25, delay=1.3, delays=0.1/0/0.5/0.7, dsn=2.0.0, status=sent (250 ok)"),
    (4, "postfix/qmgr", 777, "4F2A1B3C: removed"),
    (60, "CRON", 3001, "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)"),
    (61, "postfix/pickup", 2105, "7C3D2E1F: uid=1000 from=<dave>"),
    (61, "postfix/cleanup", 2102, "7C3D2E1F: message-id=<20241103.2@mod.gov.uk>"),
    (62, "postfix/qmgr", 777, "7C3D2E1F: from=<dave@mod.gov.uk>, size=1830, nrcpt=2 (queue active)"),
    (63, "postfix/smtp", 2106, "7C3D2E1F: to=<erin@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.20]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK)"),
    (64, "postfix/smtp", 2107, "7C3D2E1F: to=<erin@gmial.com>, relay=none, delay=2, delays=0/0/2/0, dsn=4.4.1, status=deferred (connect to mx.gmial.com[192.0.2.30]:25: Connection timed out)"),
    (120, "rsyslogd", 512, "action 'action-1-builtin:omfile' resumed (module 'builtin:omfile') [v8.2302.0]"),
    (665, "postfix/qmgr", 777, "7C3D2E1F: from=<dave@mod.gov.uk>, size=1830, nrcpt=2 (queue active)"),
    (666, "postfix/smtp", 2108, "7C3D2E1F: to=<erin@gmial.com>, relay=mx.gmial.com[192.0.2.30]:25, delay=605, delays=600/0/0.5/0.5, dsn=5.1.1, status=bounced (host mx.gmial.com[192.0.2.30] said: 550 5.1.1 user unknown (in reply to RCPT TO command))"),
    (666, "postfix/bounce", 2109, "7C3D2E1F: sender non-delivery notification: 8E4F3A2B"),
    (667, "postfix/qmgr", 777, "7C3D2E1F: removed"),
    (700, "postfix/anvil", 2110, "statistics: max connection rate 1/60s for (smtp:10.0.4.12) at Nov  3 09:12:04"),
]
EXPECTED = [  # (event index, queue id, from, to, status, relay)
    (6, "4F2A1B3C", "alice@mod.gov.uk", "bob@army.ml", "army.ml", "army.mil", "sent",
     "mx.army.ml[192.0.2.7]:25"),
    (14, "7C3D2E1F", "dave@mod.gov.uk", "erin@gmial.com", "gmial.com", "gmail.com",
     "deferred", "none"),
    (17, "7C3D2E1F", "dave@mod.gov.uk", "erin@gmial.com", "gmial.com", "gmail.com",
     "bounced", "mx.gmial.com[192.0.2.30]:25"),
]
START = (2024, 11, 3, 9, 12, 3)  # wall clock of the first line
BSD_YEAR = 2025                   # what --year says; BSD forms have no year


def usec(i):
    return (i * 7919 + 123) % 1000000


def tag(prog, pid):
    return prog if pid is None else f"{prog}[{pid}]"


def bsd(t, i, precise, pad):
    tm = time.gmtime(t)
    day = f"{tm.tm_mday:02d}" if pad else f"{tm.tm_mday:2d}"
    s = f"{MONTHS[tm.tm_mon - 1]} {day} {time.strftime('%H:%M:%S', tm)}"
    return s + (f".{usec(i):06d}" if precise else "")


def iso(t, i, precise, offset, colon):
    tm = time.gmtime(t + offset)
    sign = "+" if offset >= 0 else "-"
    hh, mm = divmod(abs(offset) // 60, 60)
    zone = f"{sign}{hh:02d}:{mm:02d}" if colon else f"{sign}{hh:02d}{mm:02d}"
    frac = f".{usec(i):06d}" if precise else ""
    return time.strftime("%Y-%m-%dT%H:%M:%S", tm) + frac + zone


# format name -> (file name, line writer (t, i, prog, pid, text) -> line, zoned offset or None)
def formats():
    f = {}
    f["rfc3164"] = (lambda t, i, p, pid, x: f"{bsd(t, i, False, False)} {HOST} {tag(p, pid)}: {x}", None)
    f["rfc3164-pri"] = (lambda t, i, p, pid, x:
                        f"<{22 if p.startswith('postfix') else 6}>{bsd(t, i, False, False)} {HOST} {tag(p, pid)}: {x}", None)
    f["postfix-maillog-file"] = (lambda t, i, p, pid, x: f"{bsd(t, i, False, True)} {HOST} {tag(p, pid)}: {x}", None)
    f["rsyslog-file-format"] = (lambda t, i, p, pid, x: f"{iso(t, i, True, 3600, True)} {HOST} {tag(p, pid)}: {x}", 3600)
    f["rfc5424"] = (lambda t, i, p, pid, x:
                    f"<{22 if p.startswith('postfix') else 6}>1 {iso(t, i, True, 3600, True)} {HOST}.mod.gov.uk {p} "
                    f"{pid if pid is not None else '-'} - "
                    + ('[timeQuality tzKnown="1" isSynced="1"]' if i == 0 else "-") + f" {x}", 3600)
    f["journal-short"] = (lambda t, i, p, pid, x: f"{bsd(t, i, False, True)} {HOST} {tag(p, pid)}: {x}", None)
    f["journal-short-precise"] = (lambda t, i, p, pid, x: f"{bsd(t, i, True, True)} {HOST} {tag(p, pid)}: {x}", None)
    f["journal-short-iso"] = (lambda t, i, p, pid, x: f"{iso(t, i, False, 3600, False)} {HOST} {tag(p, pid)}: {x}", 3600)
    f["journal-short-iso-precise"] = (lambda t, i, p, pid, x: f"{iso(t, i, True, 0, False)} {HOST} {tag(p, pid)}: {x}", 0)
    f["journal-short-full"] = (lambda t, i, p, pid, x:
                               f"{DAYS[time.gmtime(t).tm_wday]} {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(t))} UTC {HOST} {tag(p, pid)}: {x}", 0)
    f["journal-short-unix"] = (lambda t, i, p, pid, x: f"{t}.{usec(i):06d} {HOST} {tag(p, pid)}: {x}", 0)
    # A container's Postfix (maillog_file = /dev/stdout, TZ=UTC) as
    # Kubernetes keeps it: the runtime's RFC3339Nano UTC time before each
    # line (kubectl logs --timestamps; with --prefix, "[pod/NAME/CONTAINER] "
    # before that), or the runtime's CRI log file (TIME STREAM TAG CONTENT).
    f["kubectl-timestamps"] = (lambda t, i, p, pid, x:
                               f"{nano(t, i)} {bsd(t, i, False, True)} {HOST} {tag(p, pid)}: {x}", 0)
    f["kubectl-prefix-timestamps"] = (lambda t, i, p, pid, x:
                                      f"[pod/mail-0/postfix] {nano(t, i)} {bsd(t, i, False, True)} {HOST} {tag(p, pid)}: {x}", 0)
    f["cri"] = (lambda t, i, p, pid, x:
                f"{nano(t, i)} stdout F {bsd(t, i, False, True)} {HOST} {tag(p, pid)}: {x}", 0)
    return f


def nano(t, i):
    """RFC3339Nano in UTC, as the kubelet and containerd write it."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{usec(i):06d}{i % 1000:03d}Z"


CONTAINER = ("kubectl-timestamps", "kubectl-prefix-timestamps", "cri")


def split_partial(line, i):
    """A CRI full record split into a partial ("P") and the full rest, as a
    runtime splits a long line: the same time and stream on both."""
    head, content = line.split(" stdout F ", 1)
    cut = len(content) // 2
    return [f"{head} stdout P {content[:cut]}", f"{head} stdout F {content[cut:]}"]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    start = calendar.timegm(START + (0, 0, 0))
    for name, (line, offset) in formats().items():
        journal = name.startswith("journal-")
        lines = []
        if journal:
            lines.append("-- Boot 3c0f9a52b7e44f0d8f1a6c2d9e8b7a61 --")
        for i, (dt, prog, pid, text) in enumerate(EVENTS):
            if (name == "postfix-maillog-file" or name in CONTAINER) and not prog.startswith("postfix"):
                continue  # Postfix's maillog_file holds Postfix's lines only
            # Zoned forms write UTC start + dt shown at their offset; the
            # others write the same wall clock with no year.
            written = line(start + dt - (offset or 0), i, prog, pid, text)
            if name == "cri" and "status=bounced" in text:
                lines.extend(split_partial(written, i))
            else:
                lines.append(written)
        with open(os.path.join(out, name + ".log"), "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(out, name + ".expected.jsonl"), "w") as f:
            for idx, q, frm, to, dom, target, st, relay in EXPECTED:
                t = start + EVENTS[idx][0]
                if offset is None:
                    t = calendar.timegm((BSD_YEAR,) + START[1:] + (0, 0, 0)) + EVENTS[idx][0]
                else:
                    t -= offset
                # A zoned form's time is UTC ("Z"); one written without a
                # zone is shown as written, no "Z" (maillog/shown_time.h).
                shown = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ("" if offset is None else "Z")
                row = {"time": shown, "queue_id": q,
                       "from": frm, "to": to, "domain": dom, "verdict": "lookalike", "target": target,
                       "suggestion": to.split("@")[0] + "@" + target, "status": st, "relay": relay}
                f.write(json.dumps(row, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

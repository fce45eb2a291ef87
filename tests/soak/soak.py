#!/usr/bin/env python3
"""The soak's load generator and its accounting (tests/soak/soak.sh).

  soak.py send PORT MESSAGES CONNECTIONS OUT.json
      CONNECTIONS threads, each an SMTP client of 127.0.0.1:PORT, send
      MESSAGES messages in all; message N carries "X-Soak-Seq: N" and its
      kind is N % 10 (KINDS). A 4xx reply anywhere (the milter being
      restarted: Postfix's milter_default_action = tempfail) or a dropped
      connection means: reconnect and send N again, as an MTA client
      would. A 5xx at RCPT is a refusal. OUT.json: seq -> outcome.
  soak.py account OUT.json SINK_DIR POSTFIX_CONF [name=value ...]
      Reads what reached the sink and what Postfix holds, prints one JSON
      line with the figures (and the name=value pairs given) and exits 1 on
      any loss, duplicate or leak.
"""
import json
import os
import re
import smtplib
import subprocess
import sys
import threading
import time

# Kind by seq % 10: six trusted, one look-alike (refused at RCPT), one
# SECRET to an outsider (held), one OFFICIAL-SENSITIVE to an outsider
# (delivered with the tag), one plain to an outsider (delivered).
KINDS = ["trusted"] * 6 + ["lookalike", "secret", "official-sensitive", "external"]
RCPT = {
    "trusted": "carol@army.mil",
    "lookalike": "bob@army.ml",
    "secret": "dave@example.com",
    "official-sensitive": "erin@example.com",
    "external": "frank@example.com",
}
SUBJECT = {
    "trusted": "figures",
    "lookalike": "figures",
    "secret": "SECRET: the plan",
    "official-sensitive": "OFFICIAL-SENSITIVE: budget",
    "external": "hello",
}
RETRY_FOR = 300  # seconds one message may keep being retried


def kind(seq):
    return KINDS[seq % 10]


def message(seq):
    k = kind(seq)
    return (f"From: alice@mod.gov.uk\r\nTo: {RCPT[k]}\r\n"
            f"Subject: {SUBJECT[k]} #{seq}\r\nX-Soak-Seq: {seq}\r\n"
            f"Message-ID: <soak-{seq}@mod.gov.uk>\r\n\r\n"
            f"message {seq}, kind {k}\r\n").encode()


def send(port, messages, connections, out):
    outcome = {}
    lock = threading.Lock()
    errors = []

    def worker(first):
        smtp = None
        for seq in range(first, messages, connections):
            deadline = time.monotonic() + RETRY_FOR
            tries = 0
            while True:
                tries += 1
                try:
                    if smtp is None:
                        smtp = smtplib.SMTP("127.0.0.1", port, "client.nearmiss.test", timeout=60)
                    smtp.sendmail("alice@mod.gov.uk", [RCPT[kind(seq)]], message(seq))
                    result = "accepted"
                except smtplib.SMTPRecipientsRefused as e:
                    code = list(e.recipients.values())[0][0]
                    result = "refused" if 500 <= code < 600 else None
                except (smtplib.SMTPResponseException, smtplib.SMTPServerDisconnected,
                        smtplib.SMTPSenderRefused, smtplib.SMTPDataError, OSError) as e:
                    code = getattr(e, "smtp_code", 0)
                    if 500 <= code < 600:
                        with lock:
                            errors.append(f"seq {seq}: permanent {code} {e}")
                        result = "failed"
                    else:
                        result = None
                if result is not None:
                    break
                # A 4xx or a dropped connection: a fresh session, a moment later.
                try:
                    if smtp is not None:
                        smtp.close()
                except OSError:
                    pass
                smtp = None
                if time.monotonic() > deadline:
                    result = "gave-up"
                    break
                time.sleep(min(0.1 * tries, 1.0))
            with lock:
                outcome[seq] = {"result": result, "tries": tries}
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(out, "w") as f:
        json.dump(outcome, f)
    for e in errors[:20]:
        print(e, file=sys.stderr)
    return 0


SEQ = re.compile(rb"^X-Soak-Seq: (\d+)\r?$", re.M)


def account(sent_path, sink_dir, conf, extra):
    with open(sent_path) as f:
        outcome = {int(k): v for k, v in json.load(f).items()}
    sent = len(outcome)
    delivered = {}
    untagged = []
    for name in os.listdir(sink_dir):
        with open(os.path.join(sink_dir, name), "rb") as f:
            data = f.read()
        m = SEQ.search(data)
        if not m:
            continue
        seq = int(m.group(1))
        delivered[seq] = delivered.get(seq, 0) + 1
        if kind(seq) == "official-sensitive" and b"X-Nearmiss: tag" not in data:
            untagged.append(seq)
    # What Postfix still has: the hold queue (quarantined by the milter) and
    # anything the flush did not get out (stuck: a failure).
    held, queued = {}, {}
    queue = subprocess.run(["postqueue", "-c", conf, "-j"], capture_output=True, text=True).stdout
    for line in queue.splitlines():
        entry = json.loads(line)
        body = subprocess.run(["postcat", "-c", conf, "-hq", entry["queue_id"]],
                              capture_output=True).stdout
        m = SEQ.search(body)
        seq = int(m.group(1)) if m else -1
        where = held if entry["queue_name"] == "hold" else queued
        where[seq] = where.get(seq, 0) + 1
    still_queued = sorted(queued)
    refused = {s for s, o in outcome.items() if o["result"] == "refused"}
    gave_up = {s for s, o in outcome.items() if o["result"] in ("gave-up", "failed")}
    retried = sum(1 for o in outcome.values() if o["tries"] > 1)
    duplicated = sorted(
        [s for s, n in delivered.items() if n > 1] + [s for s, n in held.items() if n > 1] +
        [s for s in delivered if s in held] + [s for s, n in queued.items() if n > 1])
    lost = sorted(s for s in outcome
                  if s not in delivered and s not in held and s not in refused and s not in queued)
    leaked = sorted(s for s in delivered if kind(s) in ("lookalike", "secret"))
    wrongly_refused = sorted(s for s in refused if kind(s) != "lookalike")
    figures = {
        "sent": sent,
        "delivered": len(delivered),
        "held": len(held),
        "refused": len(refused),
        "still_queued": len(still_queued),
        "retried": retried,
        "lost": len(lost),
        "duplicated": len(duplicated),
        "leaked": len(leaked),
        "untagged": len(untagged),
        "wrongly_refused": len(wrongly_refused),
        "gave_up": len(gave_up),
    }
    for pair in extra:
        k, _, v = pair.partition("=")
        figures[k] = int(v) if v.isdigit() else v
    balanced = len(delivered) + len(held) + len(refused) + len(still_queued) == sent
    figures["balanced"] = balanced
    print(json.dumps(figures))
    bad = lost or duplicated or leaked or untagged or wrongly_refused or gave_up or \
        still_queued or not balanced
    if bad:
        for name, seqs in (("lost", lost), ("duplicated", duplicated), ("leaked", leaked),
                           ("untagged", untagged), ("wrongly refused", wrongly_refused),
                           ("gave up", sorted(gave_up))):
            if seqs:
                print(f"{name}: {seqs[:20]}", file=sys.stderr)
        if still_queued:
            print(f"still queued: {still_queued[:20]}", file=sys.stderr)
        return 1
    return 0


def main():
    if sys.argv[1] == "send":
        return send(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    if sys.argv[1] == "account":
        return account(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())

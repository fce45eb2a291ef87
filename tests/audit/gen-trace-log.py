#!/usr/bin/env python3
"""Generates an Exchange message tracking log and a Microsoft 365 message
trace export of N synthetic messages, for bench/audit-throughput.

The shapes follow the formats' public documentation (trace_log.h cites it):
Exchange's "#Fields:" header and one CSV record per event (RECEIVE, then
SEND, and a FAIL for one message in 50); Get-MessageTraceV2 | Export-Csv's
columns, one row per recipient. Addresses are made up (mod.gov.uk and
look-alikes of public domains), never anyone's mail.

Usage: gen-trace-log.py OUT_DIR [--messages N] [--seed S]
Writes OUT_DIR/MSGTRK2025110300-1.LOG and OUT_DIR/MessageTrace.csv.
"""
import argparse, os, random

FIELDS = ("date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
          "connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
          "recipient-address,recipient-status,total-bytes,recipient-count,"
          "related-recipient-address,reference,message-subject,sender-address,return-path,"
          "message-info,directionality,tenant-id,original-client-ip,original-server-ip,"
          "custom-data,transport-traffic-type,log-id,schema-version")
SENDERS = [f"{n}@mod.gov.uk" for n in ("alice", "bob", "carol", "dave", "erin", "frank")]
DOMAINS = ["army.mil", "navy.mil", "gmail.com", "outlook.com", "partner.co.uk"]
# Look-alikes, planted in one message in 500 (about as rare as in
# gen-postfix-log.py), so the run measures reading, not printing rows.
BAD = ["army.ml", "gmial.com"]


def iso(sec):
    import time
    t = time.gmtime(sec)
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) + f".{sec % 1000:03d}Z"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--messages", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    t0 = 1762128000  # 2025-11-03T00:00:00Z
    with open(os.path.join(a.out, "MSGTRK2025110300-1.LOG"), "w") as ex, \
            open(os.path.join(a.out, "MessageTrace.csv"), "w") as mt:
        ex.write("#Software: Microsoft Exchange Server\n#Version: 15.02.1544.004\n"
                 "#Log-type: Message Tracking Log\n#Date: 2025-11-03T00:00:00.000Z\n"
                 f"#Fields: {FIELDS}\n")
        mt.write('"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP",'
                 '"FromIP","Size","MessageId","MessageTraceId","Index"\n')
        for i in range(a.messages):
            t = t0 + i * 3
            sender = rnd.choice(SENDERS)
            rcpts = [f"u{rnd.randrange(500)}@{rnd.choice(DOMAINS)}" for _ in range(rnd.randint(1, 3))]
            if i % 500 == 7:
                rcpts[0] = f"u{i}@{rnd.choice(BAD)}"
            mid = f"<M{i:08d}@EX01.mod.gov.uk>"
            subj = '"Report, week ' + str(i % 52) + '"'
            common = (f"{mid},nm-{i:08d},{';'.join(rcpts)},%s,{2000 + i % 9000},{len(rcpts)},,,"
                      f"{subj},{sender},{sender},,Originating,,10.0.4.{i % 250},10.0.0.5,,Email,"
                      f"log-{i},15.02.1544.004\n")
            ex.write(f"{iso(t)},10.0.4.{i % 250},WS{i % 250},10.0.0.5,EX01,,,STOREDRIVER,RECEIVE,"
                     f"{i}," + common % "")
            event = "FAIL" if i % 50 == 0 else "SEND"
            ex.write(f"{iso(t + 1)},10.0.0.5,EX01,192.0.2.7,mx.example,250 2.0.0 OK,Internet,SMTP,"
                     f"{event},{i}," + common % ("550 5.1.1 unknown" if event == "FAIL" else "250 2.1.5 Ok"))
            for r in rcpts:
                status = "Failed" if i % 50 == 0 else "Delivered"
                mt.write(f'"{iso(t + 1)}","{sender}","{r}",{subj},"{status}","192.0.2.7",'
                         f'"10.0.4.{i % 250}","{2000 + i % 9000}","{mid}","g-{i}","{i}"\n')


if __name__ == "__main__":
    main()

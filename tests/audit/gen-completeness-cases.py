#!/usr/bin/env python3
"""Writes the cases of what an input's own names and sizes prove missing
(issue-16 tester round 44, findings 1-3) under tests/audit/cases/:

  m365-trace-one-page       Get-MessageTrace | Export-Csv as it comes without
                            paging: #TYPE line, the cmdlet's 14 properties
                            (StartDate, EndDate, Index among them), exactly
                            1,000 rows (-PageSize's default), newest first,
                            covering 17 hours of the 10 days it asked for.
  exchange-tracking-one-page  Get-MessageTrackingLog | Export-Csv with the
                            Recipients list joined: exactly 1,000 events
                            (-ResultSize's default).
  postfix-rotated-number-missing  maillog, maillog.1, maillog.3.gz (no .2).
  postfix-dateext-days-missing    maillog-20261128, maillog-20261201 (daily).
  exchange-instance-missing MSGTRK2026110311-1.LOG and -3.LOG (no -2).
  postfix-host-log-stops    two gateways' logs, mx2's stopping after 5 days.

Run from the repository's top: python3 tests/audit/gen-completeness-cases.py
The goldens (expected.jsonl, summary) then come from cases-golden.sh --update,
reviewed by hand."""
import datetime
import gzip
import os

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


def case(name):
    d = os.path.join(CASES, name)
    os.makedirs(d, exist_ok=True)
    return d


def write(path, text):
    with open(path, "w", newline="") as f:
        f.write(text)


def us_time(t):  # Export-Csv's en-US "M/D/YYYY h:mm:ss AM/PM"
    h = t.hour % 12 or 12
    return "%d/%d/%d %d:%02d:%02d %s" % (t.month, t.day, t.year, h, t.minute, t.second,
                                         "AM" if t.hour < 12 else "PM")


def m365_one_page():
    d = case("m365-trace-one-page")
    rows = ['#TYPE Deserialized.Microsoft.Exchange.Status.MessageTrace',
            '"Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject",'
            '"Status","ToIP","FromIP","Size","MessageTraceId","StartDate","EndDate","Index"']
    end = datetime.datetime(2026, 11, 2, 23, 59, 0)
    for i in range(1000):
        t = end - datetime.timedelta(seconds=60 * i)  # newest first, a row a minute
        rcpt = "pg%d@gmial.com" % i if i % 200 == 0 else "r%d@partner.example" % i
        rows.append('"army.onmicrosoft.com","<p%d@army.mil>","%s","fox@army.mil","%s","x",'
                    '"Delivered","203.0.113.5","10.0.0.1","100","a%07d-1111-1111-1111-111111111111",'
                    '"10/24/2026 12:00:00 AM","11/3/2026 12:00:00 AM","%d"'
                    % (i, us_time(t), rcpt, i, i))
    write(os.path.join(d, "trace.csv"), "\r\n".join(rows) + "\r\n")
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "trace.csv holds exactly 1,000 rows under one header, the default page of "
          "Get-MessageTrace (-PageSize: 1000 unless given, at most 5000)\n"
          "no log line for 9 days, from the StartDate trace.csv asked for (2026-10-24T00:00:00Z) "
          "to 2026-11-02T07:20:00Z\n")


def tracking_one_page():
    d = case("exchange-tracking-one-page")
    rows = ['#TYPE Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent',
            '"Timestamp","ServerHostname","ConnectorId","Source","EventId","MessageId",'
            '"Recipients","RecipientStatus","MessageSubject","Sender"']
    start = datetime.datetime(2026, 11, 3, 8, 0, 0)
    for i in range(1000):
        t = start + datetime.timedelta(seconds=30 * i)
        rcpt = "gg%d@gmial.com" % i if i % 250 == 0 else "e%d@partner.example" % i
        rows.append('"%s","mx.partner.example","Internet Send Connector","SMTP","SEND",'
                    '"<g%d@army.mil>","%s","250 2.0.0 OK","x","fox@army.mil"'
                    % (us_time(t), i, rcpt))
    write(os.path.join(d, "tracking.csv"), "\r\n".join(rows) + "\r\n")
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "tracking.csv holds exactly 1,000 rows under one header, the default page of "
          "Get-MessageTrackingLog (-ResultSize: 1000 unless given)\n")


def postfix_day(host, day, n, rcpt=None):
    out = []
    for h in (9, 13, 17):
        n += 1
        q = "%s%05X" % (host[-1].upper() if host[-1].isalpha() else "F" + host[-1], n)
        ts = day.strftime("%b %e") + " %02d:00:00" % h
        to = rcpt if (rcpt and h == 13) else "x%d@partner.example" % n
        out.append("%s %s postfix/qmgr[1]: %s: from=<fox@army.mil>, size=100, nrcpt=1 "
                   "(queue active)" % (ts, host, q))
        out.append("%s %s postfix/smtp[2]: %s: to=<%s>, relay=mx.example.net[203.0.113.9]:25, "
                   "delay=1, delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 ok)"
                   % (ts, host, q, to))
        out.append("%s %s postfix/qmgr[1]: %s: removed" % (ts, host, q))
    return out, n


def days_log(host, first, count, n, leak_day=None):
    lines = []
    for i in range(count):
        day = first + datetime.timedelta(days=i)
        more, n = postfix_day(host, day, n, "leak@gmial.com" if day == leak_day else None)
        lines += more
    return "\n".join(lines) + "\n", n


def rotated_number_missing():
    d = case("postfix-rotated-number-missing")
    text, n = days_log("mx1", datetime.date(2026, 11, 28), 1, 0)
    with gzip.GzipFile(os.path.join(d, "maillog.3.gz"), "wb", mtime=0) as f:
        f.write(text.encode())
    text, n = days_log("mx1", datetime.date(2026, 11, 30), 1, 100, datetime.date(2026, 11, 30))
    write(os.path.join(d, "maillog.1"), text)
    text, n = days_log("mx1", datetime.date(2026, 12, 1), 1, 200)
    write(os.path.join(d, "maillog"), text)
    write(os.path.join(d, "mtimes"), "maillog.3.gz 2026-11-29 00:00\nmaillog.1 2026-12-01 00:00\n"
          "maillog 2026-12-01 18:00\n")
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "maillog.2 (or maillog.2.gz) is not among the files given (between maillog.3.gz and "
          "maillog.1\n")


def dateext_days_missing():
    d = case("postfix-dateext-days-missing")
    text, n = days_log("mx1", datetime.date(2026, 11, 27), 1, 0)
    write(os.path.join(d, "maillog-20261128"), text)
    text, n = days_log("mx1", datetime.date(2026, 11, 30), 1, 100, datetime.date(2026, 11, 30))
    write(os.path.join(d, "maillog-20261201"), text)
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "(maillog-20261129, maillog-20261130, one a day as its names step) are not among the "
          "files given\n")


def instance_missing():
    d = case("exchange-instance-missing")
    head = ("#Software: Microsoft Exchange Server\n#Version: 15.02.1118.007\n"
            "#Log-type: Message Tracking Log\n#Date: 2026-11-03T11:00:00.000Z\n"
            "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,"
            "source-context,connector-id,source,event-id,internal-message-id,message-id,"
            "network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,"
            "related-recipient-address,reference,message-subject,sender-address,return-path,"
            "message-info,directionality,tenant-id,original-client-ip,original-server-ip,"
            "custom-data,transport-traffic-type,log-id,schema-version\n")
    row = ("2026-11-03T11:%02d:00.000Z,10.0.0.5,EX01,203.0.113.5,mx.example.net,,"
           "Internet Send Connector,SMTP,SEND,%d,<i%d@army.mil>,"
           "0a1b2c3d-0000-0000-0000-0000000000%02d,%s,250 2.0.0 OK,5000,1,,,Budget,ian@army.mil,"
           "ian@army.mil,,Originating,,,,,Email,,15.02.1118.007\n")
    write(os.path.join(d, "MSGTRK2026110311-1.LOG"),
          head + row % (1, 1, 1, 1, "i1@gmial.com") + row % (2, 2, 2, 2, "a2@partner.example"))
    write(os.path.join(d, "MSGTRK2026110311-3.LOG"),
          head + row % (50, 3, 3, 3, "a3@partner.example"))
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "MSGTRK2026110311-2.LOG not among the files given (MSGTRK2026110311-3.LOG is given\n")


def host_log_stops():
    d = case("postfix-host-log-stops")
    text, n = days_log("mx1", datetime.date(2026, 9, 1), 30, 0, datetime.date(2026, 9, 20))
    write(os.path.join(d, "mx1-maillog"), text)
    text, n = days_log("mx2", datetime.date(2026, 9, 1), 5, 0)
    write(os.path.join(d, "mx2-maillog"), text)
    write(os.path.join(d, "mtimes"), "mx1-maillog 2026-10-01 00:00\nmx2-maillog 2026-09-06 00:00\n")
    write(os.path.join(d, "exit"), "2\n")
    write(os.path.join(d, "stderr"),
          "mx2: no log line of this host for 25 days, from 2026-09-05T17:00:00 (its last line "
          "before, in mx2-maillog) to 2026-09-30T17:00:00 (the last line of the other hosts' "
          "logs)\n!mx1: no log line\n")


m365_one_page()
tracking_one_page()
rotated_number_missing()
dateext_days_missing()
instance_missing()
host_log_stops()

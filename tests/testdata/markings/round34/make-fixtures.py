#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 34 (tester report, defects 1-3):
compressed text files, attachments of unlisted types, parts whose MIME
decoding fails. Run from this directory with python3 (and 7z for the
WinZip AES zip). The .eml files are committed; this records how they were
made. Names given on the command line write only those fixtures.
"""
import bz2, gzip, io, lzma, os, subprocess, sys, tempfile, zipfile

ONLY = set(sys.argv[1:])
MARKED = b"SECRET//NOFORN\nconvoy\ndepot\nSECRET//NOFORN\n"
UK = b"UK SECRET\n\nThe convoy leaves at 0600.\n\nUK SECRET\n"
DATE = "Tue, 01 Dec 2026 09:00:00 +0000"


def b64(data):
    import base64
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def write(name, text):
    if ONLY and name not in ONLY:
        return
    with open(name + ".eml", "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def head(name, subject="Files", ctype=None):
    h = ("From: Alice <alice@example.org>\nTo: Bob <bob@outside-partner.com>\n"
         "Subject: %s\nMessage-ID: <%s@example.org>\nDate: %s\nMIME-Version: 1.0\n"
         % (subject, name, DATE))
    if ctype:
        h += "Content-Type: %s\n" % ctype
    return h


def attach(name, data, filename, ctype, cte="base64"):
    """A message whose one attachment is `data`."""
    body = head(name, ctype='multipart/mixed; boundary="B34"') + "\n"
    body += "--B34\nContent-Type: text/plain; charset=utf-8\n\nSee the attached file.\n\n"
    body += "--B34\nContent-Type: %s%s\n" % (ctype, '; name="%s"' % filename if filename else "")
    if filename:
        body += 'Content-Disposition: attachment; filename="%s"\n' % filename
    else:
        body += "Content-Disposition: attachment\n"
    body += "Content-Transfer-Encoding: %s\n\n%s\n--B34--\n" % (cte, b64(data))
    write(name, body)


def zipped(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, date_time=(2026, 12, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def gz(data):
    return gzip.compress(data, mtime=0)


# Defect 1: a compressed text file is its decompressed text (libarchive's
# raw format), whatever libarchive's text formats would bid on it.
csv = b"date,unit,item\n" + b"".join(b"2026-12-%02d,unit%d,depot\n" % (i % 28 + 1, i) for i in range(40))
attach("gz-txt", gz(MARKED), "data.txt.gz", "application/gzip")
attach("gz-csv", gz(b"SECRET//NOFORN\n" + csv + b"SECRET//NOFORN\n"), "ledger.csv.gz", "application/gzip")
attach("bz2-log", bz2.compress(UK), "ops.log.bz2", "application/x-bzip2")
attach("xz-txt", lzma.compress(MARKED), "notes.txt.xz", "application/x-xz")
attach("lzma-txt", lzma.compress(UK, format=lzma.FORMAT_ALONE), "notes.lzma", "application/octet-stream")
attach("gz-noname", gz(UK), "plans.gz", "application/octet-stream")
attach("gz-mtree-head", gz(b"#mtree\n" + MARKED), "manifest.gz", "application/gzip")
attach("gz-in-zip", zipped([("notes/data.txt.gz", gz(MARKED))]), "files.zip", "application/zip")
attach("bz2-in-zip", zipped([("list.bz2", bz2.compress(UK))]), "files.zip", "application/zip")
# Negatives: long ordinary files, read to the end (no member bound).
big = b"date,account,amount\n" + b"".join(b"2026-11-%02d,ACC%05d,%d.%02d\n" % (i % 28 + 1, i, i * 7 % 1000, i % 100) for i in range(3000))
attach("gz-ledger-plain", gz(big), "ledger.csv.gz", "application/gzip")
attach("gz-lines-plain", gz(b"".join(b"line %d of the build log: ok\n" % i for i in range(2000))), "build.log.gz", "application/gzip")
attach("xz-lines-plain", lzma.compress(b"".join(b"item %d\n" % i for i in range(2500))), "items.txt.xz", "application/x-xz")

# Defect 2: a part of no listed type is read by what its bytes hold.
attach("type-json", UK, "notes.json", "application/json")
attach("type-yaml", UK, "notes.yaml", "application/x-yaml")
attach("type-ndjson", UK, "events", "application/x-ndjson")
attach("type-log-octet", UK, "ops.log", "application/octet-stream")
attach("type-ini-octet", UK, "settings.ini", "application/octet-stream")
attach("type-001-octet", UK, "sitrep.001", "application/octet-stream")
attach("type-noname-octet", UK, None, "application/octet-stream")
attach("type-utf16-octet", "UK SECRET\r\n\r\nThe convoy leaves at 0600.\r\n\r\nUK SECRET\r\n".encode("utf-16"), "notes.dat", "application/octet-stream")
attach("type-xml", b'<?xml version="1.0"?>\n<report><marking>UK SECRET</marking><body>The convoy leaves at 0600.</body><marking>UK SECRET</marking></report>\n', "report.xml", "application/xml")
attach("type-svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><text x="150" y="20">UK SECRET</text><text x="10" y="100">Convoy leaves at 0600</text><text x="150" y="190">UK SECRET</text></svg>', "chart.svg", "image/svg+xml")
MHT = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="X"\r\n\r\n--X\r\n'
       b'Content-Type: text/html; charset=utf-8\r\nContent-Location: file:///C:/plan.htm\r\n\r\n'
       b'<html><body><p>UK SECRET</p><p>Convoy leaves at 0600.</p><p>UK SECRET</p></body></html>\r\n--X--\r\n')
attach("type-mht-octet", MHT, "plan.mht", "application/octet-stream")
attach("type-mhtml-noname", MHT, None, "application/x-mimearchive")
attach("type-mht-zip", zipped([("plan.mht", MHT)]), "f.zip", "application/zip")
attach("type-svg-zip", zipped([("chart", b'<svg xmlns="http://www.w3.org/2000/svg"><text>SECRET//NOFORN</text><text>Route</text><text>SECRET//NOFORN</text></svg>')]), "f.zip", "application/zip")
# Negatives: ordinary data and pictures stay none and complete.
attach("type-json-plain", b'{"name": "quiz night", "secret": "hidden", "rows": [1, 2, 3]}\n', "config.json", "application/json")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
attach("type-png-plain", PNG, "photo.png", "application/octet-stream")

# Defect 3: a part whose MIME decoding fails is read as RFC 2045 says, or
# reported unread.
def single(name, ctype_line, cte_line, body):
    h = head(name, subject="Update")
    if ctype_line:
        h += ctype_line + "\n"
    if cte_line:
        h += cte_line + "\n"
    write(name, h + "\n" + body)

single("mime-ctype-text", "Content-Type: text", None, UK.decode())
single("mime-ctype-plain", "Content-Type: plain; charset=utf-8", None, UK.decode())
single("mime-octet-body", "Content-Type: application/octet-stream", None, UK.decode())
single("mime-cte-base-64", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base-64", b64(UK) + "\n")
single("mime-cte-x-gzip64", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: x-gzip64", b64(gz(UK)) + "\n")
write("mime-multipart-no-boundary",
      head("mime-multipart-no-boundary", ctype='multipart/mixed; boundary="B"') + "\n--B\n"
      "Content-Type: text/plain\n\nSee attached.\n\n--B\nContent-Type: multipart/related; name=\"plan.mhtml\"\n"
      "Content-Disposition: attachment; filename=\"plan.mhtml\"\nContent-Transfer-Encoding: base64\n\n"
      + b64(MHT) + "\n--B--\n")
write("mime-top-multipart-no-boundary",
      head("mime-top-multipart-no-boundary", subject="Update", ctype="multipart/mixed") + "\n"
      "--x\nContent-Type: text/plain\n\nUK SECRET\n\nThe convoy leaves at 0600.\n\nUK SECRET\n--x--\n")
import binascii
def uue(data, name):
    lines = ["begin 644 %s" % name]
    for i in range(0, len(data), 45):
        lines.append(binascii.b2a_uu(data[i:i + 45]).decode().rstrip("\n").replace(" ", "`"))
    lines += ["`", "end", ""]
    return "\n".join(lines)
single("mime-cte-x-uuencode", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: x-uuencode", uue(UK, "plan.txt"))
single("mime-cte-uuencode-octet", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: uuencode", uue(MARKED, "notes.txt"))

# Still open from earlier rounds: an image's alt text is read (what a client
# shows while it blocks images).
def html(name, body_html):
    write(name, head(name, subject="Update", ctype="text/html; charset=utf-8") + "\n" + body_html + "\n")

html("html-img-alt-banner", '<html><body><p><img src="cid:b1" alt="UK SECRET"></p><p>The convoy leaves at 0600.</p><p><img src="cid:b1" alt="UK SECRET"></p></body></html>')
html("html-img-alt-os", '<html><body><div><img src="https://example.org/banner.png" alt="OFFICIAL-SENSITIVE" width="600"></div><p>Staffing figures follow.</p></body></html>')
html("html-img-alt-plain", '<html><body><p><img src="cid:logo" alt="Acme Ltd logo"></p><p>Your invoice is attached.</p><p><img src="cid:s" alt="Secret Santa banner"></p></body></html>')

# Round 45 (round 45's tester 13, finding 1): a multipart whose boundary
# never appears in its body (another string, or the same in another case:
# RFC 2046 5.1.1 compares boundaries exactly), at the top, inside a
# multipart and inside a forwarded message. GMime finds no part and warns
# "truncated message"; the message must not be called read.
TEXT = "Content-Type: text/plain\n\n" + UK.decode()
write("mime-boundary-never-appears",
      head("mime-boundary-never-appears", subject="Route", ctype="multipart/mixed; boundary=XX") + "\n"
      "--XY\n" + TEXT + "--XY--\n")
write("mime-boundary-other-case",
      head("mime-boundary-other-case", subject="Route", ctype='multipart/mixed; boundary="Part_AB"') + "\n"
      "--part_ab\n" + TEXT + "--part_ab--\n")
write("mime-inner-boundary-never-appears",
      head("mime-inner-boundary-never-appears", subject="Route", ctype="multipart/mixed; boundary=OUT") + "\n"
      "--OUT\nContent-Type: text/plain\n\nHi Bob.\n--OUT\nContent-Type: multipart/alternative; boundary=IN\n\n"
      "--In\n" + TEXT + "--In--\n--OUT--\n")
write("mime-forwarded-boundary-never-appears",
      head("mime-forwarded-boundary-never-appears", subject="Route", ctype="multipart/mixed; boundary=OUT") + "\n"
      "--OUT\nContent-Type: text/plain\n\nFYI.\n--OUT\nContent-Type: message/rfc822\n\n"
      "From: c@d.example.org\nSubject: Plan\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=YY\n\n"
      "--ZZ\n" + TEXT + "--ZZ--\n--OUT--\n")

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 38 (helper r38f; tester 13's items):
legacy Windows-1252 text with no declared charset, CSV cells and UTF-32
text (d6); PDF pages that hold images and no text (d10); opaque-signed
S/MIME (d15).
Run from this directory with python3 (standard library only; d15 runs the
openssl command). Output is byte-for-byte the same run to run (fixed zip
dates and boundaries), except d15's: each run signs with a new throw-away
key, as the containers fixtures do. Names given on the command line write
only those fixtures.
"""
import base64, os, subprocess, sys, tempfile, zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = b"nearmiss-round38f-boundary"
ZIP_DATE = (2026, 12, 3, 9, 0, 0)


def head(name, subject=b"Update"):
    return (b"From: alice@example.org\nTo: bob@outside-partner.com\n"
            b"Subject: " + subject + b"\nMessage-ID: <" + name.encode() +
            b"@example.org>\nDate: Thu, 03 Dec 2026 09:00:00 +0000\n")


def write(name, data):
    if ONLY and name not in ONLY:
        return
    with open(name + ".eml", "wb") as f:
        f.write(data)


def body_mail(name, body, content_type=None):
    """A one-part message; content_type None leaves out every MIME header."""
    mime = b""
    if content_type is not None:
        mime = (b"MIME-Version: 1.0\nContent-Type: " + content_type +
                b"\nContent-Transfer-Encoding: 8bit\n")
    write(name, head(name) + mime + b"\n" + body)


def attach(name, data, filename, ctype):
    b64 = base64.encodebytes(data)
    write(name, head(name) + b"MIME-Version: 1.0\n"
          b'Content-Type: multipart/mixed; boundary="' + BOUNDARY + b'"\n\n'
          b"--" + BOUNDARY + b"\nContent-Type: text/plain; charset=utf-8\n\n"
          b"See the attached file.\n"
          b"--" + BOUNDARY + b"\nContent-Type: " + ctype + b'; name="' + filename + b'"\n'
          b'Content-Disposition: attachment; filename="' + filename + b'"\n'
          b"Content-Transfer-Encoding: base64\n\n" + b64 +
          b"--" + BOUNDARY + b"--\n")


# d6: Windows-1252 bytes with no charset (Notepad "ANSI", Excel CSV, mail(1)):
# 0xA0 is the no-break space, 0x96 the en dash.
UK_SECRET = b"UK\xa0SECRET\r\n\r\nConvoy at 0600.\r\n\r\nUK\xa0SECRET\r\n"
OS_STAFF = b"OFFICIAL\x96SENSITIVE\r\n\r\nStaff list follows.\r\n\r\nOFFICIAL\x96SENSITIVE\r\n"
attach("r38-d6-txt-1252-nbsp", UK_SECRET, b"plan.txt", b"text/plain")
attach("r38-d6-txt-1252-endash", OS_STAFF, b"staff.txt", b"text/plain")
attach("r38-d6-octet-1252-nbsp", UK_SECRET, b"plan.log", b"application/octet-stream")
attach("r38-d6-zip-1252-endash",
       ooxml_fixture.zipped([("staff.txt", OS_STAFF)], ZIP_DATE),
       b"staff.zip", b"application/zip")
attach("r38-d6-csv-1252-cell",
       b"Classification,OFFICIAL\x96SENSITIVE\r\nName,Grade\r\nJ Smith,C1\r\n",
       b"staff.csv", b"application/vnd.ms-excel")
attach("r38-d6-csv-semicolon-cell",
       b'Nr.;"Clasificare; nivel";Data\r\n1;UK\xa0SECRET;03.12.2026\r\n',
       b"lista.csv", b"text/csv")
attach("r38-d6-neg-csv-prices",
       b"Item,Price\r\nCaf\xe9 au lait,2.50\r\nSecret recipe cake,3.10\r\n",
       b"menu.csv", b"text/csv")
attach("r38-d6-html-1252-endash",
       b"<html><body><p>OFFICIAL\x96SENSITIVE</p><p>R\xe9union at 0600.</p>"
       b"<p>OFFICIAL\x96SENSITIVE</p></body></html>\r\n",
       b"plan.htm", b"text/html")
body_mail("r38-d6-body-no-mime", b"UK\xa0SECRET\n\nConvoy at 0600.\n\nUK\xa0SECRET\n")
body_mail("r38-d6-body-no-charset", b"UK\xa0SECRET\n\nConvoy at 0600.\n\nUK\xa0SECRET\n",
          b"text/plain")
# A UTF-8 reply above a legacy quote: each byte read as what it is.
body_mail("r38-d6-body-mixed",
          b"R\xc3\xa9union confirmed.\n\n> OFFICIAL\x96SENSITIVE\n>\n> Staff list.\n>\n"
          b"> OFFICIAL\x96SENSITIVE\n", b"text/plain")
body_mail("r38-d6-neg-1252-prose",
          b"Caf\xe9 menu \x96 soup of the day.\n\nThe secret is the stock.\n",
          b"text/plain")
PLAN = "SECRET//NOFORN\r\n\r\nConvoy at 0600.\r\n\r\nSECRET//NOFORN\r\n"
attach("r38-d6-utf32le-bom", PLAN.encode("utf-32"), b"plan.txt", b"text/plain")
attach("r38-d6-utf32be", PLAN.encode("utf-32-be"), b"plan.txt", b"text/plain")
attach("r38-d6-utf32le-octet", PLAN.encode("utf-32-le"), b"plan.dat",
       b"application/octet-stream")


# d10: PDF pages whose words are in pictures (a scan) are not read.
def pdf(pages):
    """pages: (content stream, image XObject stream object or b"") pairs;
    one font F1, and the image (if any) as /Im1."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content, image in pages:
        xobjects = b""
        if image:
            objects.append(image)
            xobjects = b" /XObject << /Im1 %d 0 R >>" % len(objects)
        stream = len(objects) + 1
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content +
                       b"\nendstream")
        resources = b"<< /Font << /F1 3 0 R >>" + xobjects + b" >>"
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources " + resources + b" /Contents %d 0 R >>" % stream)
        kids.append(len(objects))
    objects[1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids) +
                  b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    return ooxml_fixture.pdf_file(objects)


def text_page(*lines):
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL "
    ops += b" ".join(b"(%s) '" % line for line in lines)
    return (ops + b" ET", b"")


# A grey picture drawn inline (ISO 32000-1 8.9.7), `w` by `h` points at x, y.
def inline_image_page(x, y, w, h, extra=b""):
    pixels = bytes(range(0, 256, 16)) * 2
    return (b"q %d 0 0 %d %d %d cm BI /W 16 /H 2 /CS /G /BPC 8 ID " % (w, h, x, y) +
            pixels + b" EI Q" + extra, b"")


# The same picture as an image XObject (8.9.5), which scanners write.
def xobject_image_page(x, y, w, h, extra=b""):
    pixels = zlib.compress(bytes(range(0, 256, 16)) * 2)
    image = (b"<< /Type /XObject /Subtype /Image /Width 16 /Height 2 "
             b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
             b"/Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    return (b"q %d 0 0 %d %d %d cm /Im1 Do Q" % (w, h, x, y) + extra, image)


PDF = b"application/pdf"
attach("r38-d10-pdf-inline-scan", pdf([inline_image_page(0, 0, 612, 792)]), b"scan.pdf", PDF)
attach("r38-d10-pdf-xobject-scan", pdf([xobject_image_page(0, 0, 612, 792)]), b"scan.pdf", PDF)
attach("r38-d10-pdf-small-image-no-text", pdf([inline_image_page(72, 700, 200, 50)]),
       b"scan.pdf", PDF)
attach("r38-d10-pdf-text-then-scan",
       pdf([text_page(b"Cover note", b"The annex follows."), inline_image_page(0, 0, 612, 792)]),
       b"annex.pdf", PDF)
# A scanner's stamp over the picture: a page number or a Bates number.
attach("r38-d10-pdf-scan-page-number",
       pdf([inline_image_page(0, 0, 612, 792, b" BT /F1 9 Tf 540 20 Td (Page 1) Tj ET")]),
       b"scan.pdf", PDF)
# Negatives: a letter with a logo, and a page of text alone.
attach("r38-d10-neg-pdf-text-and-logo",
       pdf([inline_image_page(460, 720, 80, 40,
                              b" BT /F1 12 Tf 72 660 Td 14 TL (Dear Bob,) ' "
                              b"(Thank you for the visit on Thursday.) ' "
                              b"(The minutes will follow next week.) ' ET")]),
       b"letter.pdf", PDF)
attach("r38-d10-neg-pdf-text-only", pdf([text_page(b"Minutes of the board.",
                                                   b"Nothing to report.")]),
       b"minutes.pdf", PDF)


# d15: opaque-signed S/MIME (RFC 8551 3.5.2) is signed, not encrypted: the
# MIME entity inside is read. Signed with a throw-away key and certificate.
SIGNER = tempfile.mkdtemp()
KEY, CERT = os.path.join(SIGNER, "k.pem"), os.path.join(SIGNER, "c.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                KEY, "-out", CERT, "-days", "1", "-subj", "/CN=alice"],
               check=True, capture_output=True)


def opaque_signed(name, subject, entity, smime_type=b"signed-data"):
    if ONLY and name not in ONLY:
        return
    der = subprocess.run(
        ["openssl", "smime", "-sign", "-nodetach", "-binary",
         "-signer", CERT, "-inkey", KEY, "-outform", "DER"],
        input=entity, capture_output=True, check=True).stdout
    write(name, head(name, subject) + b"MIME-Version: 1.0\n"
          b"Content-Type: application/pkcs7-mime; smime-type=" + smime_type +
          b'; name="smime.p7m"\nContent-Disposition: attachment; filename="smime.p7m"\n'
          b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(der))


opaque_signed("r38-d15-smime-opaque-signed-secret", b"convoy",
              b"Content-Type: text/plain; charset=utf-8\r\n\r\nSECRET//NOFORN\r\n\r\n"
              b"The convoy leaves at 0600.\r\n\r\nSECRET//NOFORN\r\n")
opaque_signed("r38-d15-neg-smime-opaque-signed-lunch", b"lunch",
              b"Content-Type: text/plain; charset=utf-8\r\n\r\nHi Bob, lunch on Friday?\r\n")
# The smime-type parameter left out: the CMS content type decides.
opaque_signed("r38-d15-smime-opaque-signed-untyped", b"convoy",
              b"Content-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\n"
              b"Content-Type: text/plain\r\n\r\nSee the plan.\r\n--in\r\n"
              b"Content-Type: text/plain; name=\"plan.txt\"\r\n"
              b"Content-Disposition: attachment; filename=\"plan.txt\"\r\n\r\n"
              b"UK SECRET\r\n\r\nConvoy at 0600.\r\n\r\nUK SECRET\r\n--in--\r\n",
              smime_type=b"x-unnamed")


# d18: "CUI" labelling a company tax code on a Romanian invoice (Cod Unic de
# Inregistrare) is no US CUI banner; a CUI banner over the text still is.
body_mail("r38-d18-neg-html-cui-cell",
          b"<table><tr><td>CUI</td><td>RO12345678</td></tr><tr><td>Nr. Reg. Com.</td>"
          b"<td>J40/1234/2020</td></tr></table><p>Buna ziua, atasat factura.</p>\n",
          b"text/html; charset=utf-8")
body_mail("r38-d18-neg-text-cui-over-code",
          b"CUI\nRO12345678\n\nSC Exemplu SRL\nAtasat factura.\n", b"text/plain; charset=utf-8")
body_mail("r38-d18-cui-banner-over-table",
          b"CUI\n\nSupplier\tRO12345678\nContract\tW912-26-C-0001\n\nCUI\n",
          b"text/plain; charset=utf-8")

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 42 (helper r42e): S/MIME signed
and enveloped data sent as application/octet-stream (d4), and Office and
HTML layouts that set how a marking shows (d5).
python3 make-fixtures.py [NAME...] in this directory (standard library,
../ooxml_fixture.py and the openssl command for d4) rewrites the committed
.eml files, or only those named. Output is byte-for-byte the same run to
run (fixed zip dates and boundaries) except d4's signed and enveloped data:
each run signs with a new throw-away key, as round38f's d15 does.
"""
import base64, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round42-boundary"
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, attach = MAIL.write, MAIL.attach
OCTET = "application/octet-stream"

# d4: CMS (RFC 5652) under application/octet-stream, as some clients and
# gateways relabel "smime.p7m": signed data is read as the pkcs7-mime part
# it is (RFC 8551 3.5.2), enveloped data is an encrypted attachment, and
# bytes that only open like signed data are unread (the scan incomplete).
SIGNER = tempfile.mkdtemp()
KEY, CERT = os.path.join(SIGNER, "k.pem"), os.path.join(SIGNER, "c.pem")


def openssl(args, data=b""):
    return subprocess.run(["openssl"] + args, input=data, capture_output=True,
                          check=True).stdout


def d4_wanted():
    return not ONLY or any(n.startswith("r42-4-") for n in ONLY)


if d4_wanted():
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", KEY,
             "-out", CERT, "-days", "1", "-subj", "/CN=alice"])
    SECRET_ENTITY = (b"Content-Type: text/plain; charset=utf-8\r\n\r\nSECRET//NOFORN\r\n\r\n"
                     b"The convoy leaves at 0600.\r\n\r\nSECRET//NOFORN\r\n")
    LUNCH_ENTITY = b"Content-Type: text/plain; charset=utf-8\r\n\r\nHi Bob, lunch on Friday?\r\n"
    SIGN = ["smime", "-sign", "-binary", "-signer", CERT, "-inkey", KEY, "-outform", "DER"]
    attach("r42-4-smime-signed-octet-stream",
           openssl(SIGN + ["-nodetach"], SECRET_ENTITY), "smime.p7m", OCTET)
    attach("r42-4-smime-signed-octet-stream-dat",
           openssl(SIGN + ["-nodetach"], SECRET_ENTITY), "message.dat", OCTET)
    attach("r42-4-neg-smime-signed-octet-lunch",
           openssl(SIGN + ["-nodetach"], LUNCH_ENTITY), "smime.p7m", OCTET)
    attach("r42-4-smime-enveloped-octet-stream",
           openssl(["smime", "-encrypt", "-binary", "-outform", "DER", CERT],
                   SECRET_ENTITY), "smime.p7m", OCTET)
    # A detached signature (multipart/signed, RFC 8551 3.5.3) whose
    # signature part is labelled application/octet-stream: nothing to read
    # in it, and the signed text beside it is read.
    sig = openssl(SIGN, LUNCH_ENTITY)
    b = BOUNDARY
    write("r42-4-neg-smime-detached-octet-signature",
          MAIL.head % ("lunch", "r42-4-neg-smime-detached-octet-signature") +
          'Content-Type: multipart/signed; protocol="application/pkcs7-signature";'
          ' micalg=sha-256; boundary="%s"\n\n--%s\n' % (b, b) +
          LUNCH_ENTITY.decode().replace("\r\n", "\n") +
          '\n--%s\nContent-Type: %s; name="smime.p7s"\n'
          'Content-Disposition: attachment; filename="smime.p7s"\n'
          "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
          % (b, OCTET, base64.encodebytes(sig).decode(), b))
    # The DER head of a SignedData ContentInfo, then bytes that are not CMS.
    attach("r42-4-octet-signed-head-not-cms",
           bytes.fromhex("3082020006092a864886f70d010702a08201f1") + bytes(range(256)) * 2,
           "smime.p7m", OCTET)


# d5: layouts that set how a marking shows. The table's first row, the
# master's title style and the CSS "Secret" banners were none on main's
# reader; the master's text box, hidden and lowered text record decisions
# (read on main too); each negative stays none.
XML, W, zipped = ooxml_fixture.XML, ooxml_fixture.W, ooxml_fixture.zipped
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
ZIP_DATE = (2026, 12, 4, 9, 0, 0)


def wpara(text):
    return "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text


def wtable(rows, look):
    """Rows of cells under the table style "Grid" and the w:tblLook `look`."""
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/>%s</w:tblPr>%s</w:tbl>'
            % (look, "".join("<w:tr>%s</w:tr>" % "".join(
                "<w:tc>%s</w:tc>" % wpara(c) for c in r) for r in rows)))


def docx(body, styles):
    return zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("word/document.xml", DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>" % (W, body)),
        ("word/styles.xml", XML + "<w:styles %s>%s</w:styles>" % (W, styles))], ZIP_DATE)


# A table style whose only capitals are its first row's conditional format
# (ECMA-376 Part 1, 17.7.6 tblStylePr), which the table's w:tblLook turns
# on or off (17.4.56): Word shows the first row in capitals only when on.
FIRST_ROW_CAPS = ('<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/>'
                  '<w:tblStylePr w:type="firstRow"><w:rPr><w:caps/></w:rPr></w:tblStylePr></w:style>')
LOOK_ON = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
           ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
LOOK_OFF = ('<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')
LOOK_BITS = '<w:tblLook w:val="0020"/>'  # Word 2007's form: the bits only
for name, look in (("r42-5-docx-table-first-row-caps", LOOK_ON),
                   ("r42-5-docx-table-first-row-caps-bits", LOOK_BITS),
                   ("r42-5-neg-docx-table-first-row-look-off", LOOK_OFF)):
    attach(name, docx(wtable([["uk top secret"]], look) + wpara(NOTE), FIRST_ROW_CAPS),
           "plan.docx", DOCX)
# The first row's format does not reach the second row.
attach("r42-5-neg-docx-table-second-row", docx(wtable([["Item"], ["uk top secret"]], LOOK_ON)
                                               + wpara(NOTE), FIRST_ROW_CAPS), "plan.docx", DOCX)

A = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')


def shape(text, placeholder=None):
    nv = '<p:nvPr><p:ph type="%s"/></p:nvPr>' % placeholder if placeholder else "<p:nvPr/>"
    return ('<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr/>%s</p:nvSpPr><p:spPr/>'
            '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB"/><a:t>%s</a:t>'
            '</a:r></a:p></p:txBody></p:sp>' % (nv, text))


def pptx(slide, master="", title_cap=None):
    """One slide, its layout and master; the master's titleStyle sets
    cap=`title_cap` (ECMA-376 Part 1, 19.3.1.51 txStyles)."""
    cap = ' cap="%s"' % title_cap if title_cap else ""
    styles = ('<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr%s/></a:lvl1pPr></p:titleStyle>'
              '<p:bodyStyle><a:lvl1pPr><a:defRPr/></a:lvl1pPr></p:bodyStyle></p:txStyles>' % cap)
    tree = '<p:cSld><p:spTree>%s</p:spTree></p:cSld>'
    return zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("ppt/presentation.xml", PPTX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "ppt/presentation.xml"),
        ("ppt/presentation.xml", XML + "<p:presentation %s/>" % A),
        ("ppt/slides/slide1.xml", XML + "<p:sld %s>%s</p:sld>" % (A, tree % slide)),
        ("ppt/slideLayouts/slideLayout1.xml", XML + "<p:sldLayout %s>%s</p:sldLayout>"
         % (A, tree % shape("Click to edit Master title style", "title"))),
        ("ppt/slideMasters/slideMaster1.xml", XML + "<p:sldMaster %s>%s%s</p:sldMaster>"
         % (A, tree % (master + shape("Click to edit Master title style", "title")), styles))],
        ZIP_DATE)


# The master's title style shows every slide title in capitals: "uk top
# secret" typed in the title placeholder is shown "UK TOP SECRET". The
# master is listed after the slide, as PowerPoint writes the package.
attach("r42-5-pptx-master-title-caps",
       pptx(shape("uk top secret", "title") + shape(NOTE, "body"), title_cap="all"),
       "brief.pptx", PPTX)
attach("r42-5-neg-pptx-master-title-no-caps",
       pptx(shape("uk top secret", "title") + shape(NOTE, "body")), "brief.pptx", PPTX)
attach("r42-5-neg-pptx-master-title-caps-santa",
       pptx(shape("Secret Santa", "title") + shape("Sign up by Friday.", "body"),
            title_cap="all"), "party.pptx", PPTX)
# A banner drawn on the master itself (every slide shows it): read on main.
attach("r42-5-pptx-master-banner-text-box",
       pptx(shape("Convoy plan", "title") + shape(NOTE, "body"), master=shape("SECRET//NOFORN")),
       "brief.pptx", PPTX)

# HTML: a level typed "Secret" shown in capitals by CSS at the top and foot
# is the banner the reader sees; alone at the top of an advert it is a
# heading, counted only if the message agrees. Text hidden by CSS
# (display:none) and text lowered by CSS are read as typed: the guard reads
# what the sender wrote, hidden or not (fail closed).
UPPER = '<p style="text-transform:uppercase">%s</p>'
MAIL.html_mail("r42-5-html-uppercase-secret-top-and-foot",
               "<html><body>%s<p>%s</p>%s</body></html>" % (UPPER % "Secret", NOTE, UPPER % "Secret"))
MAIL.html_mail("r42-5-neg-html-uppercase-top-secret-advert",
               "<html><body><h1 style='text-transform:uppercase'>Top Secret</h1>"
               "<p>Our summer menu is here! Try the new smoked brisket burger.</p></body></html>",
               "Summer menu")
MAIL.html_mail("r42-5-neg-html-uppercase-secret-santa",
               "<html><body><h1 style='text-transform:uppercase'>Secret Santa</h1>"
               "<p>Sign up by Friday.</p></body></html>", "Party")
MAIL.html_mail("r42-5-html-display-none-banner",
               "<html><head><style>.pre{display:none;max-height:0}</style></head><body>"
               "<div class='pre'>TOP SECRET//SI</div><p>%s</p></body></html>" % NOTE)
MAIL.html_mail("r42-5-html-lowercase-transform-banner",
               "<html><body><p style='text-transform:lowercase'>UK TOP SECRET</p><p>%s</p>"
               "</body></html>" % NOTE)

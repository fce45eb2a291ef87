#!/usr/bin/env python3
"""Writes the fixtures of issue 13's round 33 (defects 1, 2 and 4): banners in
an HTML <title> and what <head> metadata does not count (d1-*), style sheets,
scripts and other HTML that is not shown (d2-*), and OOXML/ODF packages
framed as zips are (d4-*: a package after or before another archive, a
member only a local header names, a local header whose name the central
directory does not give). Each kind has marked positives and unmarked
negatives of the same shape. Run from this directory with python3; the
goldens are written by `NM_UPDATE_GOLDEN=1 ctest -R content_golden`.
Only the files this script writes (d1-*, d2-*, d4-*) are replaced.
"""
import base64, io, os, shutil, struct, subprocess, tempfile, zipfile

B = "nearmiss-round33-boundary"
HEAD = (
    "From: alice@example.org\n"
    "To: bob@outside-partner.com\n"
    "Subject: %s\n"
    "Message-ID: <%s@example.org>\n"
    "Date: Thu, 03 Dec 2026 09:00:00 +0000\n"
    "MIME-Version: 1.0\n")


def save(name, text):
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


def html_body(name, subject, html):
    """An HTML-only message: `html` is the whole body."""
    save(name, HEAD % (subject, name) +
         "Content-Type: text/html; charset=utf-8\n\n" + html + "\n")


def attached(name, subject, filename, ctype, data):
    save(name, HEAD % (subject, name) +
         'Content-Type: multipart/mixed; boundary="%s"\n'
         "\n--%s\nContent-Type: text/plain; charset=utf-8\n\nSee the attached file.\n\n"
         '--%s\nContent-Type: %s; name="%s"\n'
         'Content-Disposition: attachment; filename="%s"\n'
         "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
         % (B, B, B, ctype, filename, filename,
            base64.encodebytes(data).decode(), B))


def zipped(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, (2026, 12, 3, 9, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>%s</Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/></Relationships>')


def docx_members(text):
    return [
        ("[Content_Types].xml", CT % '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
        ("_rels/.rels", RELS % "word/document.xml"),
        ("word/document.xml",
         '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
         + "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % l for l in text.split("\n"))
         + "</w:body></w:document>"),
    ]


def docx(text, method=zipfile.ZIP_DEFLATED):
    return zipped(docx_members(text), method)


def xlsx(cells):
    return zipped([
        ("[Content_Types].xml", CT % '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'),
        ("_rels/.rels", RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Plan" sheetId="1"/></sheets></workbook>'),
        ("xl/sharedStrings.xml",
         '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         + "".join("<si><t>%s</t></si>" % c for c in cells) + "</sst>"),
    ])


def pptx(lines):
    return zipped([
        ("[Content_Types].xml", CT % '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'),
        ("_rels/.rels", RELS % "ppt/presentation.xml"),
        ("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
        ("ppt/slides/slide1.xml",
         '<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody>'
         + "".join("<a:p><a:r><a:t>%s</a:t></a:r></a:p>" % l for l in lines)
         + "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"),
    ])


def odt(text):
    return zipped([
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml",
         '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
         + "".join("<text:p>%s</text:p>" % l for l in text.split("\n"))
         + "</office:text></office:body></office:document-content>"),
    ], zipfile.ZIP_STORED)


def local_only(members, hidden):
    """A stored package of `members` with `hidden` written first, whose
    central directory (and end record) lists only `members`: unzip, Python
    and Office show the package, streaming readers `hidden` too."""
    data = zipped([hidden] + members, zipfile.ZIP_STORED)
    eocd = data.rfind(b"PK\x05\x06")
    cd_off = struct.unpack("<I", data[eocd + 16:eocd + 20])[0]
    cd = data[cd_off:eocd]
    n, e, c = struct.unpack("<HHH", cd[28:34])
    cd2 = cd[46 + n + e + c:]
    end = bytearray(data[eocd:])
    struct.pack_into("<HHII", end, 8, len(members), len(members), len(cd2), cd_off)
    return data[:cd_off] + cd2 + bytes(end)


def renamed_local(data, old, new):
    """The local header of member `old` renamed to `new` (same length): the
    central directory still says `old`. A streaming reader (Java's
    ZipInputStream, bsdtar) lists `new`; unzip warns; libzip reads `old`."""
    assert len(old) == len(new)
    at = data.find(b"PK\x03\x04" + data[4:4])  # first local header
    while at != -1:
        n = struct.unpack("<H", data[at + 26:at + 28])[0]
        if data[at + 30:at + 30 + n] == old:
            return data[:at + 30] + new + data[at + 30 + n:]
        at = data.find(b"PK\x03\x04", at + 4)
    raise ValueError(old)


def local_field(data, name, offset, value):
    """The local header of member `name` with the 2-byte field at `offset`
    OR-ed with `value` (offset 6, the flags) or set to it (offset 8, the
    method): the central directory keeps its own."""
    b = bytearray(data)
    at = data.find(b"PK\x03\x04")
    while at != -1:
        n = struct.unpack("<H", b[at + 26:at + 28])[0]
        if bytes(b[at + 30:at + 30 + n]) == name:
            old = struct.unpack("<H", b[at + offset:at + offset + 2])[0]
            struct.pack_into("<H", b, at + offset, old | value if offset == 6 else value)
        at = data.find(b"PK\x03\x04", at + 4)
    return bytes(b)


class Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes data descriptors
    (bit 3), as streaming writers (Java, .NET, web exports) do."""
    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


def streamed(members):
    out = Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in members:
            z.writestr(zipfile.ZipInfo(path, (2026, 12, 3, 9, 0, 0)), data)
    return bytes(out.data)


def zip64_package(members):
    """The package in Zip64 form throughout (zip -fz)."""
    tmp = tempfile.mkdtemp()
    try:
        for path, data in members:
            full = os.path.join(tmp, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(data)
            os.utime(full, (1796288400, 1796288400))
        subprocess.run(["zip", "-q", "-X", "-fz", "out.zip"] + [p for p, _ in members],
                       cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


MARK = "SECRET//NOFORN\nThe convoy leaves at 0600 on Thursday.\nSECRET//NOFORN"
BENIGN = "Lunch menu for Friday: soup and sandwiches."
PAGE = "<p>The convoy leaves at 0600 from the north gate.</p><p>Regards,<br>Alice</p>"


def main():
    for f in os.listdir("."):
        if f.endswith(".eml") and f[:3] in ("d1-", "d2-", "d4-"):
            os.remove(f)
    # D1: the <title> is the document's own text; <head> metadata is not.
    html_body("d1-title-noforn", "Convoy",
              "<html><head><title>SECRET//NOFORN</title></head><body>%s</body></html>" % PAGE)
    html_body("d1-title-uk-top-secret", "Deployment",
              "<html><head><meta charset='utf-8'><title>UK TOP SECRET</title></head>"
              "<body><p>Bob,</p><p>Please find the schedule below.</p><p>0600 north gate.</p></body></html>")
    html_body("d1-title-official-sensitive", "Weekly brief",
              "<!DOCTYPE html><html><head><title>OFFICIAL-SENSITIVE</title><style>p{margin:0}</style></head>"
              "<body><p>The weekly brief is below.</p><p>Budget lines 4 to 9 move to Q3.</p></body></html>")
    html_body("d1-title-no-head-element", "Convoy",
              "<html><title>TOP SECRET//SI//NOFORN</title><body>%s</body></html>" % PAGE)
    html_body("d1-title-entities", "Convoy",
              "<html><head><title>SECRET&#x2F;&#x2F;REL TO USA, GBR</title></head><body>%s</body></html>" % PAGE)
    html_body("d1-title-whitespace", "Convoy",
              "<html><head>\n<title>\n   SECRET // NOFORN\n</title>\n</head><body>%s</body></html>" % PAGE)
    html_body("d1-title-cui", "Contract",
              "<html><head><TITLE>CUI//SP-PRVCY</TITLE></head><body><p>The contract terms are attached.</p></body></html>")
    html_body("d1-title-bare-secret-agrees", "SECRET: convoy",
              "<html><head><title>SECRET</title></head><body>%s</body></html>" % PAGE)
    attached("d1-title-html-attachment", "Report", "report.html", "text/html",
             b"<html><head><title>SECRET//NOFORN</title></head><body><p>Route notes.</p></body></html>")
    attached("d1-title-htm-in-zip", "Report", "report.zip", "application/zip",
             zipped([("report.htm", "<html><head><title>UK SECRET</title></head><body><p>Route notes follow.</p></body></html>")]))
    html_body("d1-neg-meta", "Convoy",
              "<html><head><meta name='classification' content='SECRET//NOFORN'>"
              "<meta name='keywords' content='TOP SECRET, UK SECRET'><meta name='description' content='CONFIDENTIAL'>"
              "<title>Lunch menu</title></head><body><p>%s</p></body></html>" % BENIGN)
    html_body("d1-neg-head-script", "Menu",
              "<html><head><script>var banner = 'TOP SECRET//SI//NOFORN';</script>"
              "<link rel='stylesheet' href='SECRET.css'><base href='https://example.org/SECRET/'></head>"
              "<body><p>%s</p></body></html>" % BENIGN)
    html_body("d1-neg-title-santa", "Office party",
              "<html><head><title>Secret Santa 2026 - sign up</title></head><body><p>Sign up by Friday.</p></body></html>")
    html_body("d1-neg-title-recipe", "Recipes",
              "<html><head><title>Top secret recipes from our kitchen</title></head><body><p>Soup of the week: leek.</p></body></html>")
    html_body("d1-neg-title-newsletter", "News",
              "<html><head><title>The secret to a calm inbox | Acme Newsletter</title></head><body><p>Five tips.</p></body></html>")
    html_body("d1-neg-title-empty", "Menu",
              "<html><head><title></title></head><body><p>%s</p></body></html>" % BENIGN)
    html_body("d1-title-brackets", "Update",
              "<html><head><title>[SECRET] Convoy timings</title></head><body><p>The convoy leaves at 0600.</p></body></html>")
    html_body("d1-title-reply", "Update",
              "<html><head><title>RE: SECRET//NOFORN - convoy</title></head><body><p>Noted, thanks.</p></body></html>")
    html_body("d1-title-in-body", "Update",
              "<html><body><title>SECRET//NOFORN</title><p>The convoy leaves at 0600.</p></body></html>")
    html_body("d1-title-nbsp", "Update",
              "<html><head><title>SECRET&nbsp;//&nbsp;NOFORN</title></head><body><p>Hi.</p></body></html>")
    html_body("d1-title-second", "Update",
              "<html><head><title>Convoy</title><title>TOP SECRET//SI</title></head><body><p>Hi.</p></body></html>")
    html_body("d1-title-au-sec", "Update",
              "<html><head><title>Budget papers [SEC=PROTECTED]</title></head><body><p>Papers attached.</p></body></html>")
    html_body("d1-neg-title-secret-garden", "Tickets",
              "<html><head><title>The Secret Garden - tickets</title></head><body><p>Lunch on Friday.</p></body></html>")
    html_body("d1-neg-title-private-confidential", "Offer",
              "<html><head><title>Private &amp; Confidential</title></head><body><p>Your offer letter is attached.</p></body></html>")
    html_body("d1-neg-json-ld", "Order",
              "<html><head><script type='application/ld+json'>{\"@type\":\"EmailMessage\",\"description\":\"TOP SECRET//SI//NOFORN\"}</script>"
              "</head><body><p>Lunch on Friday.</p></body></html>")
    html_body("d1-neg-mso-xml-head", "Menu",
              "<html><head><!--[if gte mso 9]><xml><o:DocumentProperties><o:Category>SECRET</o:Category>"
              "</o:DocumentProperties></xml><![endif]--></head><body><p>Lunch on Friday.</p></body></html>")
    # D2: style sheets and scripts are not shown; what is rendered still counts.
    html_body("d2-neg-comment", "Menu",
              "<html><body><!-- SECRET//NOFORN template v2 --><p>Lunch on Friday.</p></body></html>")
    html_body("d2-neg-style-import", "Menu",
              "<html><head><style>@import url('TOP-SECRET.css'); .UK-SECRET{}</style></head><body><p>Lunch on Friday.</p></body></html>")
    html_body("d2-neg-noscript-style", "Menu",
              "<html><body><noscript><style>/* SECRET//NOFORN */</style></noscript><p>Lunch on Friday.</p></body></html>")
    html_body("d2-neg-style-html-comment", "Menu",
              "<html><body><style type='text/css'>\n<!--\n/* TOP SECRET */\n.secret {}\n-->\n</style><p>Lunch on Friday.</p></body></html>")
    html_body("d2-neg-script-cdata", "Menu",
              "<html><body><script><![CDATA[ var x = 'SECRET//NOFORN'; ]]></script><p>Lunch on Friday.</p></body></html>")
    attached("d2-neg-html-octet-stream", "Page", "page", "application/octet-stream",
             ("<!DOCTYPE html><html><head><style>/* TOP SECRET */ .secret{}</style></head>"
              "<body><p>%s</p></body></html>" % BENIGN).encode())
    attached("d2-html-octet-stream", "Page", "page", "application/octet-stream",
             b"<!-- saved page --><html><body><p>UK SECRET</p><p>The convoy leaves at 0600.</p></body></html>")
    html_body("d2-neg-style-sheet", "Menu",
              "<html><head><style>.secret { color: red } /* CONFIDENTIAL */ "
              "p.banner::before { content: \"SECRET\" } .TOP-SECRET{}</style></head>"
              "<body><p class='secret'>%s</p></body></html>" % BENIGN)
    html_body("d2-neg-style-in-body", "Menu",
              "<html><body><style>/* SECRET//NOFORN */ .uk-secret { font-weight: bold }</style>"
              "<p>%s</p></body></html>" % BENIGN)
    html_body("d2-neg-style-first-line", "Menu",
              "<style>\nSECRET { display: block }\n/* TOP SECRET */\n</style>\n<p>%s</p>" % BENIGN)
    html_body("d2-neg-style-mso-conditional", "Menu",
              "<html><head><!--[if gte mso 9]><style>/* SECRET//NOFORN */ .MsoSecret{}</style><![endif]-->"
              "<!--[if !mso]><!--><style>.secret{color:red} /* TOP SECRET */</style><!--<![endif]--></head>"
              "<body><p>%s</p></body></html>" % BENIGN)
    html_body("d2-neg-script-body", "Menu",
              "<html><body><p>%s</p><script type='text/javascript'>\nalert('TOP SECRET');\n"
              "document.title = 'SECRET//NOFORN';\n</script></body></html>" % BENIGN)
    html_body("d2-neg-style-attribute", "Menu",
              "<html><body><p style=\"font-family:'SECRET'; content:'TOP SECRET'\">%s</p></body></html>" % BENIGN)
    html_body("d2-neg-svg-style", "Menu",
              "<html><body><svg width='10' height='10'><style>/* SECRET */ .TOP-SECRET{}</style></svg>"
              "<p>%s</p></body></html>" % BENIGN)
    attached("d2-neg-html-member-no-extension", "Page", "page.zip", "application/zip",
             zipped([("page", "<!DOCTYPE html>\n<html><head><style>\n/* SECRET//NOFORN */\n.secret{}\n</style></head>"
                      "<body><p>%s</p></body></html>" % BENIGN)]))
    attached("d2-neg-xhtml-attachment", "Page", "page.xhtml", "application/xhtml+xml",
             ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><style>/* TOP SECRET */</style>"
              "</head><body><p>%s</p></body></html>" % BENIGN).encode())
    html_body("d2-style-then-banner", "Convoy",
              "<html><head><style>.secret { color: red; font-weight: bold } /* banner */</style></head>"
              "<body><p class='secret'>SECRET//NOFORN</p>%s<p class='secret'>SECRET//NOFORN</p></body></html>" % PAGE)
    html_body("d2-hidden-display-none", "Convoy",
              "<html><body><div style='display:none'>SECRET//NOFORN</div>%s</body></html>" % PAGE)
    html_body("d2-template", "Convoy",
              "<html><body><template>SECRET//NOFORN</template>%s</body></html>" % PAGE)
    html_body("d2-noscript", "Convoy",
              "<html><body><noscript><p>SECRET//NOFORN</p></noscript>%s</body></html>" % PAGE)
    attached("d2-html-member-no-extension", "Page", "page.zip", "application/zip",
             zipped([("page", "<!DOCTYPE html>\n<html><head><style>.banner{color:red}</style></head>"
                      "<body><p class='banner'>SECRET//NOFORN</p><p>The convoy leaves at 0600.</p></body></html>")]))
    attached("d2-xhtml-attachment", "Page", "page.xhtml", "application/xhtml+xml",
             ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>Route</title></head>"
              "<body><p>UK SECRET</p><p>The convoy leaves at 0600.</p></body></html>").encode())
    # D4: OOXML and ODF packages framed as zips are.
    dx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    xl = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    pp = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    od = "application/vnd.oasis.opendocument.text"
    secret_zip = zipped([("plan.txt", MARK)])
    attached("d4-docx-after-docx", "Report", "report.docx", dx, docx(MARK) + docx(BENIGN))
    attached("d4-docx-before-docx", "Report", "report.docx", dx, docx(BENIGN) + docx(MARK))
    attached("d4-docx-then-zip", "Report", "report.docx", dx, docx(BENIGN) + secret_zip)
    attached("d4-zip-then-docx", "Report", "report.docx", dx, secret_zip + docx(BENIGN))
    attached("d4-docx-stub-before", "Report", "report.docx", dx, b"MZ" + b"\x90" * 510 + docx(MARK))
    attached("d4-xlsx-after-xlsx", "Figures", "figures.xlsx", xl, xlsx(["SECRET//NOFORN", "Route", "0600"]) + xlsx(["Lunch", "Soup"]))
    attached("d4-pptx-after-pptx", "Slides", "brief.pptx", pp, pptx(["UK SECRET", "Convoy timings"]) + pptx(["Lunch"]))
    attached("d4-odt-after-odt", "Report", "report.odt", od, odt(MARK) + odt(BENIGN))
    attached("d4-docx-local-only-member", "Report", "report.docx", dx,
             local_only(docx_members(BENIGN), ("word/hidden.xml", "<w:t>SECRET//NOFORN</w:t>")))
    attached("d4-docx-local-header-after-end", "Report", "report.docx", dx,
             docx(BENIGN) + local_only([("notes.txt", BENIGN)], ("plan.txt", MARK))[:60])
    attached("d4-docx-local-name-differs", "Report", "report.docx", dx,
             renamed_local(docx(BENIGN, zipfile.ZIP_STORED), b"word/document.xml", b"word/documenu.xml"))
    attached("d4-xlsx-local-only-member", "Figures", "figures.xlsx", xl,
             local_only([("[Content_Types].xml", CT % ""), ("xl/sharedStrings.xml", "<sst><si><t>Lunch</t></si></sst>")],
                        ("xl/hidden.xml", "<t>TOP SECRET</t>")))
    attached("d4-docx-in-zip-after-docx", "Report", "report.zip", "application/zip",
             zipped([("report.docx", docx(BENIGN) + docx(MARK))]))
    attached("d4-docx-no-name-after-docx", "Report", "report", "application/octet-stream", docx(BENIGN) + docx(MARK))
    stored = docx(MARK, zipfile.ZIP_STORED)
    attached("d4-docx-local-encrypted-flag", "Report", "report.docx", dx,
             local_field(stored, b"word/document.xml", 6, 1))
    attached("d4-docx-local-method-differs", "Report", "report.docx", dx,
             local_field(docx(BENIGN, zipfile.ZIP_STORED), b"word/document.xml", 8, 8))
    attached("d4-docx-three-packages", "Report", "report.docx", dx, docx(BENIGN) + docx(MARK) + docx(BENIGN))
    attached("d4-ppsx-after-ppsx", "Show", "show.ppsx",
             "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
             pptx(["UK SECRET", "Convoy timings"]) + pptx(["Lunch"]))
    attached("d4-dotx-stub-before", "Template", "template.dotx",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
             b"MZ" + b"\0" * 300 + docx(MARK))
    attached("d4-embedded-docx-then-zip", "Report", "report.docx", dx,
             zipped(docx_members(BENIGN) + [("word/embeddings/Microsoft_Word_Document1.docx",
                                             docx(BENIGN) + secret_zip)]))
    attached("d4-odt-local-name-differs", "Report", "report.odt", od,
             renamed_local(odt(BENIGN), b"content.xml", b"contenu.xml"))
    attached("d4-docx-junk-with-signature-before", "Report", "report.docx", dx,
             b"junk PK\x03\x04 junk " * 4 + docx(BENIGN))
    attached("d4-docx-truncated", "Report", "report.docx", dx, docx(BENIGN)[:-30])
    attached("d4-docx-streamed", "Report", "report.docx", dx, streamed(docx_members(MARK)))
    attached("d4-neg-docx-streamed", "Report", "report.docx", dx, streamed(docx_members(BENIGN)))
    attached("d4-neg-docx-zip64", "Report", "report.docx", dx, zip64_package(docx_members(BENIGN)))
    attached("d4-neg-docx-comment-with-signature", "Report", "report.docx", dx,
             docx(BENIGN)[:-2] + struct.pack("<H", 10) + b"PK\x03\x04 hello")
    attached("d4-neg-docx-owner-file-in-zip", "Report", "report.zip", "application/zip",
             zipped([("~$report.docx", b"\x05alice" + b"\x00" * 156), ("report.docx", docx(BENIGN))]))
    attached("d4-neg-docx-plain", "Report", "report.docx", dx, docx(BENIGN))
    attached("d4-neg-docx-trailing-crlf", "Report", "report.docx", dx, docx(BENIGN) + b"\r\n\r\n")
    attached("d4-neg-docx-after-docx", "Report", "report.docx", dx, docx(BENIGN) + docx("Dinner menu: pasta."))
    attached("d4-neg-xlsx-plain", "Figures", "figures.xlsx", xl, xlsx(["Lunch", "Soup"]))
    attached("d4-neg-docx-stub-before", "Report", "report.docx", dx, b"MZ" + b"\x90" * 510 + docx(BENIGN))


main()

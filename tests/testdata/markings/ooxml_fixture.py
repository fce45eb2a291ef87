"""Package helpers shared by the fixture generators of this folder
(structure/, round35/, round37/ and round38/ make-fixtures.py): a zip
written with a fixed date,
the `mimetype` member stored as ODF 1.2 part 3 (3.3) requires, and the
OOXML package parts (ECMA-376 part 2: the package relationships and
[Content_Types].xml) every Word or PowerPoint fixture needs. Standard
library only; output is byte-for-byte the same run to run.
"""
import base64, io, zipfile

ZIP_DATE = (2026, 12, 1, 9, 0, 0)


def zipped(members, date=ZIP_DATE):
    """members: (path, bytes or str) pairs, in the order they are written;
    date: every member's modification time (a generator's own fixed date)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, date)
            info.compress_type = (zipfile.ZIP_STORED if path == "mimetype"
                                  else zipfile.ZIP_DEFLATED)
            z.writestr(info, data)
    return buf.getvalue()


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
PKG_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
            ' Target="%s"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def content_types(main_part, main_type):
    return (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/%s" '
            'ContentType="%s"/></Types>') % (main_part, main_type)


class MailFixtures:
    """The .eml writers of the round generators (round35/, round37/,
    round38/): each message from alice@example.org to
    bob@outside-partner.com (outside the organisation, so the default
    policy's rules for outside recipients apply), dated `date` (RFC 5322),
    with the fixed MIME `boundary`; `only`: the fixture names to write
    (empty: all)."""

    def __init__(self, date, boundary, only):
        self.head = ("From: alice@example.org\nTo: bob@outside-partner.com\n"
                     "Subject: %s\nMessage-ID: <%s@example.org>\n"
                     "Date: " + date + "\nMIME-Version: 1.0\n")
        self.boundary, self.only = boundary, only

    def write(self, name, text):
        if self.only and name not in self.only:
            return
        with open(name + ".eml", "wb") as f:
            f.write(text.encode() if isinstance(text, str) else text)

    def text_mail(self, name, body, subject="Weekly notes"):
        self.write(name, self.head % (subject, name) +
                   "Content-Type: text/plain; charset=utf-8\n"
                   "Content-Transfer-Encoding: 8bit\n\n" + body)

    def bulk_html(self, name, html, subject="Members sale"):
        """An HTML newsletter from a list server (List-Unsubscribe,
        Precedence: bulk: src/content/bulk_mail.h), dated as the others."""
        date = self.head.split("Date: ", 1)[1].split("\n", 1)[0]
        self.write(name, "From: news@shop.example\nTo: bob@outside-partner.com\n"
                   "Subject: %s\nList-Unsubscribe: <https://shop.example/u>\n"
                   "Precedence: bulk\nMessage-ID: <%s@example.org>\nDate: %s\n"
                   "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n%s\n"
                   % (subject, name, date, html))

    def html_mail(self, name, html, subject="Weekly notes"):
        self.write(name, self.head % (subject, name) +
                   "Content-Type: text/html; charset=utf-8\n\n%s\n" % html)

    def attach(self, name, data, filename, ctype, body="See the attached file.\n"):
        b64 = base64.encodebytes(data).decode()
        b = self.boundary
        self.write(name, self.head % ("files", name) +
                   'Content-Type: multipart/mixed; boundary="%s"\n\n'
                   "--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n"
                   '--%s\nContent-Type: %s; name="%s"\n'
                   'Content-Disposition: attachment; filename="%s"\n'
                   "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
                   % (b, b, body, b, ctype, filename, filename, b64, b))


def pdf_file(objects):
    """A PDF 1.4 file of `objects` (bytes, numbered from 1; object 1 the
    catalog) with its cross-reference table and trailer (ISO 32000-1 7.5)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref))
    return out


def text_pdf(pages):
    """A PDF of `pages` (content streams, bytes), each page 612 by 792
    points with one font, F1 (Helvetica, a standard Type 1 font)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content in pages:
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content +
                       b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % len(objects))
        kids.append(len(objects))
    objects[1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids) +
                  b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    return pdf_file(objects)


# Packages of one kind each with their text in the places a banner stands:
# a Word document's body, header and footer (ECMA-376 Part 1, 17.10), an
# ODF text's master-page header and footer (ODF 1.2 Part 1, 16.9), a
# PowerPoint slide's paragraphs (19.3.1.38), an Excel sheet's inline-string
# cells (18.3.1.4), a PDF page's lines (ISO 32000-1 9.4). Generators of
# round44a/ and later rounds use them.
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT_TYPE = "application/vnd.oasis.opendocument.text"


def word_paras(*texts):
    return "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % t
                   for t in texts)


def docx_package(body, header=None, footer=None, date=ZIP_DATE):
    """body, header, footer: lists of paragraph texts (header/footer None:
    no such part)."""
    members = [("[Content_Types].xml", content_types("word/document.xml",
                                                     DOCX_TYPE + ".main+xml")),
               ("_rels/.rels", XML + PKG_RELS % "word/document.xml"),
               ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body>"
                "</w:document>" % (W, word_paras(*body)))]
    for part, tag, texts in (("header1", "hdr", header), ("footer1", "ftr", footer)):
        if texts is not None:
            members.append(("word/%s.xml" % part, XML + "<w:%s %s>%s</w:%s>"
                            % (tag, W, word_paras(*texts), tag)))
    return zipped(members, date)


ODF_TEXT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def odt_package(body, header=None, footer=None, date=ZIP_DATE):
    paras = lambda texts: "".join("<text:p>%s</text:p>" % t for t in texts)
    content = (XML + '<office:document-content %s office:version="1.2"><office:body>'
               "<office:text>%s</office:text></office:body></office:document-content>"
               % (ODF_TEXT_NS, paras(body)))
    page = ""
    if header is not None:
        page += "<style:header>%s</style:header>" % paras(header)
    if footer is not None:
        page += "<style:footer>%s</style:footer>" % paras(footer)
    styles = (XML + '<office:document-styles %s office:version="1.2"><office:master-styles>'
              '<style:master-page style:name="Standard">%s</style:master-page>'
              "</office:master-styles></office:document-styles>" % (ODF_TEXT_NS, page))
    return zipped([("mimetype", ODT_TYPE), ("content.xml", content),
                   ("styles.xml", styles)], date)


def pptx_package(*slides, date=ZIP_DATE):
    """slides: lists of paragraph texts, one list a slide."""
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    members = [("[Content_Types].xml", content_types("ppt/presentation.xml",
                                                     PPTX_TYPE + ".main+xml")),
               ("_rels/.rels", XML + PKG_RELS % "ppt/presentation.xml"),
               ("ppt/presentation.xml", XML + "<p:presentation %s/>" % p)]
    for n, texts in enumerate(slides, 1):
        paras = "".join("<a:p><a:r><a:t>%s</a:t></a:r></a:p>" % t for t in texts)
        members.append(("ppt/slides/slide%d.xml" % n, XML +
                        "<p:sld %s %s><p:cSld><p:spTree><p:sp><p:txBody>%s</p:txBody>"
                        "</p:sp></p:spTree></p:cSld></p:sld>" % (p, a, paras)))
    return zipped(members, date)


def xlsx_package(rows, date=ZIP_DATE, sheet="Sheet1", after=""):
    """rows: lists of cell texts of the one sheet, named `sheet`, from A1;
    `after`: the worksheet's XML after its sheetData (dataValidations)."""
    s = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    cells = ""
    for y, row in enumerate(rows, 1):
        cells += '<row r="%d">%s</row>' % (y, "".join(
            '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + x), y, t)
            for x, t in enumerate(row)))
    return zipped([
        ("[Content_Types].xml", content_types("xl/workbook.xml", XLSX_TYPE[:-5] +
                                              "sheet.main+xml")),
        ("_rels/.rels", XML + PKG_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", XML + '<workbook %s %s><sheets><sheet name="%s" sheetId="1" '
         'r:id="rId1"/></sheets></workbook>' % (s, r, sheet)),
        ("xl/_rels/workbook.xml.rels", XML + '<Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
         '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
         ' Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", XML + "<worksheet %s><sheetData>%s</sheetData>%s"
         "</worksheet>" % (s, cells, after))], date)


def pdf_page(*lines):
    """A page's content stream writing `lines` (str) from the top, one a
    line, in F1 at 12 points (text_pdf's font)."""
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL "
    ops += b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines)
    return ops + b" ET"

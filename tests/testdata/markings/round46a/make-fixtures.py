#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 46 (helper s46a), from round 45's
tester 13 (/work/tester45-13.md): text boxes and shapes anchored in a
paragraph with text of its own (t1, finding 2: ECMA-376 Part 1 17.17.1.1
w:txbxContent, Part 3 10.2.1 mc:AlternateContent, Part 4 19.1.2.22 VML
v:textbox; ODF 1.3 Part 3 10.4.3 draw:text-box, 10.3 drawing shapes),
pictures sent as attachments (i2, finding 3: TIFF 6.0, PNG ISO/IEC 15948,
JPEG JFIF), PDF text in a composite font with no ToUnicode map (f3,
finding 4: ISO 32000-2 9.7, 9.10.2), RTF shapes (r4, finding 6: RTF 1.9.1
\\shp, \\shptxt, \\shprslt, \\dptxbx).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. The names, places and figures are made up.
"""
import os, struct, sys, zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture as ox  # noqa: E402

DATE = (2026, 12, 5, 9, 0, 0)
MAIL = ox.MailFixtures("Sat, 05 Dec 2026 09:00:00 +0000", "nearmiss-round46a-boundary",
                       set(sys.argv[1:]))
XML = ox.XML
W_NS = (ox.W + ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        '2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"')


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def box(text, kind="both"):
    """A Word 2010 text box as Word writes it (kind "both"): the DrawingML
    shape in mc:Choice, the same box as VML in mc:Fallback (ECMA-376 Part 3,
    10.2.1); "wps": the DrawingML shape alone (other writers); "vml": the
    VML shape alone (Word 2007 and earlier)."""
    content = "<w:txbxContent><w:p>%s</w:p></w:txbxContent>" % run(text)
    if kind == "wps":
        return ('<w:r><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
                '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
                'wordprocessingShape"><wps:wsp><wps:txbx>%s</wps:txbx></wps:wsp>'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>' % content)
    if kind == "vml":
        return ('<w:r><w:pict><v:shape id="Text Box 1" type="#_x0000_t202"><v:textbox>%s'
                '</v:textbox></v:shape></w:pict></w:r>' % content)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://'
            'schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
            '%s</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
            '</mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 1" type="#_x0000_t202">'
            '<v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
            '</w:r>' % (content, content))


def docx(body_xml, header_xml=None):
    members = [("[Content_Types].xml", ox.content_types("word/document.xml",
                                                        ox.DOCX_TYPE + ".main+xml")),
               ("_rels/.rels", XML + ox.PKG_RELS % "word/document.xml"),
               ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
                % (W_NS, body_xml))]
    if header_xml is not None:
        members.append(("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (W_NS, header_xml)))
    return ox.zipped(members, DATE)


BODY = "<w:p>%s</w:p><w:p>%s</w:p>" % (run("Route options follow."),
                                       run("Timings as agreed at the planning meeting."))

# t1 (finding 2): the box first, then the paragraph's own run, in a header
# (a department's template: name at the left, the marking in a box).
MAIL.attach("t1-docx-header-box-before-text",
            docx(BODY, "<w:p>%s%s</w:p>" % (box("UK SECRET"), run("Ministry of Defence"))),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("t1-docx-body-box-inline",
            docx("<w:p>%s%s</w:p><w:p>%s</w:p>" % (box("OFFICIAL-SENSITIVE"),
                                                   run("Route options follow."),
                                                   run("Timings as agreed."))),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("t1-docx-header-wps-box-before-text",
            docx(BODY, "<w:p>%s%s</w:p>" % (box("UK SECRET", "wps"), run("Ministry of Defence"))),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("t1-docx-header-vml-box-before-text",
            docx(BODY, "<w:p>%s%s</w:p>" % (box("UK SECRET", "vml"), run("Ministry of Defence"))),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("t1-neg-docx-box-ordinary",
            docx(BODY, "<w:p>%s%s</w:p>" % (box("Draft 3"), run("Ministry of Defence"))),
            "plan.docx", ox.DOCX_TYPE)

DRAW_NS = (ox.ODF_TEXT_NS + ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
           ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def odt(body_xml):
    content = (XML + '<office:document-content %s office:version="1.3"><office:body>'
               "<office:text>%s</office:text></office:body></office:document-content>"
               % (DRAW_NS, body_xml))
    return ox.zipped([("mimetype", ox.ODT_TYPE), ("content.xml", content)], DATE)


# ODF: a frame holding a text box (Insert > Frame), and the custom shape
# LibreOffice's Insert > Text Box writes, each anchored in a paragraph
# with text.
MAIL.attach("t1-odt-frame-before-text",
            odt('<text:p><draw:frame text:anchor-type="paragraph" svg:width="5cm"><draw:text-box>'
                "<text:p>UK SECRET</text:p></draw:text-box></draw:frame>Route options follow."
                "</text:p><text:p>Timings as agreed.</text:p>"),
            "plan.odt", ox.ODT_TYPE)
MAIL.attach("t1-odt-shape-before-text",
            odt('<text:p><draw:custom-shape text:anchor-type="paragraph" draw:name="Shape 1">'
                '<text:p>UK SECRET</text:p><draw:enhanced-geometry draw:type="rectangle"/>'
                "</draw:custom-shape>Route options follow.</text:p>"),
            "plan.odt", ox.ODT_TYPE)


# i2 (finding 3): pictures sent as attachments. Each a valid file of its
# format, built from its specification: what a copier's scan to e-mail
# writes (TIFF 6.0: 1-bit, PackBits, 200 dpi, a white A4-ish page of
# 1700x2200 pixels; a two-page TIFF is two IFDs), a screenshot (PNG), a
# phone's photograph (baseline JPEG, ITU-T T.81).
def tiff(pages, width=1700, height=2200):
    """A little-endian TIFF of `pages` white bilevel pages (TIFF 6.0
    sections 2, 3 and 9: PhotometricInterpretation 0, WhiteIsZero;
    Compression 32773, PackBits)."""
    row_bytes = (width + 7) // 8
    row = b""
    left = row_bytes
    while left > 0:
        n = min(left, 128)
        row += struct.pack("bB", -(n - 1), 0)  # a run of n zero bytes
        left -= n
    strip = row * height
    out = bytearray(b"II*\0" + struct.pack("<I", 0))
    prev_next_at = 4  # where the offset of the next IFD is written
    for _ in range(pages):
        data_at = len(out)
        out += strip
        if len(out) % 2:
            out += b"\0"
        res_at = len(out)
        out += struct.pack("<IIII", 200, 1, 200, 1)
        entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, 1),
                   (259, 3, 1, 32773), (262, 3, 1, 0), (273, 4, 1, data_at),
                   (277, 3, 1, 1), (278, 3, 1, height), (279, 4, 1, len(strip)),
                   (282, 5, 1, res_at), (283, 5, 1, res_at + 8), (296, 3, 1, 2)]
        ifd_at = len(out)
        struct.pack_into("<I", out, prev_next_at, ifd_at)
        out += struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            packed = struct.pack("<H", value) + b"\0\0" if typ == 3 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, typ, count) + packed
        prev_next_at = len(out)
        out += struct.pack("<I", 0)
    return bytes(out)


def png(width, height):
    """A white 8-bit greyscale PNG (ISO/IEC 15948: IHDR, IDAT, IEND)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = (b"\0" + b"\xff" * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jpeg(width=1024, height=768):
    """A baseline greyscale JPEG (ITU-T T.81 Annex B) of mid grey: every
    8x8 block's DC difference 0 and its AC coefficients at end of block, so
    one one-bit Huffman code each (DC category 0, AC EOB)."""
    def seg(marker, data):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(data) + 2) + data
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = 2 * blocks
    scan = b"\0" * (bits // 8) + (bytes([0xFF >> (bits % 8)]) if bits % 8 else b"")
    scan = scan.replace(b"\xff", b"\xff\x00")
    one_code = bytes([1] + [0] * 15)  # one code of length 1
    return (b"\xff\xd8" + seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0") +
            seg(0xDB, b"\0" + b"\x01" * 64) +
            seg(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00") +
            seg(0xC4, b"\x00" + one_code + b"\x00") + seg(0xC4, b"\x10" + one_code + b"\x00") +
            seg(0xDA, b"\x01\x01\x00\x00\x3f\x00") + scan + b"\xff\xd9")


SCAN_BODY = "Scanned from a Xerox multifunction printer.\n"
MAIL.attach("i2-tiff-scan", tiff(1), "Scan_0001.tif", "image/tiff", SCAN_BODY)
MAIL.attach("i2-tiff-two-pages", tiff(2), "Scan_0002.tif", "image/tiff", SCAN_BODY)
MAIL.attach("i2-tiff-scan-said", tiff(1), "Scan_0003.tif", "image/tiff",
            "The attached scan is UK SECRET, please handle accordingly.\n")
MAIL.attach("i2-png-screenshot", png(1240, 1754), "Screenshot 2026-12-05.png", "image/png")
MAIL.attach("i2-jpeg-photo", jpeg(), "IMG_0001.jpg", "image/jpeg")
# A scan in a zip is a scan.
MAIL.attach("i2-zip-tiff", ox.zipped([("scans/Scan_0004.tif", tiff(1))], DATE), "scans.zip",
            "application/zip")
# A photograph sent inline by a phone's mail app: Content-Disposition
# inline with a file name and no Content-ID (RFC 2183); shown in the
# message, a picture the sender chose to send.
INLINE = ("--{b}\nContent-Type: text/plain; charset=utf-8\n\nPhoto of the whiteboard.\n\n"
          "--{b}\nContent-Type: image/jpeg; name=\"IMG_0002.jpg\"\nContent-Disposition: "
          "inline; filename=\"IMG_0002.jpg\"\nContent-Transfer-Encoding: base64\n\n{jpg}\n--{b}--\n")
# Not counted: a signature's logo the HTML shows through cid: (RFC 2392),
# in multipart/related (RFC 2387) as Outlook and Gmail send it.
RELATED = ("--{b}\nContent-Type: text/html; charset=utf-8\n\n<p>Route options follow.</p>"
           "<p>Alice<br><img src=\"cid:image001.png@01DB0000.00000000\" alt=\"Example Ltd\">"
           "</p>\n--{b}\nContent-Type: image/png; name=\"image001.png\"\nContent-Disposition: "
           "inline; filename=\"image001.png\"\nContent-ID: <image001.png@01DB0000.00000000>\n"
           "Content-Transfer-Encoding: base64\n\n{png}\n--{b}--\n")
B = "nearmiss-round46a-boundary"
MAIL.write("i2-jpeg-inline-photo", MAIL.head % ("Whiteboard", "i2-jpeg-inline-photo") +
           'Content-Type: multipart/mixed; boundary="%s"\n\n' % B +
           INLINE.format(b=B, jpg=ox.base64.encodebytes(jpeg(640, 480)).decode()))
MAIL.write("i2-neg-html-logo", MAIL.head % ("Route", "i2-neg-html-logo") +
           'Content-Type: multipart/related; type="text/html"; boundary="%s"\n\n' % B +
           RELATED.format(b=B, png=ox.base64.encodebytes(png(200, 60)).decode()))


# f3 (finding 4): a PDF whose text is drawn in a composite font (Type0,
# ISO 32000-2 9.7) with the Identity-H CMap, as Word and browsers write
# subset TrueType fonts: its codes are glyph numbers (here Arial's: space
# 3, '!' to ']' at 4 to 0x5D, so a letter's glyph is its code minus 29).
# Without a ToUnicode map (9.10.2) nothing says which letter a glyph is:
# poppler reads "UK SECRET" as "8.\x036(&5(7". With one, the same file is
# read.
def glyphs(text):
    return "".join("%04X" % (3 if c == " " else ord(c) - 29) for c in text).encode()


TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo "
              b"<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName "
              b"/Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> "
              b"endcodespacerange 1 beginbfchar <0003> <0020> endbfchar 1 beginbfrange <0004> "
              b"<005D> <0021> endbfrange endcmap CMapName currentdict /CMap defineresource pop "
              b"end end")


def identity_pdf(lines, to_unicode):
    ops = (b"BT /F1 12 Tf 72 720 Td 14 TL " +
           b" ".join(b"<%s> '" % glyphs(line) for line in lines) + b" ET")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>",
               b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H "
               b"/DescendantFonts [6 0 R]" + (b" /ToUnicode 8 0 R" if to_unicode else b"") + b" >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
               b"<< /F1 3 0 R >> >> /Contents 5 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial /CIDSystemInfo "
               b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
               b"7 0 R /CIDToGIDMap /Identity /DW 600 >>",
               b"<< /Type /FontDescriptor /FontName /ABCDEF+Arial /Flags 32 /FontBBox "
               b"[0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 "
               b"/StemV 80 >>"]
    if to_unicode:
        objects.append(b"<< /Length %d >>\nstream\n" % len(TO_UNICODE) + TO_UNICODE +
                       b"\nendstream")
    return ox.pdf_file(objects)


PLAN = ["UK SECRET", "Route options follow.", "UK SECRET"]
MAIL.attach("f3-pdf-identity-no-tounicode", identity_pdf(PLAN, False), "plan.pdf",
            "application/pdf")
MAIL.attach("f3-pdf-identity-tounicode", identity_pdf(PLAN, True), "plan.pdf", "application/pdf")


# r4 (finding 6): RTF shapes and text boxes (RTF 1.9.1, "Word 97 through
# Word 2007 RTF for Drawing Objects (Shapes)"): Word writes a text box as
# {\shp{\*\shpinst ...{\shptxt ...}}{\shprslt ...}}, the result the same
# box again as a Word 6/95 drawing object ({\*\do ... \dptxbx
# {\dptxbxtext ...}}) for readers that do not know \shp. Word 6/95 wrote
# the drawing object alone.
RTF_HEAD = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\viewkind4\uc1 "
SHAPE_PROPS = r"{\sp{\sn shapeType}{\sv 202}}{\sp{\sn fFilled}{\sv 0}}"


def rtf_box(text, props=SHAPE_PROPS):
    return (r"{\shp{\*\shpinst\shpleft0\shptop0\shpright4000\shpbottom600\shpfhdr0\shpbxcolumn"
            r"\shpbypara\shpwr3\shpz0" + props + r"{\shptxt \pard\plain\f0\fs24 " + text +
            r"\par}}{\shprslt{\*\do\dobxcolumn\dobypara\dodhgt8192\dptxbx{\dptxbxtext\pard\plain"
            r"\f0\fs24 " + text + r"\par}\dpx0\dpy0\dpxsize4000\dpysize600}}}")


def rtf(body, header=""):
    return (RTF_HEAD + (r"{\header \pard\plain\f0\fs20 " + header + r"\par}" if header else "") +
            r"\pard\plain\f0\fs24 " + body + "}").encode()


RTF_TYPE = "application/rtf"
MAIL.attach("r4-rtf-box-beside-text", rtf(r"Ministry of Defence" + rtf_box("UK SECRET") +
                                          r"\par Route options follow.\par"),
            "plan.rtf", RTF_TYPE)
MAIL.attach("r4-rtf-header-box", rtf(r"Route options follow.\par",
                                     header="Ministry of Defence" + rtf_box("UK SECRET")),
            "plan.rtf", RTF_TYPE)
MAIL.attach("r4-rtf-word95-drawing-object",
            rtf(r"Ministry of Defence{\*\do\dobxcolumn\dobypara\dodhgt8192\dptxbx{\dptxbxtext"
                r"\pard\plain\f0\fs24 UK SECRET\par}\dpx0\dpy0\dpxsize4000\dpysize600}"
                r"\par Route options follow.\par"),
            "plan.rtf", RTF_TYPE)
# A shape's properties are not its text: a shape named SECRET holding
# ordinary words is not marked.
MAIL.attach("r4-neg-rtf-shape-properties",
            rtf(r"Route options follow." +
                rtf_box("Route options", SHAPE_PROPS + r"{\sp{\sn wzName}{\sv SECRET}}") +
                r"\par"),
            "plan.rtf", RTF_TYPE)


# x5 (finding 7): an Excel 2003 XML spreadsheet (SpreadsheetML 2003, the
# "XML Spreadsheet 2003" of Excel's Save As) whose marking is in its page
# header and footer: x:Data of x:Header and x:Footer in WorksheetOptions'
# PageSetup, in the codes of ECMA-376 Part 1 18.3.1.36 ("&C": centre).
# Excel names it .xls or .xml; a mail client may send either as
# text/xml or application/vnd.ms-excel.
SS2003 = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
          '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
          'xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:x="urn:schemas-microsoft-com:office:excel" '
          'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
          '<Worksheet ss:Name="Routes"><Table>'
          '<Row><Cell><Data ss:Type="String">Route</Data></Cell>'
          '<Cell><Data ss:Type="String">Options</Data></Cell></Row>'
          '<Row><Cell><Data ss:Type="String">North</Data></Cell>'
          '<Cell><Data ss:Type="Number">3</Data></Cell></Row></Table>'
          '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><PageSetup>'
          '<Header x:Margin="0.3" x:Data="&amp;CUK SECRET"/>'
          '<Footer x:Margin="0.3" x:Data="&amp;LUK SECRET&amp;RPage &amp;P of &amp;N"/>'
          '</PageSetup></WorksheetOptions></Worksheet>\n</Workbook>\n').encode()
MAIL.attach("x5-xml-spreadsheet-header-xls", SS2003, "routes.xls", "application/vnd.ms-excel")
MAIL.attach("x5-xml-spreadsheet-header-xml", SS2003, "routes.xml", "text/xml")
MAIL.attach("x5-xml-spreadsheet-header-octet", SS2003, "routes.xml", "application/octet-stream")


# p5: Outlook's rights-protected message ([MS-OXORMMS] 2.1, 2.2): the
# protected message is the attachment message.rpmsg
# (application/x-microsoft-rpmsg-message), encrypted for the rights
# server's users, opening with the storage identifier 76 E8 04 60 C4 11 E3
# 86 and compressed content after it (here random-looking bytes: what a
# reader without the rights server sees).
RPMSG = b"\x76\xe8\x04\x60\xc4\x11\xe3\x86" + bytes((i * 73 + 41) % 256 for i in range(2048))
IRM = ("--{b}\nContent-Type: text/plain; charset=utf-8\n\nThis message is protected with "
       "Information Rights Management. Open it in Outlook.\n\n--{b}\nContent-Type: "
       "application/x-microsoft-rpmsg-message; name=\"message.rpmsg\"\nContent-Disposition: "
       "attachment; filename=\"message.rpmsg\"\nContent-Transfer-Encoding: base64\n\n{data}\n"
       "--{b}--\n")
MAIL.write("p5-rpmsg", MAIL.head % ("Route options", "p5-rpmsg") +
           'Content-Type: multipart/mixed; boundary="%s"\n\n' % B +
           IRM.format(b=B, data=ox.base64.encodebytes(RPMSG).decode()))
# The same bytes as application/octet-stream under another name: told by
# the identifier.
MAIL.attach("p5-rpmsg-octet", RPMSG, "protected.bin", "application/octet-stream")


# w6 (finding 8): Word documents saved as one XML file, named .xml. Flat
# OPC (Word's "Word XML Document": pkg:package of
# http://schemas.microsoft.com/office/2006/xmlPackage, each part a pkg:part
# with its XML in pkg:xmlData) and WordprocessingML 2003 ("Word 2003 XML
# Document": w:wordDocument, headers and footers as w:hdr and w:ftr in
# w:sectPr). The banner is split across two runs, as Word splits text it
# edited ("UK " and "SECRET"): read as raw markup each run was a line.
SPLIT = '<w:p><w:r><w:t xml:space="preserve">UK </w:t></w:r><w:r><w:t>SECRET</w:t></w:r></w:p>'


def flat_opc(docx):
    import io as _io, zipfile as _zip
    parts = []
    with _zip.ZipFile(_io.BytesIO(docx)) as z:
        for info in z.infolist():
            if info.filename == "[Content_Types].xml":
                continue
            xml = z.read(info).decode().replace(XML, "")
            ctype = ("application/vnd.openxmlformats-package.relationships+xml"
                     if info.filename.endswith(".rels") else "application/xml")
            parts.append('<pkg:part pkg:name="/%s" pkg:contentType="%s"><pkg:xmlData>%s'
                         "</pkg:xmlData></pkg:part>" % (info.filename, ctype, xml))
    return (XML + '\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg='
            '"http://schemas.microsoft.com/office/2006/xmlPackage">' + "".join(parts) +
            "</pkg:package>\n").encode()


def docx_split_header(body):
    members = [("[Content_Types].xml", ox.content_types("word/document.xml",
                                                        ox.DOCX_TYPE + ".main+xml")),
               ("_rels/.rels", XML + ox.PKG_RELS % "word/document.xml"),
               ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
                % (ox.W, ox.word_paras(*body))),
               ("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (ox.W, SPLIT))]
    return ox.zipped(members, DATE)


def word2003(body, header=SPLIT):
    return (XML + '\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w='
            '"http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.'
            'microsoft.com/office/word/2003/auxHint" xmlns:o="urn:schemas-microsoft-com:office:'
            'office"><o:DocumentProperties><o:Author>Alice Example</o:Author>'
            "</o:DocumentProperties><w:body><wx:sect>" + ox.word_paras(*body) +
            '<w:sectPr><w:hdr w:type="odd">' + header + "</w:hdr></w:sectPr></wx:sect>"
            "</w:body></w:wordDocument>\n").encode()


MAIL.attach("w6-flat-opc-header", flat_opc(docx_split_header(["Route options follow."])),
            "plan.xml", "text/xml")
MAIL.attach("w6-word2003-header", word2003(["Route options follow."]), "plan.xml", "text/xml")
MAIL.attach("w6-word2003-header-octet", word2003(["Route options follow."]), "plan.xml",
            "application/octet-stream")
MAIL.attach("w6-neg-word2003-ordinary",
            word2003(["The secret to a good plan is a short route."],
                     '<w:p><w:r><w:t>Route planning notes</w:t></w:r></w:p>'),
            "notes.xml", "text/xml")


# c5: a CSV named .xls (a report tool's export; Excel opens it as a sheet):
# read as a CSV, each cell a line, as the same file named .csv is.
CSV = b"UK SECRET,,,\r\nRoute,Options,Leaves,Arrives\r\nNorth,3,0600,1400\r\n,,,\r\nUK SECRET,,,\r\n"
MAIL.attach("c5-csv-named-xls", CSV, "routes.xls", "application/vnd.ms-excel")
MAIL.attach("c5-csv-named-csv", CSV, "routes.csv", "text/csv")


# m5: words in a multipart's preamble and epilogue (RFC 2046 5.1.1: MIME
# readers ignore them; a client that reads MIME loosely, or not at all,
# shows them), and the usual preamble, which is no marking.
def preamble_mail(name, preamble, epilogue=""):
    MAIL.write(name, MAIL.head % ("Route", name) +
               'Content-Type: multipart/mixed; boundary="%s"\n\n%s\n--%s\nContent-Type: '
               "text/plain; charset=utf-8\n\nRoute options follow.\n\n--%s--\n%s"
               % (B, preamble, B, B, epilogue))


preamble_mail("m5-preamble-banner", "UK SECRET\n\nThe route plan is in the next part.\n")
preamble_mail("m5-epilogue-banner", "This is a multi-part message in MIME format.\n",
              "\nUK SECRET\n")
preamble_mail("m5-neg-preamble-usual", "This is a multi-part message in MIME format.\n")


# s7 (finding 9): a SmartArt graphic on slide 2 holding the banner
# (ECMA-376 Part 1, 21.4: its text in ppt/diagrams/data1.xml, dgm:pt's
# dgm:t, linked from the slide by a diagramData relationship): placed
# "SmartArt on slide 2", not by an offset.
def pptx_smartart(text):
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    def rels(*targets):
        return (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships">' + "".join('<Relationship Id="rId%d" Type="%s%s" Target="%s"/>'
                                            % (i, rel, kind, t)
                                            for i, (kind, t) in enumerate(targets, 1)) +
                "</Relationships>")

    def slide(body):
        return (XML + "<p:sld %s %s %s><p:cSld><p:spTree>%s</p:spTree></p:cSld></p:sld>"
                % (p, a, r, body))
    shape = "<p:sp><p:txBody><a:p><a:r><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>"
    members = [
        ("[Content_Types].xml", ox.content_types("ppt/presentation.xml",
                                                 ox.PPTX_TYPE + ".main+xml")),
        ("_rels/.rels", XML + ox.PKG_RELS % "ppt/presentation.xml"),
        ("ppt/presentation.xml", XML + "<p:presentation %s %s><p:sldIdLst><p:sldId id=\"256\" "
         "r:id=\"rId1\"/><p:sldId id=\"257\" r:id=\"rId2\"/></p:sldIdLst></p:presentation>"
         % (p, r)),
        ("ppt/_rels/presentation.xml.rels", rels(("slide", "slides/slide1.xml"),
                                                 ("slide", "slides/slide2.xml"))),
        ("ppt/slides/slide1.xml", slide(shape % "Route options")),
        ("ppt/slides/slide2.xml", slide(shape % "Options compared")),
        ("ppt/slides/_rels/slide2.xml.rels", rels(("diagramData", "../diagrams/data1.xml"))),
        ("ppt/diagrams/data1.xml", XML + '<dgm:dataModel xmlns:dgm="http://schemas.openxml'
         'formats.org/drawingml/2006/diagram" %s><dgm:ptLst><dgm:pt modelId="1"><dgm:t>'
         "<a:bodyPr/><a:p><a:r><a:t>%s</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst>"
         "</dgm:dataModel>" % (a, text))]
    return ox.zipped(members, DATE)


MAIL.attach("s7-pptx-smartart", pptx_smartart("UK SECRET"), "options.pptx", ox.PPTX_TYPE)

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 44 (helper s44b), from round 43's
tester 13 findings: labels under a policy whose government packs are off
(l1, finding 2: policy bank-labels.toml beside them), a marked section after
a page break in the middle of a document (p2, finding 4), pages and cells
whose text cannot be read (u3, finding 14).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. The documents are built from the formats' public
specifications (ECMA-376 Part 1: w:br 17.3.3.1, w:pageBreakBefore 17.3.1.23,
w:sectPr 17.6.17 and its w:type 17.6.22, SpreadsheetML rowBreaks 18.3.1.72;
ISO 32000-1 7.4.4 FlateDecode); label headers from Microsoft Learn ("MIP
SDK: label metadata"), Titus' documented header and the Australian PSPF
email protective marking standard (X-Protective-Marking). The names, places
and figures are made up.
"""
import os, sys, zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round44b-boundary"
ZIP_DATE = (2026, 12, 4, 9, 0, 0)
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, text_mail, attach = MAIL.write, MAIL.text_mail, MAIL.attach
XML, W = ooxml_fixture.XML, ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GUID = "3f5b2a9c-1d4e-4b7a-9c21-6e8f0a1b2c3d"
SITE = "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"


def headed(name, extra, body="Route options follow.\n", subject="Route options"):
    """A plain message with `extra` header lines."""
    if ONLY and name not in ONLY:
        return
    head = MAIL.head.replace("Subject: %s\n", "Subject: %s\n" + extra) % (subject, name)
    write(name, head + "Content-Type: text/plain; charset=utf-8\n\n" + body)


# l1 (finding 2): with packs = ["labels"] (bank-labels.toml), a label whose
# name only a government pack knew gave no finding at all; it is
# unknown-label now. The bank's own names are placed by its table, the
# labels pack's words ("Highly Confidential") still by that pack.
def msip(name):
    return ("msip_labels: MSIP_Label_%s_Enabled=True;\n MSIP_Label_%s_SiteId=%s;\n"
            " MSIP_Label_%s_Name=%s;\n" % (GUID, GUID, SITE, GUID, name))


headed("l1-msip-secret0", msip("Secret_0"))
headed("l1-msip-restricted", msip("Restricted"))
headed("l1-msip-bank-c3", msip("C3 Restricted"))
headed("l1-msip-highly-confidential", msip("Highly_Confidential"))
headed("l1-titus-secret",
       "x-tituslabs-classifications-30: TLPropertyRoot=Acme;Classification=SECRET;\n")
headed("l1-xpm-secret",
       "X-Protective-Marking: VER=2018.4, NS=gov.au, SEC=SECRET, "
       "ORIGIN=alice@example.org\n")
text_mail("l1-body-classification-secret",
          "Bob,\n\nRoute options follow.\n\nAlice\n\nClassification: Secret\n")


# p2 (finding 4): an annex marked higher than the document around it, after
# an author's page break: its first and last lines are banner lines of its
# page, as a PDF page's are.
def para(text, props=""):
    ppr = "<w:pPr>%s</w:pPr>" % props if props else ""
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, text)


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def section(kind=None):
    """A section's properties; kind None: w:type left out (nextPage)."""
    t = '<w:type w:val="%s"/>' % kind if kind else ""
    return '<w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>' % t


def docx(body):
    return ooxml_fixture.zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("word/document.xml",
                                                            DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
         % (W, body))], ZIP_DATE)


COVER = (para("OFFICIAL") + para("Cover note") +
         "".join(para("Summary line %d of the cover note, as agreed at the meeting." % i)
                 for i in range(40)))
ANNEX = [para("UK SECRET"), para("Annex A"), para("Route options in detail."),
         para("UK SECRET")]
DISTRIBUTION = (para("OFFICIAL") + para("Distribution") +
                "".join(para("Copy %d: J3 Plans, desk %d." % (i, i)) for i in range(20)) +
                para("OFFICIAL"))

attach("p2-docx-annex-page-break",
       docx(COVER + para("OFFICIAL") + PAGE_BREAK + "".join(ANNEX) + PAGE_BREAK +
            DISTRIBUTION + section()), "plan.docx", DOCX)
# The annex in a section of its own: the cover's last paragraph ends a
# section (w:sectPr in its w:pPr), the next starts a page (w:type left out:
# nextPage), and the annex's last paragraph ends a section too.
attach("p2-docx-annex-section-break",
       docx(COVER + para("OFFICIAL", section()) + "".join(ANNEX[:-1]) +
            para("UK SECRET", section("nextPage")) + DISTRIBUTION + section()),
       "plan.docx", DOCX)
attach("p2-docx-annex-page-break-before",
       docx(COVER + para("OFFICIAL") + para("UK SECRET", "<w:pageBreakBefore/>") +
            "".join(ANNEX[1:]) + para("OFFICIAL", "<w:pageBreakBefore/>") +
            DISTRIBUTION[DISTRIBUTION.index("</w:p>") + 6:] + section()),
       "plan.docx", DOCX)
# Negative: continuous section breaks start no page (w:type continuous), and
# w:pageBreakBefore w:val="0" is off: the annex lines stay in the middle of
# the cover's page. Since round 45 two agreeing lines framing the annex mark
# it mid-page too (src/content/section_banner.h): SECRET.
attach("p2-neg-docx-continuous-sections",
       docx(COVER + para("OFFICIAL", section()) +
            para("UK SECRET", '<w:pageBreakBefore w:val="0"/>') + "".join(ANNEX[1:-1]) +
            para("UK SECRET", section("continuous")) + DISTRIBUTION +
            section("continuous")), "plan.docx", DOCX)


def workbook(sheets, extra=()):
    """An XLSX package of `sheets` ((tab name, state or None, worksheet
    XML) triples, in tab order) and `extra` parts ((path, XML) pairs)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    tabs = "".join('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                   % (name, i + 1, ' state="%s"' % state if state else "", i + 1)
                   for i, (name, state, _) in enumerate(sheets))
    rels = "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/worksheet" Target="%sworksheets/sheet%d.xml"/>'
                   % (i + 1, "/xl/" if i % 2 else "", i + 1) for i in range(len(sheets)))
    return ooxml_fixture.zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("xl/workbook.xml",
                                                            XLSX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", XML + "<workbook %s %s><sheets>%s</sheets></workbook>" % (ns, rel, tabs)),
        ("xl/_rels/workbook.xml.rels", XML + '<Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)] +
        list(extra) +
        [("xl/worksheets/sheet%d.xml" % (i + 1), x) for i, (_, _, x) in enumerate(sheets)],
        ZIP_DATE)


def xlsx(rows, breaks):
    """A workbook of one sheet "Plan": `rows` of inline strings, manual page
    breaks above the rows after those numbered in `breaks`."""
    cells = "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                    % (i + 1, i + 1, t) for i, t in enumerate(rows))
    brk = "".join('<brk id="%d" max="16383" man="1"/>' % b for b in breaks)
    rb = ('<rowBreaks count="%d" manualBreakCount="%d">%s</rowBreaks>'
          % (len(breaks), len(breaks), brk)) if breaks else ""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return workbook([("Plan", None, XML + "<worksheet %s><sheetData>%s</sheetData>%s"
                      "</worksheet>" % (ns, cells, rb))])


SHEET = (["OFFICIAL", "Budget"] + ["Line %d: cost as agreed" % i for i in range(40)] +
         ["OFFICIAL", "UK SECRET", "Annex A", "Route costs in detail.", "UK SECRET",
          "OFFICIAL", "Totals"] + ["Total %d: as agreed" % i for i in range(20)] + ["OFFICIAL"])
attach("p2-xlsx-annex-row-breaks", xlsx(SHEET, [42, 46]), "plan.xlsx", XLSX)
# No row breaks: the annex mid-sheet, framed by two UK SECRET rows (SECRET since
# round 45, section_banner.h).
attach("p2-neg-xlsx-annex-no-breaks", xlsx(SHEET, []), "plan.xlsx", XLSX)


# u3 (finding 14): a page whose content stream does not decompress, and a
# workbook whose cells point at shared strings the table does not have, are
# text not read: unreadable-attachment, not "read" empty.
def flate_pdf(content, damage=False):
    data = zlib.compress(content)
    if damage:
        data = data[:2] + b"\xff\xff\xff\xff" + data[6:]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data +
               b"\nendstream",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"]
    return ooxml_fixture.pdf_file(objects)


PAGE = b"BT /F1 12 Tf 72 720 Td 14 TL (UK SECRET) ' () ' (Route options.) ' () ' (UK SECRET) ' ET"
attach("u3-pdf-damaged-flate", flate_pdf(PAGE, damage=True), "route.pdf", "application/pdf")
attach("u3-neg-pdf-flate", flate_pdf(PAGE.replace(b"UK SECRET", b"Agenda")), "route.pdf",
       "application/pdf")


def sst_xlsx(strings, refs):
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    cells = "".join('<row r="%d"><c r="B%d" t="s"><v>%d</v></c></row>' % (i + 1, i + 1, r)
                    for i, r in enumerate(refs))
    sst = "".join("<si><t>%s</t></si>" % s for s in strings)
    return workbook([("Source", None, XML + "<worksheet %s><sheetData>%s</sheetData>"
                      "</worksheet>" % (ns, cells))],
                    [("xl/sharedStrings.xml", XML + '<sst %s count="%d" uniqueCount="%d">%s</sst>'
                      % (ns, len(refs), len(strings), sst))])


attach("u3-xlsx-missing-shared-strings", sst_xlsx([], [0, 1, 2, 3]), "figs.xlsx", XLSX)
attach("u3-neg-xlsx-shared-strings", sst_xlsx(["Item", "Cost", "Total", "Notes"],
                                              [0, 1, 2, 3]), "figs.xlsx", XLSX)


# w4 (finding 6): a finding in a document says where in it: the sheet (and
# that it is hidden), the slide in show order and its notes, the footnotes,
# the PDF page, not only an offset into nearmiss's own text.
NS_S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships">%s</Relationships>')
REL = '<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>'


def sheet(rows):
    cells = "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                    % (i + 1, i + 1, t) for i, t in enumerate(rows))
    return XML + "<worksheet %s><sheetData>%s</sheetData></worksheet>" % (NS_S, cells)


attach("w4-xlsx-hidden-sheet", workbook([
    ("Summary", None, sheet(["Item", "Cost", "Fuel", "1200"])),
    ("Source", "hidden", sheet(["SECRET//NOFORN", "(S//NF) Derived from liaison reporting.",
                                "SECRET//NOFORN"]))]), "figs.xlsx", XLSX)

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
NS_P = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' + NS_R)


def slide(kind, *lines):
    paras = "".join("<a:p><a:r><a:t>%s</a:t></a:r></a:p>" % t for t in lines)
    return (XML + "<p:%s %s><p:cSld><p:spTree><p:sp><p:txBody>%s</p:txBody></p:sp>"
            "</p:spTree></p:cSld></p:%s>" % (kind, NS_P, paras, kind))


# slide1.xml is shown second: presentation.xml lists slide2.xml first.
attach("w4-pptx-notes-slide-order", ooxml_fixture.zipped([
    ("[Content_Types].xml", ooxml_fixture.content_types("ppt/presentation.xml", PPTX + ".main+xml")),
    ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "ppt/presentation.xml"),
    ("ppt/presentation.xml", XML + '<p:presentation %s><p:sldIdLst><p:sldId id="256" '
     'r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst></p:presentation>' % NS_P),
    ("ppt/_rels/presentation.xml.rels", XML + RELS % (
        REL % ("rId2", "slide", "slides/slide1.xml") + REL % ("rId3", "slide", "slides/slide2.xml"))),
    ("ppt/slides/slide1.xml", slide("sld", "Route options", "Three routes were studied.")),
    ("ppt/slides/_rels/slide1.xml.rels", XML + RELS % (
        REL % ("rId1", "notesSlide", "../notesSlides/notesSlide1.xml"))),
    ("ppt/slides/slide2.xml", slide("sld", "Agenda", "Routes, timings, questions.")),
    ("ppt/notesSlides/notesSlide1.xml", slide("notes", "(S//NF) The convoy leaves at 0600.")),
], ZIP_DATE), "brief.pptx", PPTX)

FOOTNOTES = (XML + '<w:footnotes %s><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">'
             "(S//NF) Derived from liaison reporting.</w:t></w:r></w:p></w:footnote></w:footnotes>"
             % W)
attach("w4-docx-footnote", ooxml_fixture.zipped([
    ("[Content_Types].xml", ooxml_fixture.content_types("word/document.xml", DOCX + ".main+xml")),
    ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
    ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
     % (W, para("Route options follow.") + para("Fuel is costed in the annex."))),
    ("word/_rels/document.xml.rels", XML + RELS % REL % ("rId1", "footnotes", "footnotes.xml")),
    ("word/footnotes.xml", FOOTNOTES)], ZIP_DATE), "report.docx", DOCX)

attach("w4-pdf-second-page", ooxml_fixture.text_pdf([
    b"BT /F1 12 Tf 72 720 Td 14 TL (Cover note) ' () ' (Route options follow.) ' ET",
    b"BT /F1 12 Tf 72 720 Td 14 TL (UK SECRET) ' () ' (Annex A: routes.) ' () ' (UK SECRET) ' ET"]),
    "plan.pdf", "application/pdf")


# o5 (finding 9): an OLE object in a DOCX (Insert > Object) is named by
# what it is, and the file it holds is read: a packaged file (the Object
# Packager's Ole10Native stream), an Office file embedded whole (a
# "Package" stream); one in a format not read (an Excel 97-2003 sheet) is
# held, named as such, not as a legacy .doc/.msg. The containers follow
# [MS-CFB] (version 3, 512-byte sectors, streams under 4096 bytes in the
# mini stream); CompObj and Ole10Native follow [MS-OLEDS] 2.3.8 and the
# Packager's native data.
import struct  # noqa: E402

END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def cfb(streams, clsid=b"\0" * 16):
    """A compound file of root-level `streams` ((name, bytes) pairs)."""
    sec, mini_sec = 512, 64
    mini, mini_fat, entries = b"", [], []
    for name, data in streams:
        if len(data) < 4096:
            start, n = len(mini) // mini_sec, (len(data) + mini_sec - 1) // mini_sec
            mini_fat += [start + k + 1 if k < n - 1 else END for k in range(n)]
            mini += data + b"\0" * (n * mini_sec - len(data))
            entries.append([name, start if n else END, len(data), None])
        else:
            entries.append([name, None, len(data), data])

    def chain(first, n):
        return [first + k + 1 if k < n - 1 else END for k in range(n)]
    ndir = (len(entries) + 1 + 3) // 4
    minifat = b"".join(struct.pack("<I", x) for x in mini_fat)
    nminifat, nmini = (len(minifat) + sec - 1) // sec, (len(mini) + sec - 1) // sec
    fat = [FATSECT] + chain(1, ndir)
    minifat_start = 1 + ndir
    fat += chain(minifat_start, nminifat)
    mini_start = minifat_start + nminifat
    fat += chain(mini_start, nmini)
    nxt, big = mini_start + nmini, b""
    for e in entries:
        if e[3] is not None:
            n = (len(e[3]) + sec - 1) // sec
            e[1] = nxt
            fat += chain(nxt, n)
            big += e[3] + b"\0" * (n * sec - len(e[3]))
            nxt += n
    assert len(fat) <= 128
    fat += [FREE] * (128 - len(fat))

    def dirent(name, kind, start, size, child=FREE, right=FREE, cls=b"\0" * 16):
        n = (name + "\0").encode("utf-16-le")
        return (n + b"\0" * (64 - len(n)) + struct.pack("<HBBIII", len(n), kind, 1, FREE, right,
                                                         child) +
                cls + b"\0" * 20 + struct.pack("<IQ", start, size))
    dirs = dirent("Root Entry", 5, mini_start if mini else END, len(mini), 1 if entries else FREE,
                  cls=clsid)
    for i, (name, start, size, _) in enumerate(entries):
        dirs += dirent(name, 2, start, size, right=i + 2 if i + 1 < len(entries) else FREE)
    dirs += b"\0" * (ndir * sec - len(dirs))
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
              struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, minifat_start if mini_fat else END,
                          nminifat, END, 0) +
              struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    return (header + b"".join(struct.pack("<I", x) for x in fat) + dirs +
            minifat + b"\0" * (nminifat * sec - len(minifat)) +
            mini + b"\0" * (nmini * sec - len(mini)) + big)


def ansi(s):
    return struct.pack("<I", len(s) + 1) + s + b"\0"


def comp_obj(user, clipboard, prog):
    return (struct.pack("<II", 0xFFFE0001, 0x0A03) + b"\xff" * 4 + b"\0" * 16 +
            ansi(user) + ansi(clipboard) + ansi(prog) + struct.pack("<I", 0x71B239F4))


def ole10native(label, data):
    path = b"C:\\Users\\alice\\Documents\\" + label
    body = (struct.pack("<H", 2) + label + b"\0" + path + b"\0" + struct.pack("<HH", 0, 3) +
            ansi(path) + struct.pack("<I", len(data)) + data)
    return struct.pack("<I", len(body)) + body


def docx_with_ole(obj):
    return ooxml_fixture.zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("word/document.xml", DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
         % (W, para("Costs are in the object below.") + para("[embedded object]"))),
        ("word/_rels/document.xml.rels", XML + RELS % REL % ("rId5", "oleObject",
                                                           "embeddings/oleObject1.bin")),
        ("word/embeddings/oleObject1.bin", obj)], ZIP_DATE)


PACKAGE_CLSID = bytes.fromhex("0c00030000000000c000000000000046")  # {0003000C-...}: Package
attach("o5-docx-ole-packaged-text", docx_with_ole(cfb([
    ("\x01CompObj", comp_obj(b"OLE Package", b"", b"Package")),
    ("\x01Ole10Native", ole10native(b"route.txt", b"UK SECRET\r\n\r\nRoute B is preferred.\r\n\r\n"
                                                  b"UK SECRET\r\n"))], PACKAGE_CLSID)),
    "costs.docx", DOCX)
attach("o5-docx-ole-package-xlsx", docx_with_ole(cfb([
    ("\x01CompObj", comp_obj(b"Microsoft Excel Worksheet", b"", b"Excel.Sheet.12")),
    ("Package", xlsx(["SECRET//NOFORN", "Fuel", "1200", "SECRET//NOFORN"], []))])),
    "costs.docx", DOCX)
attach("o5-docx-ole-excel97", docx_with_ole(cfb([
    ("\x01CompObj", comp_obj(b"Microsoft Excel 97-2003 Worksheet", b"Biff8", b"Excel.Sheet.8")),
    ("Workbook", b"\x09\x08\x10\x00" + b"\0" * 60)])), "costs.docx", DOCX)
attach("o5-neg-docx-ole-packaged-letter", docx_with_ole(cfb([
    ("\x01CompObj", comp_obj(b"OLE Package", b"", b"Package")),
    ("\x01Ole10Native", ole10native(b"menu.txt", b"Lunch menu\r\n\r\nSoup and bread.\r\n"))],
    PACKAGE_CLSID)), "menu.docx", DOCX)


# h6 (finding 8): what Outlook shows and what CSS hides. A downlevel-hidden
# conditional comment for mso ("<!--[if mso]>...<![endif]-->"; Microsoft,
# "About conditional comments") is shown by Outlook for Windows: read. One
# for "!mso" and an Office XML data island ("<xml>...") are not. Letters
# hidden by CSS (font-size:0, the hidden attribute) inside a marking: the
# page is also read as a browser shows it, without them.
OUTLOOK_HEAD = ('<head><meta charset="utf-8"><!--[if gte mso 9]><xml><o:OfficeDocumentSettings>'
                '<o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--></head>')
MAIL.html_mail("h6-html-mso-conditional-banner",
               "<html>%s<body><!--[if mso]><p>UK SECRET</p><![endif]-->"
               "<p>Route options follow.</p><!--[if gte mso 9]><p>UK SECRET</p><![endif]-->"
               "</body></html>" % OUTLOOK_HEAD)
MAIL.html_mail("h6-neg-html-not-mso-conditional",
               "<html>%s<body><!--[if !mso]><p>UK SECRET</p><![endif]-->"
               "<p>Route options follow.</p><!--[if !mso]><p>UK SECRET</p><![endif]-->"
               "</body></html>" % OUTLOOK_HEAD)
MAIL.html_mail("h6-neg-html-office-xml-island",
               "<html><body><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View>"
               "<w:Zoom>0</w:Zoom><w:DocumentKind>SECRET</w:DocumentKind></w:WordDocument></xml>"
               "<![endif]--><p>Lunch is at noon.</p></body></html>")
MAIL.html_mail("h6-html-font-size-zero",
               '<html><body><p>UK SEC<span style="font-size:0px">xq</span>RET</p>'
               '<p>Route options follow.</p>'
               '<p>UK SEC<span style="font-size: 0">xq</span>RET</p></body></html>')
MAIL.html_mail("h6-html-hidden-attribute",
               "<html><body><p>UK SEC<span hidden>xq</span>RET</p><p>Route options follow.</p>"
               "<p>UK SEC<span hidden>xq</span>RET</p></body></html>")
MAIL.html_mail("h6-neg-html-small-font",
               '<html><body><p>Agenda<span style="font-size:0.8em"> (draft)</span></p>'
               "<p>Lunch is at noon.</p></body></html>")
# Word's hidden text (w:vanish, ECMA-376 Part 1, 17.3.2.41) inside a
# marking: Word shows "UK SECRET"; read also without the hidden run.
HIDDEN_XQ = ('<w:p><w:r><w:t>UK SEC</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>xq</w:t>'
             '</w:r><w:r><w:t>RET</w:t></w:r></w:p>')
attach("h6-docx-hidden-letters-in-banner",
       docx(HIDDEN_XQ + para("Route options follow.") + HIDDEN_XQ), "route.docx", DOCX)
attach("h6-neg-docx-hidden-note",
       docx(para("Lunch is at noon.") + '<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr>'
            "<w:t>Bring a plate.</w:t></w:r></w:p>"), "lunch.docx", DOCX)

# p2, ODF: LibreOffice's Insert > Page Break is a paragraph whose automatic
# style breaks the page before it (ODF 1.2 Part 1, 20.193 fo:break-before).
ODT = "application/vnd.oasis.opendocument.text"
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def odt_para(t, style=None):
    s = ' text:style-name="%s"' % style if style else ""
    return "<text:p%s>%s</text:p>" % (s, t)


ODT_BODY = ("".join(odt_para(t) for t in ["OFFICIAL", "Cover note"] +
                    ["Summary line %d of the cover note, as agreed at the meeting." % i
                     for i in range(40)] + ["OFFICIAL"]) +
            odt_para("UK SECRET", "Break") + odt_para("Annex A") +
            odt_para("Route options in detail.") + odt_para("UK SECRET") +
            odt_para("OFFICIAL", "Break") + odt_para("Distribution") +
            "".join(odt_para("Copy %d: J3 Plans, desk %d." % (i, i)) for i in range(20)) +
            odt_para("OFFICIAL"))
attach("p2-odt-annex-page-break", ooxml_fixture.zipped([
    ("mimetype", ODT),
    ("META-INF/manifest.xml", XML + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
     'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
     'manifest:media-type="%s"/><manifest:file-entry manifest:full-path="content.xml" '
     'manifest:media-type="text/xml"/></manifest:manifest>' % ODT),
    ("content.xml", XML + '<office:document-content %s><office:automatic-styles>'
     '<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties '
     'fo:break-before="page"/></style:style></office:automatic-styles><office:body>'
     "<office:text>%s</office:text></office:body></office:document-content>"
     % (ODF_NS, ODT_BODY))], ZIP_DATE), "plan.odt", ODT)

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 42 (helper r42h; the fresh tester
13's findings, /work/tester13.md): banner lines with page furniture or a
descriptor after a blank (f1: findings 1, 3, 4), Word and LibreOffice
tracked changes over a marking (f2: findings 2, 7), a Calc header's regions
(f5), Office parts that hold no text (f6), and the fail-closed cases
(message/partial, a vector-only PDF page: findings 8, 17).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte (zip dates and MIME boundaries are fixed). Each is a row
(where = eml) of ../positives.tsv or ../negatives.tsv.
"""
import os, sys, zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round42b-boundary"
ZIP_DATE = (2026, 12, 4, 9, 0, 0)
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, text_mail, attach = MAIL.write, MAIL.text_mail, MAIL.attach
XML, W = ooxml_fixture.XML, ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."


def zipped(members):
    return ooxml_fixture.zipped(members, ZIP_DATE)


def para(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


TAB = "<w:r><w:tab/></w:r>"
PROSE = para(run(NOTE)) + para(run("Route and timings as agreed at the planning meeting."))


def field(instr, result):
    """A complex field (ECMA-376 Part 1, 17.16.18) with its cached result."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, run(result)))


def docx(body=PROSE, header=None, footer=None, extra=()):
    """extra: (path, data) members added as they are (a part Office writes
    beside the document's own)."""
    members = [("[Content_Types].xml", ooxml_fixture.content_types(
        "word/document.xml", DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
         % (W, body))]
    if header is not None:
        members.append(("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (W, header)))
    if footer is not None:
        members.append(("word/footer1.xml", XML + "<w:ftr %s>%s</w:ftr>" % (W, footer)))
    members.extend(extra)
    return zipped(members)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def odf(kind, mimetype, body, styles_body=None, extra=()):
    content = (XML + '<office:document-content %s office:version="1.2">'
               '<office:body><office:%s>%s</office:%s></office:body>'
               '</office:document-content>') % (ODF_NS, kind, body, kind)
    members = [("mimetype", mimetype), ("content.xml", content)]
    if styles_body is not None:
        members.append(("styles.xml", XML + '<office:document-styles %s office:version="1.2">'
                        "%s</office:document-styles>" % (ODF_NS, styles_body)))
    members.extend(extra)
    return zipped(members)


def pdf(*pages):
    return ooxml_fixture.text_pdf(pages)


def text_page(*lines):
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL "
    ops += b" ".join(b"(%s) '" % line for line in lines)
    return ops + b" ET"


# f1 (findings 1, 3, 4): a tier and page furniture, a descriptor or a
# caveat after a blank on the banner line.
def page_line(marking):
    return para(run(marking + " Page "), field("PAGE", "1"), run(" of "),
                field("NUMPAGES", "3"))


attach("f1-docx-header-footer-page", docx(header=page_line("UK SECRET"),
                                          footer=page_line("UK SECRET")),
       "brief.docx", DOCX)
attach("f1-docx-footer-only-page", docx(footer=page_line("UK SECRET")), "brief.docx", DOCX)
attach("f1-docx-mixed-os-commercial",
       docx(header=para(run("Official-Sensitive Commercial")),
            footer=para(run("Official-Sensitive Commercial"))), "tender.docx", DOCX)
attach("f1-docx-body-ref-tab",
       docx(body=para(run("MOD/2026/114"), TAB, run("UK SECRET"), TAB, run("Page 1 of 3")) +
            PROSE + para(run("MOD/2026/114"), TAB, run("UK SECRET"), TAB, run("Page 3 of 3"))),
       "brief.docx", DOCX)
attach("f1-pdf-nato-secret-page",
       pdf(text_page(b"NATO SECRET Page 1 of 3", b"", NOTE.encode(), b"",
                     b"NATO SECRET Page 1 of 3")), "doc.pdf", "application/pdf")
attach("f1-odt-ref-tab",
       odf("text", ODT, "<text:p>REF 114<text:tab/>UK SECRET<text:tab/>Page 1</text:p>"
           "<text:p>%s</text:p>" % NOTE), "r.odt", ODT)
attach("f1-neg-docx-secret-recipes",
       docx(body=para(run("Secret recipes for busy weeknights")) +
            para(run("Try the lemon tart this week, then the brisket."))),
       "recipes.docx", DOCX)


# f2 (findings 2, 7): a marking changed with Track Changes on. The
# original is read as a revision of its own beside the current text.
def changed(old, new):
    """What Word writes when, tracking changes, `old` is selected and `new`
    typed over it (ECMA-376 Part 1, 17.13.5.14 del, 17.13.5.18 ins)."""
    return para('<w:del w:id="1" w:author="A" w:date="2026-12-01T09:00:00Z"><w:r>'
                '<w:delText>%s</w:delText></w:r></w:del>'
                '<w:ins w:id="2" w:author="A" w:date="2026-12-01T09:00:00Z">%s</w:ins>'
                % (old, run(new)))


attach("f2-docx-track-secret-to-official",
       docx(header=changed("SECRET", "OFFICIAL"), footer=changed("SECRET", "OFFICIAL")),
       "brief.docx", DOCX)
attach("f2-docx-track-ts-to-os",
       docx(header=changed("TOP SECRET", "OFFICIAL-SENSITIVE"),
            footer=changed("TOP SECRET", "OFFICIAL-SENSITIVE")), "brief.docx", DOCX)
attach("f2-docx-body-track-uk-secret",
       docx(body=changed("UK SECRET", "OFFICIAL") + PROSE + changed("UK SECRET", "OFFICIAL")),
       "brief.docx", DOCX)
attach("f2-odt-tracked-deletion",
       odf("text", ODT, '<text:tracked-changes><text:changed-region text:id="c1">'
           "<text:deletion><office:change-info><dc:creator>A</dc:creator>"
           "<dc:date>2026-12-01T09:00:00</dc:date></office:change-info>"
           "<text:p>UK SECRET</text:p></text:deletion></text:changed-region>"
           '</text:tracked-changes><text:p><text:change text:change-id="c1"/>OFFICIAL</text:p>'
           "<text:p>%s</text:p>" % NOTE), "r.odt", ODT)
# A typo fixed inside the marking stays one word in each revision.
attach("f2-docx-typo-fixed-in-word",
       docx(header=para(run("SECRE"), '<w:ins w:id="3" w:author="A"><w:r><w:t>T</w:t></w:r></w:ins>'),
            footer=para(run("SECRET"))), "brief.docx", DOCX)
attach("f2-neg-docx-deleted-word-in-prose",
       docx(body=para(run("The "), '<w:del w:id="4" w:author="A"><w:r><w:delText>secret '
                      "</w:delText></w:r></w:del>", run("recipe for the lemon tart is attached.")) +
            para(run("Try it this week."))), "recipe.docx", DOCX)


# f5 (finding 5): a Calc page header's left, centre and right regions
# (ODF 1.2 Part 1, 16.6; Format > Page Style > Header) are one header line.
def ods_with_header(left, center, right):
    regions = ("<style:region-left><text:p>%s</text:p></style:region-left>"
               "<style:region-center><text:p>%s</text:p></style:region-center>"
               "<style:region-right><text:p>%s</text:p></style:region-right>"
               % (left, center, right))
    sheet = ('<table:table table:name="Targets"><table:table-row><table:table-cell>'
             "<text:p>Site</text:p></table:table-cell><table:table-cell><text:p>Grid"
             "</text:p></table:table-cell></table:table-row></table:table>")
    return odf("spreadsheet", ODS, sheet,
               '<office:master-styles><style:master-page style:name="Default">'
               "<style:header>%s</style:header></style:master-page></office:master-styles>"
               % regions)


attach("f5-ods-header-regions",
       ods_with_header("Ref 114", "UK SECRET", "Page <text:page-number>1</text:page-number>"),
       "targets.ods", ODS)
attach("f5-neg-ods-header-regions",
       ods_with_header("Acme Ltd", "Budget 2026", "Page <text:page-number>1</text:page-number>"),
       "budget.ods", ODS)


# f6 (held list, finding 6): parts Office writes that hold no text are
# skipped, not unread; a part in their place that is not what they are
# stays unreadable.
XLSX_TYPES = ooxml_fixture.content_types("xl/workbook.xml", XLSX[:-5] + "sheet.main+xml")


def xlsx(extra=()):
    members = [("[Content_Types].xml", XLSX_TYPES),
               ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "xl/workbook.xml"),
               ("xl/workbook.xml", XML + '<workbook xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><sheets><sheet name="Budget" sheetId="1"/></sheets>'
                "</workbook>"),
               ("xl/worksheets/sheet1.xml", XML + '<worksheet xmlns="http://schemas.openxmlformats.'
                'org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
                "<t>Travel budget 2026</t></is></c></row></sheetData></worksheet>")]
    members.extend(extra)
    return zipped(members)


def devmode(printer="HP LaserJet Pro M404", extra=64):
    """A DEVMODEW ([MS-RPRN] 2.2.2.1): the device name in 32 UTF-16 units,
    dmSpecVersion, dmDriverVersion, dmSize (220), dmDriverExtra, the rest of
    the public fields as zeros, then the driver's private bytes."""
    name = printer.encode("utf-16-le").ljust(64, b"\0")
    head = name + bytes([0x01, 0x04, 0x00, 0x06]) + (220).to_bytes(2, "little") + \
        extra.to_bytes(2, "little")
    return head + b"\0" * (220 - len(head)) + bytes(range(extra))


attach("f6-neg-xlsx-printer-settings",
       xlsx([("xl/printerSettings/printerSettings1.bin", devmode())]), "budget.xlsx", XLSX)
attach("f6-neg-docx-embedded-font",
       docx(extra=[("word/fonts/font1.odttf", bytes(range(256)) * 4)]), "review.docx", DOCX)
attach("f6-neg-docx-hdphoto",
       docx(extra=[("word/media/hdphoto1.wdp", b"II\xbc\x01" + bytes(range(200)))]),
       "review.docx", DOCX)
attach("f6-neg-odt-chart-replacement",
       odf("text", ODT, "<text:p>%s</text:p>" % NOTE,
           extra=[("ObjectReplacements/Object 1", b"VCLMTF" + bytes(range(200)))]),
       "budget.odt", ODT)
# Text where printer settings stand is not printer settings: unread, held.
attach("f6-xlsx-text-as-printer-settings",
       xlsx([("xl/printerSettings/printerSettings1.bin",
              b"UK SECRET\n\nThe convoy leaves at 0600.\n\x00\x01\x02")]),
       "budget.xlsx", XLSX)


# f8 (finding 8): a PDF page drawn only with vector paths (CAD's SHX text,
# "text converted to outlines") holds its words in no text layer: not
# read, like a scan. A blank page beside a page of text is read.
def strokes():
    """Sixty short stroked paths, the way a CAD export draws letters."""
    ops = b"1 w "
    for k in range(60):
        x, y = 72 + (k % 20) * 22, 700 - (k // 20) * 40
        ops += b"%d %d m %d %d l %d %d l S " % (x, y, x + 8, y + 24, x + 16, y)
    return ops


attach("f8-pdf-vector-only", pdf(strokes()), "drawing.pdf", "application/pdf")
attach("f8-neg-pdf-text-and-blank-page", pdf(text_page(NOTE.encode()), b""),
       "notes.pdf", "application/pdf")


# f17 (finding 17): a message/partial fragment (RFC 2046 5.2.2) is one
# piece of a message; the rest is not here.
write("f17-message-partial",
      MAIL.head % ("route pack (1/2)", "f17-message-partial") +
      'Content-Type: message/partial; id="pack@example.org"; number=1; total=2\n\n'
      "From: alice@example.org\nTo: bob@outside-partner.com\nSubject: route pack\n"
      "MIME-Version: 1.0\nContent-Type: text/plain\n\n"
      "The route options are below.\n\nRoute A: north gate at 0600.\n")

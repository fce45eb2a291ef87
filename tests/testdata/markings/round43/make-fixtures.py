#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 43 (helper s43f): what a document
still holds of its past (a PDF's earlier revisions left by incremental
updates: p1; Word's moved text: w2), documents in one XML file or in RTF
(f3), the NHS number detector (n4), and the smaller items (s5).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. Each is a row (where = eml) of ../positives.tsv or
../negatives.tsv. The documents are built from the formats' public
specifications (ISO 32000-1, ECMA-376, ODF 1.2, the RTF 1.9.1
specification); the names, places and figures are made up.
"""
import os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round43-boundary"
ZIP_DATE = (2026, 12, 4, 9, 0, 0)
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, text_mail, attach = MAIL.write, MAIL.text_mail, MAIL.attach
XML, W = ooxml_fixture.XML, ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NOTE = b"The convoy leaves at 0600 on Thursday from the north gate."


def text_page(*lines):
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL "
    ops += b" ".join(b"(%s) '" % line for line in lines)
    return ops + b" ET"


def updated(pdf, changes, info=None):
    """`pdf` saved again by incremental update (ISO 32000-1, 7.5.6): the
    changed objects (number -> body) appended, then a cross-reference
    section for them, a trailer whose /Prev names the previous one, and
    startxref and %%EOF. Everything before stays as it was."""
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    size = int(re.findall(rb"/Size (\d+)", pdf)[-1])
    out = pdf
    offsets = {}
    for number, body in sorted(changes.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    extra = b" /Info %d 0 R" % info if info else b""
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (max([size] + [n + 1 for n in changes]), prev, extra, xref))
    return out


def stream(content):
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


# p1 (tester 13 finding 9): the page's content stream (object 4 in
# text_pdf's numbering) replaced by a later save; the first save's still in
# the file.
FIRST = ooxml_fixture.text_pdf([text_page(b"UK SECRET", b"", NOTE, b"", b"UK SECRET")])
attach("p1-pdf-earlier-revision-secret",
       updated(FIRST, {4: stream(text_page(b"OFFICIAL", b"", NOTE, b"", b"OFFICIAL"))}),
       "brief.pdf", "application/pdf")
# Saved three times: SECRET, then TOP SECRET, then OFFICIAL; the highest
# earlier one decides.
TWICE = updated(FIRST, {4: stream(text_page(b"TOP SECRET", b"", NOTE, b"", b"TOP SECRET"))})
attach("p1-pdf-two-earlier-revisions",
       updated(TWICE, {4: stream(text_page(b"OFFICIAL", b"", NOTE, b"", b"OFFICIAL"))}),
       "brief.pdf", "application/pdf")
# Negatives: a later save that only adds a title (the pages read the same),
# and one that changes ordinary words.
PLAIN = ooxml_fixture.text_pdf([text_page(b"Agenda", b"", b"Budget review at 10:00 in room 4.")])
attach("p1-neg-pdf-update-adds-title",
       updated(PLAIN, {6: b"<< /Title (Budget review) >>"}, info=6),
       "agenda.pdf", "application/pdf")
attach("p1-neg-pdf-update-changes-words",
       updated(PLAIN, {4: stream(text_page(b"Agenda", b"", b"Budget review at 11:00 in room 2."))}),
       "agenda.pdf", "application/pdf")
# A revision that is marked as the final one is: nothing added, one finding.
SAME = ooxml_fixture.text_pdf([text_page(b"UK SECRET", b"", NOTE, b"", b"UK SECRET")])
attach("p1-pdf-update-same-marking",
       updated(SAME, {6: b"<< /Title (Convoy) >>"}, info=6),
       "brief.pdf", "application/pdf")


def para(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def run(text, deleted=False):
    tag = "w:delText" if deleted else "w:t"
    return '<w:r><%s xml:space="preserve">%s</%s></w:r>' % (tag, text, tag)


def docx(body):
    return ooxml_fixture.zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("word/document.xml",
                                                            DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
         % (W, body))], ZIP_DATE)


def move(kind, text, deleted=False):
    """A moved run (ECMA-376 Part 1, 17.13.5.22 moveFrom, 17.13.5.25 moveTo)."""
    return '<w:%s w:id="5" w:author="A" w:date="2026-12-03T10:00:00Z">%s</w:%s>' % (
        kind, run(text, deleted), kind)


# w2 (tester 13 finding 7): the banner line moved with Track Changes on:
# the moved-from "SECRET" and the word after it are two words, in the
# document as it read before (deleted text), and the moved-to "SECRET"
# beside the words it now stands against reads as a word too.
ROUTE = para(run("Route and timings as agreed at the planning meeting."))
attach("w2-docx-moved-banner",
       docx(para(move("moveFrom", "UK SECRET", deleted=True), run("Convoy")) + ROUTE +
            para(run("Convoy"), move("moveTo", "UK SECRET"))),
       "brief.docx", DOCX)
attach("w2-neg-docx-moved-words",
       docx(para(move("moveFrom", "Budget", deleted=True), run("Review")) + ROUTE +
            para(run("Review"), move("moveTo", "Budget"))),
       "notes.docx", DOCX)


# f3 (tester 13 finding 18): Flat ODF, the whole package in one XML file
# (ODF 1.2 Part 1, 2.2.1 office:document), and RTF (RTF 1.9.1).
FLAT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def flat(kind, body, header=None, styles=""):
    master = ""
    if header is not None:
        master = ('<office:master-styles><style:master-page style:name="Standard">'
                  "<style:header>%s</style:header></style:master-page></office:master-styles>"
                  % header)
    return (XML + '<office:document %s office:version="1.2" office:mimetype='
            '"application/vnd.oasis.opendocument.%s"><office:styles>%s</office:styles>%s'
            "<office:body><office:%s>%s</office:%s></office:body></office:document>"
            % (FLAT_NS, kind, styles, master, kind, body, kind)).encode()


FODT = "application/vnd.oasis.opendocument.text-flat-xml"
attach("f3-fodt-body-banner",
       flat("text", "<text:p>UK SECRET</text:p><text:p>%s</text:p><text:p>UK SECRET</text:p>"
            % NOTE.decode()), "brief.fodt", FODT)
attach("f3-fodt-header-ref-tab",
       flat("text", "<text:p>%s</text:p>" % NOTE.decode(),
            header="<text:p>Ref 114<text:tab/>OFFICIAL-SENSITIVE<text:tab/>Page 1</text:p>"),
       "brief.fodt", "application/octet-stream")
# Capitals set by the document's own style (fo:text-transform), as in a
# zipped ODF's styles.xml.
attach("f3-fodt-styled-caps",
       flat("text", '<text:p text:style-name="Banner">top secret</text:p><text:p>%s</text:p>'
            '<text:p text:style-name="Banner">top secret</text:p>' % NOTE.decode(),
            styles='<style:style style:name="Banner" style:family="paragraph">'
                   '<style:text-properties fo:text-transform="uppercase"/></style:style>'),
       "brief.fodt", FODT)
attach("f3-fods-cell-banner",
       flat("spreadsheet", '<table:table table:name="Targets"><table:table-row><table:table-cell>'
            "<text:p>SECRET//NOFORN</text:p></table:table-cell></table:table-row>"
            "<table:table-row><table:table-cell><text:p>Bridge 4</text:p></table:table-cell>"
            "<table:table-cell><text:p>0600</text:p></table:table-cell></table:table-row>"
            "</table:table>"), "targets.fods",
       "application/vnd.oasis.opendocument.spreadsheet-flat-xml")
attach("f3-fodp-slide-banner",
       flat("presentation", '<draw:page draw:name="Slide 1"><draw:frame><draw:text-box>'
            "<text:p>NATO SECRET</text:p><text:p>Exercise plan</text:p></draw:text-box>"
            "</draw:frame></draw:page>"), "brief.fodp",
       "application/vnd.oasis.opendocument.presentation-flat-xml")
attach("f3-neg-fodt-secret-santa",
       flat("text", "<text:p>Secret Santa 2026</text:p><text:p>Sign up by Friday; the "
            "budget is ten pounds.</text:p>"), "santa.fodt", FODT)
# The tester's own shape, with no office:mimetype and no styles.
attach("f3-fodt-malformed",
       b'<?xml version="1.0"?><office:document ' + FLAT_NS.encode() +
       b"><office:body><office:text><text:p>UK SECRET</text:p>", "brief.fodt", FODT)

RTF = "application/rtf"
attach("f3-rtf-header-banner",
       b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}{\\colortbl;\\red0\\green0\\blue0;}"
       b"\\f0\\fs24 {\\header \\pard\\qc SECRET\\par}{\\footer \\pard\\qc SECRET\\par}"
       b"\\pard The route is via the north gate.\\par Timings to follow.\\par}",
       "brief.rtf", RTF)
# \'c8 (Windows-1252 E grave) in a Canadian French banner; \u8209 (U+2011,
# non-breaking hyphen) with its "?" fallback in a UK compound form.
attach("f3-rtf-escapes",
       b"{\\rtf1\\ansi\\ansicpg1252\\uc1 \\pard TR\\'c8S SECRET\\par "
       b"Plan de transport.\\par TR\\'c8S SECRET\\par}", "plan.rtf", RTF)
attach("f3-rtf-unicode-compound",
       b"{\\rtf1\\ansi\\uc1 \\pard OFFICIAL\\u8209?SENSITIVE\\par Pay file for December."
       b"\\par OFFICIAL\\u8209?SENSITIVE\\par}", "pay.rtf", "application/octet-stream")
# A field's instruction is code, not shown text; a picture's hex is no words.
attach("f3-neg-rtf-letter",
       b"{\\rtf1\\ansi {\\fonttbl {\\f0 Arial;}}{\\info{\\title Soup}{\\author Jo}}"
       b"\\pard Dear Sam,\\par the secret to good soup is time.\\par "
       b"{\\field{\\*\\fldinst HYPERLINK \"SECRET\"}{\\fldrslt recipes}}\\par "
       b"{\\pict\\pngblip 53454352455420}\\par}", "letter.rtf", RTF)
attach("f3-rtf-unbalanced", b"{\\rtf1\\ansi \\pard UK SECRET\\par {\\b route", "brief.rtf", RTF)


# n4 (tester 13 item 22.3): NHS numbers beside their label.
text_mail("n4-nhs-number-labelled",
          "Patient NHS number 943 476 5919, DOB 01/02/1960, referred for CT.\n")
text_mail("n4-nhs-number-unspaced", "Referral for Mr Jones (NHS No: 4010232137).\n")
text_mail("n4-neg-nhs-bad-check-digit", "NHS number 943 476 5918 does not match the spine.\n")
text_mail("n4-neg-phone-and-order",
          "Call the NHS 111 line or the surgery on 0161 496 0000. "
          "Order 943 476 5919 was dispatched today.\n")

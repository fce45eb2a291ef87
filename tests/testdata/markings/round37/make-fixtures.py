#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 37: NATO's level abbreviations
leading a subject set off by ' - ', ' | ' or opening brackets, and after a
gateway's unbracketed notice (d1); a form's column header naming the levels
(d2); ODF table rows read as one line, and Word's empty last cell (d3);
capitals from ODF presentation styles and Word table styles (d4); CSS
var() and escapes (d5).
Run from this directory with python3 (standard library only); the .eml
files are committed, and this records how they were made. Output is
byte-for-byte the same run to run (fixed zip dates and boundaries). Names
given on the command line write only those fixtures.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round37-boundary"
ZIP_DATE = (2026, 12, 3, 9, 0, 0)
MAIL = ooxml_fixture.MailFixtures("Thu, 03 Dec 2026 09:00:00 +0000", BOUNDARY, ONLY)
write, text_mail, html_mail, attach = MAIL.write, MAIL.text_mail, MAIL.html_mail, MAIL.attach
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
MINUTES = ("Minutes of the project board, 3 December.\n"
           "Actions are listed below.\n")


def zipped(members):
    return ooxml_fixture.zipped(members, ZIP_DATE)


XML = ooxml_fixture.XML
W = ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PKG_RELS = ooxml_fixture.PKG_RELS % "word/document.xml"
TYPES = ooxml_fixture.content_types("word/document.xml", DOCX + ".main+xml")


def wpara(text):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % text


def wtable(*rows):
    """Rows of cells; a cell is a text, or None for a cell with no paragraph."""
    def tc(text):
        return "<w:tc><w:tcPr/>%s</w:tc>" % ("" if text is None else wpara(text))
    return "<w:tbl><w:tblPr/>%s</w:tbl>" % "".join(
        "<w:tr>%s</w:tr>" % "".join(tc(c) for c in r) for r in rows)


def docx(body, styles_xml=None):
    members = [("[Content_Types].xml", TYPES), ("_rels/.rels", XML + PKG_RELS),
               ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body>"
                "</w:document>" % (W, body))]
    if styles_xml is not None:
        members.append(("word/styles.xml", XML + "<w:styles %s>%s</w:styles>" % (W, styles_xml)))
    return zipped(members)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
STYLED_NS = (ODF_NS + ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
ODP = "application/vnd.oasis.opendocument.presentation"


def otable(*rows):
    def tc(text):
        return ("<table:table-cell/>" if text is None else
                "<table:table-cell><text:p>%s</text:p></table:table-cell>" % text)
    return '<table:table table:name="T1">%s</table:table>' % "".join(
        "<table:table-row>%s</table:table-row>" % "".join(tc(c) for c in r) for r in rows)


def odf(kind, mimetype, body, automatic=""):
    styles = ""
    if automatic:
        styles = "<office:automatic-styles>%s</office:automatic-styles>" % automatic
    content = (XML + '<office:document-content %s office:version="1.2">'
               '%s<office:body><office:%s>%s</office:%s></office:body>'
               '</office:document-content>') % (STYLED_NS if automatic else ODF_NS,
                                                 styles, kind, body, kind)
    return zipped([("mimetype", mimetype), ("content.xml", content)])


def opara(text):
    return "<text:p>%s</text:p>" % text


# d1: NATO's abbreviations leading a subject (nato-eu.toml, subject_head =
# "only"; position.h, AbbreviationLeadsSubject).
BODY = "The exercise order is attached. Units report by 0600.\n"
text_mail("r37-d1-subject-ctsa-dash", BODY, "CTSA - annex")
text_mail("r37-d1-subject-ctsa-bracket", BODY, "RE: [CTSA] annex")
text_mail("r37-d1-subject-caution-ctsa", BODY, "CAUTION: EXTERNAL EMAIL CTSA: annex")
text_mail("r37-d1-subject-caution-dash-ctsa", BODY, "CAUTION: EXTERNAL EMAIL - CTSA | annex")
text_mail("r37-d1-subject-cts-rel-dash", BODY, "CTS//REL TO SWE - exercise plan")
text_mail("r37-d1-subject-nc-atomal", BODY, "NC//ATOMAL: annex")
text_mail("r37-d1-subject-ns-atomal", BODY, "(NS ATOMAL) annex")
text_mail("r37-d1-neg-subject-nca", "Fraud trends for the week are attached.\n",
          "NCA: weekly fraud briefing")
text_mail("r37-d1-neg-subject-cts-bracket", "Your ticket has been closed.\n",
          "[CTS] ticket 5512 closed")
text_mail("r37-d1-neg-subject-cts-dash", "Please rate our service.\n",
          "CTS - customer survey")

# d2: a form's column header row names the levels; a banner row in cells
# does not.
text_mail("r37-d2-neg-text-levels-header",
          "UNCLASSIFIED\tCONFIDENTIAL\tSECRET\n\n" + MINUTES)
text_mail("r37-d2-neg-text-levels-pipes",
          "| OFFICIAL | OFFICIAL-SENSITIVE | SECRET |\n\n" + MINUTES)
html_mail("r37-d2-neg-html-levels-header",
          "<html><body><table><tr><th>UNCLASSIFIED</th><th>CONFIDENTIAL</th>"
          "<th>SECRET</th><th>TOP SECRET</th></tr><tr><td>12</td><td>4</td><td>1</td>"
          "<td>0</td></tr></table><p>Counts of files reviewed this week.</p></body></html>")
attach("r37-d2-neg-docx-levels-header",
       docx(wtable(["OFFICIAL / OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"],
                   ["Open", "Vault", "Room 4"]) + wpara("Where each class of paper is kept.")),
       "storage.docx", DOCX)
text_mail("r37-d2-text-banner-row",
          "MOD/2026/114 | SECRET | Page 1 of 3\n\n" + NOTE + "\n\nMOD/2026/114 | SECRET | Page 1 of 3\n")

# d3: ODF rows as one line; Word's empty last cell.
attach("r37-d3-odt-banner-row",
       odf("text", ODT, otable(["MOD/2026/114", "UK SECRET", "Page 1 of 3"]) + opara(NOTE)
           + otable(["MOD/2026/114", "UK SECRET", "Page 1 of 3"])),
       "plan.odt", ODT)
attach("r37-d3-neg-ods-levels-header",
       odf("spreadsheet", ODS, otable(["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"],
                                      ["12", "4", "1"])),
       "counts.ods", ODS)
attach("r37-d3-docx-empty-cell-then-banner",
       docx(wtable(["Acme Defence Ltd", None]) + wpara("TOP SECRET") + wpara(NOTE)
            + wpara("TOP SECRET")),
       "plan.docx", DOCX)

# d4: capitals set by an ODF presentation style and a Word table style;
# "uk top secret" counts only in capitals (uk.toml).
BANNER = "uk top secret"
PR1 = ('<style:style style:name="pr1" style:family="presentation"><style:text-properties '
       'fo:text-transform="uppercase"/></style:style>')


def frame(text, style=None):
    attr = ' presentation:style-name="%s"' % style if style else ""
    return ('<draw:frame%s><draw:text-box><text:p>%s</text:p></draw:text-box></draw:frame>'
            % (attr, text))


attach("r37-d4-odp-presentation-caps",
       odf("presentation", ODP, '<draw:page draw:name="p1">%s%s%s</draw:page>'
           % (frame(BANNER, "pr1"), frame(NOTE), frame(BANNER, "pr1")), automatic=PR1),
       "brief.odp", ODP)
attach("r37-d4-docx-table-style-caps",
       docx('<w:tbl><w:tblPr><w:tblStyle w:val="Banner"/></w:tblPr><w:tr><w:tc>%s</w:tc>'
            '</w:tr></w:tbl>%s<w:tbl><w:tblPr><w:tblStyle w:val="Banner"/></w:tblPr><w:tr>'
            '<w:tc>%s</w:tc></w:tr></w:tbl>' % (wpara(BANNER), wpara(NOTE), wpara(BANNER)),
            styles_xml='<w:style w:type="table" w:styleId="Banner"><w:rPr><w:caps/></w:rPr>'
                       '</w:style>'),
       "plan.docx", DOCX)

# d5: CSS custom properties and escapes in the rule that sets capitals.
html_mail("r37-d5-html-var",
          "<html><head><style>:root { --mark: uppercase }\n.banner { text-transform: "
          "var(--mark) }</style></head><body><p class='banner'>%s</p><p>%s</p>"
          "<p class='banner'>%s</p></body></html>" % (BANNER, NOTE, BANNER))
html_mail("r37-d5-html-escape",
          "<html><head><style>.banner { text-transform: \\75ppercase }</style></head>"
          "<body><p class='banner'>%s</p><p>%s</p><p class='banner'>%s</p></body></html>"
          % (BANNER, NOTE, BANNER))
html_mail("r37-d5-neg-html-var-none",
          "<html><head><style>:root { --mark: none }\n.banner { text-transform: "
          "var(--mark, uppercase) }</style></head><body><p class='banner'>%s</p><p>%s</p>"
          "</body></html>" % (BANNER, NOTE))

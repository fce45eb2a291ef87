#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 35 (b13t): capitals set by
formatting (HTML style sheets, Word caps and small caps, ODF
text-transform and small-caps, PowerPoint cap="all"), backspace overstrike,
banners in a Word header's table and banners split by tabs or between
table cells. Run from this directory with python3 (standard library only);
the .eml files are committed, and this records how they were made. Output
is byte-for-byte the same run to run (fixed zip dates and boundaries).
Names given on the command line write only those fixtures.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ooxml_fixture import (PKG_RELS, W, XML, MailFixtures, content_types,  # noqa: E402
                           zipped)

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round35-boundary"
MAIL = MailFixtures("Thu, 03 Dec 2026 09:00:00 +0000", BOUNDARY, ONLY)
write, text_mail, html_mail, attach = MAIL.write, MAIL.text_mail, MAIL.html_mail, MAIL.attach


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"


def para(*runs, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))


def run(text, rpr=""):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        "<w:rPr>%s</w:rPr>" % rpr if rpr else "", text)


def cell(*paras):
    return "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>%s</w:tc>" % "".join(paras)


def table(*rows):
    return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>%s</w:tbl>" % "".join(
        "<w:tr>%s</w:tr>" % "".join(r) for r in rows)


PROSE = (para(run("The convoy leaves at 0600 on Thursday from the north gate."))
         + para(run("Route and timings as agreed at the planning meeting.")))


def styles(*style_xml, defaults=""):
    return (XML + "<w:styles %s>%s%s</w:styles>" % (
        W, "<w:docDefaults><w:rPrDefault><w:rPr>%s</w:rPr></w:rPrDefault>"
        "</w:docDefaults>" % defaults if defaults else "", "".join(style_xml)))


def docx(body=PROSE, header=None, styles_xml=None):
    members = [("[Content_Types].xml", content_types(
        "word/document.xml", DOCX + ".main+xml")),
        ("_rels/.rels", XML + PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body>"
         "</w:document>" % (W, body))]
    if header is not None:
        members.append(("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (W, header)))
    if styles_xml is not None:
        members.append(("word/styles.xml", styles_xml))
    return zipped(members)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def odt(body, automatic="", common=""):
    content = (XML + '<office:document-content %s office:version="1.2">'
               '<office:automatic-styles>%s</office:automatic-styles>'
               '<office:body><office:text>%s</office:text></office:body>'
               '</office:document-content>') % (ODF_NS, automatic, body)
    members = [("mimetype", ODT), ("content.xml", content)]
    if common:
        members.append(("styles.xml", XML + '<office:document-styles %s>'
                        '<office:styles>%s</office:styles></office:document-styles>'
                        % (ODF_NS, common)))
    return zipped(members)


A = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')


def pptx(*paragraphs):
    body = "".join("<a:p>%s</a:p>" % p for p in paragraphs)
    slide = (XML + '<p:sld %s><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" '
             'name="Title 1"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody>'
             '<a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp></p:spTree></p:cSld></p:sld>'
             % (A, body))
    return zipped([
        ("[Content_Types].xml", content_types("ppt/presentation.xml", PPTX + ".main+xml")),
        ("_rels/.rels", XML + PKG_RELS % "ppt/presentation.xml"),
        ("ppt/presentation.xml", XML + '<p:presentation %s/>' % A),
        ("ppt/slides/slide1.xml", slide)])


def arun(text, cap=None):
    rpr = '<a:rPr lang="en-GB"%s/>' % (' cap="%s"' % cap if cap else "")
    return "<a:r>%s<a:t>%s</a:t></a:r>" % (rpr, text)


# Defect 1: capitals set by formatting. "uk top secret" counts only in
# capitals (uk.toml), so each positive is none without its formatting.
BANNER = "uk top secret"
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."

# HTML: <style> rules.
html_mail("d1-html-class", '<html><head><style>\n.banner { color: red; text-transform: uppercase; }\n'
          '</style></head><body><p class="banner">%s</p><p>%s</p><p class="banner">%s</p>'
          '</body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-html-media-small-caps", '<html><head><style>\n@media screen and (min-width: 480px) {\n'
          '  div.mark { font-variant: small-caps }\n}\n</style></head><body><div class="mark">%s'
          '</div><p>%s</p><div class="mark">%s</div></body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-html-descendant", '<html><head><style type="text/css"><!--\n/* banner */\n'
          '#page .top > span { text-transform: uppercase !important }\n--></style></head>'
          '<body><div id="page"><p class="top"><span style="color:red">%s</span></p><p>%s</p>'
          '<p class="top"><span>%s</span></p></div></body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-html-body-style", '<html><body><style>h2{text-transform:uppercase}</style>'
          '<h2>%s</h2><p>%s</p><h2>%s</h2></body></html>' % (BANNER, NOTE, BANNER))
# Negatives: a rule that selects something else, a state, a later "none",
# generated content.
html_mail("d1-neg-html-other-class", '<html><head><style>.title { text-transform: uppercase }'
          '</style></head><body><p class="note">%s</p><p>%s</p><p class="note">%s</p>'
          '<p class="title">Weekly notes</p></body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-neg-html-hover", '<html><head><style>p.banner:hover { text-transform: uppercase }'
          '</style></head><body><p class="banner">%s</p><p>%s</p><p class="banner">%s</p>'
          '</body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-neg-html-none-later", '<html><head><style>.banner { text-transform: uppercase }\n'
          '.plain { text-transform: none }</style></head><body><p class="banner plain">%s</p>'
          '<p>%s</p><p class="banner plain">%s</p></body></html>' % (BANNER, NOTE, BANNER))
html_mail("d1-neg-html-inline-none", '<html><head><style>p { text-transform: uppercase }'
          '</style></head><body><p style="text-transform: none">%s</p><p style="text-transform:'
          'none">%s</p><p style="text-transform:none">%s</p></body></html>' % (BANNER, NOTE, BANNER))

# Word: caps and small caps, direct and by style.
attach("d1-docx-caps-direct", docx(para(run(BANNER, "<w:b/><w:caps/>")) + PROSE +
                                   para(run(BANNER, "<w:caps/>"))), "plan.docx", DOCX)
attach("d1-docx-smallcaps-direct", docx(para(run(BANNER, '<w:smallCaps w:val="true"/>')) + PROSE +
                                        para(run(BANNER, "<w:smallCaps/>"))), "plan.docx", DOCX)
BANNER_STYLE = ('<w:style w:type="paragraph" w:styleId="Marking"><w:name w:val="Marking"/>'
                '<w:basedOn w:val="Normal"/><w:rPr><w:caps/></w:rPr></w:style>')
BANNER_CHILD = ('<w:style w:type="paragraph" w:styleId="MarkingBold"><w:name w:val="Marking Bold"/>'
                '<w:basedOn w:val="Marking"/><w:rPr><w:b/></w:rPr></w:style>')
NORMAL = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '</w:style>')
attach("d1-docx-caps-pstyle", docx(para(run(BANNER), style="MarkingBold") + PROSE +
                                   para(run(BANNER), style="Marking"),
                                   styles_xml=styles(NORMAL, BANNER_STYLE, BANNER_CHILD)),
       "plan.docx", DOCX)
CHAR_STYLE = ('<w:style w:type="character" w:styleId="MarkChar"><w:name w:val="Mark Char"/>'
              '<w:rPr><w:smallCaps/></w:rPr></w:style>')
attach("d1-docx-smallcaps-rstyle", docx(para(run(BANNER, '<w:rStyle w:val="MarkChar"/>')) + PROSE +
                                        para(run(BANNER, '<w:rStyle w:val="MarkChar"/>')),
                                        styles_xml=styles(NORMAL, CHAR_STYLE)), "plan.docx", DOCX)
attach("d1-docx-caps-header-style", docx(PROSE, header=para(run(BANNER), style="Marking"),
                                         styles_xml=styles(NORMAL, BANNER_STYLE)), "plan.docx", DOCX)
# Negatives: caps switched off on the run; caps on another paragraph.
attach("d1-neg-docx-caps-off", docx(para(run(BANNER, '<w:caps w:val="0"/>'), style="Marking") + PROSE +
                                    para(run(BANNER, '<w:caps w:val="false"/>'), style="Marking"),
                                    styles_xml=styles(NORMAL, BANNER_STYLE)), "plan.docx", DOCX)
attach("d1-neg-docx-caps-elsewhere", docx(para(run("Weekly notes"), style="Marking") +
                                          para(run(BANNER)) + PROSE + para(run(BANNER)),
                                          styles_xml=styles(NORMAL, BANNER_STYLE)), "plan.docx", DOCX)

# ODF: automatic styles in content.xml, common styles in styles.xml.
T1 = ('<style:style style:name="T1" style:family="text"><style:text-properties '
      'fo:text-transform="uppercase"/></style:style>')
attach("d1-odt-text-transform", odt('<text:p><text:span text:style-name="T1">%s</text:span></text:p>'
                                    '<text:p>%s</text:p><text:p><text:span text:style-name="T1">%s'
                                    '</text:span></text:p>' % (BANNER, NOTE, BANNER), automatic=T1),
       "plan.odt", ODT)
MARKING_P = ('<style:style style:name="Marking" style:family="paragraph"><style:text-properties '
             'fo:font-variant="small-caps"/></style:style>')
P1 = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Marking">'
      '<style:paragraph-properties fo:text-align="center"/></style:style>')
attach("d1-odt-small-caps-parent", odt('<text:p text:style-name="P1">%s</text:p><text:p>%s</text:p>'
                                       '<text:p text:style-name="P1">%s</text:p>' % (BANNER, NOTE, BANNER),
                                       automatic=P1, common=MARKING_P), "plan.odt", ODT)
T2 = ('<style:style style:name="T2" style:family="text"><style:text-properties '
      'fo:text-transform="none"/></style:style>')
attach("d1-neg-odt-span-none", odt('<text:p text:style-name="P1"><text:span text:style-name="T2">%s'
                                   '</text:span></text:p><text:p>%s</text:p><text:p text:style-name="P1">'
                                   '<text:span text:style-name="T2">%s</text:span></text:p>'
                                   % (BANNER, NOTE, BANNER), automatic=P1 + T2, common=MARKING_P),
       "plan.odt", ODT)

# PowerPoint: cap="all" and cap="small" on the run.
attach("d1-pptx-cap-all", pptx(arun(BANNER, "all"), arun(NOTE), arun(BANNER, "small")),
       "brief.pptx", PPTX)
attach("d1-neg-pptx-cap-none", pptx(arun(BANNER, "none"), arun(NOTE), arun(BANNER)),
       "brief.pptx", PPTX)

# Defect 2: backspace overstrike, as nroff and line printers write bold
# ("S\bS") and underline ("_\bS").
def bold(s):
    return "".join(c + "\b" + c if c != " " else c for c in s)


def underline(s):
    return "".join("_\b" + c if c != " " else c for c in s)


def under_after(s):
    return "".join(c + "\b_" if c != " " else c for c in s)


text_mail("d2-bold-banner", bold("SECRET//NOFORN") + "\n\n" + NOTE + "\n\n" + bold("SECRET//NOFORN") + "\n")
text_mail("d2-underline-banner", underline("UK SECRET") + "\n\n" + NOTE + "\n\n" + underline("UK SECRET") + "\n")
text_mail("d2-underline-after", under_after("UK TOP SECRET") + "\n\n" + NOTE + "\n\n" +
          under_after("UK TOP SECRET") + "\n")
MAN = ("NAME\n       convoy - timings\n\n" + bold("OFFICIAL-SENSITIVE") + "\n\n"
       "DESCRIPTION\n       " + NOTE + "\n\n" + bold("OFFICIAL-SENSITIVE") + "\n")
attach("d2-attachment-man-page", MAN.encode(), "convoy.txt", "text/plain")
text_mail("d2-portion-bold", "Hi Bob,\n\n1. " + bold("(S//NF)") + " " + NOTE + "\n\nThanks,\nAlice\n")
# Negatives: overstrike of ordinary words.
text_mail("d2-neg-bold-santa", bold("Secret Santa") + " sign-up closes on Friday.\n\n"
          "Bring a gift under ten pounds.\n")
text_mail("d2-neg-underline-prose", "The " + underline("secret") + " to a good brew is time.\n")

# Defect 3: a Word header's table, banners split by tabs or table cells.
HDR_TABLE = table([cell(para(run("MOD/2026/114"))), cell(para(run("UK SECRET"))),
                   cell(para(run("Page 1 of 3")))])
attach("d3-docx-header-table", docx(PROSE, header=HDR_TABLE), "plan.docx", DOCX)
HDR_TABLE_ROWS = table([cell(para(run("Ministry of Defence"))), cell(para(run("Ref: MOD/2026/114")))],
                       [cell(para(run("SECRET//NOFORN"))), cell(para(run("Copy 2 of 5")))])
attach("d3-docx-header-table-rows", docx(PROSE, header=HDR_TABLE_ROWS), "plan.docx", DOCX)
TAB_BANNER = para(run("SECRET"), "<w:r><w:tab/></w:r>", run("//"), "<w:r><w:tab/></w:r>", run("NOFORN"))
attach("d3-docx-body-tabs", docx(TAB_BANNER + PROSE + TAB_BANNER), "plan.docx", DOCX)
CELL_BANNER = table([cell(para(run("SECRET"))), cell(para(run("//NOFORN")))])
attach("d3-docx-body-cells", docx(CELL_BANNER + PROSE + CELL_BANNER), "plan.docx", DOCX)
text_mail("d3-text-tabs", "SECRET\t//\tNOFORN\n\n" + NOTE + "\n\nSECRET\t//\tNOFORN\n")
text_mail("d3-text-tab-one-side", "SECRET\t//NOFORN\n\n" + NOTE + "\n\nSECRET//\tNOFORN\n")
html_mail("d3-html-cells", "<html><body><table><tr><td>SECRET</td><td>//NOFORN</td></tr></table>"
          "<p>%s</p><table><tr><td>SECRET</td><td>//NOFORN</td></tr></table></body></html>" % NOTE)
html_mail("d3-html-cells-three", "<html><body><table><tr><td>SECRET</td><td>//</td><td>REL TO USA, GBR"
          "</td></tr></table><p>%s</p></body></html>" % NOTE)
# Negatives: a table of paths and a tabbed list that only look alike.
html_mail("d3-neg-html-cells-paths", "<html><body><table><tr><td>Share</td><td>//fileserver/"
          "projects</td></tr><tr><td>Secret</td><td>//vault/keys</td></tr></table><p>%s</p>"
          "</body></html>" % NOTE)
text_mail("d3-neg-text-tabs-list", "Item\tStatus\nSecret Santa\t// done\nParking\t// open\n")

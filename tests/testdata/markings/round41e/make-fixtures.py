#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 41 (helper r41e; a fresh tester's
list): markings in Word DOCPROPERTY fields (d1), Titus headers whose
property is not the classification (d2), MSIP labels both enabled and
disabled (d3), PDF watermarks (d4), DOCX banners split by a tab (d5), and
ordinary mail held for clearances (d6, d7), a company's tab-separated footer
(d8) and grading keys (d9).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte (zip dates and MIME boundaries are fixed).
"""
import base64, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round41e-boundary"
ZIP_DATE = (2026, 12, 4, 9, 0, 0)
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, text_mail, attach = MAIL.write, MAIL.text_mail, MAIL.attach
XML, W = ooxml_fixture.XML, ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."


def head(name, subject, extra=""):
    return ("From: alice@example.org\nTo: bob@outside-partner.com\n"
            "Subject: %s\nMessage-ID: <%s@example.org>\nDate: %s\n%s"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            % (subject, name, DATE, extra))


def para(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


TAB = "<w:r><w:tab/></w:r>"
PROSE = para(run(NOTE)) + para(run("Route and timings as agreed at the planning meeting."))
CUSTOM_NS = ('xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
             'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"')


def custom_xml(props):
    return XML + "<Properties %s>%s</Properties>" % (CUSTOM_NS, "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s">'
        "<vt:lpwstr>%s</vt:lpwstr></property>" % (i + 2, n, v)
        for i, (n, v) in enumerate(props)))


def docx(body=PROSE, header=None, footer=None, custom=None):
    members = [("[Content_Types].xml", ooxml_fixture.content_types(
        "word/document.xml", DOCX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body></w:document>"
         % (W, body))]
    if header is not None:
        members.append(("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (W, header)))
    if footer is not None:
        members.append(("word/footer1.xml", XML + "<w:ftr %s>%s</w:ftr>" % (W, footer)))
    if custom is not None:
        members.append(("docProps/custom.xml", custom_xml(custom)))
    return ooxml_fixture.zipped(members, ZIP_DATE)


def complex_field(instr, result):
    """A complex field (ECMA-376 Part 1, 17.16.18): begin, instruction,
    separate, the cached result Word shows, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, run(result) if result else ""))


def simple_field(instr, result):
    """A simple field (17.16.19): w:fldSimple holding its cached result."""
    return '<w:fldSimple w:instr=" %s ">%s</w:fldSimple>' % (
        instr.replace('"', "&quot;"), run(result) if result else "")


# d1: DOCPROPERTY fields in a header or footer.
attach("d1-docx-docproperty-complex-header",
       docx(header=para(complex_field("DOCPROPERTY Classification \\* MERGEFORMAT", "UK SECRET")),
            footer=para(complex_field("DOCPROPERTY Classification \\* MERGEFORMAT", "UK SECRET"))),
       "plan.docx", DOCX)
attach("d1-docx-docproperty-simple-footer",
       docx(footer=para(simple_field("DOCPROPERTY Classification", "SECRET//NOFORN"))),
       "plan.docx", DOCX)
# The cached result empty (fields not yet updated): the property resolves it.
attach("d1-docx-docproperty-unupdated",
       docx(header=para(complex_field("DOCPROPERTY ProtectiveMark", "")),
            custom=[("ProtectiveMark", "OFFICIAL-SENSITIVE")]),
       "plan.docx", DOCX)
attach("d1-docx-docproperty-other-name",
       docx(footer=para(simple_field('DOCPROPERTY "Sec Mark"', "")),
            custom=[("Sec Mark", "TOP SECRET")]),
       "plan.docx", DOCX)
# Negative: a DOCPROPERTY field giving a company name and a page number.
attach("d1-neg-docx-docproperty-company",
       docx(footer=para(complex_field("DOCPROPERTY Company", "Acme Ltd"), TAB,
                        complex_field("PAGE", "1")),
            custom=[("Company", "Acme Ltd"), ("Department", "Catering")]),
       "menu.docx", DOCX)


# ODF's document fields: text:user-defined shows a meta:user-defined
# property (ODF 1.2 Part 1, 7.5.6 and 4.3.2.4), in a page header.
ODT = "application/vnd.oasis.opendocument.text"
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def odt(header, meta_props=()):
    members = [("mimetype", ODT),
               ("content.xml", XML + '<office:document-content %s office:version="1.2">'
                "<office:body><office:text><text:p>%s</text:p></office:text></office:body>"
                "</office:document-content>" % (ODF_NS, NOTE)),
               ("styles.xml", XML + "<office:document-styles %s><office:master-styles>"
                '<style:master-page style:name="Standard"><style:header><text:p>%s</text:p>'
                "</style:header></style:master-page></office:master-styles>"
                "</office:document-styles>" % (ODF_NS, header)),
               ("meta.xml", XML + '<office:document-meta %s office:version="1.2"><office:meta>'
                "<meta:generator>LibreOffice/7.4</meta:generator>%s</office:meta>"
                "</office:document-meta>" % (ODF_NS, "".join(
                    '<meta:user-defined meta:name="%s">%s</meta:user-defined>' % p
                    for p in meta_props)))]
    return ooxml_fixture.zipped(members, ZIP_DATE)


attach("d1-odt-user-defined-header",
       odt('<text:user-defined text:name="Classification">UK SECRET</text:user-defined>',
           [("Classification", "UK SECRET")]), "plan.odt", ODT)
attach("d1-odt-user-defined-unupdated",
       odt('<text:user-defined text:name="ProtectiveMark"/>', [("ProtectiveMark", "TOP SECRET")]),
       "plan.odt", ODT)


# d2: Titus headers whose properties are not named Classification.
def titus(props):
    import json
    return base64.b64encode(json.dumps({"Props": [
        {"n": n, "vals": [{"value": v}]} for n, v in props]}).encode()).decode()


def header_mail(name, extra, subject="Quarterly numbers"):
    write(name, head(name, subject, extra) + "Hi Bob,\n\nThe figures are below.\n\nAlice\n")


header_mail("d2-titus-metadata-other-property",
            "x-titus-metadata-40: %s\n" % titus([("AcmeSensitivity", "ACME RESTRICTED")]))
header_mail("d2-titus-labels-access", "X-Titus-Labels-Access: Restricted to Finance\n")
header_mail("d2-tituslabs-other-property",
            "x-tituslabs-classifications-30: TLPropertyRoot=ACME;Marking=Restricted;\n")
# The classification property beside another: only the classification.
header_mail("d2-titus-metadata-classification-and-other",
            "x-titus-metadata-40: %s\n" % titus([("Classification", "SECRET"),
                                                 ("Author", "Alice")]))

# d3: a Purview label both enabled and disabled.
G1 = "0a1b2c3d-4141-4e0e-8000-000000000001"
SITE = "72f988bf-86f1-41af-91ab-2d7cd011db47"
header_mail("d3-msip-enabled-and-disabled",
            "msip_labels: MSIP_Label_%s_Enabled=true; MSIP_Label_%s_Name=Secret_0;\n"
            " MSIP_Label_%s_SiteId=%s; MSIP_Label_%s_Enabled=false;\n" % (G1, G1, G1, SITE, G1))
header_mail("d3-msip-disabled-then-enabled",
            "msip_labels: MSIP_Label_%s_Enabled=false; MSIP_Label_%s_Name=Secret_0;\n"
            " MSIP_Label_%s_SiteId=%s; MSIP_Label_%s_Enabled=True;\n" % (G1, G1, G1, SITE, G1))
header_mail("d3-msip-disabled-level-name",
            "msip_labels: MSIP_Label_%s_Enabled=false; MSIP_Label_%s_Name=Secret_0;\n"
            " MSIP_Label_%s_SiteId=%s;\n" % (G1, G1, G1, SITE))


# d4: PDF watermarks.
def pdf(content):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 3 0 R >> /ExtGState << /GS1 << /ca 0.2 >> >> >> "
               b"/Contents 4 0 R >>"]
    return ooxml_fixture.pdf_file(objects)


LETTER = (b"BT /F1 11 Tf 72 700 Td 14 TL (Dear Bob,) ' "
          b"(The convoy leaves at 0600 on Thursday from the north gate.) ' "
          b"(Route and timings as agreed at the planning meeting.) ' "
          b"(Regards, Alice) ' ET ")
# A light grey word drawn at 45 degrees across the page (cos 45 = 0.7071).
ROTATED = (b"q /GS1 gs 0.8 g BT /F1 96 Tf 0.7071 0.7071 -0.7071 0.7071 150 250 Tm "
           b"(%s) Tj ET Q ")
PDFT = "application/pdf"
attach("d4-pdf-watermark-rotated", pdf(LETTER + ROTATED % b"SECRET"), "letter.pdf", PDFT)
attach("d4-pdf-watermark-rotated-first", pdf(ROTATED % b"TOP SECRET" + LETTER), "letter.pdf", PDFT)
attach("d4-pdf-watermark-spaced",
       pdf(LETTER + (ROTATED % b"S E C R E T")), "letter.pdf", PDFT)
attach("d4-neg-pdf-watermark-draft", pdf(LETTER + ROTATED % b"DRAFT"), "letter.pdf", PDFT)
attach("d4-neg-pdf-watermark-paid", pdf(LETTER + ROTATED % b"Paid in full"), "invoice.pdf", PDFT)
# A stamp up the left margin (a quarter turn).
attach("d4-pdf-margin-vertical",
       pdf(LETTER + b"q BT /F1 28 Tf 0 1 -1 0 40 300 Tm (UK SECRET) Tj ET Q "),
       "letter.pdf", PDFT)

# d5: a Word banner split by a tab.
attach("d5-docx-tab-secret-noforn",
       docx(body=para(run("SECRET"), TAB, run("NOFORN")) + PROSE + para(run("SECRET"), TAB, run("NOFORN"))),
       "plan.docx", DOCX)
attach("d5-docx-tab-top-secret-header", docx(header=para(run("TOP"), TAB, run("SECRET"))),
       "plan.docx", DOCX)
attach("d5-docx-tab-secret-noforn-footer", docx(footer=para(run("SECRET"), TAB, run("NOFORN"))),
       "plan.docx", DOCX)
attach("d5-docx-tab-top-secret-body",
       docx(body=para(run("TOP"), TAB, run("SECRET")) + PROSE), "plan.docx", DOCX)

# d6: a recruiter's mail.
text_mail("d6-neg-recruiter-ts-sci",
          "Hi Bob,\n\nWe have a systems engineer role in Reston, VA. Must hold an active "
          "TS/SCI with polygraph. Salary 150-180k.\n\nLet me know if you are interested.\n\n"
          "Jo Recruiter\n", "Systems engineer, Reston")
text_mail("d6-neg-recruiter-ts-sci-requirements",
          "Requirements:\n- Active TS/SCI with Full Scope Poly\n- 5 years of Python\n"
          "- TS/SCI w/ CI poly preferred\n\nApply by Friday.\n", "Role: data engineer")

# The clearance in a job advert's subject: a job title on the line.
text_mail("d6-neg-subject-ts-sci-title", "Hi Bob,\n\nA role you may like.\n\nJo\n",
          "TS/SCI Systems Engineer - Reston")
text_mail("d6-neg-subject-ts-sci-bracketed", "Hi Bob,\n\nA role you may like.\n\nJo\n",
          "Intelligence Analyst (TS/SCI) - Chantilly")
# A real short banner leading a subject still counts.
text_mail("d6-subject-ts-sci-banner", "The convoy leaves at 0600.\n", "TS/SCI: convoy route")

# d7: clearances in a staff list.
attach("d7-neg-csv-clearance-column",
       b"Name,Role,Clearance,Expires\r\nJ Smith,Analyst,SECRET,2027-03\r\n"
       b"A Jones,Engineer,TS/SCI,2026-11\r\nK Patel,Admin,SC,2028-01\r\nL Brown,Director,DV,2027-06\r\n",
       "staff.csv", "text/csv")
attach("d7-neg-csv-vetting-column",
       b"Name;Security clearance;Team\r\nJ Smith;SECRET;Ops\r\nA Jones;TOP SECRET;Intel\r\n",
       "team.csv", "text/csv")
# A marked staff list: the banner row still counts.
attach("d7-csv-clearance-column-marked",
       b"OFFICIAL-SENSITIVE\r\nName,Clearance\r\nJ Smith,SECRET\r\n",
       "staff.csv", "text/csv")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def xlsx(rows):
    """A workbook of one sheet: `rows` of cell texts, every text a shared
    string (as Excel saves them, ECMA-376 Part 1, 18.4), numbers as numbers."""
    strings, cells_xml = [], []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, value in enumerate(row):
            ref = "%s%d" % ("ABCDEFGH"[c], r)
            if value.isdigit():
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, value))
                continue
            if value not in strings:
                strings.append(value)
            cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, strings.index(value)))
        cells_xml.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    return ooxml_fixture.zipped([
        ("[Content_Types].xml", ooxml_fixture.content_types("xl/workbook.xml", XLSX + ".main+xml")),
        ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", XML + '<workbook %s><sheets><sheet name="Staff" sheetId="1"/></sheets>'
         "</workbook>" % SML),
        ("xl/worksheets/sheet1.xml", XML + "<worksheet %s><sheetData>%s</sheetData></worksheet>"
         % (SML, "".join(cells_xml))),
        ("xl/sharedStrings.xml", XML + '<sst %s count="%d">%s</sst>' % (
            SML, len(strings), "".join("<si><t>%s</t></si>" % t for t in strings))),
    ], ZIP_DATE)


attach("d7-neg-xlsx-clearance-column",
       xlsx([["Name", "Role", "Clearance", "Expires"], ["J Smith", "Analyst", "SECRET", "2027"],
             ["A Jones", "Engineer", "TS/SCI", "2026"], ["K Patel", "Admin", "SC", "2028"],
             ["L Brown", "Director", "DV", "2027"]]), "staff.xlsx", XLSX)
attach("d7-xlsx-marked-cell",
       xlsx([["SECRET//NOFORN"], ["Route", "Time"], ["North gate", "0600"], ["SECRET//NOFORN"]]),
       "plan.xlsx", XLSX)

# d8: a company's footer split by tabs.
text_mail("d8-neg-company-footer-tabs",
          "Hi Bob,\n\nThe invoice is attached.\n\nRegards,\nAlice\n\nAcme Ltd\tCONFIDENTIAL\tPage 1\n",
          "Invoice 4471")
attach("d8-neg-docx-company-footer-tabs",
       docx(footer=para(run("Acme Ltd"), TAB, run("CONFIDENTIAL"), TAB, run("Page 1"))),
       "invoice.docx", DOCX)

# A mission's name has no legal form: its tier in a cell stays a banner.
text_mail("d8-mission-footer-tabs",
          "The convoy leaves at 0600.\n\nKFOR\tCONFIDENTIAL\tPage 1\n", "Convoy")

# d9: grading keys in an appraisal form.
text_mail("d9-neg-grading-key",
          "Annual appraisal form\n\nKey: (S) Satisfactory (U) Unsatisfactory (C) Commendable\n\n"
          "Teamwork: S\nInitiative: C\n\nPlease return by Friday.\n", "Appraisal form")
text_mail("d9-neg-grading-key-lines",
          "Annual appraisal form\n\nGrades:\n(S) Satisfactory\n(U) Unsatisfactory\n"
          "(C) Commendable\n\nTeamwork: S\nInitiative: C\n", "Appraisal")
text_mail("d9-portion-one-word-sentence",
          "SECRET\n\n(S) Soldiers crossed the river at 0600.\n\n(C) Convoy.\n\nSECRET\n", "Route")
text_mail("d9-portion-marks-still",
          "SECRET\n\n(S) The convoy leaves at 0600.\n\n(U) Weather is fair.\n\nSECRET\n", "Convoy")

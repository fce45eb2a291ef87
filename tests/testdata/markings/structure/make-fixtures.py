#!/usr/bin/env python3
"""Writes the document-structure fixtures of issue 13's eighth round: where
a marking stands inside an attachment's structure (spreadsheet page headers
and their format codes, header and footer cells split by tabs, ODF line
breaks, Word's non-breaking hyphen, labels in docMetadata/LabelInfo.xml,
Office files with no telling name, RTF and legacy Office). Run from this
directory with python3 (standard library only); the .eml files are
committed, and this records how they were made. Output is byte-for-byte
the same run to run (fixed zip dates, fixed MIME boundaries).
"""
import base64, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ooxml_fixture import PKG_RELS, W, XML, content_types, zipped  # noqa: E402

BOUNDARY = "nearmiss-structure-boundary"


def eml(name, attachment, filename, ctype, body="See the attached file.\n"):
    disp = 'attachment; filename="%s"' % filename if filename else "attachment"
    ct = '%s; name="%s"' % (ctype, filename) if filename else ctype
    data = base64.encodebytes(attachment).decode()
    text = (
        "From: alice@example.org\n"
        "To: bob@outside-partner.com\n"
        "Subject: files\n"
        "Message-ID: <%s@example.org>\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0000\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="%s"\n\n'
        "--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n"
        "--%s\nContent-Type: %s\nContent-Disposition: %s\n"
        "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
    ) % (name, BOUNDARY, BOUNDARY, body, BOUNDARY, ct, disp, data, BOUNDARY)
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


def html_eml(name, html):
    text = (
        "From: alice@example.org\n"
        "To: bob@outside-partner.com\n"
        "Subject: form\n"
        "Message-ID: <%s@example.org>\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0000\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n%s\n"
    ) % (name, html)
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


def para(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


PROSE = (para(run("The convoy leaves at 0600 on Thursday from the north gate."))
         + para(run("Route and timings as agreed at the planning meeting.")))


def docx(body=PROSE, header=None, footer=None, extra=(), rels_first=False):
    members = [("[Content_Types].xml", content_types(
        "word/document.xml", "application/vnd.openxmlformats-officedocument."
        "wordprocessingml.document.main+xml")),
        ("_rels/.rels", XML + PKG_RELS % "word/document.xml"),
        ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body>"
         "</w:document>" % (W, body))]
    if header is not None:
        members.append(("word/header1.xml", XML + "<w:hdr %s>%s</w:hdr>" % (W, header)))
    if footer is not None:
        members.append(("word/footer1.xml", XML + "<w:ftr %s>%s</w:ftr>" % (W, footer)))
    members += list(extra)
    if rels_first:
        members = members[1:] + members[:1]
    return zipped(members)


def xlsx(header_footer="", cells="Budget figures"):
    sheet = (XML + '<worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
             't="inlineStr"><is><t>%s</t></is></c></row><row r="2"><c r="A2">'
             '<v>42</v></c></row></sheetData>%s</worksheet>') % (cells, header_footer)
    return zipped([
        ("[Content_Types].xml", content_types(
            "xl/workbook.xml", "application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet.main+xml")),
        ("_rels/.rels", XML + PKG_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", XML + '<workbook xmlns="http://schemas.openxmlformats'
         '.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/>'
         '</sheets></workbook>'),
        ("xl/worksheets/sheet1.xml", sheet)])


def header_footer(**parts):
    return "<headerFooter>%s</headerFooter>" % "".join(
        "<%s>%s</%s>" % (k, v.replace("&", "&amp;").replace('"', "&quot;"), k)
        for k, v in parts.items())


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def odt(body, styles_header=None):
    content = (XML + '<office:document-content %s office:version="1.2">'
               '<office:body><office:text>%s</office:text></office:body>'
               '</office:document-content>') % (ODF_NS, body)
    members = [("mimetype", "application/vnd.oasis.opendocument.text"),
               ("content.xml", content)]
    if styles_header is not None:
        members.append(("styles.xml", XML + '<office:document-styles %s>'
                        '<office:master-styles><style:master-page style:name='
                        '"Standard"><style:header><text:p>%s</text:p></style:header>'
                        '</style:master-page></office:master-styles>'
                        '</office:document-styles>' % (ODF_NS, styles_header)))
    return zipped(members)


def pdf(lines, xmp=None, fields=()):
    """One page, Helvetica, each line a text line (blanks kept); with `xmp`,
    that packet as the catalog's /Metadata stream (ISO 32000-1 14.3.2); each
    of `fields` (a widget annotation's field entries, "/FT /Tx /T (Name) /V
    (value)") a form field on the page and in the catalog's /AcroForm
    (ISO 32000-1 12.7)."""
    content = "BT /F1 10 Tf 40 760 Td 14 TL\n" + "".join(
        "(%s) Tj T*\n" % l for l in lines) + "ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        "<< /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    if xmp is not None:
        objects[0] = "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>"
        objects.append("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\n"
                       "endstream" % (len(xmp), xmp))
    if fields:
        refs = " ".join("%d 0 R" % (len(objects) + 1 + i) for i in range(len(fields)))
        objects[0] = objects[0][:-2] + "/AcroForm << /Fields [%s] >> >>" % refs
        objects[2] = objects[2][:-2] + "/Annots [%s] >>" % refs
        for i, f in enumerate(fields):
            objects.append("<< /Type /Annot /Subtype /Widget %s /Rect [40 %d 300 %d] "
                           "/P 3 0 R >>" % (f, 600 - 30 * i, 620 - 30 * i))
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode()
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)).encode()
    out += "".join("%010d 00000 n \n" % o for o in offsets).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref)).encode()
    return out


def cfb(stream_names):
    """A minimal Compound File Binary ([MS-CFB]): header, one FAT sector,
    one directory sector naming the streams (no stream data: enough for a
    reader that looks at the directory)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")     # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")        # major version 3
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")   # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")        # 512-byte sectors
    header[0x20:0x22] = (6).to_bytes(2, "little")        # 64-byte mini sectors
    header[0x2C:0x30] = (1).to_bytes(4, "little")        # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")        # directory at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")     # mini stream cutoff
    header[0x3C:0x40] = (0xFFFFFFFE).to_bytes(4, "little")
    header[0x44:0x48] = (0xFFFFFFFE).to_bytes(4, "little")
    header[0x4C:0x50] = (0).to_bytes(4, "little")        # FAT at sector 0
    for i in range(1, 109):
        header[0x4C + 4 * i:0x50 + 4 * i] = b"\xFF\xFF\xFF\xFF"
    fat = bytearray(b"\xFF" * sector)
    fat[0:4] = (0xFFFFFFFD).to_bytes(4, "little")        # FAT sector
    fat[4:8] = (0xFFFFFFFE).to_bytes(4, "little")        # end of directory chain
    directory = bytearray()
    for i, name in enumerate(["Root Entry"] + stream_names):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0:len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if i == 0 else 2                   # root / stream
        entry[67] = 1
        none = 0xFFFFFFFF
        entry[68:72] = none.to_bytes(4, "little")        # left sibling
        # The streams hang off the root as a chain of right siblings.
        right = i + 1 if 0 < i < len(stream_names) else none
        entry[72:76] = right.to_bytes(4, "little")
        entry[76:80] = (1 if i == 0 and stream_names else none).to_bytes(4, "little")
        entry[116:120] = (0xFFFFFFFE).to_bytes(4, "little")
        directory += entry
    directory += bytes(sector - len(directory) % sector if len(directory) % sector else 0)
    return bytes(header + fat + directory)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

# Defect 1: spreadsheet page headers and footers, format codes and all.
eml("xlsx-header-purview", xlsx(header_footer(
    oddHeader='&C&"Calibri"&10&K000000SECRET&1#')), "budget.xlsx", XLSX)
eml("xlsx-footer-sections", xlsx(header_footer(
    oddFooter="&LRef 114&CUK TOP SECRET&RPage &P of &N")), "budget.xlsx", XLSX)
eml("xlsx-header-theme-colour", xlsx(header_footer(
    oddHeader="&R&K01+000OFFICIAL-SENSITIVE", oddFooter="&R&K01+000OFFICIAL-SENSITIVE")),
    "budget.xlsx", XLSX)
eml("xlsx-first-header-bold", xlsx(header_footer(
    firstHeader='&C&"Arial,Bold"&BSECRET//NOFORN&B')), "budget.xlsx", XLSX)
eml("xlsx-header-in-zip", zipped([("q3/budget.xlsx", xlsx(header_footer(
    oddHeader='&C&"Calibri"&10&K000000SECRET&1#')))]), "q3.zip", "application/zip")
eml("xlsx-header-plain", xlsx(header_footer(
    oddHeader="&LQuarterly budget&RPage &P of &N", oddFooter="&C&D &T")),
    "budget.xlsx", XLSX)

# Defect 2: a header or footer line of cells: reference, marking, page.
eml("docx-header-tabs", docx(header=para(
    run("MOD/2026/114"), "<w:r><w:tab/></w:r>", run("UK SECRET"),
    "<w:r><w:tab/></w:r>", run("Page 1 of 3"))), "plan.docx", DOCX)
eml("docx-footer-tabs", docx(footer=para(
    run("SECRET"), "<w:r><w:tab/><w:tab/></w:r>", run("1 December 2026"))),
    "plan.docx", DOCX)
eml("docx-header-ptab", docx(header=para(
    run("Ref 114"), '<w:r><w:ptab w:relativeTo="margin" w:alignment="center" '
    'w:leader="none"/></w:r>', run("OFFICIAL-SENSITIVE"))), "plan.docx", DOCX)
eml("odt-header-tabs", odt("<text:p>The figures follow.</text:p>",
    styles_header="Ref 114<text:tab/>UK SECRET<text:tab/>Page 1"), "plan.odt", ODT)
eml("pdf-header-footer-cells", pdf([
    "MOD/2026/114          UK SECRET          Page 1 of 3", "",
    "The convoy leaves at 0600 on Thursday from the north gate.",
    "Route and timings as agreed at the planning meeting.",
    "More text on the plan follows in the annex.", "",
    "UK SECRET          Page 1 of 3"]), "plan.pdf", "application/pdf")
eml("docx-header-tabs-plain", docx(header=para(
    run("Quarterly report"), "<w:r><w:tab/></w:r>", run("Secret Santa list"),
    "<w:r><w:tab/></w:r>", run("Page 1"))), "party.docx", DOCX)

# Defect 6: line breaks and hyphens that are elements, not characters.
eml("odt-line-break", odt(
    "<text:p>UK SECRET<text:line-break/>UK EYES ONLY</text:p>"
    "<text:p>The convoy leaves at 0600.</text:p><text:p>Route as agreed.</text:p>"
    "<text:p>UK SECRET<text:line-break/>UK EYES ONLY</text:p>"), "plan.odt", ODT)
eml("docx-nbhyphen", docx(header=para(
    run("OFFICIAL"), "<w:r><w:noBreakHyphen/></w:r>", run("SENSITIVE"))),
    "plan.docx", DOCX)
eml("docx-carriage-return", docx(body=para(
    '<w:r><w:t>TOP SECRET</w:t><w:cr/><w:t>UK EYES ONLY</w:t></w:r>') + PROSE),
    "plan.docx", DOCX)

# Defect 7: a label in docMetadata/LabelInfo.xml only.
LABEL_INFO = (XML + '<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/'
              'office/2020/mipLabelMetadata"><clbl:label id="{3a4f0c2e-5b6d-4e7f-'
              '8a9b-0c1d2e3f4a5b}" enabled="%s" method="Standard" siteId="{11111111-'
              '2222-3333-4444-555555555555}" removed="%s"/></clbl:labelList>')
eml("docx-labelinfo", docx(extra=[("docMetadata/LabelInfo.xml", LABEL_INFO % ("1", "0"))]),
    "plan.docx", DOCX)
eml("docx-labelinfo-removed", docx(extra=[("docMetadata/LabelInfo.xml", LABEL_INFO % ("1", "1"))]),
    "plan.docx", DOCX)

# Defect 9: Office files with no telling name.
MARKED_DOCX = docx(body=para(run("SECRET")) + PROSE + para(run("SECRET")),
                   rels_first=True)
eml("docx-noname-rels-first", MARKED_DOCX, None, "application/octet-stream")
eml("zip-docx-noext-rels-first", zipped([("plan", MARKED_DOCX)]), "files.zip",
    "application/zip")
eml("cfb-encrypted-noname", cfb(["EncryptionInfo", "EncryptedPackage"]), None,
    "application/octet-stream")

# Defect 10: formats whose text nothing here reads, and HTML definition lists.
RTF = (b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\pard\\qc\\b SECRET\\b0\\par"
       b"\\pard The convoy leaves at 0600.\\par\\pard\\qc\\b SECRET\\b0\\par}")
eml("rtf-attachment", RTF, "plan.rtf", "application/rtf")
eml("rtf-in-zip", zipped([("plan.rtf", RTF)]), "files.zip", "application/zip")
eml("cfb-legacy-doc", cfb(["WordDocument", "1Table"]), "plan.doc", "application/msword")
html_eml("html-dl-banner", "<html><body><dl><dt>SECRET</dt><dd>The convoy leaves at "
         "0600 on Thursday.</dd><dd>Route as agreed.</dd><dt>SECRET</dt></dl></body></html>")
html_eml("html-form-cells", "<html><body><p>Bob,</p><p>Form details below.</p><table>"
         "<tr><td>Reference</td><td>114</td></tr><tr><td>Classification:</td><td>SECRET"
         "</td></tr><tr><td>Owner</td><td>J3 Ops</td></tr></table><p>The convoy leaves "
         "at 0600 on Thursday from the north gate.</p><p>Route as agreed.</p><p>Alice</p>"
         "</body></html>")

# Issue 13, round six: a part that carries labels and does not parse is as
# unreadable as a text part that does not (an error, so incomplete and held
# for an outside address), never silently skipped; the well-formed XMP
# label beside it is read.
eml("docx-custom-malformed", docx(extra=[("docProps/custom.xml", XML +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'custom-properties"><property name="MSIP_Label_3a4f0c2e_Name"><vt:lpwstr>'
    'Secret</vt:lpwstr></property>')]), "plan.docx", DOCX)
eml("docx-labelinfo-malformed", docx(extra=[("docMetadata/LabelInfo.xml",
    (LABEL_INFO % ("1", "0")).replace("</clbl:labelList>", ""))]), "plan.docx", DOCX)
XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
       '1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfx="http://ns.adobe.com/'
       'pdfx/1.3/" pdfx:MSIP_Label_3a4f0c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b_Name="Secret"'
       '%s></rdf:Description></rdf:RDF></x:xmpmeta>')
eml("pdf-xmp-label", pdf(["The convoy leaves at 0600."], XMP % ""), "plan.pdf",
    "application/pdf")
# Issue 13, breaker round 6 item 16: a marking only in a form field's value
# (/V): a text field named Classification, a combo box, a banner in a field
# with no telling name; and a form of ordinary values.
eml("pdf-form-field", pdf(["The convoy leaves at 0600."], fields=[
    "/FT /Tx /T (Classification) /V (SECRET//NOFORN)"]), "plan.pdf", "application/pdf")
eml("pdf-form-choice", pdf(["Exercise plan, annex B."], fields=[
    "/FT /Tx /T (Originator) /V (J. Smith)",
    "/FT /Ch /Ff 131072 /T (Security Classification) "
    "/Opt [(OFFICIAL) (OFFICIAL-SENSITIVE) (SECRET) (TOP SECRET)] /V (TOP SECRET)"]),
    "annex.pdf", "application/pdf")
eml("pdf-form-banner", pdf(["The convoy leaves at 0600."], fields=[
    "/FT /Tx /T (Text1) /V (UK SECRET)"]), "plan.pdf", "application/pdf")
eml("pdf-form-plain", pdf(["Travel claim."], fields=[
    "/FT /Tx /T (Name) /V (Jo Bloggs)",
    "/FT /Tx /T (Classification) /V ()",
    "/FT /Ch /Ff 131072 /T (Grade) /Opt [(Junior) (Senior)] /V (Senior)"]),
    "claim.pdf", "application/pdf")
eml("pdf-xmp-malformed", pdf(["The convoy leaves at 0600."], XMP % ' pdfx:broken="'),
    "plan.pdf", "application/pdf")


def mail(name, subject, body, headers="", ctype="text/plain"):
    """A message of one text part; `headers` lines go before MIME-Version."""
    text = (
        "From: alice@example.org\n"
        "To: bob@outside-partner.com\n"
        "Subject: %s\n"
        "Message-ID: <%s@example.org>\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0000\n"
        "%s"
        "MIME-Version: 1.0\n"
        "Content-Type: %s; charset=utf-8\n\n%s\n"
    ) % (subject, name, headers, ctype, body)
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


# Issue 13, breaker round 6 items 10 to 13 (corpus README, eleventh round):
# UNCLASSIFIED with a public-release statement or a control; Microsoft's
# Confidential label, in msip_labels and as a quoted Outlook
# "Sensitivity: Confidential" line (plain and HTML); the government
# CONFIDENTIAL beside them; marketing and social subjects, and bulk mail.
mail("unclassified-public-release", "Fact sheet",
     "UNCLASSIFIED//FOR PUBLIC RELEASE\n\nThe fact sheet for the open day is "
     "attached.\n\nUNCLASSIFIED//FOR PUBLIC RELEASE")
mail("unclassified-sbu-nf", "Cable summary",
     "UNCLASSIFIED//SBU-NF\n\nThe cable summary is attached.\n\nUNCLASSIFIED//SBU-NF")
MSIP = ("msip_labels: MSIP_Label_3a4f2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9_Enabled=True;\n"
        " MSIP_Label_3a4f2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9_Name=%s;\n"
        " MSIP_Label_3a4f2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9_Method=Standard\n")
mail("purview-confidential", "Draft contract", "Bob, the draft contract as discussed.",
     MSIP % "Confidential")
mail("purview-confidential-sublabel", "Draft contract",
     "Bob, the draft contract as discussed.", MSIP % "Confidential\\All Employees")
mail("purview-highly-confidential", "Draft contract",
     "Bob, the draft contract as discussed.", MSIP % "Highly Confidential")
mail("classification-header-confidential", "Convoy timings",
     "Bob, the convoy leaves at 0600.", "Classification: CONFIDENTIAL\n")
QUOTED = ("From: Carol <carol@example.com>\nSent: Monday, 30 November 2026 09:00\n"
          "To: Jane <jane@example.com>\nSubject: Lease\nImportance: High\n"
          "Sensitivity: %s\n\nJane, see the lease.")
mail("quoted-sensitivity-confidential", "FW: Lease",
     "Hi Bob,\n\nForwarding as discussed.\n\n-----Original Message-----\n"
     + QUOTED % "Confidential")
mail("quoted-sensitivity-confidential-html", "FW: Lease",
     "<html><body><p>Hi Bob,</p><p>Forwarding as discussed.</p>"
     '<div id="divRplyFwdMsg"><b>From:</b> Carol &lt;carol@example.com&gt;<br>'
     "<b>Sent:</b> Monday, November 30, 2026 9:00 AM<br><b>To:</b> Jane<br>"
     "<b>Subject:</b> Lease<br><b>Sensitivity:</b> Confidential</div>"
     "<div>Jane, see the lease.</div></body></html>", ctype="text/html")
mail("quoted-classification-confidential", "FW: Convoy",
     "Hi Bob,\n\nForwarding as discussed.\n\n-----Original Message-----\n"
     "From: Carol <carol@example.mil>\nSent: Monday, 30 November 2026 09:00\n"
     "To: Jane <jane@example.mil>\nSubject: Convoy\nClassification: CONFIDENTIAL\n\n"
     "Jane, the convoy leaves at 0600.")
SHOP = "Hi all,\n\nOur winter collection is here. Shop now at example.com.\n\nThe Example Team"
mail("marketing-secret-sale", "SECRET sale: 50% off everything this weekend", SHOP)
mail("marketing-restricted-time-offer", "RESTRICTED time offer: free delivery", SHOP)
mail("social-secret-santa-caps", "Re: SECRET Santa draw",
     "Hi all,\n\nThe draw is on Monday; the budget is 15 pounds.\n\nJo")
mail("newsletter-secret-preview", "SECRET: members-only preview", SHOP,
     "List-Unsubscribe: <mailto:leave@example.com>\nPrecedence: bulk\n")
mail("subject-secret-deployment", "SECRET deployment plan",
     "Bob, the plan is attached.\n\nAlice")
mail("newsletter-secret-body-banner", "SECRET: convoy timings",
     "SECRET//NOFORN\n\nThe convoy leaves at 0600.\n\nSECRET//NOFORN",
     "List-Unsubscribe: <mailto:leave@example.com>\n")


# Issue 13, breaker round 8 (corpus README, "breaker round 8"). Defect 2: a
# zip named or typed as an Office file is read as the zip it is, and what
# an Office package holds besides its XML parts (embedded objects, stray
# files) is read like an archive member; images have no words, a legacy
# OLE object is unreadable (incomplete). Defect 1 in documents: a banner
# line with a draft note or a page number in a page header or a PDF.
MARKED_TXT = b"UK TOP SECRET\n\nThe convoy leaves at 0600.\n\nUK TOP SECRET\n"
SECRET_TXT = b"SECRET//NOFORN\n\nRoute notes for Thursday.\n\nSECRET//NOFORN\n"
DOCX_TYPE = ("application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document")
eml("zip-renamed-docx", zipped([("a.txt", MARKED_TXT)]), "plan.docx", DOCX_TYPE)
eml("zip-renamed-xlsx", zipped([("notes/route.txt", SECRET_TXT)]), "figures.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
eml("zip-renamed-odt", zipped([("route.txt", SECRET_TXT)]), "notes.odt",
    "application/vnd.oasis.opendocument.text")
eml("zip-typed-docx", zipped([("route.txt", SECRET_TXT)]), "plan.zip", DOCX_TYPE)
eml("zip-of-docx-renamed-docx", zipped([("plan.docx", docx(
    para(run("UK TOP SECRET")) + PROSE + para(run("UK TOP SECRET"))))]),
    "plan.docx", DOCX_TYPE)
eml("docx-embedded-docx", docx(extra=[(
    "word/embeddings/Microsoft_Word_Document1.docx",
    docx(para(run("UK TOP SECRET")) + PROSE + para(run("UK TOP SECRET"))))]),
    "minutes.docx", DOCX_TYPE)
eml("docx-embedded-txt", docx(extra=[("word/embeddings/notes.txt", SECRET_TXT)]),
    "minutes.docx", DOCX_TYPE)
eml("docx-stray-txt", docx(extra=[("word/notes.txt", SECRET_TXT)]),
    "minutes.docx", DOCX_TYPE)
eml("docx-embedded-plain", docx(extra=[
    ("word/embeddings/Microsoft_Word_Document1.docx", docx()),
    ("word/media/image1.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
     b"\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"),
    ("word/vbaProject.bin", cfb(["VBA", "PROJECT"]))]),
    "minutes.docm", DOCX_TYPE)
eml("docx-embedded-ole", docx(extra=[
    ("word/embeddings/oleObject1.bin", cfb(["WordDocument"]))]),
    "minutes.docx", DOCX_TYPE)
eml("docx-header-draft", docx(header=para(run("NATO SECRET - DRAFT"))),
    "report.docx", DOCX_TYPE)
eml("docx-header-draft-plain", docx(header=para(run("DRAFT - Version 3"))),
    "report.docx", DOCX_TYPE)
eml("pdf-banner-page-number", pdf(["UK SECRET - DRAFT", "",
                                   "The convoy leaves at 0600.", "",
                                   "UK SECRET - Page 1 of 3"]),
    "report.pdf", "application/pdf")
# Defects 9 and 10: a recruiter's list of cleared roles; a bulk advert
# headed and closed by the same level word.
mail("recruiter-clearance-list", "Cleared opportunities this week",
     "Hi Bob,\n\nCleared roles this week:\n\nTOP SECRET/SCI - Reston\n"
     "SECRET - Fort Meade\n\nThanks,\nKim")
mail("newsletter-top-secret-edges", "December newsletter",
     "TOP SECRET\n\nShhh... our winter menu launches Friday. Be the first to "
     "book.\n\nTOP SECRET", "List-Unsubscribe: <mailto:unsub@news.example.com>\n")
mail("banner-secret-draft", "Convoy update",
     "SECRET - DRAFT\n\nBob,\n\nThe convoy leaves at 0600 on Thursday from the "
     "north gate.\n\nAlice\n\nSECRET - DRAFT")


# Issue 13, breaker round 8, items left open (corpus README, "breaker round
# 8, open items"). Item 7: Purview's "Classified as <label>" content
# marking, in a body and in a DOCX footer, placed by the label table like
# "Classification: <label>"; a name of a label scheme's shape nobody places
# is unknown-label; prose with the words is nothing.
NOTE = "Bob,\n\nThe figures for the quarter are attached.\n\nAlice"
mail("visual-classified-as-highly-confidential", "Figures",
     NOTE + "\n\nClassified as Highly Confidential")
mail("visual-classified-as-sublabel", "Figures",
     NOTE + "\n\nClassified as Confidential\\All Employees")
mail("visual-this-email-classified-as-secret", "Figures",
     "This email is classified as SECRET\n\n" + NOTE)
mail("visual-label-official-sensitive", "Figures", NOTE + "\n\nLabel: OFFICIAL-SENSITIVE")
mail("visual-classified-as-unknown", "Figures",
     NOTE + "\n\nClassified as Restricted Internal")
mail("visual-classified-as-prose", "Shipping",
     "Bob,\n\nThe solvent is classified as a hazardous material for transport.\n"
     "Tickets are classified as low priority when nobody is blocked.\n\nAlice")
eml("docx-footer-classified-as", docx(footer=para(run("Classified as Highly Confidential"))),
    "figures.docx", DOCX_TYPE)
# Item 13: HTML5 named references for separators that libxml2's HTML 4
# parser leaves as text; the Australian header in lower case, and with no
# classification at all; a label named by what the message carries.
html_eml("html-entity-sol-banner",
         "<p>SECRET&sol;&sol;NOFORN</p><p>Bob, the route is attached.</p>"
         "<p>SECRET&sol;&sol;NOFORN</p>")
html_eml("html-entity-portion",
         "<p>Bob,</p><p>1. &lpar;S&sol;&sol;NF&rpar; The convoy leaves at 0600.</p>"
         "<p>2. &lpar;C&sol;&sol;REL TO USA&comma; GBR&rpar; Route as agreed.</p>")
html_eml("html-entity-au-subject-form",
         "<p>&lsqb;SEC&equals;PROTECTED&rsqb;</p><p>Bob, the brief is attached.</p>")
html_eml("html-entity-escaped",
         "<p>Use &amp;sol; in HTML to write a slash: SECRET&amp;sol;&amp;sol;NOFORN.</p>")
mail("xpm-lower-case", "Brief", NOTE,
     "x-protective-marking: ver=2018.4, ns=gov.au, sec=protected,\n"
     " origin=alice@example.org\n")
mail("xpm-mixed-case-os", "Brief", NOTE,
     "X-Protective-Marking: Ver=2018.4, Ns=gov.au, Sec=Official:Sensitive, "
     "Origin=alice@example.org\n")
mail("xpm-no-classification", "Brief", NOTE,
     "X-Protective-Marking: VER=2018.4, NS=gov.au, ORIGIN=alice@example.org\n")
mail("purview-internal-named", "Figures", NOTE, MSIP % "Internal")
mail("sensitivity-normal-named", "Figures", NOTE, "Sensitivity: Normal\n")
# Item 3: a classification kept in a custom XML data part (SharePoint's
# document library columns, a template's field), and one that names none.
SP_PROPS = ('<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/'
            'metadata/properties"><documentManagement>%s</documentManagement>'
            '</p:properties>')
ITEM_PROPS = ('<ds:datastoreItem ds:itemID="{6A1B2C3D-0000-4000-8000-000000000001}" '
              'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/'
              'customXml"/>')
eml("docx-customxml-sharepoint", docx(extra=[
    ("customXml/item1.xml", XML + SP_PROPS %
     '<Security_x0020_Classification xmlns="http://x.example/">UK SECRET'
     '</Security_x0020_Classification><Owner xmlns="http://x.example/">J. Smith</Owner>'),
    ("customXml/itemProps1.xml", XML + ITEM_PROPS)]), "plan.docx", DOCX_TYPE)
eml("docx-customxml-classification", docx(extra=[
    ("customXml/item1.xml", "<root><Classification>SECRET//NOFORN</Classification></root>")]),
    "plan.docx", DOCX_TYPE)
eml("docx-customxml-unknown", docx(extra=[
    ("customXml/item2.xml", XML + SP_PROPS %
     "<DocumentClassification>Project Falcon</DocumentClassification>")]),
    "plan.docx", DOCX_TYPE)
eml("docx-customxml-plain", docx(extra=[
    ("customXml/item1.xml", XML + SP_PROPS %
     "<Owner>J. Smith</Owner><ReviewDate>2027-01-01</ReviewDate>"
     "<Notes>Secret Santa list</Notes>"),
    ("customXml/itemProps1.xml", XML + ITEM_PROPS)]), "plan.docx", DOCX_TYPE)
eml("docx-customxml-malformed", docx(extra=[
    ("customXml/item1.xml", "<root><Classification>SECRET</root>")]),
    "plan.docx", DOCX_TYPE)
# Item 4: a finding names the level read, each level letter with each
# control list and form (banner, abbreviated banner, portion, mixed case,
# UK caveat, Australian subject label, NATO ATOMAL head).
mail("named-c-rel-banner", "Convoy",
     "C//REL TO USA, GBR\n\nBob,\n\nThe convoy leaves at 0600.\n\nAlice\n\nC//REL TO USA, GBR")
mail("named-levels-each-form", "Convoy",
     "Bob,\n\n1. (C//NF) The convoy leaves at 0600.\n\n2. (S//REL TO USA, GBR) "
     "Route as agreed.\n\n3. (//GBR C) Timings by the liaison officer.\n\nAlice")
mail("named-confidential-mixed-case", "Convoy", "Confidential//NoForn\n\n" + NOTE)
mail("named-confidential-uk-caveat", "CONFIDENTIAL UK EYES ONLY: convoy", NOTE)
mail("named-sec-confidential", "Convoy [SEC=CONFIDENTIAL]", NOTE)
mail("named-nato-atomal", "Convoy", "//NCA\n\n" + NOTE + "\n\n//NCA")

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 45 (helper s45a), from round 44's
tester 13 (/work/tester44-13.md): document properties each a banner of
their own (p1, finding 1: OOXML core and extended properties, ECMA-376
Part 2 11 and Part 1 22.2; ODF meta.xml, ODF 1.2 Part 1 4), Visio shape
texts and XPS fixed pages (v2, finding 2: [MS-VSDX] 2.2.8 Text_Type;
ECMA-388 11 FixedPage and 12.1 Glyphs), a PDF's XMP title, subject,
description and keywords (x4, finding 8: ISO 16684-1 XMP, ISO 32000-2
14.3.2 and 14.7.2 the Metadata stream), classifier metadata in a DOCX (c3,
finding 4: Word document variables, ECMA-376 Part 1 17.15.1.31-32; a
Boldon James Classifier "sisl" custom XML part, ECMA-376 Part 1 22.5; a
custom property named Sensitivity, 22.3).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. The names, places and figures are made up.
"""
import io, os, sys, zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture as ox  # noqa: E402

DATE = (2026, 12, 5, 9, 0, 0)
MAIL = ox.MailFixtures("Sat, 05 Dec 2026 09:00:00 +0000", "nearmiss-round45a-boundary",
                       set(sys.argv[1:]))
XML = ox.XML
BODY = ["Route options follow.", "Timings as agreed at the planning meeting."]


def with_parts(package, parts):
    """The zip `package` with `parts` ((path, text) pairs) added at its end."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    return ox.zipped(members + list(parts), DATE)


def core(**props):
    """docProps/core.xml (ECMA-376 Part 2, 11): `props` by element name."""
    ns = {"title": "dc", "subject": "dc", "creator": "dc", "description": "dc",
          "keywords": "cp", "category": "cp", "contentStatus": "cp",
          "lastModifiedBy": "cp", "revision": "cp"}
    body = "".join("<%s:%s>%s</%s:%s>" % (ns[k], k, v, ns[k], k) for k, v in props.items())
    return ("docProps/core.xml", XML +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            'XMLSchema-instance">%s<dcterms:created xsi:type="dcterms:W3CDTF">'
            "2026-12-01T09:00:00Z</dcterms:created></cp:coreProperties>" % body)


def app(**props):
    """docProps/app.xml (ECMA-376 Part 1, 22.2)."""
    body = "".join("<%s>%s</%s>" % (k, v, k) for k, v in props.items())
    return ("docProps/app.xml", XML +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Microsoft Office Word</Application>'
            "<Pages>1</Pages>%s</Properties>" % body)


def docx(name, *parts):
    MAIL.attach(name, with_parts(ox.docx_package(BODY, date=DATE), parts), "plan.docx",
                ox.DOCX_TYPE)


# p1 (finding 1): each property a page; a real document has Title and
# Author beside the marking.
docx("p1-docx-core-subject", core(title="Route options", subject="UK SECRET",
                                  creator="J Smith", lastModifiedBy="J Smith", revision="3"))
docx("p1-docx-core-keywords", core(title="Redundancy list", keywords="OFFICIAL-SENSITIVE",
                                   creator="HR"))
docx("p1-docx-core-status", core(title="Route plan", contentStatus="OFFICIAL-SENSITIVE",
                                 creator="J Smith"))
docx("p1-docx-core-category", core(title="Annex A", category="UK TOP SECRET",
                                   creator="J Smith"))
docx("p1-docx-app-company", core(title="Route plan", creator="J Smith"),
     app(Company="UK SECRET", Manager="A Jones"))
docx("p1-neg-docx-core-ordinary",
     core(title="The secret to good minutes", subject="Team social",
          keywords="restricted stock units, vesting, official holidays",
          description="Confidential feedback is welcome.", creator="J Smith"),
     app(Company="Example Ltd", Manager="A Jones"))
MAIL.attach("p1-pptx-core", with_parts(ox.pptx_package(BODY, date=DATE),
                                       [core(title="Brief", subject="UK SECRET", creator="J")]),
            "brief.pptx", ox.PPTX_TYPE)
MAIL.attach("p1-xlsx-core", with_parts(ox.xlsx_package([BODY], date=DATE),
                                       [core(title="Figures", keywords="UK SECRET", creator="J")]),
            "figs.xlsx", ox.XLSX_TYPE)

ODF_META = ('<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>'
            "%s</office:meta></office:document-meta>")
META = ("<meta:generator>LibreOffice/7.4</meta:generator><dc:title>Route options</dc:title>"
        "<dc:subject>UK SECRET</dc:subject><meta:keyword>OFFICIAL-SENSITIVE</meta:keyword>"
        "<meta:initial-creator>J Smith</meta:initial-creator><dc:creator>J Smith</dc:creator>")
MAIL.attach("p1-odt-meta", with_parts(ox.odt_package(BODY, date=DATE),
                                      [("meta.xml", XML + ODF_META % META)]),
            "plan.odt", ox.ODT_TYPE)
FODT = (XML + '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:'
        '1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:'
        'oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/'
        '1.1/" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:meta>%s</office:meta><office:body><office:text><text:p>Route options follow."
        "</text:p></office:text></office:body></office:document>" % META)
MAIL.attach("p1-fodt-meta", FODT.encode(), "plan.fodt",
            "application/vnd.oasis.opendocument.text-flat-xml")

# v2 (finding 2): a Visio drawing's shapes, each a line; an XPS document's
# pages read from their Glyphs.
VISIO = 'xmlns="http://schemas.microsoft.com/office/visio/2012/main"'


def vsdx(name, page_shapes, master_shapes=()):
    shapes = lambda texts: "".join('<Shape ID="%d" Type="Shape"><Text>%s</Text></Shape>'
                                   % (n, t) for n, t in enumerate(texts, 1))
    members = [
        ("[Content_Types].xml", XML + '<Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="rels" ContentType="application/'
         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
         'ContentType="application/xml"/><Override PartName="/visio/document.xml" '
         'ContentType="application/vnd.ms-visio.drawing.main+xml"/></Types>'),
        ("_rels/.rels", XML + ox.PKG_RELS % "visio/document.xml"),
        ("visio/document.xml", XML + "<VisioDocument %s/>" % VISIO),
        ("visio/pages/page1.xml", XML + "<PageContents %s><Shapes>%s</Shapes></PageContents>"
         % (VISIO, shapes(page_shapes)))]
    if master_shapes:
        members.append(("visio/masters/master1.xml", XML + "<MasterContents %s><Shapes>%s"
                        "</Shapes></MasterContents>" % (VISIO, shapes(master_shapes))))
    MAIL.attach(name, ox.zipped(members, DATE), "net.vsdx", "application/vnd.ms-visio.drawing")


vsdx("v2-vsdx-shapes", ["UK SECRET", "Network diagram: core routers", "UK SECRET"])
vsdx("v2-vsdx-master-banner", ["Core router", "Edge router"], ["UK SECRET"])
vsdx("v2-neg-vsdx-ordinary", ["Core router", "Secret Santa draw", "Edge router"])

XPS_NS = {"xps": "http://schemas.microsoft.com/xps/2005/06",
          "oxps": "http://schemas.openxps.org/oxps/v1.0"}


def glyphs(y, text, x=96):
    uni = ' UnicodeString="%s"' % text if text is not None else ""
    return ('<Glyphs Fill="#ff000000" FontUri="/Resources/0A1B.odttf" FontRenderingEmSize='
            '"12" OriginX="%d" OriginY="%d" Indices="55;46"%s/>' % (x, y, uni))


def xps(name, pages, flavour="xps"):
    ns = XPS_NS[flavour]
    members = [
        ("[Content_Types].xml", XML + '<Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="fdseq" ContentType="application/'
         'vnd.ms-package.xps-fixeddocumentsequence+xml"/><Default Extension="fdoc" '
         'ContentType="application/vnd.ms-package.xps-fixeddocument+xml"/><Default '
         'Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/>'
         '<Default Extension="odttf" ContentType="application/vnd.ms-package.obfuscated-'
         'opentype"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
         'package.relationships+xml"/></Types>'),
        ("_rels/.rels", XML + '<Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="R0" Type="http://schemas.microsoft'
         '.com/xps/2005/06/fixedrepresentation" Target="/FixedDocSeq.fdseq"/></Relationships>'),
        ("FixedDocSeq.fdseq", '<FixedDocumentSequence xmlns="%s"><DocumentReference Source='
         '"/Documents/1/FixedDoc.fdoc"/></FixedDocumentSequence>' % ns),
        ("Documents/1/FixedDoc.fdoc", '<FixedDocument xmlns="%s">%s</FixedDocument>' % (ns, "".join(
            '<PageContent Source="/Documents/1/Pages/%d.fpage"/>' % n
            for n in range(1, len(pages) + 1))))]
    for n, page in enumerate(pages, 1):
        members.append(("Documents/1/Pages/%d.fpage" % n, '<FixedPage xmlns="%s" Width="816" '
                        'Height="1056" xml:lang="en-GB">%s</FixedPage>' % (ns, "".join(page))))
    # An obfuscated font (ECMA-388 9.1.7.3): bytes of no text.
    members.append(("Resources/0A1B.odttf", bytes(range(256)) * 4))
    MAIL.attach(name, ox.zipped(members, DATE), "route." + flavour,
                "application/vnd.ms-xpsdocument" if flavour == "xps"
                else "application/oxps")


xps("v2-xps-pages", [[glyphs(96, "OFFICIAL"), glyphs(130, "Cover note follows."),
                      glyphs(1000, "OFFICIAL")],
                     [glyphs(96, "UK SECRET"), glyphs(130, "Route options"),
                      glyphs(130, "follow.", 200), glyphs(1000, "UK"),
                      glyphs(1000, "SECRET", 120)]])
xps("v2-oxps-page", [[glyphs(96, "{}UK SECRET"), glyphs(130, "Route options follow."),
                      glyphs(1000, "UK SECRET")]], "oxps")
xps("v2-xps-glyphs-without-text", [[glyphs(96, None), glyphs(130, "Route options follow."),
                                    glyphs(1000, None)]])
xps("v2-neg-xps-ordinary", [[glyphs(96, "Minutes of the planning meeting"),
                             glyphs(130, "The secret to good minutes is brevity.")]])


# x4 (finding 8): a PDF whose title, subject or keywords are only in its
# XMP metadata stream (the Catalog's /Metadata), as PDF 2.0 writes them.
def xmp_pdf(name, description):
    xmp = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:'
           'meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"%s</rdf:Description></rdf:RDF>'
           '</x:xmpmeta><?xpacket end="w"?>' % description).encode()
    page = ox.pdf_page(*BODY)
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
               b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp) + xmp +
               b"\nendstream"]
    MAIL.attach(name, ox.pdf_file(objects), "route.pdf", "application/pdf")


def alt(v):
    return '<rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt>' % v


xmp_pdf("x4-pdf-xmp-subject", "><dc:title>%s</dc:title><dc:creator><rdf:Seq><rdf:li>J Smith"
        "</rdf:li></rdf:Seq></dc:creator><dc:subject><rdf:Bag><rdf:li>routes</rdf:li><rdf:li>"
        "UK SECRET</rdf:li></rdf:Bag></dc:subject>" % alt("Route options"))
xmp_pdf("x4-pdf-xmp-keywords", "><dc:title>%s</dc:title><pdf:Keywords>OFFICIAL-SENSITIVE"
        "</pdf:Keywords>" % alt("Redundancy list"))
xmp_pdf("x4-pdf-xmp-keywords-attribute", ' pdf:Keywords="UK SECRET"><dc:title>%s</dc:title>'
        % alt("Route options"))
xmp_pdf("x4-pdf-xmp-description", "><dc:title>%s</dc:title><dc:description>%s</dc:description>"
        % (alt("Route options"), alt("UK TOP SECRET")))
xmp_pdf("x4-neg-pdf-xmp-ordinary", "><dc:title>%s</dc:title><dc:subject><rdf:Bag><rdf:li>"
        "minutes</rdf:li><rdf:li>the secret to good minutes</rdf:li></rdf:Bag></dc:subject>"
        "<pdf:Keywords>restricted stock units, official holidays</pdf:Keywords>"
        % alt("Planning meeting"))


# c3 (finding 4): where classifier tools and templates keep a label.
def settings(*variables):
    """word/settings.xml with w:docVars (name, value) pairs."""
    return ("word/settings.xml", XML + "<w:settings %s><w:docVars>%s</w:docVars></w:settings>"
            % (ox.W, "".join('<w:docVar w:name="%s" w:val="%s"/>' % v for v in variables)))


def sisl(uid):
    """A Boldon James Classifier label part: customXml/item1.xml and its
    itemProps1.xml naming the label namespace."""
    ns = "http://www.boldonjames.com/2008/01/sie/internal/label"
    return [("customXml/item1.xml", XML + '<sisl xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" sislVersion="0" policy='
             '"6c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" origin="userSelected" xmlns="%s">'
             '<element uid="%s" value="" /></sisl>' % (ns, uid)),
            ("customXml/itemProps1.xml", XML + '<ds:datastoreItem ds:itemID="{2D4F6A8C-1B3E-'
             '4C5D-9E7F-0A1B2C3D4E5F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument'
             '/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="%s"/></ds:schemaRefs>'
             "</ds:datastoreItem>" % ns)]


def custom(*props):
    """docProps/custom.xml (ECMA-376 Part 1, 22.3) of (name, value) pairs."""
    body = "".join('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" '
                   'name="%s"><vt:lpwstr>%s</vt:lpwstr></property>' % (n, k, v)
                   for n, (k, v) in enumerate(props, 2))
    return ("docProps/custom.xml", XML + '<Properties xmlns="http://schemas.openxmlformats.org'
            '/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org'
            '/officeDocument/2006/docPropsVTypes">%s</Properties>' % body)


docx("c3-docx-docvars", settings(("TemplateVersion", "4.2"), ("Classification", "UK SECRET")))
docx("c3-neg-docx-docvars-ordinary", settings(("TemplateVersion", "4.2"),
                                              ("ClientRef", "Secret Santa 2026")))
docx("c3-docx-bj-sisl", *sisl("id_classification_secret"))
docx("c3-docx-bj-sisl-unknown", *sisl("id_classification_projectfalcon"))
docx("c3-docx-custom-sensitivity", custom(("Department", "Finance"),
                                          ("Sensitivity", "Highly Confidential")))
docx("c3-neg-docx-custom-sensitivity-normal", custom(("Sensitivity", "Normal")))


# e5 (finding 11): files for `policy explain --body-file` (not messages):
# a Word document marked in its header and footer, and a text file.
def raw(name, data):
    if not MAIL.only or name in MAIL.only:
        with open(name, "wb") as f:
            f.write(data)


raw("e5-route.docx", ox.docx_package(BODY, ["UK SECRET"], ["UK SECRET"], DATE))
raw("e5-notes.txt", b"UK SECRET\n\nRoute options follow.\n\nUK SECRET\n")

#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 44 (helper s44a; the round 43
fresh tester's findings 1, 3 and 5, /work/tester43-13.md): a labelled banner
whose key is set off by a dash or pipe (l1), page furniture or a document's
part before the marking (f2), a marking leading the first line of the text
it marks (l3), in each document kind a banner is read from: a Word header
and footer, an ODF text's header and footer, a PDF page's first and last
lines, a PowerPoint slide, an Excel sheet's first cell.
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. Each is a row (where = eml) of ../positives.tsv or
../negatives.tsv.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture as ox  # noqa: E402

DATE = (2026, 12, 5, 9, 0, 0)
MAIL = ox.MailFixtures("Sat, 05 Dec 2026 09:00:00 +0000", "nearmiss-round44a-boundary",
                       set(sys.argv[1:]))
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
MORE = "Route and timings as agreed at the planning meeting."


def docx(name, body, header=None, footer=None):
    MAIL.attach(name, ox.docx_package(body, header, footer, DATE), "route.docx", ox.DOCX_TYPE)


def pdf(name, *lines):
    MAIL.attach(name, ox.text_pdf([ox.pdf_page(*lines)]), "route.pdf", "application/pdf")


# l1 (finding 1): "Classification - UK SECRET", top and bottom.
docx("l1-docx-header-footer-dash", [NOTE, MORE], ["Classification - UK SECRET"],
     ["Classification - UK SECRET"])
docx("l1-docx-header-pipe-os", [NOTE, MORE], ["Sensitivity | OFFICIAL-SENSITIVE"])
MAIL.attach("l1-odt-header-footer-dash",
            ox.odt_package([NOTE, MORE], ["Protective marking - OFFICIAL-SENSITIVE"],
                           ["Protective marking - OFFICIAL-SENSITIVE"], DATE),
            "pay.odt", ox.ODT_TYPE)
pdf("l1-pdf-page-dash", "Classification - NATO SECRET", "", NOTE, "",
    "Classification - NATO SECRET")
MAIL.attach("l1-pptx-slide-dash",
            ox.pptx_package(["Classification - COSMIC TOP SECRET", "Exercise order", NOTE]),
            "brief.pptx", ox.PPTX_TYPE)
MAIL.attach("l1-xlsx-cell-pipe",
            ox.xlsx_package([["Classification | UK SECRET"], ["Leg", "Time"],
                             ["North gate", "0600"]]), "route.xlsx", ox.XLSX_TYPE)
docx("l1-neg-docx-classification-prose",
     ["Classification - SECRET documents are kept in the registry safe.",
      "The handbook covers the rest of the filing rules."])

# f2 (finding 3): furniture, a part or a version before the marking.
pdf("f2-pdf-copy-head", "Copy 3 of 5 UK SECRET", "", NOTE, "", "Copy 3 of 5 UK SECRET")
docx("f2-docx-footer-version", [NOTE, MORE], footer=["Version 2 - UK SECRET"])
MAIL.attach("f2-pptx-annex",
            ox.pptx_package(["Annex A - OFFICIAL-SENSITIVE", "Pay review", "Names follow."]),
            "pay.pptx", ox.PPTX_TYPE)
MAIL.attach("f2-xlsx-page-head",
            ox.xlsx_package([["Page 1 of 3 NATO SECRET"], ["Leg", "Time"],
                             ["North gate", "0600"]]), "route.xlsx", ox.XLSX_TYPE)
pdf("f2-neg-pdf-copy-recipes", "Copy 3 of 5 SECRET recipes", "",
    "Try the lemon tart this week, then the brisket.")

# l3 (finding 5): the marking leads the first paragraph.
docx("l3-docx-lead", ["UK SECRET: The convoy leaves at 0600 from gate 3.", MORE])
pdf("l3-pdf-lead", "[NATO SECRET] The exercise starts at 0600 on Thursday.", "", MORE)

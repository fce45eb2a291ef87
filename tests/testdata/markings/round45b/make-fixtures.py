#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 45 (helper s45b; the round 44
fresh tester's findings 3, 5, 7, 9 and 10, /work/tester44-13.md): a bulk
mail's second reading without its CSS-hidden preheader (b1), a sentence
after a labelled line's colon (b2), Unicode and control line breaks (b3), a
marked section in the middle of a page with no page break (b4), a plain UK
value in X-Protective-Marking (b5), a format=flowed body whose client
wrapped a banner inside a word (b6; round 43 tester #16.5).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. Each is a row (where = eml) of ../positives.tsv or
../negatives.tsv.
"""
import base64, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture as ox  # noqa: E402

DATE = (2026, 12, 5, 9, 0, 0)
RFC_DATE = "Sat, 05 Dec 2026 09:00:00 +0000"
MAIL = ox.MailFixtures(RFC_DATE, "nearmiss-round45b-boundary", set(sys.argv[1:]))
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
MORE = "Route and timings as agreed at the planning meeting."


def utf8_b64_mail(name, body):
    """A text/plain UTF-8 body in base64, as a client that writes control
    and separator characters sends it."""
    MAIL.write(name, MAIL.head % ("Weekly notes", name) +
               "Content-Type: text/plain; charset=utf-8\n"
               "Content-Transfer-Encoding: base64\n\n" +
               base64.encodebytes(body.encode()).decode())


def header_mail(name, field, value):
    MAIL.write(name, MAIL.head.replace("MIME-Version", field + ": " + value + "\nMIME-Version")
               % ("Route", name) + "Content-Type: text/plain; charset=utf-8\n\n"
               "Bob,\n\n" + NOTE + "\n\nAlice\n")


PREHEADER = '<div style="display:none;max-height:0;overflow:hidden">Up to 50% off - this weekend only</div>'
# b1 (finding 5): the hidden-text-free reading follows the bulk-mail rule,
# and its words do not agree with the same words of the first reading.
MAIL.bulk_html("b1-neg-html-bulk-preheader",
          PREHEADER + "<p>CONFIDENTIAL: members-only pricing inside.</p>"
          "<p>Up to 50% off this weekend.</p><p>TOP SECRET</p>")
MAIL.bulk_html("b1-neg-html-bulk-preheader-span",
          '<span style="display:none">Shh... 48 hours only</span>'
          "<h1>Top Secret Sale</h1><p>CONFIDENTIAL: members-only pricing inside.</p>"
          "<p>TOP SECRET</p>")
# A list server's copy of a marked message keeps its banners' weight.
MAIL.bulk_html("b1-html-bulk-list-copy-banners",
          PREHEADER + "<p>SECRET</p><p>Bob,</p><p>" + NOTE + "</p><p>Alice</p><p>SECRET</p>",
          subject="[planning-list] Route")

# b2 (finding 9): a sentence after "Classification:" is prose.
MAIL.text_mail("b2-neg-body-classification-colon-sentence",
               "Hi,\n\nThe registry moved to the new building.\n\n"
               "Classification: UK SECRET material is handled in room 4 only.\n")
MAIL.text_mail("b2-neg-body-class-course",
               "Hi,\n\nHere are the courses for January.\n\n"
               "Class: UK SECRET handling (e-learning), 3 places left\n", subject="Course list")
MAIL.text_mail("b2-neg-body-class-course-os",
               "Hi,\n\nHere are the courses for January.\n\n"
               "Class: OFFICIAL-SENSITIVE handling for new starters, 3 places left\n",
               subject="Course list")
MAIL.attach("b2-neg-docx-footer-classification-sentence",
            ox.docx_package(["Registry notes for the new building.", MORE], None,
                            ["Classification: UK SECRET material is handled in room 4 only."],
                            DATE), "registry.docx", ox.DOCX_TYPE)
MAIL.text_mail("b2-body-classification-colon-descriptor",
               "Hi,\n\nThe names are below.\n\nAlice\n\n"
               "Classification: OFFICIAL-SENSITIVE Personal\n")
MAIL.attach("b2-pptx-classification-colon",
            ox.pptx_package(["Classification: UK SECRET", "Exercise order", NOTE]),
            "brief.pptx", ox.PPTX_TYPE)

# b3 (finding 7): UAX #14's mandatory breaks end a banner's line.
for tag, sep in (("u2028", "\u2028"), ("u2029", "\u2029"), ("nel", "\u0085"), ("vt", "\v")):
    utf8_b64_mail("b3-body-%s" % tag,
                  sep.join(["UK SECRET", "", "Bob,", NOTE, "Alice", "", "UK SECRET"]))
utf8_b64_mail("b3-body-u2028-os",
              "\u2028".join(["OFFICIAL-SENSITIVE", "", "Bob,", NOTE, "Alice", "",
                             "OFFICIAL-SENSITIVE"]))
MAIL.attach("b3-txt-u2029", "\u2029".join(["NATO SECRET", NOTE, MORE, "NATO SECRET"]).encode(),
            "route.txt", "text/plain; charset=utf-8")
utf8_b64_mail("b3-neg-body-u2028-prose",
              "Hi Bob,\u2028We keep the SECRET recipe in the safe,\u2028as you know.\u2028Alice")

# b4 (finding 3, round 43 #4): a marked section mid-way through a page.
LONG = "\n".join(["Summary line %d of the cover note." % k for k in range(1, 31)])
TAIL = "\n".join(["Distribution line %d." % k for k in range(1, 31)])
ANNEX = "\n\nUK SECRET\n\nAnnex A\n\nRoute options in detail.\n\nUK SECRET\n\n"
MAIL.text_mail("b4-body-mid-annex", "Bob,\n\n" + LONG + ANNEX + TAIL + "\n\nAlice\n")
MAIL.attach("b4-txt-mid-annex", ("OFFICIAL\n\n" + LONG + ANNEX + TAIL + "\n\nOFFICIAL\n").encode(),
            "plan.txt", "text/plain; charset=utf-8")
MAIL.attach("b4-docx-mid-annex",
            ox.docx_package(["Cover note"] + LONG.split("\n") +
                            ["OFFICIAL-SENSITIVE", "Annex B", "Names of the staff moving.",
                             "OFFICIAL-SENSITIVE"] + TAIL.split("\n"), ["OFFICIAL"], ["OFFICIAL"],
                            DATE), "plan.docx", ox.DOCX_TYPE)
MAIL.attach("b4-xlsx-mid-section",
            ox.xlsx_package([["Leg", "Time"]] + [["Leg %d" % k, "06%02d" % k] for k in range(1, 21)] +
                            [["NATO SECRET"], ["Reserve route", "0500"], ["NATO SECRET"]] +
                            [["Leg %d" % k, "07%02d" % k] for k in range(1, 21)], DATE),
            "route.xlsx", ox.XLSX_TYPE)
MAIL.text_mail("b4-neg-body-mentions",
               "Bob,\n\n" + LONG + "\n\nPapers marked UK SECRET go in the registry safe.\n\n"
               "The safe is in room 4.\n\nThe UK SECRET register is kept beside it.\n\n" + TAIL +
               "\n\nAlice\n")
MAIL.text_mail("b4-neg-body-tier-list",
               "Bob,\n\n" + LONG + "\n\nThe tiers are:\nOFFICIAL\nSECRET\nTOP SECRET\n\n"
               "and the old ones were:\nRESTRICTED\nCONFIDENTIAL\nSECRET\nTOP SECRET\n\n" + TAIL +
               "\n\nAlice\n")

# b5 (finding 10): a plain value in X-Protective-Marking.
header_mail("b5-header-xpm-os", "X-Protective-Marking", "OFFICIAL-SENSITIVE")
header_mail("b5-header-xpm-uk-secret-caveat", "X-Protective-Marking", "UK SECRET, UK EYES ONLY")
header_mail("b5-header-xpm-unknown", "X-Protective-Marking", "Project Falcon")


def flowed_mail(name, body, delsp=True):
    MAIL.write(name, MAIL.head % ("notes", name) +
               "Content-Type: text/plain; charset=utf-8; format=flowed%s\n\n" %
               ("; delsp=yes" if delsp else "") + body)


# b6 (round 43 #16.5): RFC 3676 soft breaks, with and without delsp.
flowed_mail("b6-body-flowed-delsp", "UK SEC \nRET\n\nRoute text.\n\nUK SEC \nRET\n")
flowed_mail("b6-body-flowed-words", "NATO \nSECRET\n\nRoute text.\n\nNATO \nSECRET\n",
            delsp=False)
flowed_mail("b6-neg-body-flowed-prose",
            "Hi Bob, the recipe stays a \nsecret until the fair. The UK \n"
            "SECRET garden show is on Sunday.\n\nAlice\n")

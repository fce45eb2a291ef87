#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 46 (helper s46b; the round 45
fresh tester's finding 5 and smaller notes, /work/tester45-13.md): a
sentence that states its own text's level in a body, a document's page,
header or footer, a slide and a sheet (s1; src/content/self_statement.h),
and the sentences that only look like one; a card number written with
dots and a phone number grouped as an SSN (p2; src/content/detectors.cc);
text a style sheet's class hides, read apart as inline styles', and a
form field's value (h3); a repetitive log in a zip, compressible past the
ratio bound but small, read, and a nested bomb still stopped (z4;
src/content/inflate_budget.h); a sheet's name and a data validation's
prompt (x5); a TNEF body of the wrong type (t6).
python3 make-fixtures.py [NAME...] in this directory (standard library and
../ooxml_fixture.py) rewrites the committed .eml files, or only those named,
byte for byte. Each is a row (where = eml) of ../positives.tsv or
../negatives.tsv, but z4-zip-nested-bomb (src/content/archive_text_test.cc)
and t6 (unreadable: their goldens).
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture as ox  # noqa: E402

DATE = (2026, 12, 5, 9, 0, 0)
RFC_DATE = "Sat, 05 Dec 2026 09:00:00 +0000"
MAIL = ox.MailFixtures(RFC_DATE, "nearmiss-round46b-boundary", set(sys.argv[1:]))
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
MORE = "Route and timings as agreed at the planning meeting."


def note(sentence):
    """A short mail whose one marking is the sentence, between a greeting
    and a signature (the tester's layout)."""
    return "Bob,\n\n" + NOTE + "\n" + sentence + "\n" + MORE + "\n\nRegards,\nAlice\n"


# s1 (finding 5): the sentence states the level; positives.
MAIL.text_mail("s1-body-email-is-uk-secret", note("This email is UK SECRET."), subject="Route")
MAIL.text_mail("s1-body-attachment-classified", note("The attachment is classified SECRET."),
               subject="Route")
MAIL.text_mail("s1-body-content-is-top-secret",
               note("The content of this message is TOP SECRET."), subject="Route")
MAIL.text_mail("s1-body-attached-marked-os",
               note("The attached document is marked OFFICIAL-SENSITIVE."), subject="Route")
MAIL.text_mail("s1-body-classified-noforn",
               note("This document is classified SECRET//NOFORN"), subject="Route")
MAIL.text_mail("s1-body-wrapped-statement",
               "Bob,\n\n" + NOTE + " Please note that the content of this message is\n"
               "UK SECRET, so do not forward it.\n\nAlice\n", subject="Route")
MAIL.html_mail("s1-html-statement",
               "<p>Bob,</p><p>" + NOTE + "</p><p>Note: this email and its attachments are "
               "NATO SECRET.</p><p>" + MORE + "</p><p>Alice</p>", subject="Route")
MAIL.attach("s1-docx-page-statement",
            ox.docx_package(["Route options", NOTE, "This document is UK SECRET.", MORE,
                             "Annex A follows."], None, None, DATE),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("s1-docx-footer-statement",
            ox.docx_package(["Route options", NOTE, MORE], None,
                            ["This document has been classified OFFICIAL-SENSITIVE."], DATE),
            "plan.docx", ox.DOCX_TYPE)
MAIL.attach("s1-pptx-slide-statement",
            ox.pptx_package(["Exercise order", "This presentation is NATO SECRET.", NOTE]),
            "brief.pptx", ox.PPTX_TYPE)
MAIL.attach("s1-xlsx-cell-statement",
            ox.xlsx_package([["Leg", "Time"], ["North gate", "0600"],
                             ["This spreadsheet is UK SECRET."], ["Return", "1800"]], DATE),
            "route.xlsx", ox.XLSX_TYPE)

# s1: sentences that only look like one; negatives.
MAIL.text_mail("s1-neg-body-question", note("Is this email SECRET? I could not tell."))
MAIL.text_mail("s1-neg-body-not", note("This email is not SECRET, so send it on."))
MAIL.text_mail("s1-neg-body-secret-to", note("The secret to a good email is a short subject."))
MAIL.text_mail("s1-neg-body-santa", note("This email is secret santa info: ten pounds each."))
MAIL.text_mail("s1-neg-body-quoted",
               note('He asked: "Is this email SECRET?" and nobody knew. '
                    '"This email is TOP SECRET," Jo joked.'))
MAIL.text_mail("s1-neg-body-news",
               note("The Pentagon said the document is TOP SECRET, officials told reporters."))
MAIL.text_mail("s1-neg-body-confidential", note("This email is CONFIDENTIAL."))
MAIL.attach("s1-neg-docx-news",
            ox.docx_package(["Press summary", "Officials said this document is TOP SECRET.",
                             "If this report is SECRET, it was leaked.", MORE], None, None,
                            DATE), "press.docx", ox.DOCX_TYPE)

# p2 (round 45 smaller notes; round 43 finding 6): detectors.
MAIL.text_mail("p2-body-card-dots", "Hi,\n\nCard no. 4111.1111.1111.1111, expiry 09/28.\n\nJo\n",
               subject="Booking")
MAIL.text_mail("p2-neg-body-phone-ssn-grouped",
               "Hi,\n\nCall me on 555-12-3456 or 0207 946 0123.\nVersion 4.1.1.1111.1111 ships "
               "Friday.\n\nJo\n", subject="Booking")
MAIL.text_mail("p2-body-ssn-beside-phone",
               "Hi,\n\nCall me on 0207 946 0123. Employee SSN 536-22-1234.\n\nJo\n",
               subject="Payroll")


# h3 (note 45): a style sheet's class hides text as an inline style does.
MAIL.html_mail("h3-html-class-hidden-split",
               "<html><head><style>.z{font-size:0}</style></head><body>"
               "<p>UK SEC<span class=\"z\">xq</span>RET</p><p>Bob,</p><p>" + NOTE +
               "</p><p>Alice</p><p>UK SEC<span class=\"z\">xq</span>RET</p></body></html>",
               subject="Route")
MAIL.bulk_html("h3-neg-html-bulk-class-preheader",
          "<html><head><style>.preheader{display:none;max-height:0}</style></head><body>"
          '<div class="preheader">Up to 50% off - this weekend only</div>'
          "<p>CONFIDENTIAL: members-only pricing inside.</p>"
          "<p>Up to 50% off this weekend.</p><p>TOP SECRET</p></body></html>")
# h3 (round 43 tester 13): a form field's value is shown in its box.
MAIL.html_mail("h3-html-input-value",
               "<html><body><p><input type=\"text\" value=\"UK SECRET\" readonly></p>"
               "<p>Bob,</p><p>" + NOTE + "</p><p>Alice</p></body></html>", subject="Route")
MAIL.html_mail("h3-neg-html-input-hidden",
               "<html><body><form><input type=\"hidden\" name=\"tier\" value=\"SECRET\">"
               "<p>Vote for the menu: <input type=\"submit\" value=\"Send\"></p></form>"
               "</body></html>", subject="Menu vote")

# z4 (round 43 tester 13 finding 9): a repetitive log zipped is no bomb.
def zip_of(members):
    """A zip of (name, bytes) members, deflated, at the fixed date."""
    import io, zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


LOG = ["2026-12-05T09:00:%02d INFO worker-1 heartbeat ok queue=0 latency_ms=3\n" % (k % 3)
       for k in range(100000)]
MAIL.attach("z4-zip-repetitive-log", zip_of([("app.log", "".join(LOG + ["UK SECRET\n"]))]),
            "logs.zip", "application/zip")
# z4: a bomb is still one. 42.zip's shape (zips of zips whose leaves are
# runs of one byte, each inflating about 1028 times), 4 by 4 leaves of
# 16 MiB: 256 MiB in all, past every byte bound, the ratio stops the first
# leaf. Not a corpus row: content_archive_test reads it.
LEAF = bytes(16 << 20)
MAIL.attach("z4-zip-nested-bomb",
            zip_of([("lib%d.zip" % i, zip_of([("book%d.txt" % k, LEAF) for k in range(4)]))
                    for i in range(4)]), "42.zip", "application/zip")

# x5 (round 45 leftovers): a sheet's name is a place of its own, a data
# validation's prompt and error messages are shown as a cell's are.
BUDGET = [["Item", "Cost"], ["Fuel", "1200"], ["Rations", "800"]]
MAIL.attach("x5-xlsx-sheet-name", ox.xlsx_package(BUDGET, DATE, sheet="UK SECRET"),
            "budget.xlsx", ox.XLSX_TYPE)
MAIL.attach("x5-xlsx-validation-prompt",
            ox.xlsx_package(BUDGET, DATE, after=
                            '<dataValidations count="1"><dataValidation type="whole" '
                            'showInputMessage="1" showErrorMessage="1" promptTitle="Handling" '
                            'prompt="UK SECRET - do not forward this workbook." '
                            'errorTitle="Cost" error="Whole pounds only." sqref="B2:B3">'
                            '<formula1>0</formula1></dataValidation></dataValidations>'),
            "budget.xlsx", ox.XLSX_TYPE)
MAIL.attach("x5-neg-xlsx-sheet-names",
            ox.xlsx_package(BUDGET, DATE, sheet="Secret Santa"), "budget.xlsx", ox.XLSX_TYPE)
MAIL.attach("x5-neg-xlsx-validation-list",
            ox.xlsx_package([["Document", "Owner"], ["Menu", "Jo"]], DATE, after=
                            '<dataValidations count="1"><dataValidation type="list" '
                            'showInputMessage="1" promptTitle="Level" '
                            'prompt="Pick the level the document is marked with." sqref="B2">'
                            '<formula1>"OFFICIAL,OFFICIAL-SENSITIVE,SECRET"</formula1>'
                            '</dataValidation></dataValidations>'),
            "register.xlsx", ox.XLSX_TYPE)


# t6 (round 45 leftover): a TNEF body attribute ([MS-OXTNEF] 2.1.3.3.1
# attBody, 0x800C) written with another type than atpText (2): here atpByte
# (6) and atpString (1). Outlook's readers differ; the body is read, or the
# stream is unreadable, never passed as read and empty.
def winmail(body_type, body):
    import struct

    def attr(level, tag, data):
        return struct.pack("<BII", level, tag, len(data)) + data + struct.pack(
            "<H", sum(data) & 0xFFFF)
    return (struct.pack("<IH", 0x223E9F78, 0x0001) +
            attr(1, 0x00089006, struct.pack("<I", 0x00010000)) +  # attTnefVersion
            attr(1, (body_type << 16) | 0x800C, body))


TNEF_BODY = b"UK SECRET\r\n\r\nThe convoy leaves at 0600 on Thursday.\r\n\r\nUK SECRET\r\n"
MAIL.attach("t6-tnef-body-byte-type", winmail(6, TNEF_BODY), "winmail.dat",
            "application/ms-tnef")
MAIL.attach("t6-tnef-body-string-type", winmail(1, TNEF_BODY), "winmail.dat",
            "application/ms-tnef")

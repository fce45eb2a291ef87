#!/usr/bin/env python3
"""Round 56's tester 13 fixtures (findings 3, 7, 8). Run from this
directory; goldens through content_golden_test (NM_UPDATE_GOLDEN=1), each
also a corpus `eml` sample."""
import base64
import io
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/'
      'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
      '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
      '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
      'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
      'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id='
      '"rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
           'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
           '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
           ' Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
           'openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData>'
            '</worksheet>' % (NS, "".join('<row r="%d">%s</row>' % (k + 1, r)
                                          for k, r in enumerate(rows))))


def styles(code):
    fmts = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="%s"/></numFmts>' % code
            if code else "")
    return ('<?xml version="1.0" encoding="UTF-8"?><styleSheet %s>%s<cellXfs count="2">'
            '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
            '</styleSheet>' % (NS, fmts))


def xlsx(rows, code=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", CT), ("_rels/.rels", RELS),
                           ("xl/workbook.xml", WB), ("xl/_rels/workbook.xml.rels", WB_RELS),
                           ("xl/worksheets/sheet1.xml", sheet(rows)),
                           ("xl/styles.xml", styles(code))):
            # A fixed date: the fixtures are the same at each run.
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 6, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return buf.getvalue()


def message(name, parts, subject="report"):
    out = ("From: Alice Example <alice@example.org>\r\nTo: bob@example.net\r\n"
           "Subject: %s\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\nMessage-ID: <%s@example.org>"
           "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" % (subject, name))
    for headers, body in parts:
        out += "--b1\r\n" + headers + "\r\n" + body + "\r\n"
    with open(name + ".eml", "w", newline="") as f:
        f.write(out + "--b1--\r\n")


def xlsx_part(data):
    return ('Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n'
            'Content-Disposition: attachment; filename="report.xlsx"\r\n'
            'Content-Transfer-Encoding: base64\r\n',
            base64.encodebytes(data).decode().replace("\n", "\r\n"))


CONVOY = '<c r="A2" t="inlineStr"><is><t>The convoy leaves at 0600.</t></is></c>'
# Finding 3: a formula with no cached value shows its string literal.
message("xlsx-formula-literal", [xlsx_part(xlsx([
    '<c r="A1" t="str"><f>"SECRET//NOFORN"</f></c>', CONVOY,
    '<c r="A3" t="str"><f>"SECRET"&amp;"//NOFORN"</f></c>']))])
# One whose shown text no reader can know: a gap, the scan incomplete.
message("xlsx-formula-unknown", [xlsx_part(xlsx([
    '<c r="A1"><f>B7*2</f></c>', CONVOY]))])
# A cached value is read as before; its formula is not.
message("neg-xlsx-formula-cached", [xlsx_part(xlsx([
    '<c r="A1" t="str"><f>"SECRET//NOFORN"</f><v>Draft</v></c>', CONVOY]))])
# A custom number format's quoted literal, shown in the cells that use it.
message("xlsx-number-format-literal", [xlsx_part(xlsx([
    '<c r="A1" s="1"><v>0</v></c>', CONVOY, '<c r="A3" s="1"><v>0</v></c>'],
    code="&quot;SECRET//NOFORN&quot;"))])
message("neg-xlsx-number-format-currency", [xlsx_part(xlsx([
    '<c r="A1" s="1"><v>12</v></c>', CONVOY], code="&quot;GBP &quot;#,##0.00"))])
# Finding 7: a part's Content-Description (RFC 2045 section 8), which mutt
# lists in place of the file name.
message("content-description", [(
    'Content-Type: text/plain\r\nContent-Description: SECRET//NOFORN annex\r\n'
    'Content-Disposition: attachment; filename="annex.txt"\r\n',
    'The convoy leaves at 0600.')], subject="files")
message("neg-content-description", [(
    'Content-Type: text/plain\r\nContent-Description: Quarterly secret shopper report\r\n'
    'Content-Disposition: attachment; filename="annex.txt"\r\n',
    'Scores attached.')], subject="files")


def ics(extra):
    return ('Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n'
            'Content-Disposition: attachment; filename="invite.ics"\r\n',
            'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REQUEST\r\n'
            'BEGIN:VEVENT\r\nUID:r56@example.org\r\nDTSTAMP:20261206T100000Z\r\n'
            'DTSTART:20261207T100000Z\r\nDTEND:20261207T110000Z\r\nSUMMARY:Convoy sync\r\n'
            + extra + 'END:VEVENT\r\nEND:VCALENDAR')


# Finding 8: an invitation's CATEGORIES, read as LOCATION and COMMENT are.
message("ics-categories", [ics('CATEGORIES:SECRET//NOFORN\r\n')], subject="invite")
message("neg-ics-categories", [ics('CATEGORIES:Business,Secret Santa\r\n')], subject="invite")

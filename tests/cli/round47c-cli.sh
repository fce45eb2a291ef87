#!/bin/sh
# Issue 13, round 47 (round 46's fresh tester 13), through `scan --json` on
# messages built here: what an ODF document's user-defined properties, an
# RTF document, an Outlook TNEF stream and an MHTML page carry.
# 1. (finding 9) an .odt whose meta.xml holds Purview keys (Word's Save as
#    .odt) is SECRET; a LibreOffice TSCP label no pack places is
#    unknown-label, never none;
# 2. (finding 6) an RTF's \userprops Purview keys are SECRET;
# 3. (finding 5) an RTF with an embedded object is incomplete, held;
# 4. (finding 3, 4) TNEF: PR_BODY read; a zero-length attribute unreadable,
#    and `scan --json` stays JSON Lines;
# 5. (finding 7) an MHTML page sent as text/html with a quoted-printable
#    banner split by a soft break is SECRET.
# Usage: round47c-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
NEARMISS_CONFIG=/dev/null
export NEARMISS_CONFIG

python3 - "$tmp" <<'PY'
import base64, io, struct, sys, zipfile
out = sys.argv[1]
guid = "f42aa342-8706-4288-bd11-ebb85995028c"

def eml(name, ctype, data, filename):
    b64 = base64.encodebytes(data).decode()
    text = ("From: alice@mod.gov.uk\nTo: partner@example.com\nSubject: Report\n"
            "Message-ID: <%s@mod.gov.uk>\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
            "Please find attached.\n\n--b\nContent-Type: %s\nContent-Transfer-Encoding: base64\n"
            "Content-Disposition: attachment; filename=\"%s\"\n\n%s\n--b--\n") % (name, ctype, filename, b64)
    open("%s/%s.eml" % (out, name), "w").write(text)

def odt(user_defined):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>')
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>The convoy leaves at 0600.</text:p></office:text></office:body></office:document-content>')
        props = "".join('<meta:user-defined meta:name="%s">%s</meta:user-defined>' % kv for kv in user_defined)
        z.writestr("meta.xml", '<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>%s</office:meta></office:document-meta>' % props)
    return buf.getvalue()

eml("odt-msip", "application/vnd.oasis.opendocument.text",
    odt([("MSIP_Label_%s_Enabled" % guid, "true"), ("MSIP_Label_%s_Name" % guid, "Secret_0")]), "p.odt")
eml("odt-tscp", "application/vnd.oasis.opendocument.text",
    odt([("urn:bails:IntellectualProperty:BusinessAuthorizationCategory:Name", "Project Falcon")]), "p.odt")
rtf = ("{\\rtf1\\ansi{\\*\\userprops {\\propname MSIP_Label_%s_Enabled}\\proptype30{\\staticval true}"
       "{\\propname MSIP_Label_%s_Name}\\proptype30{\\staticval Secret_0}}\\pard The convoy leaves at 0600.\\par}") % (guid, guid)
eml("rtf-userprops", "application/rtf", rtf.encode(), "r.rtf")
eml("rtf-object", "application/rtf",
    b"{\\rtf1\\ansi\\pard See object:\\par{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata 01050000}}\\par}", "r.rtf")

def attr(level, tag, data):
    return bytes([level]) + struct.pack("<II", tag, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)
def prop8(pid, text):
    raw = text.encode() + b"\0"
    return struct.pack("<III", 1, 30 | (pid << 16), 1) + struct.pack("<I", len(raw)) + raw + b"\0" * ((4 - len(raw) % 4) % 4)
head = struct.pack("<I", 0x223E9F78) + b"\x01\x00" + attr(1, 0x00089006, struct.pack("<I", 0x10000))
eml("tnef-prbody", "application/ms-tnef", head + attr(1, 0x00069003, prop8(0x1000, "UK SECRET\r\n\r\nThe convoy leaves at 0600.")), "winmail.dat")
eml("tnef-zero", "application/ms-tnef", head + attr(2, 0x00068011, b""), "winmail.dat")
mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"p\"\r\n\r\n--p\r\n"
       b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
       b"<html><body><p align=3Dcenter>UK SEC=\r\nRET</p><p>The convoy leaves at 0600.</p>"
       b"<p align=3Dcenter>UK SECRET</p></body></html>\r\n--p--\r\n")
eml("mht", "text/html", mht, "report.htm")
PY

level_of() {  # level_of NAME: "LEVEL COMPLETE ACTION" of scan --json, or the error
  "$bin" scan --json --store none --spool memory "$tmp/$1.eml" > "$tmp/$1.json" 2>/dev/null
  python3 -c 'import json,sys
rows = [json.loads(l) for l in open(sys.argv[1])]
s = rows[0]["sensitivity"]
print(s["level"], s["complete"], rows[0]["action"])' "$tmp/$1.json" 2>&1 | tail -1
}
check "odt with Purview keys in meta.xml" "SECRET True hold" "$(level_of odt-msip)"
check "odt with a TSCP label no pack places" "unknown-label True hold" "$(level_of odt-tscp)"
check "rtf with Purview keys in \\userprops" "SECRET True hold" "$(level_of rtf-userprops)"
check "rtf with an embedded object: incomplete" "none False hold" "$(level_of rtf-object)"
check "tnef with the body in PR_BODY" "SECRET True hold" "$(level_of tnef-prbody)"
check "tnef with a zero-length attribute: unreadable, JSON intact" "none False hold" "$(level_of tnef-zero)"
check "mht sent as text/html, a banner split by a soft break" "SECRET True hold" "$(level_of mht)"

exit $fail

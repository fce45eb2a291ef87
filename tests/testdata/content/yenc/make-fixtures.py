#!/usr/bin/env python3
"""yEnc fixtures (yEnc 1.3, http://www.yenc.org/yenc-draft.1.3.txt): files
written in a text by a newsreader's or mailer's yEnc encoder. Round 56's
tester 13, finding 2. Run from this directory; goldens through
content_golden_test (NM_UPDATE_GOLDEN=1)."""
import zlib

PAYLOAD = b"SECRET//NOFORN\nThe convoy leaves at 0600.\nSECRET//NOFORN\n"


def yenc(data):
    out = bytearray()
    for c in data:
        o = (c + 42) % 256
        if o in (0, 10, 13, 61):
            out += b"=" + bytes([(o + 64) % 256])
        else:
            out.append(o)
    # 128 columns, as encoders wrap (an escape is not split).
    lines, line = [], bytearray()
    i = 0
    while i < len(out):
        n = 2 if out[i] == 61 else 1
        line += out[i:i + n]
        i += n
        if len(line) >= 128:
            lines.append(bytes(line))
            line = bytearray()
    if line:
        lines.append(bytes(line))
    return b"\r\n".join(lines)


def block(data, name, yend=None):
    crc = "%08x" % zlib.crc32(data)
    yend = yend or b"=yend size=%d crc32=%s" % (len(data), crc.encode())
    return (b"=ybegin line=128 size=%d name=%s\r\n" % (len(data), name) + yenc(data) + b"\r\n" +
            yend + b"\r\n")


def parts(data, name, cut):
    crc = "%08x" % zlib.crc32(data)
    out = b""
    pieces = [(1, data[:cut]), (2, data[cut:])]
    start = 1
    for k, piece in pieces:
        out += b"=ybegin part=%d total=2 line=128 size=%d name=%s\r\n" % (k, len(data), name)
        out += b"=ypart begin=%d end=%d\r\n" % (start, start + len(piece) - 1)
        out += yenc(piece) + b"\r\n"
        out += b"=yend size=%d part=%d pcrc32=%08x crc32=%s\r\n" % (
            len(piece), k, zlib.crc32(piece), crc.encode())
        start += len(piece)
    return out


def message(name, subject, body, charset="iso-8859-1", attachment=None):
    head = (b"From: Alice Example <alice@example.org>\r\nTo: bob@example.net\r\n"
            b"Subject: " + subject + b"\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
            b"Message-ID: <" + name.encode() + b"@example.org>\r\nMIME-Version: 1.0\r\n")
    if attachment is None:
        head += b"Content-Type: text/plain; charset=" + charset.encode() + \
            b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        data = head + body
    else:
        import base64
        fname, raw = attachment
        head += b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        data = (head + b"--b1\r\nContent-Type: text/plain\r\n\r\n" + body + b"\r\n--b1\r\n"
                b"Content-Type: application/octet-stream; name=\"" + fname + b"\"\r\n"
                b"Content-Disposition: attachment; filename=\"" + fname + b"\"\r\n"
                b"Content-Transfer-Encoding: base64\r\n\r\n" +
                base64.encodebytes(raw).replace(b"\n", b"\r\n") + b"--b1--\r\n")
    with open(name + ".eml", "wb") as f:
        f.write(data)


message("yenc-body", b"notes", b"Here you go:\r\n" + block(PAYLOAD, b"notes.txt"))
# Labelled windows-1252 or ISO-8859-1: yEnc writes 8-bit bytes whatever the
# label says; converted with the text, the bytes windows-1252 leaves
# undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) were lost and the block was
# unreadable. It is decoded from the part's bytes (round 56b's tester 13).
message("yenc-body-cp1252", b"notes", b"Here you go:\r\n" + block(PAYLOAD, b"notes.txt"),
        charset="windows-1252")
# "W", "c", "e", "f" and "s" encode to windows-1252's undefined bytes, in a
# text attachment labelled windows-1252 and in a body labelled ISO-8859-1;
# the text around the block is still converted.
UNDEFINED_1252 = PAYLOAD + b"Wax cafe fees, Sam.\n"
message("yenc-body-latin1", b"notes",
        b"Caf\xe9 notes:\r\n" + block(UNDEFINED_1252, b"notes.bin") + b"Merci, Ren\xe9\r\n")
with open("yenc-text-attachment-cp1252.eml", "wb") as f:
    f.write(b"From: Alice Example <alice@example.org>\r\nTo: bob@example.net\r\n"
            b"Subject: files\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
            b"Message-ID: <yenc-text-attachment-cp1252@example.org>\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
            b"--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b1\r\n"
            b"Content-Type: text/plain; charset=windows-1252; name=\"notes.txt\"\r\n"
            b"Content-Disposition: attachment; filename=\"notes.txt\"\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" +
            block(UNDEFINED_1252, b"notes.bin") + b"--b1--\r\n")
message("yenc-attachment", b"files", b"See attached.\r\n",
        attachment=(b"notes.yenc", block(PAYLOAD, b"notes.txt")))
# The marking split across the two parts: read as one file.
message("yenc-multipart", b"notes", b"Both parts:\r\n" + parts(PAYLOAD, b"notes.txt", 9))
# Malformed: a size that does not match, and no =yend line.
message("yenc-bad-size", b"notes",
        b"Here you go:\r\n" + block(PAYLOAD, b"notes.txt", yend=b"=yend size=999"))
message("yenc-no-yend", b"notes",
        b"Here you go:\r\n" + block(PAYLOAD, b"notes.txt").split(b"=yend")[0])
# A plain text that only names the format is no yEnc file.
message("yenc-prose", b"newsreader tips",
        b"Binaries on Usenet start with a line like =ybegin and end with =yend.\r\n")

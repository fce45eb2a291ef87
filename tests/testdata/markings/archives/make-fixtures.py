#!/usr/bin/env python3
"""Writes the archive fixtures of issue 13 (defect 1: archives other than
zip). Run from this directory; needs python3, tar, gzip, bzip2, xz and 7z
(p7zip-full), lz4 and lzop for the fifth round's (lzop only makes the
fixture: nearmiss never runs it). The .eml files are
committed; this records how they were made. Names given on the command line
write only those fixtures (the others keep their bytes: MIME boundaries and
7z timestamps differ run to run).
"""
import gzip, io, lzma, os, subprocess, sys, tarfile, tempfile, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
import datetime

MARKED = b"SECRET//NOFORN\n\nThe convoy leaves at 0600 from the north gate.\n\nSECRET//NOFORN\n"
PLAIN = b"Lunch is at noon in the canteen.\nBring the quiz sheets.\n"
DATE = datetime.datetime(2026, 12, 1, 1, 0, tzinfo=datetime.timezone.utc)


ONLY = set(sys.argv[1:])


def eml(name, attachment, filename, mime):
    if ONLY and name not in ONLY:
        return
    m = EmailMessage()
    m["From"] = "alice@example.org"
    m["To"] = "bob@outside-partner.com"
    m["Subject"] = "files"
    m["Message-ID"] = "<%s@example.org>" % name
    m["Date"] = format_datetime(DATE)
    m.set_content("See the attached file.\n")
    maintype, subtype = mime.split("/")
    m.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=filename)
    with open(name + ".eml", "wb") as f:
        f.write(bytes(m))


def tar(members, mode):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for path, data in members:
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mtime = 1764550800
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def sevenz(members, password=None, encrypt_header=False):
    with tempfile.TemporaryDirectory() as d:
        for path, data in members:
            os.makedirs(os.path.dirname(os.path.join(d, path)) or d, exist_ok=True)
            with open(os.path.join(d, path), "wb") as f:
                f.write(data)
        args = ["7z", "a", "-t7z", "out.7z"] + [p for p, _ in members]
        if password:
            args += ["-p" + password, "-mhe=" + ("on" if encrypt_header else "off")]
        subprocess.run(args, cwd=d, check=True, capture_output=True)
        with open(os.path.join(d, "out.7z"), "rb") as f:
            return f.read()


def zipped(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in members:
            z.writestr(path, data)
    return buf.getvalue()


gz = lambda data: gzip.compress(data, mtime=0)
eml("marked-txt-gz", gz(MARKED), "plan.txt.gz", "application/gzip")
eml("marked-tgz", gz(tar([("plans/plan.txt", MARKED)], "w")), "plans.tgz", "application/gzip")
eml("marked-tar-gz", tar([("plans/plan.txt", MARKED)], "w:gz"), "plans.tar.gz", "application/x-gzip")
eml("marked-tar", tar([("plans/notes.txt", PLAIN), ("plans/plan.txt", MARKED)], "w"), "plans.tar", "application/x-tar")
eml("marked-7z", sevenz([("plan.txt", MARKED)]), "plan.7z", "application/x-7z-compressed")
eml("marked-tar-xz-zip", tar([("bundle/inner.zip", zipped([("plan.txt", MARKED)]))], "w:xz"), "bundle.tar.xz", "application/x-xz")
eml("marked-tar-bz2", tar([("plan.txt", MARKED)], "w:bz2"), "plan.tar.bz2", "application/octet-stream")
eml("plain-txt-gz", gz(PLAIN), "lunch.txt.gz", "application/gzip")
eml("encrypted-7z", sevenz([("plan.txt", MARKED)], password="convoy"), "plan.7z", "application/x-7z-compressed")
eml("encrypted-7z-header", sevenz([("plan.txt", MARKED)], password="convoy", encrypt_header=True), "plan.7z", "application/x-7z-compressed")
# An ARJ archive: a format libarchive does not read (its header, then data).
eml("unreadable-arj", b"\x60\xea" + bytes(range(256)) * 4, "plan.arj", "application/x-arj")
# A .gz whose stream is cut short (at half its length): the rest of the
# file cannot be read. Numbered lines, so the stream is not all repeats.
LONG = MARKED + b"".join(b"Line %d of the annex.\n" % i for i in range(2000))
eml("truncated-gz", gz(LONG)[: len(gz(LONG)) // 2], "plan.txt.gz", "application/gzip")

# Issue 13, second report: a DOCX and an ODT compressed whole (gzip(1),
# xz(1)) are read as the documents they are, not as their zip parts.
# marked.docx and marked.odt: "UK TOP SECRET" banners at the head and foot
# of a one-line plan (made with LibreOffice for that report).
DOCX = open("marked.docx", "rb").read()
ODT = open("marked.odt", "rb").read()
eml("marked-docx-gz", gz(DOCX), "ts.docx.gz", "application/gzip")
eml("marked-docx-xz", lzma.compress(DOCX, format=lzma.FORMAT_XZ), "ts.docx.xz", "application/x-xz")
eml("marked-odt-gz", gz(ODT), "ts.odt.gz", "application/gzip")
# No name to go by ("plans.gz"): the decompressed zip's first part says.
eml("marked-docx-gz-noname", gz(DOCX), "plans.gz", "application/octet-stream")

# Issue 13, fifth round: lz4(1) and lzop(1) streams. libarchive reads lz4
# (liblz4); lzop only through the external lzop program, which a guard does
# not run (seventh round: the filter is never registered, so nothing is
# spawned even where lzop is installed), so an lzop attachment is unreadable
# (scan incomplete, held), never passed as opaque bytes. Recognised by magic
# number as well as by name.
def tool(args, data):
    return subprocess.run(args, input=data, check=True, capture_output=True).stdout


lz4 = lambda data: tool(["lz4", "-c", "-q"], data)
lzo = lambda data: tool(["lzop", "-c", "-q"], data)
eml("marked-txt-lz4", lz4(MARKED), "plan.txt.lz4", "application/octet-stream")
eml("marked-tar-lz4", lz4(tar([("plans/plan.txt", MARKED)], "w")), "docs.tar.lz4", "application/octet-stream")
eml("marked-lz4-in-zip", zipped([("plan.txt.lz4", lz4(MARKED))]), "bundle.zip", "application/zip")
eml("marked-lz4-noname", lz4(MARKED), "data.bin", "application/octet-stream")
eml("marked-txt-lzo", lzo(MARKED), "plan.txt.lzo", "application/octet-stream")
eml("marked-tar-lzo", lzo(tar([("plans/plan.txt", MARKED)], "w")), "docs.tar.lzo", "application/octet-stream")

# Issue 13, seventh round: lrzip and grzip streams, which libarchive reads
# only by spawning lrzip(1) or grzip. Only the header matters (the magic
# libarchive's bidders check: "LRZI", major 0, minor 6 to 10; grzip's
# twelve-byte "GRZipII\0\2\4:)"): a guard must refuse it before any
# program would run, so the body after it is filler.
FILLER = bytes(range(256)) * 2
eml("fake-lrzip", b"LRZI\x00\x06" + FILLER, "plan.txt.lrz", "application/octet-stream")
eml("fake-grzip", b"GRZipII\x00\x02\x04:)" + FILLER, "plan.txt.grz", "application/octet-stream")

# Breaker round 14 (D2): RAR5. No free program writes RAR, so a stored
# (method 0) RAR5 archive is written here from RARLAB's published format
# (rarlab.com/technote.htm: signature, main archive header, file headers
# with CRC32, end of archive header; sizes as vints). libarchive's RAR
# readers end the archive quietly when a header runs past the input, so a
# "Rar!" signature over junk and an archive cut short both read as complete
# with nothing in them; each must be unreadable-attachment instead.
import struct, zlib


def vint(n):
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def rar5_block(htype, hflags, fields, data=b""):
    body = vint(htype) + vint(hflags) + (vint(len(data)) if hflags & 2 else b"") + fields
    header = vint(len(body)) + body
    return struct.pack("<I", zlib.crc32(header)) + header + data


def rar5(members):
    out = b"Rar!\x1a\x07\x01\x00" + rar5_block(1, 0, vint(0))
    for path, data in members:
        name = path.encode()
        # file flags 0x4 (CRC32 present), size, attributes (a Unix st_mode:
        # a regular file), CRC32,
        # compression 0 (version 0, stored), host OS 1 (Unix), name.
        fields = (vint(0x4) + vint(len(data)) + vint(0o100644) + struct.pack("<I", zlib.crc32(data))
                  + vint(0) + vint(1) + vint(len(name)) + name)
        out += rar5_block(2, 0x2, fields, data)
    return out + rar5_block(5, 0, vint(0))


RAR5 = rar5([("notes.txt", PLAIN), ("plan.txt", MARKED)])
eml("marked-rar5", RAR5, "plans.rar", "application/vnd.rar")
# Cut 12 bytes into plan.txt's header: notes.txt reads, plan.txt never
# starts.
NOTES_END = len(rar5([("notes.txt", PLAIN)])) - len(rar5_block(5, 0, vint(0)))
eml("truncated-rar5", RAR5[: NOTES_END + 12], "plans.rar", "application/vnd.rar")
# The signature over 20 bytes that are no RAR (the tester's rarfam.py, seed
# 1: random.Random(1)), which libarchive read as an empty archive.
eml("junk-rar5", b"Rar!\x1a\x07\x01\x00" + bytes.fromhex("91d8cdc310411e7ec27378a661c935187c07e4d5"), "f.rar", "application/vnd.rar")

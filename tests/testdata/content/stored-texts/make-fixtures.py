#!/usr/bin/env python3
"""Texts an archive stores beside its members, which libarchive does not hand
out (round 56b's tester 13): the stored names and comments of a gzip file's
later members (RFC 1952 2.2: "cat a.gz b.gz > c.gz", read by gzip(1) as one
stream) and a tar's pax "comment" and "SCHILY.xattr.*" records (POSIX.1-2008
pax extended headers, typeflag 'x' and global 'g'). Run from this directory;
goldens through content_golden_test (NM_UPDATE_GOLDEN=1)."""
import base64
import io
import struct
import tarfile
import zlib

MENU = b"Lunch menu for Friday: soup, bread, cheese.\n"


def gz(data, fname=None, comment=None):
    """One gzip member (RFC 1952), fixed MTIME, FNAME/FCOMMENT as given."""
    flg, extra = 0, b""
    if fname is not None:
        flg |= 8
        extra += fname.encode("latin-1") + b"\0"
    if comment is not None:
        flg |= 16
        extra += comment.encode("latin-1") + b"\0"
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = c.compress(data) + c.flush()
    return (b"\x1f\x8b\x08" + bytes([flg]) + b"\0\0\0\0\0\x03" + extra + body +
            struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF))


def tar(member_pax=None, global_pax=None, text=MENU):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT,
                      pax_headers=global_pax or {}) as t:
        info = tarfile.TarInfo("menu.txt")
        info.size, info.mtime, info.uname, info.gname = len(text), 1700000000, "alice", "staff"
        info.pax_headers = member_pax or {}
        t.addfile(info, io.BytesIO(text))
    return out.getvalue()


def message(name, filename, mime, data):
    head = ("From: Alice Example <alice@example.org>\r\nTo: bob@example.net\r\n"
            "Subject: files\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
            f"Message-ID: <{name}@example.org>\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n')
    body = ("--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b1\r\n"
            f'Content-Type: {mime}; name="{filename}"\r\n'
            f'Content-Disposition: attachment; filename="{filename}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n")
    with open(name + ".eml", "wb") as f:
        f.write(head.encode() + body.encode() +
                base64.encodebytes(data).replace(b"\n", b"\r\n") + b"--b1--\r\n")


first = gz(MENU, fname="menu.txt")
# The marking only in the second member's stored name, or its comment.
message("gzip-second-member-name", "notes.txt.gz", "application/gzip",
        first + gz(b"Dinner menu.\n", fname="UK SECRET - convoy plan.txt"))
message("gzip-second-member-comment", "notes.txt.gz", "application/gzip",
        first + gz(b"Dinner menu.\n", comment="SECRET//NOFORN convoy notes"))
# Control: plain names and comments in both members.
message("gzip-members-plain", "notes.txt.gz", "application/gzip",
        first + gz(b"Dinner menu.\n", fname="dinner.txt", comment="menus for the week"))
# A second member cut short: its header is not all read, stated.
cut = gz(b"Dinner menu, cut short in sending.\n" * 40, fname="dinner.txt")
message("gzip-second-member-cut", "notes.txt.gz", "application/gzip", first + cut[:40])
# A tar whose marking is only in a pax comment: the member's, a global one,
# and a text extended attribute; and a tar.gz of the first.
message("tar-pax-comment", "notes.tar", "application/x-tar",
        tar(member_pax={"comment": "SECRET//NOFORN convoy notes"}))
message("tar-pax-global-comment", "notes.tar", "application/x-tar",
        tar(global_pax={"comment": "UK SECRET - convoy plan"}))
message("tar-pax-xattr", "notes.tar", "application/x-tar",
        tar(member_pax={"SCHILY.xattr.user.classification": "TOP SECRET//SI"}))
message("tar-gz-pax-comment", "notes.tar.gz", "application/gzip",
        gz(tar(member_pax={"comment": "SECRET//NOFORN convoy notes"})))
# Controls: a plain comment; a binary attribute is not read as words.
message("tar-pax-plain", "notes.tar", "application/x-tar",
        tar(member_pax={"comment": "lunch menus",
                        "SCHILY.xattr.user.blob": "\x01\x02SECRET\x03"}))
# h46 finding 5: bsdtar's "LIBARCHIVE.xattr.<name>=<base64>" (unpadded, as
# libarchive writes it): decoded and read; base64 that does not decode is a
# malformed record, unreadable.
message("tar-pax-libarchive-xattr", "notes.tar", "application/x-tar",
        tar(member_pax={"LIBARCHIVE.xattr.user.classification":
                        base64.b64encode(b"TOP SECRET//SI").decode().rstrip("=")}))
message("tar-pax-libarchive-xattr-bad-base64", "notes.tar", "application/x-tar",
        tar(member_pax={"LIBARCHIVE.xattr.user.classification": "VE9Q*FNFQ1JFVA"}))

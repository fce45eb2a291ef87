#!/usr/bin/env python3
"""Writes the zip fixtures of issue 13, round 38: zip entries that no
reader without a password (or without an uncommon codec) can open, and
entries that common tools hide. Each must be named (encrypted-attachment,
unreadable-attachment, a limit) or read; none may pass as read and clean.

The zips are written byte by byte from the specifications, with fixed
salts, encryption headers and timestamps, so that a run rewrites every
committed file byte for byte (cmp):
- PKWARE APPNOTE.TXT 6.3.10: local and central headers (4.3.7, 4.3.12),
  general-purpose bit 0 (4.4.4), traditional PKWARE encryption (6.1).
- WinZip "AES Encryption Information: Encryption Specification AE-1 and
  AE-2" (https://www.winzip.com/en/support/aes-encryption/): method 99, the
  0x9901 extra field, PBKDF2-HMAC-SHA1 with 1000 iterations, AES in CTR
  mode with a little-endian counter from 1, a 10-byte HMAC-SHA1 code.
  Real ciphertext: with libzip installed the generator opens each AES and
  PKWARE member again with the password (ctypes, zip_fopen_index_encrypted)
  and checks the plaintext, so a fixture is what WinZip or 7-Zip would
  write, not a header that only claims it.

Run from this directory: python3 make-zip-fixtures.py (needs the
cryptography package). Then NM_UPDATE_GOLDEN=1 tests/cli/markings-archives.sh.
"""
import base64
import ctypes
import ctypes.util
import hashlib
import hmac
import struct
import zlib

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MARKED = b"SECRET//NOFORN\n\nThe convoy leaves at 0600 from the north gate.\n\nSECRET//NOFORN\n"
PLAIN = b"Lunch is at noon in the canteen.\nBring the quiz sheets.\n"
PASSWORD = b"hunter2"
DOS_TIME, DOS_DATE = 0x0000, 0x5B81  # 2025-12-01 00:00


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def winzip_aes(data, strength, salt):
    """AE-x encrypted data: salt, password verifier, ciphertext, MAC."""
    keylen = {1: 16, 2: 24, 3: 32}[strength]
    dk = hashlib.pbkdf2_hmac("sha1", PASSWORD, salt, 1000, 2 * keylen + 2)
    key, mac_key, verifier = dk[:keylen], dk[keylen:2 * keylen], dk[2 * keylen:]
    ecb = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    out = bytearray()
    for i in range(0, len(data), 16):
        stream = ecb.update((i // 16 + 1).to_bytes(16, "little"))
        out += bytes(a ^ b for a, b in zip(data[i:i + 16], stream))
    mac = hmac.new(mac_key, bytes(out), hashlib.sha1).digest()[:10]
    return salt + verifier + bytes(out) + mac


CRC_TABLE = [0] * 256
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
    CRC_TABLE[n] = c


def pkware(data, crc):
    """Traditional PKWARE encryption (APPNOTE.TXT 6.1) with a fixed
    12-byte header whose last byte is the CRC's high byte (6.1.6)."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(b):
        keys[0] = CRC_TABLE[(keys[0] ^ b) & 0xFF] ^ (keys[0] >> 8)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = CRC_TABLE[(keys[2] ^ (keys[1] >> 24)) & 0xFF] ^ (keys[2] >> 8)

    for b in PASSWORD:
        update(b)
    out = bytearray()
    for b in bytes(range(7, 18)) + bytes([crc >> 24]) + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(b)
    return bytes(out)


def stored_deflate(data):
    """A raw deflate stream of stored blocks (RFC 1951 3.2.4)."""
    c = zlib.compressobj(0, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def entry(name, data, method=8, flags=0, extra=b"", raw=None, crc=None,
          central_flags=None, central_extra=None):
    crc = zlib.crc32(data) if crc is None else crc
    if raw is None:
        raw = deflate(data) if method == 8 else data
    return dict(name=name.encode(), size=len(data), method=method, flags=flags,
                extra=extra, raw=raw, crc=crc,
                central_flags=flags if central_flags is None else central_flags,
                central_extra=extra if central_extra is None else central_extra)


def aes_entry(name, data, version=2, strength=3, flags=1, **kw):
    salt = bytes(range(1, {1: 9, 2: 13, 3: 17}[strength]))
    extra = struct.pack("<HHH2sBH", 0x9901, 7, version, b"AE", strength, 8)
    # AE-2 leaves the CRC 0: the MAC authenticates the data instead.
    return entry(name, data, method=99, flags=flags, extra=extra,
                 raw=winzip_aes(deflate(data), strength, salt),
                 crc=0 if version == 2 else None, **kw)


def pkware_entry(name, data):
    crc = zlib.crc32(data)
    return entry(name, data, flags=1, raw=pkware(deflate(data), crc), crc=crc)


def zip_bytes(entries, central=None):
    """A zip of `entries`; `central` (default: the same) lists the
    directory's entries, as (entry, local header offset) by index."""
    out, offsets = bytearray(), []
    for e in entries:
        offsets.append(len(out))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 51 if e["method"] == 99 else 20,
                           e["flags"], e["method"], DOS_TIME, DOS_DATE, e["crc"],
                           len(e["raw"]), e["size"], len(e["name"]), len(e["extra"]))
        out += e["name"] + e["extra"] + e["raw"]
    if central is None:
        central = list(range(len(entries)))
    directory = bytearray()
    for i in central:
        e = entries[i]
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x033F,
                                 51 if e["method"] == 99 else 20, e["central_flags"],
                                 e["method"], DOS_TIME, DOS_DATE, e["crc"], len(e["raw"]),
                                 e["size"], len(e["name"]), len(e["central_extra"]), 0, 0, 0,
                                 0o100644 << 16, offsets[i])
        directory += e["name"] + e["central_extra"]
    start = len(out)
    out += directory
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                       len(directory), start, 0)
    return bytes(out)


def check_decrypts(data, index, expected):
    """Opens member `index` with the password through libzip, when present."""
    path = ctypes.util.find_library("zip")
    if path is None:
        return
    lib = ctypes.CDLL(path)
    lib.zip_source_buffer_create.restype = ctypes.c_void_p
    lib.zip_source_buffer_create.argtypes = [ctypes.c_char_p, ctypes.c_uint64, ctypes.c_int,
                                             ctypes.c_void_p]
    lib.zip_open_from_source.restype = ctypes.c_void_p
    lib.zip_open_from_source.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    lib.zip_fopen_index_encrypted.restype = ctypes.c_void_p
    lib.zip_fopen_index_encrypted.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint32,
                                              ctypes.c_char_p]
    lib.zip_fread.restype = ctypes.c_int64
    lib.zip_fread.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint64]
    src = lib.zip_source_buffer_create(data, len(data), 0, None)
    z = lib.zip_open_from_source(src, 16, None)  # ZIP_RDONLY
    assert z, "libzip cannot open the fixture"
    f = lib.zip_fopen_index_encrypted(z, index, 0, PASSWORD)
    assert f, "libzip cannot decrypt member %d" % index
    buf = ctypes.create_string_buffer(len(expected) + 64)
    n = lib.zip_fread(f, buf, len(buf))
    assert buf.raw[:n] == expected, "member %d decrypts to other bytes" % index


def write_eml(name, filename, data, mime="application/zip"):
    body = base64.encodebytes(data).decode()
    msg = (f"From: alice@example.org\nTo: bob@outside-partner.com\nSubject: files\n"
           f"Message-ID: <{name}@example.org>\nDate: Mon, 01 Dec 2025 01:00:00 +0000\n"
           'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="=-nm-1"\n\n'
           "--=-nm-1\nContent-Type: text/plain; charset=utf-8\n\nSee the attached file.\n"
           f'--=-nm-1\nContent-Type: {mime}; name="{filename}"\n'
           f'Content-Disposition: attachment; filename="{filename}"\n'
           f"Content-Transfer-Encoding: base64\n\n{body}--=-nm-1--\n")
    with open(name + ".eml", "w", encoding="ascii", newline="\n") as f:
        f.write(msg)


def main():
    plain = entry("readme.txt", PLAIN)
    fixtures = {
        # WinZip AE-2, AES-256 (what 7-Zip's -mem=AES256 writes), beside a
        # plain member that is read.
        "zip-aes256-ae2": zip_bytes([plain, aes_entry("plan.txt", MARKED)]),
        # AE-1 (CRC kept), AES-128.
        "zip-aes128-ae1": zip_bytes([aes_entry("plan.txt", MARKED, version=1, strength=1)]),
        # Method 99 and the AES extra field without bit 0: still ciphertext.
        "zip-aes-no-flag": zip_bytes([aes_entry("plan.txt", MARKED, flags=0)]),
        # An AES strength the specification does not define (1-3 only).
        "zip-aes-bad-strength": zip_bytes([entry(
            "plan.txt", MARKED, method=99, flags=1, raw=b"\x00" * 64,
            extra=struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 7, 8))]),
        # Method 99 with no 0x9901 extra field: the real method is unknown.
        "zip-method99-no-extra": zip_bytes([entry("plan.txt", MARKED, method=99, flags=1,
                                                  raw=b"\x00" * 64)]),
        # Traditional PKWARE encryption (zip -e, Windows' "Add a password").
        "zip-pkware": zip_bytes([plain, pkware_entry("plan.txt", MARKED)]),
        # A compression method nothing here decodes (97, WavPack).
        "zip-method-wavpack": zip_bytes([entry("plan.txt", MARKED, method=97,
                                               raw=b"\x00" * 64)]),
        # Deflate64 (method 9, "Enhanced Deflating", APPNOTE 4.4.5), what
        # Windows Explorer writes for large files: stored blocks only, which
        # Deflate64 reads as Deflate does (its changes are the 64 KiB window
        # and length code 285), so a reader that knew the method would read
        # the marked text. Neither libzip 1.7 nor libarchive 3.6 does.
        "zip-method-deflate64": zip_bytes([entry("plan.txt", MARKED, method=9,
                                                 raw=stored_deflate(MARKED))]),
        # A directory entry ("plan/") carrying the marked text: unzip, 7-Zip
        # and Explorer make a folder of it, the bytes travel anyway.
        "zip-directory-with-data": zip_bytes([plain, entry("plan/", MARKED, method=0)]),
    }
    full = fixtures["zip-aes256-ae2"]
    # The same archive cut short mid-way through its central directory.
    fixtures["zip-truncated"] = full[:len(full) - 40]
    # One deflated member of 8 MiB of zeros (8 KiB compressed) listed 300
    # times by the directory (overlapping entries, as in D. Fifield's
    # "non-recursive zip bomb", 2019): 2.4 GB from 8 KiB.
    bomb = entry("zeros.bin", b"\x00" * (8 << 20))
    fixtures["zip-overlap-bomb"] = zip_bytes([bomb], central=[0] * 300)
    check_decrypts(fixtures["zip-aes256-ae2"], 1, MARKED)
    check_decrypts(fixtures["zip-aes128-ae1"], 0, MARKED)
    check_decrypts(fixtures["zip-pkware"], 1, MARKED)
    for name, data in fixtures.items():
        write_eml(name, "plan.zip", data)
    # The same in a DOCX (an OOXML package is a zip, ECMA-376 Part 2): a
    # "word/media/" directory entry carrying the marked text.
    types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
             b'.org/package/2006/content-types"><Override PartName="/word/document.xml" Content'
             b'Type="application/vnd.openxmlformats-officedocument.wordprocessingml.document.ma'
             b'in+xml"/></Types>')
    document = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.open'
                b'xmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Lunch is at '
                b'noon.</w:t></w:r></w:p></w:body></w:document>')
    docx = zip_bytes([entry("[Content_Types].xml", types), entry("word/document.xml", document),
                      entry("word/media/", MARKED, method=0)])
    write_eml("docx-directory-with-data", "plan.docx", docx,
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


if __name__ == "__main__":
    main()

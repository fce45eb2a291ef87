#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 42 (helper r42e): S/MIME signed
and enveloped data sent as application/octet-stream (d4), and Office and
HTML layouts that set how a marking shows (d5).
python3 make-fixtures.py [NAME...] in this directory (standard library,
../ooxml_fixture.py and the openssl command for d4) rewrites the committed
.eml files, or only those named. Output is byte-for-byte the same run to
run (fixed zip dates and boundaries) except d4's signed and enveloped data:
each run signs with a new throw-away key, as round38f's d15 does.
"""
import base64, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round42-boundary"
DATE = "Fri, 04 Dec 2026 09:00:00 +0000"
MAIL = ooxml_fixture.MailFixtures(DATE, BOUNDARY, ONLY)
write, attach = MAIL.write, MAIL.attach
OCTET = "application/octet-stream"

# d4: CMS (RFC 5652) under application/octet-stream, as some clients and
# gateways relabel "smime.p7m": signed data is read as the pkcs7-mime part
# it is (RFC 8551 3.5.2), enveloped data is an encrypted attachment, and
# bytes that only open like signed data are unread (the scan incomplete).
SIGNER = tempfile.mkdtemp()
KEY, CERT = os.path.join(SIGNER, "k.pem"), os.path.join(SIGNER, "c.pem")


def openssl(args, data=b""):
    return subprocess.run(["openssl"] + args, input=data, capture_output=True,
                          check=True).stdout


def d4_wanted():
    return not ONLY or any(n.startswith("r42-4-") for n in ONLY)


if d4_wanted():
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", KEY,
             "-out", CERT, "-days", "1", "-subj", "/CN=alice"])
    SECRET_ENTITY = (b"Content-Type: text/plain; charset=utf-8\r\n\r\nSECRET//NOFORN\r\n\r\n"
                     b"The convoy leaves at 0600.\r\n\r\nSECRET//NOFORN\r\n")
    LUNCH_ENTITY = b"Content-Type: text/plain; charset=utf-8\r\n\r\nHi Bob, lunch on Friday?\r\n"
    SIGN = ["smime", "-sign", "-binary", "-signer", CERT, "-inkey", KEY, "-outform", "DER"]
    attach("r42-4-smime-signed-octet-stream",
           openssl(SIGN + ["-nodetach"], SECRET_ENTITY), "smime.p7m", OCTET)
    attach("r42-4-smime-signed-octet-stream-dat",
           openssl(SIGN + ["-nodetach"], SECRET_ENTITY), "message.dat", OCTET)
    attach("r42-4-neg-smime-signed-octet-lunch",
           openssl(SIGN + ["-nodetach"], LUNCH_ENTITY), "smime.p7m", OCTET)
    attach("r42-4-smime-enveloped-octet-stream",
           openssl(["smime", "-encrypt", "-binary", "-outform", "DER", CERT],
                   SECRET_ENTITY), "smime.p7m", OCTET)
    # A detached signature (multipart/signed, RFC 8551 3.5.3) whose
    # signature part is labelled application/octet-stream: nothing to read
    # in it, and the signed text beside it is read.
    sig = openssl(SIGN, LUNCH_ENTITY)
    b = BOUNDARY
    write("r42-4-neg-smime-detached-octet-signature",
          MAIL.head % ("lunch", "r42-4-neg-smime-detached-octet-signature") +
          'Content-Type: multipart/signed; protocol="application/pkcs7-signature";'
          ' micalg=sha-256; boundary="%s"\n\n--%s\n' % (b, b) +
          LUNCH_ENTITY.decode().replace("\r\n", "\n") +
          '\n--%s\nContent-Type: %s; name="smime.p7s"\n'
          'Content-Disposition: attachment; filename="smime.p7s"\n'
          "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
          % (b, OCTET, base64.encodebytes(sig).decode(), b))
    # The DER head of a SignedData ContentInfo, then bytes that are not CMS.
    attach("r42-4-octet-signed-head-not-cms",
           bytes.fromhex("3082020006092a864886f70d010702a08201f1") + bytes(range(256)) * 2,
           "smime.p7m", OCTET)

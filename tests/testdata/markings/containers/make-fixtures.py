#!/usr/bin/env python3
"""Writes the container fixtures of issue 13's breaker round 7 (defects 2-5):
encrypted mail and files (S/MIME, OpenPGP), Outlook TNEF (winmail.dat),
iCalendar invitations and uuencoded files, each with a marking inside, and
the shapes that must stay clean beside them (signed mail, a clear-signed
text, an unmarked invitation, "begin" in prose). Run from this directory
with python3; the OpenPGP and CMS ciphertexts come from gpg and openssl
run locally (a throw-away GNUPGHOME, a self-signed certificate), so they
differ run to run; the .eml files are committed, and this records how they
were made. No key or passphrase matters: nobody decrypts them.
"""
import base64, binascii, io, os, shutil, struct, subprocess, tempfile, zipfile

B = "nearmiss-containers-boundary"
SECRET_TEXT = b"UK SECRET\n\nThe convoy leaves at 0600 on Thursday.\n\nUK SECRET\n"


def head(name, subject, ctype, extra=""):
    return (
        "From: alice@example.org\n"
        "To: bob@outside-partner.com\n"
        "Subject: %s\n"
        "Message-ID: <%s@example.org>\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0000\n"
        "MIME-Version: 1.0\n%s"
        "Content-Type: %s\n" % (subject, name, extra, ctype))


def write(name, text):
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


def b64(data):
    return base64.encodebytes(data).decode()


def attached(name, data, filename, ctype, subject="files",
             body="See the attached file.\n"):
    disp = 'attachment; filename="%s"' % filename if filename else "attachment"
    ct = '%s; name="%s"' % (ctype, filename) if filename else ctype
    write(name, head(name, subject, 'multipart/mixed; boundary="%s"' % B) +
          "\n--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n"
          "--%s\nContent-Type: %s\nContent-Disposition: %s\n"
          "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
          % (B, body, B, ct, disp, b64(data), B))


def zipped(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, (2026, 12, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def run(args, data=None, **kw):
    return subprocess.run(args, input=data, check=True, capture_output=True,
                          **kw).stdout


tmp = tempfile.mkdtemp()
gpg = ["gpg", "--homedir", tmp, "--batch", "--yes", "--pinentry-mode",
       "loopback", "--passphrase", "x", "--symmetric"]
pgp_binary = run(gpg, SECRET_TEXT)
pgp_armor = run(gpg + ["--armor"], SECRET_TEXT)
key, cert = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
     key, "-out", cert, "-days", "1", "-subj", "/CN=bob"])
cms = run(["openssl", "cms", "-encrypt", "-binary", "-outform", "DER",
           "-aes256", cert], SECRET_TEXT)
signed_text = b"Content-Type: text/plain\r\n\r\nQuarterly figures attached.\r\n"
detached_sig = run(["openssl", "cms", "-sign", "-binary", "-outform", "DER",
                    "-signer", cert, "-inkey", key, "-nocerts"], signed_text)

# Defect 2: encrypted mail and encrypted files.
write("smime-enveloped", head(
    "smime-enveloped", "Convoy update",
    'application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
    'Content-Disposition: attachment; filename="smime.p7m"\n') +
    "Content-Transfer-Encoding: base64\n\n" + b64(cms))
write("smime-x-pkcs7", head(
    "smime-x-pkcs7", "Convoy update",
    'application/x-pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"') +
    "Content-Transfer-Encoding: base64\n\n" + b64(cms))
write("pgp-mime", head(
    "pgp-mime", "Convoy update",
    'multipart/encrypted; protocol="application/pgp-encrypted"; '
    'boundary="%s"' % B) +
    "\n--%s\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n\n"
    "--%s\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\n\n"
    "%s\n--%s--\n" % (B, B, pgp_armor.decode(), B))
write("pgp-inline", head("pgp-inline", "Convoy update",
                         "text/plain; charset=us-ascii") +
      "\nBob,\n\n" + pgp_armor.decode() + "\nAlice\n")
attached("gpg-attachment", pgp_binary, "plan.docx.gpg",
         "application/octet-stream")
attached("pgp-armored-attachment", pgp_armor, "plan.docx.asc",
         "application/pgp-encrypted")
attached("p7m-attachment", cms, "plan.docx.p7m", "application/octet-stream")
attached("gpg-noname", pgp_binary, "", "application/octet-stream")
attached("gpg-in-zip", zipped([("plan.docx.gpg", pgp_binary)]), "plan.zip",
         "application/zip")
# Signed, not encrypted: the message is read and clean.
write("smime-signed-clean", head(
    "smime-signed-clean", "Quarterly figures",
    'multipart/signed; protocol="application/pkcs7-signature"; '
    'micalg=sha-256; boundary="%s"' % B) +
    "\n--%s\n%s\n--%s\nContent-Type: application/pkcs7-signature; "
    "name=\"smime.p7s\"\nContent-Transfer-Encoding: base64\n"
    "Content-Disposition: attachment; filename=\"smime.p7s\"\n\n%s\n--%s--\n"
    % (B, signed_text.decode().replace("\r\n", "\n"), B, b64(detached_sig), B))
clear = run(["gpg", "--homedir", tmp, "--batch", "--yes", "--quick-gen-key",
             "--passphrase", "", "alice@example.org"], None)
clearsigned = run(["gpg", "--homedir", tmp, "--batch", "--yes",
                   "--clearsign", "--passphrase", ""],
                  b"Quarterly figures attached.\n")
write("pgp-clearsigned-clean", head("pgp-clearsigned-clean",
                                    "Quarterly figures",
                                    "text/plain; charset=us-ascii") +
      "\n" + clearsigned.decode())
# gpg started an agent for the throw-away home: stop it.
subprocess.run(["gpgconf", "--homedir", tmp, "--kill", "gpg-agent"])
shutil.rmtree(tmp, ignore_errors=True)


# Defect 3: TNEF ([MS-OXTNEF] 2.1.3: signature, key, attributes with a
# level, an id|type, a length, the data and a 16-bit checksum).
def tnef_attr(level, attr, data):
    return (struct.pack("<BII", level, attr, len(data)) + data +
            struct.pack("<H", sum(data) & 0xFFFF))


def tnef(files, body=None):
    t = struct.pack("<IH", 0x223E9F78, 0x0001)
    t += tnef_attr(1, 0x00089006, struct.pack("<I", 0x00010000))  # version
    if body is not None:
        t += tnef_attr(1, 0x0002800C, body)  # attBody
    for name, data in files:
        t += tnef_attr(2, 0x00069002, b"\x01\x00\x00\x00" + b"\xff" * 10)
        t += tnef_attr(2, 0x00018010, name + b"\x00")  # attAttachTitle
        t += tnef_attr(2, 0x0006800F, data)  # attAttachData
    return t


DOCX = zipped([
    ("[Content_Types].xml",
     '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
     'package/2006/content-types"><Override PartName="/word/document.xml" '
     'ContentType="application/vnd.openxmlformats-officedocument.'
     'wordprocessingml.document.main+xml"/></Types>'),
    ("word/document.xml",
     '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
     '.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>SECRET REL TO '
     'USA, GBR</w:t></w:r></w:p><w:p><w:r><w:t>The convoy leaves at 0600.'
     '</w:t></w:r></w:p><w:p><w:r><w:t>SECRET REL TO USA, GBR</w:t></w:r>'
     '</w:p></w:body></w:document>')])
attached("tnef-winmail", tnef([(b"plan.txt", SECRET_TEXT)]), "winmail.dat",
         "application/ms-tnef", subject="Convoy update")
attached("tnef-noname", tnef([(b"plan.txt", SECRET_TEXT)]), "",
         "application/ms-tnef", subject="Convoy update")
attached("tnef-docx", tnef([(b"notes.txt", b"Agenda attached.\n"),
                            (b"plan.docx", DOCX)]),
         "winmail.dat", "application/vnd.ms-tnef", subject="Convoy update")
attached("tnef-octet-stream", tnef([(b"plan.txt", SECRET_TEXT)]),
         "winmail.dat", "application/octet-stream", subject="Convoy update")
attached("tnef-body", tnef([], body=SECRET_TEXT), "winmail.dat",
         "application/ms-tnef", subject="Convoy update")
# The RTF body Outlook puts in TNEF: PR_RTF_COMPRESSED (0x1009, PT_BINARY)
# in the message's attMAPIProps ([MS-OXTNEF] 2.1.3.4), here the
# uncompressed "MELA" form of [MS-OXRTFCP] 2.1.3.1. Nothing here reads RTF:
# the message is incomplete.
def rtf_props(rtf):
    body = struct.pack("<IIII", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf
    prop = struct.pack("<HHII", 0x0102, 0x1009, 1, len(body)) + body
    prop += b"\0" * (-len(body) % 4)
    return struct.pack("<I", 1) + prop


t = tnef([(b"notes.txt", b"Agenda.\n")])
t += tnef_attr(1, 0x00069003, rtf_props(b"{\\rtf1 UK SECRET\\par}"))
attached("tnef-rtf-body", t, "winmail.dat", "application/ms-tnef",
         subject="Convoy update")
# Cut short inside an attribute: libytnef cannot parse it, so it is
# unreadable, never read as empty.
attached("tnef-corrupt", tnef([(b"plan.txt", SECRET_TEXT)])[:40],
         "winmail.dat", "application/ms-tnef", subject="Convoy update")
attached("tnef-clean", tnef([(b"menu.txt", b"Lunch menu for Friday.\n")]),
         "winmail.dat", "application/ms-tnef", subject="Lunch")
attached("tnef-in-zip", zipped([("winmail.dat",
                                 tnef([(b"plan.txt", SECRET_TEXT)]))]),
         "mail.zip", "application/zip", subject="Convoy update")


# Defect 4: iCalendar (RFC 5545: CRLF lines, folding, "\n" escapes).
def ics(summary, description, extra=""):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nearmiss//test//EN",
             "METHOD:REQUEST", "BEGIN:VEVENT", "UID:1@example.org",
             "DTSTAMP:20261201T090000Z", "DTSTART:20261202T090000Z",
             "SUMMARY:" + summary, "DESCRIPTION:" + description]
    lines += [l for l in extra.split("\n") if l]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


MARKED = "UK SECRET\\n\\nThe convoy leaves at 0600.\\n\\nUK SECRET"
attached("ics-attached", ics("UK SECRET: convoy planning", MARKED),
         "invite.ics", "text/calendar; method=REQUEST",
         subject="Invitation: planning")
write("ics-only", head("ics-only", "Invitation: planning",
                       "text/calendar; method=REQUEST; charset=utf-8") +
      "\n" + ics("UK SECRET: convoy planning", MARKED).decode())
attached("ics-summary-only", ics("SECRET REL TO USA, GBR - convoy",
                                 "Agenda to follow."),
         "invite.ics", "text/calendar", subject="Invitation: planning")
attached("ics-description-folded",
         ics("Convoy planning",
             "TOP SECRET\\n\\nThe convoy leaves at 0600 from the north\r\n "
             "gate.\\n\\nTOP SECRET"),
         "meeting.ics", "application/octet-stream",
         subject="Invitation: planning")
write("ics-alternative", head(
    "ics-alternative", "Invitation: planning",
    'multipart/alternative; boundary="%s"' % B) +
    "\n--%s\nContent-Type: text/plain; charset=utf-8\n\nPlanning meeting.\n"
    "\n--%s\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\n\n%s"
    "\n--%s--\n" % (B, B, ics("OFFICIAL-SENSITIVE: budget", "Agenda").decode(),
                    B))
attached("ics-clean", ics("Secret Santa 2026 - sign up",
                          "Bring a gift.\\n\\nSee you there!"),
         "invite.ics", "text/calendar", subject="Invitation: party")

# Breaker round 7, 9: zip members in methods Debian's libzip does not read
# (LZMA, method 14; BZIP2 beside it) are read through libarchive.
def zipped_with(members, method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, (2026, 12, 1, 9, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


attached("zip-lzma", zipped_with([("plan.txt", SECRET_TEXT)], zipfile.ZIP_LZMA),
         "plan.zip", "application/zip", subject="Convoy update")
attached("zip-lzma-docx", zipped_with([("notes.txt", b"Agenda.\n"),
                                       ("plan.docx", DOCX)], zipfile.ZIP_LZMA),
         "bundle.zip", "application/zip", subject="Convoy update")
attached("zip-lzma-clean", zipped_with([("menu.txt", b"Lunch menu.\n")],
                                       zipfile.ZIP_LZMA),
         "menu.zip", "application/zip", subject="Lunch")

# Defect 5: uuencode (POSIX uuencode: "begin <mode> <name>", lines, "`",
# "end").
def uu(name, data, mode="644"):
    out = "begin %s %s\n" % (mode, name)
    for i in range(0, len(data), 45):
        out += binascii.b2a_uu(data[i:i + 45]).decode()
    return out + "`\nend\n"


def plain(name, body, subject="Convoy update"):
    write(name, head(name, subject, "text/plain; charset=us-ascii") +
          "\n" + body)


plain("uuencode-body", "Bob, file below.\n\n" + uu("plan.txt", SECRET_TEXT))
plain("uuencode-docx", "Bob, file below.\n\n" + uu("plan.docx", DOCX, "0644"))
plain("uuencode-two", "Files:\n\n" + uu("menu.txt", b"Lunch menu.\n") +
      "\n" + uu("plan.txt", SECRET_TEXT) + "\nAlice\n")
plain("uuencode-crlf", ("Bob, file below.\n\n" + uu("plan.txt", SECRET_TEXT))
      .replace("\n", "\r\n"))
attached("uuencode-attachment", ("Notes.\n\n" + uu("plan.txt", SECRET_TEXT))
         .encode(), "notes.txt", "text/plain")
plain("uuencode-prose-clean",
      "Hi Bob,\n\nbegin 644 is what the old tool printed. Lunch at 1?\n\n"
      "Alice\n", subject="Lunch")

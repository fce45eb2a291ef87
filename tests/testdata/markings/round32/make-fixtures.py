#!/usr/bin/env python3
"""Writes the fixtures of issue 13's breaker round 32, defects D1 and D2:
zips framed the way unzip and Python's zipfile frame them (an archive after
another, after a self-extractor stub or an image, a member only in a local
header), and files attached inside a PDF (EmbeddedFiles name tree,
FileAttachment annotations, compressed, nested, in a zip). Each kind has a
marked positive and an unmarked negative of the same shape. Run from this
directory with python3 (zip(1) for the adjusted self-extractor); the goldens
are written by `NM_UPDATE_GOLDEN=1 ctest -R content_golden`.
"""
import base64, io, os, shutil, struct, subprocess, tempfile, zipfile, zlib

B = "nearmiss-round32-boundary"
MARK = "SECRET//NOFORN\n\nThe convoy leaves at 0600 on Thursday.\n\nSECRET//NOFORN\n"
BENIGN = "Lunch menu for Friday: soup and sandwiches.\n"


def write(name, subject, filename, ctype, data):
    text = (
        "From: alice@example.org\n"
        "To: bob@outside-partner.com\n"
        "Subject: %s\n"
        "Message-ID: <%s@example.org>\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0000\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="%s"\n'
        "\n--%s\nContent-Type: text/plain; charset=utf-8\n\nSee the attached file.\n\n"
        '--%s\nContent-Type: %s; name="%s"\n'
        'Content-Disposition: attachment; filename="%s"\n'
        "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n"
        % (subject, name, B, B, B, ctype, filename, filename,
           base64.encodebytes(data).decode(), B))
    with open(name + ".eml", "w", newline="\n") as f:
        f.write(text)


def zipped(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, (2026, 12, 1, 9, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def docx(text):
    return zipped([
        ("[Content_Types].xml",
         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml",
         '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
         + "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % l for l in text.split("\n"))
         + "</w:body></w:document>"),
    ])


def local_only(hidden, listed):
    """A stored zip of `hidden` then `listed`, whose central directory (and
    end record) lists only `listed`: unzip and Python show `listed`,
    streaming readers both."""
    data = zipped([hidden, listed], zipfile.ZIP_STORED)
    eocd = data.rfind(b"PK\x05\x06")
    cd_off = struct.unpack("<I", data[eocd + 16:eocd + 20])[0]
    cd = data[cd_off:eocd]
    n, e, c = struct.unpack("<HHH", cd[28:34])
    cd2 = cd[46 + n + e + c:]
    end = bytearray(data[eocd:])
    struct.pack_into("<HHII", end, 8, 1, 1, len(cd2), cd_off)
    return data[:cd_off] + cd2 + bytes(end)


def adjusted_sfx(stub, members):
    """A self-extractor as `zip -A` leaves it: the stub, then a zip whose
    offsets count from the file's start."""
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, "sfx.zip")
        with open(path, "wb") as f:
            f.write(stub + zipped(members))
        subprocess.run(["zip", "-q", "-A", path], check=True)
        with open(path, "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def zip64(members):
    """A zip in Zip64 form throughout (zip -fz: Zip64 extra fields and the
    Zip64 end record and locator), the form large archives take."""
    tmp = tempfile.mkdtemp()
    try:
        names = []
        for path, data in members:
            with open(os.path.join(tmp, path), "w") as f:
                f.write(data)
            os.utime(os.path.join(tmp, path), (1796115600, 1796115600))
            names.append(path)
        subprocess.run(["zip", "-q", "-X", "-fz", "out.zip"] + names, cwd=tmp, check=True)
        with open(os.path.join(tmp, "out.zip"), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def pdf(objs):
    out = b"%PDF-1.7\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def stream(payload, compress):
    if compress:
        z = zlib.compress(payload, 9)
        return b"<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n" % len(z) + z + b"\nendstream"
    return b"<< /Type /EmbeddedFile /Length %d >>\nstream\n" % len(payload) + payload + b"\nendstream"


PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Lunch menu for Friday.) Tj ET"


def pdf_embedded(filename, payload, compress=False):
    """One page of menu text; `payload` as `filename` in the EmbeddedFiles
    name tree (Adobe Reader's paper-clip pane, pdfdetach -list)."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(%s) 5 0 R] >> >> >>" % filename,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(PAGE_TEXT) + PAGE_TEXT + b"\nendstream",
        b"<< /Type /Filespec /F (%s) /UF (%s) /EF << /F 6 0 R >> >>" % (filename, filename),
        stream(payload, compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_annotation(filename, payload, compress=False):
    """`payload` as `filename` behind a FileAttachment annotation (a
    paper-clip icon on the page), not in the name tree."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [5 0 R] /Resources << /Font << /F1 8 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(PAGE_TEXT) + PAGE_TEXT + b"\nendstream",
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [72 700 92 720] /FS 6 0 R /Contents (notes) >>",
        b"<< /Type /Filespec /F (%s) /EF << /F 7 0 R >> >>" % filename,
        stream(payload, compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def main():
    for f in os.listdir("."):
        if f.endswith(".eml"):
            os.remove(f)
    sec, ben = zipped([("plan.txt", MARK)]), zipped([("menu.txt", BENIGN)])
    stub = b"MZ" + b"\x90" * 510
    zip_ct = "application/zip"
    # D1: the archive unzip shows is the last; an archive before it is read too.
    write("d1-zip-after-zip", "Files", "files.zip", zip_ct, ben + sec)
    write("d1-zip-before-zip", "Files", "files.zip", zip_ct, sec + ben)
    write("d1-zip-middle-of-three", "Files", "files.zip", zip_ct,
          ben + zipped([("plan.docx", docx(MARK))]) + zipped([("notes.txt", BENIGN)]))
    write("d1-zip-blank-lines-between", "Files", "files.zip", zip_ct, ben + b"\r\n" * 40 + sec)
    write("d1-zip-junk-before", "Files", "files.zip", zip_ct, b"X" * 1024 + sec)
    write("d1-zip-nested-appended", "Files", "files.zip", zip_ct, zipped([("inner.zip", ben + sec)]))
    write("d1-sfx-stub", "Files", "setup.exe", "application/octet-stream", stub + sec)
    write("d1-sfx-adjusted", "Files", "setup.exe", "application/x-msdownload",
          adjusted_sfx(stub, [("plan.txt", MARK)]))
    write("d1-image-then-zip", "Photo", "photo.jpg", "image/jpeg",
          b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8 + b"\xff\xd9" + sec)
    write("d1-zip64-after-zip64", "Files", "files.zip", zip_ct,
          zip64([("menu.txt", BENIGN)]) + zip64([("plan.txt", MARK)]))
    # A member no central directory lists: unreadable (held), not silent.
    write("d1-local-only-member", "Files", "files.zip", zip_ct,
          local_only(("plan.txt", MARK), ("menu.txt", BENIGN)))
    write("d1-local-header-after-end", "Files", "files.zip", zip_ct,
          ben + local_only(("plan.txt", MARK), ("menu.txt", BENIGN))[:60])
    # Negatives of the same shapes.
    write("d1-neg-zip-after-zip", "Files", "files.zip", zip_ct, ben + zipped([("notes.txt", BENIGN)]))
    write("d1-neg-sfx-stub", "Files", "setup.exe", "application/octet-stream", stub + ben)
    write("d1-neg-zip64", "Files", "files.zip", zip_ct, zip64([("menu.txt", BENIGN)]))
    write("d1-neg-trailing-crlf", "Files", "files.zip", zip_ct, ben + b"\r\n\r\n")
    write("d1-neg-image", "Photo", "photo.jpg", "image/jpeg",
          b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8 + b"\xff\xd9")
    # D2: files attached inside a PDF.
    pdf_ct = "application/pdf"
    write("d2-pdf-embedded-txt", "Menu", "menu.pdf", pdf_ct, pdf_embedded(b"plan.txt", MARK.encode()))
    write("d2-pdf-embedded-flate", "Menu", "menu.pdf", pdf_ct,
          pdf_embedded(b"plan.txt", MARK.encode(), compress=True))
    write("d2-pdf-embedded-docx", "Menu", "menu.pdf", pdf_ct, pdf_embedded(b"plan.docx", docx(MARK)))
    write("d2-pdf-embedded-zip", "Menu", "menu.pdf", pdf_ct, pdf_embedded(b"plans.zip", sec))
    write("d2-pdf-embedded-pdf", "Menu", "menu.pdf", pdf_ct,
          pdf_embedded(b"annex.pdf", pdf_embedded(b"plan.txt", MARK.encode(), compress=True)))
    write("d2-pdf-annotation", "Menu", "menu.pdf", pdf_ct, pdf_annotation(b"plan.txt", MARK.encode()))
    write("d2-pdf-annotation-flate", "Menu", "menu.pdf", pdf_ct,
          pdf_annotation(b"plan.txt", MARK.encode(), compress=True))
    write("d2-pdf-in-zip", "Files", "files.zip", zip_ct,
          zipped([("menu.pdf", pdf_embedded(b"plan.txt", MARK.encode()))]))
    # A corrupt compressed file and a bomb: unreadable or a limit, never none.
    write("d2-pdf-embedded-corrupt", "Menu", "menu.pdf", pdf_ct,
          pdf([b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(plan.txt) 4 0 R] >> >> >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
               b"<< /Type /Filespec /F (plan.txt) /EF << /F 5 0 R >> >>",
               b"<< /Type /EmbeddedFile /Filter /FlateDecode /Length 12 >>\nstream\nnot deflate!\nendstream"]))
    write("d2-pdf-embedded-bomb", "Menu", "menu.pdf", pdf_ct,
          pdf_embedded(b"menu.txt", b" " * 60_000_000 + MARK.encode(), compress=True))
    write("d2-neg-pdf-embedded", "Menu", "menu.pdf", pdf_ct, pdf_embedded(b"menu.txt", BENIGN.encode()))
    write("d2-neg-pdf-annotation", "Menu", "menu.pdf", pdf_ct, pdf_annotation(b"menu.txt", BENIGN.encode(), compress=True))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PDFs whose pages carry labels (ISO 32000-1 12.4.2, /PageLabels), for the
marking corpus (h26, round 55's tester 13-b carried): a viewer shows the
label ("SECRET-1") in its page box. Run from this directory."""
import base64


def pdf(labels_dict, pages=2):
    objs = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objs.append(f"<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [{labels_dict}] >> >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    font = 3 + 2 * pages
    for i in range(pages):
        text = f"BT /F1 12 Tf 72 700 Td (The convoy notes, part {i + 1}.) Tj ET"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>")
        objs.append(f"<< /Length {len(text)} >>\nstream\n{text}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.7\n"
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def eml(name, data):
    payload = base64.encodebytes(data).decode()
    with open(name + ".eml", "w") as f:
        f.write(f"From: alice@example.org\nTo: bob@gmail.com\nSubject: Notes\n"
                f"Date: Sun, 6 Dec 2026 10:00:00 +0000\nMessage-ID: <{name}@example.org>\n"
                f"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=BB\n\n"
                f"--BB\nContent-Type: text/plain; charset=utf-8\n\nHi,\n\nThe notes are attached.\n\nAl\n"
                f'--BB\nContent-Type: application/pdf; name="n.pdf"\n'
                f'Content-Disposition: attachment; filename="n.pdf"\n'
                f"Content-Transfer-Encoding: base64\n\n{payload}--BB--\n")


# "SECRET-1", "SECRET-2": the label's prefix is the marking.
eml("pos-pdf-page-label-banner", pdf("0 << /P (SECRET-) /S /D >>"))
# "TOP SECRET//NOFORN 1": a banner as the prefix.
eml("pos-pdf-page-label-capco", pdf("0 << /P (TOP SECRET//NOFORN ) /S /D >>"))
# Roman front matter and an annex's letters: no marking.
eml("neg-pdf-page-labels", pdf("0 << /S /r >> 1 << /P (A-) /S /D >>"))

#!/usr/bin/env python3
"""Round 55's tester 13 fixtures (issue 13): markings as senders write them.

Run from this directory: python3 make_fixtures.py. Each .eml is a corpus row
(tests/testdata/markings/{positives,negatives}.tsv).
"""
import base64
import json

def eml(name, subject, body, attachment=None, headers=""):
    parts = [f"From: alice@example.org\nTo: bob@outside-partner.com\nSubject: {subject}\n"
             f"Message-ID: <r55-{name}@example.org>\nDate: Sat, 05 Dec 2026 09:00:00 +0000\n"
             f"{headers}MIME-Version: 1.0\n"]
    if attachment is None:
        parts.append("Content-Type: text/plain; charset=utf-8\n\n" + body + "\n")
    else:
        fname, ctype, data = attachment
        b = "r55-boundary"
        payload = base64.encodebytes(data if isinstance(data, bytes) else data.encode()).decode()
        parts.append(f'Content-Type: multipart/mixed; boundary="{b}"\n\n--{b}\n'
                     f"Content-Type: text/plain; charset=utf-8\n\n{body}\n--{b}\n"
                     f'Content-Type: {ctype}; name="{fname}"\n'
                     f'Content-Disposition: attachment; filename="{fname}"\n'
                     f"Content-Transfer-Encoding: base64\n\n{payload}--{b}--\n")
    with open(name + ".eml", "w") as f:
        f.write("".join(parts))

# 1. A marking as a field's whole value (round 55, finding 1).
eml("json-classification", "record", "The export.",
    ("record.json", "application/json",
     json.dumps({"classification": "SECRET//NOFORN", "text": "The convoy leaves at 0600."}, indent=2)))
eml("json-one-line", "record", "The export.",
    ("record.json", "application/json",
     '{"classification": "TOP SECRET", "caveat": "UK EYES ONLY", "body": "Plan"}'))
records = [{"id": i, "title": f"Case {i}", "owner": "J. Smith", "notes": "Routine."} for i in range(12)]
records[8]["classification"] = "SECRET//REL TO USA, GBR"
eml("json-deep-record", "cases", "The cases.",
    ("cases.json", "application/json", json.dumps(records, indent=1)))
eml("xml-attribute", "record", "The export.",
    ("record.xml", "application/xml",
     '<doc classification="SECRET//NOFORN"><p>The convoy leaves at 0600.</p></doc>'))
rows = "\n".join(f"Case {i},Routine,J. Smith" for i in range(12))
eml("csv-far-cell", "cases", "The cases.",
    ("cases.csv", "text/csv", "Case,Status,Owner\n" + rows + "\nCase 99,UK SECRET,J. Smith\n" + rows + "\n"))
eml("yaml-field", "config", "The record.",
    ("record.yml", "application/yaml",
     "id: 4471\ntitle: Convoy record\nowner: J. Smith\nstatus: open\n"
     "created: 2026-12-01\nheader_text: SECRET//NOFORN\nnotes: routine\n"))
# Negatives: a clearance is a person's, a title in title case is a title.
eml("neg-json-clearance", "staff", "The staff list.",
    ("staff.json", "application/json",
     json.dumps([{"name": "Jo Bloggs", "clearance": "TOP SECRET"},
                 {"name": "Sam Smith", "clearance": "SECRET"}], indent=2)))
eml("neg-json-recipe", "recipe", "The recipe.",
    ("recipe.json", "application/json",
     json.dumps({"title": "Top Secret Chocolate Cake", "notes": "The secret is the salt."})))
eml("neg-xml-recipe", "recipe", "The recipe.",
    ("recipe.xml", "text/xml",
     "<recipe name=\"Grandma's secret sauce\" level=\"easy\"><step>Mix well.</step></recipe>"))

# 4. A zip's archive comment and a member's comment (round 55, finding 4):
# unzip, zipinfo and 7-Zip show them on opening.
import io
import zipfile

def zipped(archive_comment=b"", member_comment=b""):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        info = zipfile.ZipInfo("a.txt", date_time=(2026, 12, 5, 9, 0, 0))
        info.comment = member_comment
        z.writestr(info, "hello\n")
        z.comment = archive_comment
    return buf.getvalue()

banner = b"SECRET//NOFORN\nThe convoy leaves at 0600.\nSECRET//NOFORN"
eml("zip-archive-comment", "files", "The files.", ("f.zip", "application/zip", zipped(archive_comment=banner)))
eml("zip-member-comment", "files", "The files.", ("f.zip", "application/zip", zipped(member_comment=banner)))
eml("neg-zip-comment", "files", "The files.",
    ("f.zip", "application/zip", zipped(archive_comment=b"Created by the nightly build. Keep it secret, keep it safe.")))

# 4, carried (h26): the same comments in a zip whose member is LZMA
# (method 14), which the walker reads through libarchive, not libzip.
def zipped_lzma(archive_comment=b"", member_comment=b""):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_LZMA) as z:
        info = zipfile.ZipInfo("a.txt", date_time=(2026, 12, 5, 9, 0, 0))
        info.compress_type = zipfile.ZIP_LZMA
        info.comment = member_comment
        z.writestr(info, "hello\n")
        z.comment = archive_comment
    return buf.getvalue()

eml("zip-lzma-archive-comment", "files", "The files.",
    ("f.zip", "application/zip", zipped_lzma(archive_comment=banner)))
eml("zip-lzma-member-comment", "files", "The files.",
    ("f.zip", "application/zip", zipped_lzma(member_comment=banner)))
eml("neg-zip-lzma-comment", "files", "The files.",
    ("f.zip", "application/zip",
     zipped_lzma(archive_comment=b"Created by the nightly build. Keep it secret, keep it safe.")))

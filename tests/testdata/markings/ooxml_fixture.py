"""Package helpers shared by the fixture generators of this folder
(structure/ and round35/ make-fixtures.py): a zip written with a fixed date,
the `mimetype` member stored as ODF 1.2 part 3 (3.3) requires, and the
OOXML package parts (ECMA-376 part 2: the package relationships and
[Content_Types].xml) every Word or PowerPoint fixture needs. Standard
library only; output is byte-for-byte the same run to run.
"""
import io, zipfile

ZIP_DATE = (2026, 12, 1, 9, 0, 0)


def zipped(members, date=ZIP_DATE):
    """members: (path, bytes or str) pairs, in the order they are written;
    date: every member's modification time (a generator's own fixed date)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path, data in members:
            info = zipfile.ZipInfo(path, date)
            info.compress_type = (zipfile.ZIP_STORED if path == "mimetype"
                                  else zipfile.ZIP_DEFLATED)
            z.writestr(info, data)
    return buf.getvalue()


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
PKG_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
            ' Target="%s"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def content_types(main_part, main_type):
    return (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/%s" '
            'ContentType="%s"/></Types>') % (main_part, main_type)

#!/usr/bin/env python3
"""Writes the round 52 Finder-file and text/enriched fixtures (run from this directory).

AppleDouble/AppleSingle as RFC 1740 and copyfile(3) lay them out (an "ATTR" block of
extended attributes after the 32 bytes of Finder info; the 286-byte empty resource fork
macOS writes), a .DS_Store with a Spotlight comment record ("cmmt" "ustr"), and the
text/enriched (RFC 1896) and text/richtext (RFC 1341) bodies Emacs and Eudora sent."""
import email.message, email.policy, io, struct, zipfile

BLANK_FORK = (struct.pack('>IIII', 0x100, 0x100, 0, 0x1e) + b'\0' * 112 +
              b'This resource fork intentionally left blank   ').ljust(0x100, b'\0') + \
             struct.pack('>IIII', 0x100, 0x100, 0, 0x1e) + b'\0' * 8 + struct.pack('>HHH', 0, 0x1c, 0x1e) + b'\xff\xff'


def apple(magic, entries):
    """entries: [(id, bytes)] laid out after the header in order."""
    head = struct.pack('>II16sH', magic, 0x00020000, b'Mac OS X        ', len(entries))
    offset = len(head) + 12 * len(entries)
    table, body = b'', b''
    for eid, data in entries:
        table += struct.pack('>III', eid, offset + len(body), len(data))
        body += data
    return head + table + body


def finder_info_with_xattrs(attrs, at):
    """32 bytes of Finder info, 2 of padding, then copyfile's ATTR block; `at` = the entry's file offset."""
    names = [(n, n.encode() + b'\0') for n in attrs]
    entries_len = sum((11 + len(nb) + 3) & ~3 for _, nb in names)
    data_start = at + 34 + 36 + entries_len
    entries, datas, off = b'', b'', data_start
    for n, nb in names:
        e = struct.pack('>IIHB', off, len(attrs[n]), 0, len(nb)) + nb
        entries += e.ljust((len(e) + 3) & ~3, b'\0')
        datas += attrs[n]
        off += len(attrs[n])
    head = b'ATTR' + struct.pack('>IIII', 0, off - at, data_start, len(datas)) + b'\0' * 12 + struct.pack('>HH', 0, len(names))
    return b'\0' * 34 + head + entries + datas


def apple_double(attrs):
    info_at = 26 + 24
    info = finder_info_with_xattrs(attrs, info_at)
    return apple(0x00051607, [(9, info), (2, BLANK_FORK)])


def ds_store(comments):
    records = b''
    for name, text in comments:
        n = name.encode('utf-16-be')
        t = text.encode('utf-16-be')
        records += struct.pack('>I', len(name)) + n + b'cmmtustr' + struct.pack('>I', len(text)) + t
    return b'\0\0\0\1Bud1' + b'\0' * 24 + records + b'\0' * 64


def docx(paragraphs):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        body = ''.join('<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % p for p in paragraphs)
        z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)
    return b.getvalue()


def zipped(members):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return b.getvalue()


def message(path, subject, body, attachments=(), frm='alice@school.example', to='bob@bakery.example'):
    m = email.message.EmailMessage(policy=email.policy.SMTP)
    m['From'], m['To'], m['Subject'] = frm, to, subject
    m['Date'] = 'Sun, 06 Dec 2026 10:00:00 +0000'
    m['Message-ID'] = '<%s@round52.example>' % path.replace('.eml', '')
    m.set_content(body)
    for name, data, mime in attachments:
        main, sub = mime.split('/')
        m.add_attachment(data, maintype=main, subtype=sub, filename=name)
    open(path, 'wb').write(m.as_bytes())


def raw(path, content_type, body, subject='Convoy timings'):
    head = ('From: alice@mod.gov.uk\r\nTo: partner@example.com\r\nSubject: %s\r\n'
            'Date: Sun, 06 Dec 2026 10:00:00 +0000\r\nMessage-ID: <%s@round52.example>\r\n'
            'MIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n') % (subject, path.replace('.eml', ''), content_type)
    open(path, 'w', newline='').write(head + body)


QUARANTINE = {'com.apple.quarantine': b'0083;6752f1a2;Safari;1F2E3D4C-1111-2222-3333-444455556666',
              'com.apple.lastuseddate#PS': b'\x8f\x1aRg\0\0\0\0\xa0\x86\x01\0\0\0\0\0',
              'com.apple.metadata:kMDItemWhereFroms': b'bplist00\xa1\x01_\x10\x1fhttps://intranet.school.example\x08\n\0\0\0\0\0\0\x01\x01\0\0\0\0\0\0\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x2c'}
MINUTES = docx(['Minutes of the social committee', 'The bake sale raised 240 pounds.'])

message('neg-macosx-docx.eml', 'Minutes', 'Minutes attached.\n',
        [('Minutes.zip', zipped([('Minutes/minutes.docx', MINUTES),
                                 ('__MACOSX/Minutes/._minutes.docx', apple_double(QUARANTINE))]), 'application/zip')])
message('neg-macosx-folder.eml', 'Minutes', 'Minutes attached.\n',
        [('Minutes.zip', zipped([('Minutes/minutes.txt', 'The bake sale raised 240 pounds.\n'),
                                 ('__MACOSX/._Minutes', apple_double({'com.apple.FinderInfo': b'\0' * 32})),
                                 ('Minutes/.DS_Store', ds_store([('minutes.txt', 'bake sale figures')]))]),
          'application/zip')])
message('neg-applefile-part.eml', 'Minutes', 'Minutes attached.\n',
        [('minutes.docx', apple_double(QUARANTINE), 'application/applefile'),
         ('minutes.docx', MINUTES, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')])
# A document sent as AppleSingle: its data fork is the file.
message('applesingle-secret.eml', 'Convoy timings', 'See attached.\n',
        [('timings.txt', apple(0x00051600, [(3, b'timings.txt'),
                                            (1, b'UK SECRET\n\nThe convoy leaves at 0600.\n\nUK SECRET\n')]),
          'application/applefile')], frm='alice@mod.gov.uk', to='partner@example.com')
# A zipped folder whose Finder comment states the level.
message('ds-store-comment.eml', 'Convoy timings', 'See attached.\n',
        [('plan.zip', zipped([('plan/route.txt', 'North gate, 0600.\n'),
                              ('plan/.DS_Store', ds_store([('route.txt', 'UK SECRET')]))]), 'application/zip')],
        frm='alice@mod.gov.uk', to='partner@example.com')
raw('enriched-banner.eml', 'text/enriched',
    '<center><bold><color><param>red</param>UK SECRET</color></bold></center>\r\n\r\nTeam,\r\n\r\n'
    'The convoy leaves at 0600 from the north gate.\r\n\r\nAlice\r\n\r\n<center><bold>UK SECRET</bold></center>\r\n')
raw('richtext-banner.eml', 'text/richtext',
    '<center><bold>UK SECRET</bold></center><nl><nl>Team,<nl>The convoy leaves at 0600 from the north '
    'gate.<nl><nl>Alice<nl><nl><center><bold>UK SECRET</bold></center><nl>')
raw('neg-enriched-prose.eml', 'text/enriched',
    'Hi all,\r\n\r\nThe <bold>secret</bold> to a good bake sale is <italic>early</italic> setup.\r\n'
    '<param>SECRET</param>\r\n\r\nSee you Friday.\r\n', subject='Bake sale')

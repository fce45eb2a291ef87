#!/usr/bin/env python3
"""Round 57's tester 13, finding 2: a zipped Windows folder with Explorer's
thumbnail cache (Thumbs.db, ehthumbs.db) and desktop.ini; and files of
those names that are not a thumbnail cache (still unreadable). Run from
this directory; goldens through content_golden_test (NM_UPDATE_GOLDEN=1).
The compound files are written by round 44b's cfb() ([MS-CFB])."""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..'))
from round57_mail import mk, zipped  # noqa: E402


def load_cfb():
    # round 44b's script writes its fixtures when run: take only cfb().
    with open(os.path.join(HERE, '../../markings/round44b/make-fixtures.py')) as f:
        src = f.read()
    ns = {}
    exec(src[src.index('import struct  # noqa: E402'):src.index('def ansi(')], ns)
    return ns['cfb']


cfb = load_cfb()


JPEG = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00' + bytes(200) + b'\xff\xd9'


def catalog(names):
    out = struct.pack('<HHIII', 16, 7, len(names), 96, 96)
    for i, n in enumerate(names, 1):
        name = n.encode('utf-16-le') + b'\0\0'
        out += struct.pack('<IIQ', 16 + len(name), i, 0) + name
    return out


def xp_thumb(i):  # a 12-byte header (length, index, size), then the JPEG
    return struct.pack('<III', 12, i, len(JPEG)) + JPEG


xp = cfb([('Catalog', catalog(['allotment.jpg', 'shed.jpg'])), ('1', xp_thumb(1)),
          ('2', xp_thumb(2))])
vista = cfb([('Catalog', catalog(['plot.png'])),
             ('256_4a5f0c3e9b1d2e77', struct.pack('<III', 24, 0, len(JPEG)) + bytes(12) + JPEG)])
desktop_ini = b'[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-113\r\n'
notes = b'Minutes of the allotment committee.\nNext meeting Tuesday.\n'

mk('thumbs-db-xp-in-zip.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/notes.txt', notes), ('photos/Thumbs.db', xp),
                           ('photos/desktop.ini', desktop_ini)]), 'application/zip')])
mk('thumbs-db-vista-in-zip.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/notes.txt', notes), ('photos/thumbs.db', vista),
                           ('photos/ehthumbs.db', xp)]), 'application/zip')])
# desktop.ini is read as the text it is: a marking in it counts.
mk('desktop-ini-read.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/desktop.ini', b'[.ShellClassInfo]\r\n'
                           b'InfoTip=SECRET - convoy photographs\r\n')]), 'application/zip')])
# Named Thumbs.db but not a thumbnail cache: unreadable, as before.
mk('neg-thumbs-db-word-document.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/Thumbs.db', cfb([('WordDocument', bytes(600)),
                                                     ('1Table', bytes(100))]))]),
     'application/zip')])
mk('neg-thumbs-db-stream-not-picture.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/Thumbs.db', cfb([('Catalog', catalog(['a.jpg'])),
                                                     ('1', b'SECRET convoy plan ' * 20)]))]),
     'application/zip')])
mk('neg-thumbs-db-magic-only.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/Thumbs.db', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(2552))]),
     'application/zip')])
# A thumbnail cache under another name is not skipped.
mk('neg-thumbnail-cache-renamed.eml', 'photos', 'Zipped on Windows.',
   [('photos.zip', zipped([('photos/plan.db', xp)]), 'application/zip')])
# h46 finding 4: the same caches attached on their own, not in a zip: read
# by content as in a zip, never by name alone.
mk('thumbs-db-xp-bare.eml', 'photos', 'The thumbnails file.',
   [('Thumbs.db', xp, 'application/octet-stream')])
mk('thumbs-db-vista-bare.eml', 'photos', 'The thumbnails file.',
   [('ehthumbs_vista.db', vista, 'application/x-ole-storage')])
mk('neg-thumbs-db-bare-word-document.eml', 'photos', 'The thumbnails file.',
   [('Thumbs.db', cfb([('WordDocument', bytes(600)), ('1Table', bytes(100))]),
     'application/octet-stream')])
mk('neg-thumbs-db-bare-stream-not-picture.eml', 'photos', 'The thumbnails file.',
   [('Thumbs.db', cfb([('Catalog', catalog(['a.jpg'])), ('1', b'SECRET convoy plan ' * 20)]),
     'application/octet-stream')])
mk('neg-thumbnail-cache-bare-renamed.eml', 'photos', 'The thumbnails file.',
   [('plan.db', xp, 'application/octet-stream')])

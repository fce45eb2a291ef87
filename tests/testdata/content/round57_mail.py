"""Shared by round 57's make-fixtures.py scripts (encrypted/, windows-shell/):
a message from alice@example.org to bob@gmail.com, and a zip of fixed dates."""
import io
import zipfile
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText


def mk(fn, subject, body, atts=()):
    t = MIMEText(body, 'plain', 'utf-8')
    m = t
    if atts:
        m = MIMEMultipart(boundary='==r57==')
        m.attach(t)
    m['From'] = 'alice@example.org'
    m['To'] = 'bob@gmail.com'
    m['Subject'] = subject
    m['Date'] = 'Sun, 06 Dec 2026 10:00:00 +0000'
    m['Message-ID'] = '<%s@example.org>' % fn
    for name, data, ctype in atts:
        p = MIMEBase(*ctype.split('/'))
        p.set_payload(data)
        encoders.encode_base64(p)
        p.add_header('Content-Disposition', 'attachment', filename=name)
        m.attach(p)
    with open(fn, 'wb') as f:
        f.write(m.as_bytes())


def zipped(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            z.writestr(zipfile.ZipInfo(n, (2026, 12, 6, 10, 0, 0)), d)
    return b.getvalue()

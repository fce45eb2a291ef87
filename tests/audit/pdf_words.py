"""Words of a PDF as pdftotext -bbox writes them, for tests/audit/report-pdf.sh.

pages(path) -> [(page_width_pt, [(x0, y0, x1, word), ...]), ...]
past_margin(pages) -> the words drawn past the right margin (10 mm, 28.3 pt:
    a table wider than its box is cut there, its last columns lost).
all_pieces(pages, text) -> every such spelling (one list of pieces each).
pieces(pages, text) -> the pieces that spell `text` in one column, line after
    line (its first piece, then pieces below it in the same column), or None
    when no column spells it whole.
headings(html_path) -> the text of every <th> of the report.
missing_headings(pages, heads) -> the heading words no page draws whole
    inside its margins (a column cut off the page).
"""
import html
import re


def pages(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for page in re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', text, re.S):
        words = [(float(x0), float(y0), float(x1), html.unescape(w)) for x0, y0, x1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            page.group(2))]
        out.append((float(page.group(1)), words))
    return out


def past_margin(pages_):
    return [w for width, words in pages_ for _, _, x1, w in words if x1 > width - 27]


def all_pieces(pages_, text):
    """Every column that spells `text` whole: a list of its pieces each."""
    out = []
    for _, words in pages_:
        for x0, y0, _, w in words:
            if not w or not text.startswith(w):
                continue
            got, pos, y = [w], len(w), y0
            while pos < len(text):
                below = [(yy, ww) for xx, yy, _, ww in words
                         if abs(xx - x0) < 4 and yy > y + 1 and ww and text.startswith(ww, pos)]
                if not below:
                    break
                y, piece = min(below)
                got.append(piece)
                pos += len(piece)
            if pos == len(text):
                out.append(got)
    return out


def pieces(pages_, text):
    got = all_pieces(pages_, text)
    return got[0] if got else None


def headings(path):
    """Every table heading (<th>) of an HTML report, as its text."""
    import html.parser

    class Heads(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth, self.text, self.out = 0, [], []

        def handle_starttag(self, tag, attrs):
            if tag == "th":
                self.depth, self.text = 1, []

        def handle_endtag(self, tag):
            if tag == "th" and self.depth:
                self.depth = 0
                self.out.append(" ".join("".join(self.text).split()))

        def handle_data(self, data):
            if self.depth:
                self.text.append(data)

    p = Heads()
    p.feed(open(path, encoding="utf-8").read())
    return p.out


def missing_headings(pages_, heads):
    """The words of `heads` that the pages do not draw whole, in capitals
    (the report's CSS capitalises every heading) and inside the margins, as
    often as the headings hold them: a column cut off the page (its
    heading "L" for "LAST") or drawn past the margin shows here."""
    import collections
    drawn = collections.Counter(w for width, words in pages_ for _, _, x1, w in words
                                if x1 <= width - 27)
    want = collections.Counter(w.upper() for h in heads for w in h.split())
    return sorted(w for w, n in want.items() if drawn[w] < n)

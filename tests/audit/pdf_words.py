"""Words of a PDF as pdftotext -bbox writes them, for tests/audit/report-pdf.sh.

pages(path) -> [(page_width_pt, [(x0, y0, x1, word), ...]), ...]
past_margin(pages) -> the words drawn past the right margin (10 mm, 28.3 pt:
    a table wider than its box is cut there, its last columns lost).
all_pieces(pages, text) -> every such spelling (one list of pieces each).
pieces(pages, text) -> the pieces that spell `text` in one column, line after
    line (its first piece, then pieces below it in the same column), or None
    when no column spells it whole.
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

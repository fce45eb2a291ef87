#!/usr/bin/env python3
"""Writes the fixtures of issue 13, round 38: a table row of ordinary words
with a lower-case level word among them, shown in capitals by the table's
style or typed in mixed case (d2, repro 29); a banner drawn as an image,
its alt or title text (d3); PowerPoint capitals from the slide layout,
master and placeholder list styles (d5).
python3 make-fixtures.py [NAME...] in this directory (standard library
and ../ooxml_fixture.py) rewrites the committed .eml files, or only those
named, byte for byte (zip dates and MIME boundaries are fixed).
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import ooxml_fixture  # noqa: E402

ONLY = set(sys.argv[1:])
BOUNDARY = "nearmiss-round38-boundary"
ZIP_DATE = (2026, 12, 3, 21, 0, 0)
MAIL = ooxml_fixture.MailFixtures("Thu, 03 Dec 2026 21:00:00 +0000", BOUNDARY, ONLY)
write, text_mail, html_mail, attach = MAIL.write, MAIL.text_mail, MAIL.html_mail, MAIL.attach
NOTE = "The convoy leaves at 0600 on Thursday from the north gate."
RECIPE = "Whisk the eggs and sugar, fold in the flour and bake for 25 minutes."


def zipped(members):
    return ooxml_fixture.zipped(members, ZIP_DATE)


XML = ooxml_fixture.XML
W = ooxml_fixture.W
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def wpara(text, rpr=""):
    return '<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (
        "<w:rPr>%s</w:rPr>" % rpr if rpr else "", text)


def wtable(rows, style=None, rpr=""):
    """Rows of cell texts, each run with `rpr`; `style` a table style id."""
    tblpr = '<w:tblStyle w:val="%s"/>' % style if style else ""
    return "<w:tbl><w:tblPr>%s</w:tblPr>%s</w:tbl>" % (tblpr, "".join(
        "<w:tr>%s</w:tr>" % "".join("<w:tc><w:tcPr/>%s</w:tc>" % wpara(c, rpr) for c in r)
        for r in rows))


def docx(body, styles_xml=None):
    types = ooxml_fixture.content_types("word/document.xml", DOCX + ".main+xml")
    members = [("[Content_Types].xml", types),
               ("_rels/.rels", XML + ooxml_fixture.PKG_RELS % "word/document.xml"),
               ("word/document.xml", XML + "<w:document %s><w:body>%s</w:body>"
                "</w:document>" % (W, body))]
    if styles_xml is not None:
        members.append(("word/styles.xml", XML + "<w:styles %s>%s</w:styles>" % (W, styles_xml)))
    return zipped(members)


# d2 (repro 29): a row of cells is a marking row only when its level is
# written as the standards write it, in capitals; capitals a table's style
# puts on a lower-case cell, or a level typed in mixed case beside other
# cells, are a recipe's, a menu's or a stock list's words.
html_mail("r38-d2-neg-html-th-caps-recipe",
          "<html><head><style>th { text-transform: uppercase }</style></head><body>"
          "<table><tr><th>Recipe</th><th>secret</th><th>Serves 4</th></tr>"
          "<tr><td>Victoria sponge</td><td>a pinch of salt</td><td>4</td></tr></table>"
          "<p>%s</p></body></html>" % RECIPE, "Sunday baking")
html_mail("r38-d2-neg-html-tr-caps-menu",
          "<html><body><p>Tonight's menu:</p><table>"
          "<tr style='text-transform:uppercase'><td>Starter</td><td>top secret</td>"
          "<td>&pound;7</td></tr><tr><td>Main</td><td>Fish pie</td><td>&pound;14</td></tr>"
          "</table><p>Book by Friday.</p></body></html>", "Menu")
CAPS_ROW = ('<w:style w:type="table" w:styleId="Header"><w:name w:val="Header Row"/>'
            '<w:rPr><w:caps/></w:rPr></w:style>')
attach("r38-d2-neg-docx-table-caps-inventory",
       docx(wtable([["Item", "official-sensitive", "Qty 3"]], style="Header") +
            wtable([["Shredder bags", "In stock", "12"]]) + wpara("Stock count, 3 December."),
            styles_xml=CAPS_ROW), "stock.docx", DOCX)
attach("r38-d2-neg-docx-run-caps-recipe",
       docx(wtable([["Recipe", "secret", "Serves 4"]], rpr="<w:caps/>") + wpara(RECIPE)),
       "recipe.docx", DOCX)
text_mail("r38-d2-neg-text-cocktail-nato",
          "Hi all,\n\nThe bar list for Friday:\n\nCocktail\tNato Secret\tServes 2\n"
          "Cocktail\tCosmic Top Secret\tServes 4\n\nCheers,\nSam\n", "Friday drinks")
# Still banners: the marking typed in capitals in a header row, and a
# lower-case banner shown in capitals alone in its one-cell table.
attach("r38-d2-docx-table-caps-banner-row",
       docx(wtable([["MOD/2026/114", "UK SECRET", "Page 1 of 3"]], style="Header") +
            wpara(NOTE) + wtable([["MOD/2026/114", "UK SECRET", "Page 1 of 3"]], style="Header"),
            styles_xml=CAPS_ROW), "plan.docx", DOCX)
html_mail("r38-d2-html-one-cell-caps",
          "<html><head><style>td.mark { text-transform: uppercase }</style></head><body>"
          "<table><tr><td class='mark'>uk secret</td></tr></table><p>%s</p>"
          "<table><tr><td class='mark'>uk secret</td></tr></table></body></html>" % NOTE,
          "Convoy")

# d3: a banner drawn as an image: its alt text (what a client shows while it
# blocks images, and writes into the text/plain alternative), its title
# (the tooltip), an aria-label on an element with role="img" (a CSS
# background banner) are lines of the body at the image's place.
BANNER_IMG = '<p><img src="cid:banner@example.org" width="600" height="40" %s></p>'
html_mail("r38-d3-html-img-alt-banner",
          "<html><body>%s<p>%s</p>%s</body></html>"
          % (BANNER_IMG % 'alt="SECRET//NOFORN"', NOTE, BANNER_IMG % 'alt="SECRET//NOFORN"'),
          "Convoy")
html_mail("r38-d3-html-img-title-banner",
          "<html><body>%s<p>%s</p></body></html>"
          % (BANNER_IMG % 'alt="" title="UK SECRET"', NOTE), "Convoy")
html_mail("r38-d3-html-role-img-banner",
          "<html><body><div role='img' aria-label='TOP SECRET//SI//NOFORN' style='height:"
          "40px;background:url(cid:banner@example.org)'></div><p>%s</p></body></html>" % NOTE,
          "Convoy")
# Decorative images with ordinary alt text mark nothing.
html_mail("r38-d3-neg-html-img-alt-decorative",
          "<html><body><p><img src='cid:logo@example.org' alt='Secret Escapes logo'></p>"
          "<p>Hi Bob,</p><p>Photos from the weekend are below.</p><p><img src='cid:p1"
          "@example.org' alt='Our secret garden in June' title='The secret garden'></p>"
          "<p>Love, Alice</p></body></html>", "Weekend photos")
html_mail("r38-d3-neg-html-img-alt-party",
          "<html><body><p><img src='cid:b@example.org' alt='Top secret: surprise party for "
          "Jim!'></p><p>Saturday at 7, the back room of the Crown. Don't tell him.</p>"
          "</body></html>", "Saturday")

# d4: NATO's abbreviation leading a subject agreed by a US banner naming
# NATO, and by a NATO portion mark ending the subject (the higher level,
# both named); a portion mark of another scheme agrees with neither.
ORDER = "The exercise order is attached. Units report by 0600.\n"
text_mail("r38-d4-subject-cts-us-banner",
          "TOP SECRET//REL TO USA, NATO\n\n" + ORDER + "\nTOP SECRET//REL TO USA, NATO\n",
          "CTS: exercise plan")
text_mail("r38-d4-subject-cts-trailing-ns", ORDER, "CTS: exercise plan (NS)")
text_mail("r38-d4-subject-nr-trailing-nc", ORDER, "RE: [EXTERNAL] NR - roster (NC)")
text_mail("r38-d4-neg-subject-ns-trailing-ts", "Moving dates are below.\n",
          "NS: Halifax office move (TS)")

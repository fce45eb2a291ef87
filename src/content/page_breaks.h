// Where a WordprocessingML part starts a new page by its author's hand, so
// that a section marked higher than the document around it (an annex
// "UK SECRET" after a page break in an OFFICIAL cover note) has its own
// first and last lines, read as banners as a PDF page's are (issue 13,
// round 43 tester finding 4). XmlToText writes a form feed there, the page
// separator of the extracted text (banner_zone.h).
//
// The breaks (ECMA-376 Part 1):
//  - w:br w:type="page" (17.3.3.1): a page break inside a run (Ctrl+Enter);
//  - w:pageBreakBefore (17.3.1.23) in a paragraph's properties, unless its
//    w:val is false/0/off;
//  - a section break: w:sectPr in a paragraph's w:pPr ends a section there
//    (17.6.17); the next section's w:type (17.6.22, ST_SectionMark
//    17.18.77) says how it starts: nextPage (the default when left out),
//    evenPage and oddPage start a page, continuous and nextColumn do not.
//    The next section's properties are the next w:sectPr in the document,
//    the body's own last one included; one inside w:sectPrChange (a
//    tracked change's old properties) is not a section.
//  - ODF (ODF 1.2 Part 1, 20.193 fo:break-before and 20.192 fo:break-after
//    in a style's style:paragraph-properties): a paragraph or heading whose
//    automatic style in the same part (office:automatic-styles) breaks the
//    page before or after it, as LibreOffice writes Insert > Page Break.
// Soft page breaks Word records from its last layout (w:lastRenderedPage-
// Break) are not the author's and are not read: they move with the font.
#ifndef NEARMISS_CONTENT_PAGE_BREAKS_H_
#define NEARMISS_CONTENT_PAGE_BREAKS_H_

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace nearmiss::content {

class PageBreaks {
 public:
  // Finds the paragraphs that end a section whose next one starts on a new
  // page. Cost: one walk of the document.
  explicit PageBreaks(pugi::xml_document& doc);

  // Whether `element` (met on entering it) breaks the page before what
  // follows it: a w:br of type page, an active w:pageBreakBefore, an ODF
  // paragraph whose style breaks before it.
  bool BreaksHere(const pugi::xml_node& element) const;

  // Whether `paragraph` (a w:p, text:p, text:h) ends a page: it ends a
  // section whose next one starts on a new page, or its ODF style breaks
  // after it. The page breaks after its text.
  bool EndsPage(const pugi::xml_node& paragraph) const;

 private:
  std::vector<const void*> ending_;  // the paragraphs' nodes, sorted
  std::vector<std::string> before_, after_;  // ODF style names
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PAGE_BREAKS_H_

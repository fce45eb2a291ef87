// PDF text in a composite font that gives no Unicode for its codes: a
// Type0 font (ISO 32000-2 9.7) whose CMap is Identity-H or Identity-V and
// that has no ToUnicode map (9.10.2). Its character codes are glyph
// numbers of the embedded font program; with no ToUnicode map nothing
// says which letter a glyph draws, and poppler (GfxCIDFont, for the
// Adobe-Identity collection) reads each code as the Unicode character of
// the same number: "UK SECRET" drawn with Arial's glyphs reads
// "8.\x03" "6(&5(7". Such a page was counted read and complete (round 45
// tester 13, finding 4); it is unreadable, named by its font, as pdffonts
// shows it (its "uni" column is poppler's FontInfo::getToUnicode()).
//
// Fonts are told by poppler's FontInfoScanner (libpoppler-private-dev:
// poppler-cpp and poppler-glib do not say whether a font has a ToUnicode
// map). A font is reported once, at the first page whose resources hold it
// (including its form XObjects and annotations).
// Thread safety: each call opens its own document; poppler's global
// parameters must be alive (a poppler::document open on this thread).
#ifndef NEARMISS_CONTENT_PDF_FONTS_H_
#define NEARMISS_CONTENT_PDF_FONTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// One error a page of `bytes` (a whole PDF file) whose fonts include such
// a font: "<name>: page 2's font ABCDEF+Arial (CID TrueType, Identity-H)
// has no ToUnicode map: its text reads as glyph numbers, not letters, and
// is not read". Empty when there is none or the file does not open
// (ExtractPdf reports that).
std::vector<std::string> FontsWithoutUnicode(std::string_view name, std::string_view bytes);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_FONTS_H_

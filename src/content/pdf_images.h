// PDF pages whose words are pictures: a scanned paper, a fax, a page
// printed to an image. Poppler reads a page's text layer only, so such a
// page gave no text and the document was reported read, complete and level
// none, while the README promises that a document nearmiss cannot read is
// never complete with level none (tester 13 item 10). A SECRET paper
// scanned to PDF is a common way one leaves.
//
// The rule (decided for a demanding administrator; README "What is read"):
// a page is not read when it draws an image and its text layer holds no
// letter or digit, or when its images cover at least kScanCover of the
// page and its text layer holds fewer than kScanStampLetters letters and
// digits (a scanner's page number, Bates number or "Scanned by" stamp over
// the picture). A page that draws no image and holds no letter or digit
// but is not blank (PageIsDrawing) is not read either. A searchable scan (an OCR text layer over the picture)
// holds the page's words and is read. A document with text on some pages
// and scans on others is not complete.
// Not thread-safe across calls sharing one document.
#ifndef NEARMISS_CONTENT_PDF_IMAGES_H_
#define NEARMISS_CONTENT_PDF_IMAGES_H_

#include <cstddef>
#include <string_view>

typedef struct _PopplerDocument PopplerDocument;  // poppler-glib

namespace nearmiss::content {

// The share of a page's area its images cover from which it is a scan.
// Half, not nearly all: poppler-glib 22.02 gives a picture scaled to the
// page a box of the page's height by its width (612 x 792 points reported
// as 792 x 612), three quarters of the page once clipped.
inline constexpr double kScanCover = 0.5;
// Letters and digits a scan's stamp may hold.
inline constexpr std::size_t kScanStampLetters = 40;

// The letters and digits of `text` (UTF-8; every non-ASCII character is
// counted as a letter).
std::size_t CountLettersAndDigits(std::string_view text);

// Whether page `index` (0-based) of `doc` (borrowed, opened by OpenGlibPdf)
// shows its words only as pictures, by the rule above, given the text
// poppler read from it. Images are looked for (poppler_page_get_image_mapping,
// which runs the page's content without rasterising it) only when the
// text is short enough for the page to be a scan.
bool PageIsPictures(PopplerDocument* doc, int index, std::string_view page_text);

// Whether page `index` draws without words: no image, no letter or digit
// in its text layer, and rendered over white (at a quarter of its size) some
// pixel is not white. Vector paths are how CAD exports (SHX text, a title
// block "SECRET") and "text converted to outlines" draw their words, which
// no text layer holds; such a page is not read, as a scan is not (round 42,
// tester 13 finding 8). A blank page is read.
bool PageIsDrawing(PopplerDocument* doc, int index, std::string_view page_text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_IMAGES_H_

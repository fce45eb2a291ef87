// A PDF page's watermark: text drawn across the page at an angle ("SECRET"
// in large light letters at 45 degrees, what Word's and Acrobat's
// watermark tools and print stamps draw). Poppler's layout breaks such a
// line into fragments of one or two letters scattered over the page text
// ("SE", "C", "R", "ET"), which no marking rule can read. This joins them
// again: the page's text boxes that are not horizontal (poppler's
// rotation other than 0), ordered along the line they lie on, one word
// where the step between fragments is a letter's, a blank where it is
// wider (a word gap), a new line where it is far wider (another
// watermark). Each joined line is returned without the others' words.
// Pure over the boxes; reads nothing else of the document.
#ifndef NEARMISS_CONTENT_PDF_WATERMARK_H_
#define NEARMISS_CONTENT_PDF_WATERMARK_H_

#include <string>
#include <string_view>
#include <vector>

namespace poppler {
class page;
}

namespace nearmiss::content {

// A text box as poppler gives it: its UTF-8 text, its centre and its
// rotation (0 horizontal; 1, 2, 3 the other quarter turns poppler assigns
// to vertical and slanted text).
struct PdfTextBox {
  std::string text;
  double x = 0;
  double y = 0;
  int rotation = 0;
};

// The lines the page's slanted or vertical fragments spell, in order
// (empty when there are fewer than kMinFragments such boxes: a rotated
// table header of whole words is read by the layout already).
std::vector<std::string> JoinWatermarkFragments(std::vector<PdfTextBox> boxes);

// Whether `page_text` (poppler's physical layout of the page) has the
// shape a slanted line leaves in it: at least two lines holding only one
// or two characters. A cheap test before the page's boxes are asked for.
bool MayHoldWatermark(std::string_view page_text);

// The page's boxes, for JoinWatermarkFragments.
std::vector<PdfTextBox> PageTextBoxes(const poppler::page& page);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_WATERMARK_H_

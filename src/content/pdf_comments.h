// The comments of a PDF (ISO 32000-1 section 12.5.6.2, markup annotations):
// a sticky note (/Text), a highlight's or an underline's note, a
// free-text box, a stamp, each with its /Contents, the words a reviewer
// typed, shown in a pop-up or the comments pane and not drawn on the page
// (a sticky note is drawn as an icon). A note "UK SECRET - do not release"
// on page 2 marks the document as a banner would (round 46's tester 13,
// finding 14: FreeText and Stamp boxes were read through their appearance,
// a sticky note not at all). A standard stamp's name is read as the words a
// viewer draws for it (ISO 32000-1 Table 181: /TopSecret as "TOP SECRET",
// /Confidential, /NotForPublicRelease), on a line of its own, since a
// stamp drawn as outlines has no other text (round 50's tester 13,
// finding 9); a stamp's /Contents too.
//
// Read through poppler-glib (poppler_page_get_annot_mapping,
// poppler_annot_get_contents). Not thread-safe across calls sharing one
// document.
#ifndef NEARMISS_CONTENT_PDF_COMMENTS_H_
#define NEARMISS_CONTENT_PDF_COMMENTS_H_

#include <string_view>

#include "content/extract.h"
#include "content/pdf_forms.h"

namespace nearmiss::content {

// Appends the /Contents of every markup annotation of `doc` (borrowed,
// from OpenGlibPdf) to `out->text`, each a paragraph under the place
// "comments on page N"; at most budget.per_attachment_bytes of them, past
// which a "max-attachment-bytes" limit names `name` and the page.
void ReadPdfComments(std::string_view name, PopplerDocument* doc, ExtractBudget& budget,
                     Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_COMMENTS_H_

// The values of a PDF's interactive form fields (ISO 32000-1 section 12.7,
// AcroForm): a form's "Classification" text field or combo box holds the
// document's marking as the field's value (/V), which the page's text does
// not carry (poppler's text extraction reads the content streams, not
// widget values). poppler-cpp has no form API; poppler-glib, the same
// library's GLib interface, has (poppler_page_get_form_field_mapping,
// poppler_form_field_text_get_text, ..._choice_get_item).
// Not thread-safe across calls sharing one document.
#ifndef NEARMISS_CONTENT_PDF_FORMS_H_
#define NEARMISS_CONTENT_PDF_FORMS_H_

#include <string_view>

#include "content/extract.h"

typedef struct _PopplerDocument PopplerDocument;  // poppler-glib

namespace nearmiss::content {

// Reads the filled-in values of the text and choice fields on every page of
// `doc` (borrowed; opened by OpenGlibPdf and not locked).
// Each field's value is appended to out->text as a page of its own (ended
// by a form feed), as a box on the form stands apart from the page's text:
// a lone "UK SECRET" there is read where a banner stands. A field whose
// name (its partial name, /T) is a classification property
// ("Classification", "Security Classification": label_properties.h) also
// gives its value to out->classifications, read as a label name. Field text counts against
// the budget's bytes like page text (a limit hit when over).
void ReadPdfFormFields(std::string_view name, PopplerDocument* doc,
                       ExtractBudget& budget, Extracted* out);

// Opens `bytes` (not copied; they must outlive the document) through
// poppler-glib, for ReadPdfFormFields and ReadPdfAttachments
// (pdf_attachments.h); the caller unrefs it (g_object_unref). Null, with an
// error naming `name` in out->errors, when poppler-glib cannot open it.
PopplerDocument* OpenGlibPdf(std::string_view name, std::string_view bytes,
                             Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_FORMS_H_

// Files attached inside a PDF (ISO 32000-1 section 7.11.4, embedded file
// streams): the document's EmbeddedFiles name tree (7.7.4, what Adobe
// Reader lists in its paper-clip pane and `pdfdetach -list` prints) and the
// files of FileAttachment annotations on its pages (12.5.6.15, a paper-clip
// icon on the page). A PDF that carries a file is a container like a zip:
// each file is read as an archive member (ExtractEmbedded: text, Office
// documents, PDFs, nested zips), so a SECRET plan.txt inside menu.pdf is
// seen (issue 13, breaker round 32 D2). poppler-cpp lists the name tree
// only; poppler-glib, the same library's GLib interface, has both
// (poppler_document_get_attachments, poppler_annot_file_attachment_get_
// attachment) and hands a file's decoded bytes over in blocks
// (poppler_attachment_save_to_callback), so the bounds stop a bomb while it
// inflates.
//
// Bounds (extract.h ExtractBudget): every decoded byte counts against the
// attachment's and the message's bytes and the compression ratio (measured
// against the whole PDF's size, as a stream's own length is not exposed);
// more files than max_archive_members is a "max-archive-members" limit;
// files inside files are bounded by max_archive_depth. A file poppler
// cannot decode is an error naming it (the attachment is then unreadable),
// never skipped silently.
//
// Not thread-safe across calls sharing one document.
#ifndef NEARMISS_CONTENT_PDF_ATTACHMENTS_H_
#define NEARMISS_CONTENT_PDF_ATTACHMENTS_H_

#include <cstddef>
#include <string_view>

#include "content/extract.h"
#include "content/pdf_forms.h"

namespace nearmiss::content {

// Reads the files attached in `doc` (borrowed, from OpenGlibPdf, not
// locked; `pdf_bytes` its size, for the ratio), each added to `*out` as a
// member named by its file name ("menu.pdf" -> member "plan.txt"). `name`
// prefixes errors and limits ("attachment:menu.pdf").
void ReadPdfAttachments(std::string_view name, PopplerDocument* doc,
                        std::size_t pdf_bytes, ExtractBudget& budget, Extracted* out);

// Counts one complaint of poppler's on the calling thread. poppler's error
// function (pdf_text.cc, set once for the process) calls it: a file whose
// stream does not decode (a corrupt Flate stream) is reported there and
// handed over short, so ReadPdfAttachments takes a complaint during a
// file's decoding as that file being unreadable.
void NotePopplerError();

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_ATTACHMENTS_H_

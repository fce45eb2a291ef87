// A PDF's earlier revisions. Each save by incremental update (ISO 32000-1,
// 7.5.6: what Acrobat's Save, a form fill or a signature writes) appends
// the changed objects, a cross-reference section and a trailer ending in
// "startxref <offset> %%EOF" to the file and leaves everything before it
// as it was: the file cut just after an earlier "%%EOF" is the document as
// it was saved then, and any viewer shows it so. A marking "changed" in
// Acrobat and saved is still in the file (issue 13, tester 13 finding 9).
// Pure over the bytes.
#ifndef NEARMISS_CONTENT_PDF_REVISIONS_H_
#define NEARMISS_CONTENT_PDF_REVISIONS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// The lengths of the file's earlier revisions, oldest first: each the
// offset just past an "%%EOF" (and its end of line) that closes a trailer
// ("startxref", a non-zero offset and "%%EOF", blanks and comments
// between) and that is not the file's last. A linearized file's first-page
// trailer ("startxref 0", ISO 32000-1 F.3.4) is no revision, and an
// "%%EOF" inside a stream (an attached PDF's bytes) has no trailer before
// it, so neither is listed. Empty for a file saved once.
std::vector<std::size_t> EarlierRevisionEnds(std::string_view pdf);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PDF_REVISIONS_H_

// One archive member's extraction folded into its archive's (ArchiveWalk in
// archive_text.cc): every path, error, note, limit, subject and hidden text
// of the member placed at the member's path. Split from archive_text.cc in
// round 63 without change of behaviour.
//
// Shapes: `member` is the Extracted of one member read as a document
// (ExtractDocument, extract.h); `out` the archive's Extracted, which the
// member's entries are appended to in the order they are found.
// Ownership: `member` is taken by value and its strings moved out; `out` is
// borrowed, never null. Thread-safety: none of its own; one caller per
// `out`. Errors: none raised; the member's own errors are carried over as
// entries of `out->errors`. Rules: the member is a document, never a message
// body, so both its kinds of subject are its own (Extracted::subjects and
// ::document_subjects), and its hidden texts (Extracted::hidden) are
// members of their own, "annex.docx (deleted text)".
#ifndef NEARMISS_CONTENT_MEMBER_EXTRACT_H_
#define NEARMISS_CONTENT_MEMBER_EXTRACT_H_

#include <string>

#include "content/extract.h"

namespace nearmiss::content {

// Appends `member`, read at `path` inside the archive, to `out`.
void AddMemberExtract(const std::string& path, Extracted member, Extracted* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MEMBER_EXTRACT_H_

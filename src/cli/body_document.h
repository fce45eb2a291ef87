// `policy explain --body-file FILE` given a document rather than text (a
// DOCX, a PDF, a zip, an image): its bytes were read as the body's text,
// so a SECRET document answered `sensitivity: none` (round 44 tester 13,
// finding 11). Such a file is now told by its content, as `scan` and the
// milter tell an attachment (content::ClassifyDocument), and explained as
// a message carrying it as an attachment, so it is read as they read it.
#ifndef NEARMISS_CLI_BODY_DOCUMENT_H_
#define NEARMISS_CLI_BODY_DOCUMENT_H_

#include <string>
#include <string_view>

namespace nearmiss::cli {

// What the file is when it is not text, by its bytes and name ("a Word,
// Excel or PowerPoint file (OOXML package)", "a PDF file", "a binary file"
// for bytes of no known format holding a NUL byte); empty for text (plain
// text, HTML, or bytes of no format without a NUL), read as the body.
// UTF-16 or UTF-32 text with a byte order mark is text.
std::string BodyFileFormat(std::string_view path, std::string_view bytes);

// The body of a --body-file BodyFileFormat calls text, as UTF-8: UTF-16 and
// UTF-32 converted, a UTF-8 byte order mark dropped (content::DecodeTextBytes).
std::string BodyFileText(std::string&& bytes);

// A MIME message (RFC 2045, 2046 multipart/mixed) with `subject`, an empty
// text part and the file as an attachment named by the path's last
// component, its bytes in base64.
std::string BodyFileMessage(std::string_view path, std::string_view bytes,
                            std::string_view subject);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_BODY_DOCUMENT_H_

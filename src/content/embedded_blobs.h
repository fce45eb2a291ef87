// Files encoded inside a longer text: a data: URL (RFC 2397) pasted in a
// plain-text mail, a Markdown link, a CSS url() or an invitation's
// DESCRIPTION, and a base64 run of whole lines (RFC 4648 section 4, as
// RFC 2045 6.8 wraps it) between a text's other lines. Before round 55
// only a text that was nothing but the blob was decoded (encoded_text.h);
// one inside other words went out "complete, none" (round 54's tester 13,
// finding 4). Each is read as a member (ExtractEmbedded), within the
// archive bounds.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_EMBEDDED_BLOBS_H_
#define NEARMISS_CONTENT_EMBEDDED_BLOBS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/extract.h"

namespace nearmiss::content {

// The data URLs in `text`: "data:" where a word starts, a media type
// ("type/subtype", parameters) or none before the comma, at least 16
// characters of data after it; the URL ends at white space, a quote, '<',
// '>', ')' or ']' (what closes it in a Markdown link, a CSS url() or an
// HTML attribute). A base64 one a line break cut (RFC 2045 6.8's wrap, a
// mail client's) has the base64 lines that follow it joined on: each of
// one width, the last no wider, none wider than the URL's own line, the
// whole a multiple of 4 characters, and not a short word of letters
// after it ("Thanks"). Round 55's tester 13: decoded only to the break.
// `joined`, when given: the spans of `text` whose lines were joined on.
std::vector<std::string> TextDataUrls(
    std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>* joined = nullptr);

// The base64 runs of `text`: consecutive lines (a "> " quote left off)
// each wholly of base64's alphabet, all but the last of one width and the
// last no wider (an encoder wraps at a fixed width), at least 16
// characters in all and a multiple of 4; their bytes. A run after a
// "begin-base64" line is uuencode -m's (uuencode.h) and left to it.
std::vector<std::string> TextBase64Runs(std::string_view text);

// Whether bytes decoded from a run are worth reading: text (valid UTF-8,
// nearly all printable; or UTF-16 with its mark), or a format a reader
// here opens (a zip, PDF, RFC 5322 message, ...). A hash, a token or a
// signature (OpenPGP, a PEM certificate) decodes to bytes of no format;
// named unreadable, they would hold ordinary mail.
bool IsReadableBlob(std::string_view bytes);

// The data URLs and base64 runs of the text `text` of the part `name`,
// each read as a member of it. `read`: the files of the part already read
// (an HTML page's attribute data URLs, html_data_uris.h), numbered first,
// and not read again when its text shows one too (<a href="data:...">
// data:...</a>).
void ExtractEmbeddedBlobs(std::string_view name, std::string_view text, ExtractBudget& budget,
                          Extracted* out, const std::vector<ExtractedMember>& read = {});

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_EMBEDDED_BLOBS_H_

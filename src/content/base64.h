// A small strict base64 decoder for header label values (Titus metadata),
// and an encoder for the MIME message `policy explain --body-file` makes of
// a document (RFC 2045 6.8); reading MIME bodies is GMime's job.
#ifndef NEARMISS_CONTENT_BASE64_H_
#define NEARMISS_CONTENT_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::content {

// Decodes standard base64, skipping blanks and line breaks. nullopt when a
// character is outside the alphabet or padding is misplaced.
std::optional<std::string> DecodeBase64(std::string_view in);

// `in` as standard base64 with padding, in lines of 76 characters each
// ending "\r\n" (RFC 2045 6.8).
std::string EncodeBase64Lines(std::string_view in);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BASE64_H_

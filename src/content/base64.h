// A small strict base64 decoder for header label values (Titus metadata);
// MIME bodies are GMime's job.
#ifndef NEARMISS_CONTENT_BASE64_H_
#define NEARMISS_CONTENT_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::content {

// Decodes standard base64, skipping blanks and line breaks. nullopt when a
// character is outside the alphabet or padding is misplaced.
std::optional<std::string> DecodeBase64(std::string_view in);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BASE64_H_

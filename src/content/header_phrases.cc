#include "content/header_phrases.h"

#include <string>

#include "base/ascii.h"
#include "content/header_encode.h"

namespace nearmiss::content {

bool IsSubjectPhraseHeader(std::string_view name) {
  return EqualsNoCase(name, "Keywords") || EqualsNoCase(name, "Comments") ||
         EqualsNoCase(name, "Thread-Topic");
}

void ForEachSubjectPhrase(std::string_view name, std::string_view value,
                          const std::function<void(std::string_view)>& each,
                          std::string_view subject) {
  const std::string decoded = DecodedPhrase(value);
  const bool topic = EqualsNoCase(name, "Thread-Topic");
  const char* separators = EqualsNoCase(name, "Keywords") ? ",;" : "";
  for (std::size_t at = 0; at <= decoded.size();) {
    std::size_t end = *separators ? decoded.find_first_of(separators, at) : std::string::npos;
    if (end == std::string::npos) end = decoded.size();
    std::string_view phrase = std::string_view(decoded).substr(at, end - at);
    while (!phrase.empty() && (phrase.front() == ' ' || phrase.front() == '\t')) {
      phrase.remove_prefix(1);
    }
    while (!phrase.empty() && (phrase.back() == ' ' || phrase.back() == '\t')) {
      phrase.remove_suffix(1);
    }
    if (!phrase.empty() && !(topic && subject.find(phrase) != std::string_view::npos)) each(phrase);
    at = end + 1;
  }
}

}  // namespace nearmiss::content

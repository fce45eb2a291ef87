#include "engine/display_name.h"

#include <utility>

#include "content/header_encode.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

// DIN 5007-2 transcriptions, the forms German names take in addresses.
constexpr std::pair<std::string_view, std::string_view> kGerman[] = {
    {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}, {"\xC3\x84", "Ae"},
    {"\xC3\x96", "Oe"}, {"\xC3\x9C", "Ue"}, {"\xC3\x9F", "ss"}, {"\xE1\xBA\x9E", "SS"},
};

std::string German(const std::string& text, bool* changed) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kGerman) {
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = *changed = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace

std::vector<std::string> DisplayNameForms(std::string_view display) {
  std::vector<std::string> out;
  if (display.empty()) return out;
  const std::string decoded = content::DecodedPhrase(display);
  out.push_back(lookalike::AsciiLookalike(decoded).text);
  bool german = false;
  std::string transcribed = German(decoded, &german);
  if (german) out.push_back(lookalike::AsciiLookalike(transcribed).text);
  return out;
}

}  // namespace nearmiss::engine

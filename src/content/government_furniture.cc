// GovernmentFurniture (government_furniture.h).
#include "content/government_furniture.h"

#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A document's parts, as a banner line names the page's place in it.
constexpr std::array<std::string_view, 12> kParts = {
    "annex", "appendix", "tab", "enclosure", "attachment", "schedule",
    "part", "section", "chapter", "volume", "page", "copy"};

// Orders, plans and reports of military staff work (FM 6-0, NATO APP-11),
// and the prefixes of a message's date-time group and reference.
constexpr std::array<std::string_view, 30> kOrders = {
    "opord", "oporder", "oplan", "conplan", "frago", "fragord", "warno", "warnord",
    "conops", "exord", "planord", "depord", "actord", "actwarn", "opgen", "optask",
    "taskord", "opdir", "sitrep", "intrep", "intsum", "opsum", "supplan",
    "operation order", "operation plan", "warning order", "fragmentary order",
    "execute order", "dtg", "msg"};

// The word at the head of `s` is `w` (case folded), whole.
bool LeadsWith(std::string_view s, std::string_view w) {
  return StartsWithNoCaseAt(s, 0, w) && (s.size() == w.size() || !IsAlpha(s[w.size()]));
}

// "MOD/2026/114", "D/J3/2026/114", "DSTL/CR/2026/0114": three parts or
// more joined by '/', one of letters alone (the department's or branch's
// code) and one of digits alone (the serial). Not the fiscal year
// "2027/28", a half year "H1/2026" nor "Q3/Q4".
bool FileReference(std::string_view token) {
  int parts = 0;
  bool letters = false, digits = false;
  for (std::size_t begin = 0; begin <= token.size();) {
    std::size_t end = token.find('/', begin);
    if (end == std::string_view::npos) end = token.size();
    const std::string_view part = token.substr(begin, end - begin);
    bool all_letters = !part.empty(), all_digits = !part.empty();
    for (char c : part) {
      all_letters = all_letters && IsAlpha(c);
      all_digits = all_digits && IsDigit(c);
    }
    letters = letters || all_letters;
    digits = digits || all_digits;
    ++parts;
    begin = end + 1;
  }
  return parts >= 3 && letters && digits;
}

// "051200Z", "051200ZDEC26": a date-time group, six digits and a time
// zone's letter.
bool DateTimeGroup(std::string_view token) {
  if (token.size() < 7) return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!IsDigit(token[i])) return false;
  }
  return IsUpper(token[6]) && (token.size() == 7 || IsUpper(token[7]));
}

}  // namespace

bool GovernmentFurniture(std::string_view words) {
  for (std::string_view w : kParts) {
    if (LeadsWith(words, w)) return true;
  }
  for (std::string_view w : kOrders) {
    if (LeadsWith(words, w)) return true;
  }
  int count = 0;
  bool reference = false;
  for (std::size_t i = 0; i < words.size();) {
    while (i < words.size() && (IsBlank(words[i]) || words[i] == '\r')) ++i;
    if (i == words.size()) break;
    const std::size_t t = i;
    while (i < words.size() && !IsBlank(words[i]) && words[i] != '\r') ++i;
    std::string_view token = words.substr(t, i - t);
    while (!token.empty() && (token.back() == ')' || token.back() == ']' || token.back() == ',')) {
      token.remove_suffix(1);
    }
    if (++count > 4) return false;
    reference = reference || FileReference(token) || DateTimeGroup(token);
  }
  return reference;
}

}  // namespace nearmiss::content

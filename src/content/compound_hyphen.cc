// HyphenJoinsWordAfter and HyphenatedAdjective (compound_hyphen.h).
#include "content/compound_hyphen.h"

#include <algorithm>

#include "content/banner_tail.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

bool WordByte(char c) {
  return IsAlpha(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

bool HyphenJoinsWordAfter(std::string_view text, std::size_t end) {
  if (end + 1 >= text.size() || (text[end] != '-' && text[end] != '/')) return false;
  // "SECRET//ish plans": the banner's "//" glued to a word in lower case
  // that is no control, a joke as "SECRET/Santa" is (round 59b's tester 13,
  // finding 7). Any capital in the word ("SECRET//Noforn", "SECRET//NF")
  // or a control read from the rest of the line ("SECRET//rel to usa")
  // keeps the banner.
  if (text[end] == '/' && text[end + 1] == '/') {
    const std::size_t from = end + 2;
    std::size_t stop = from;
    while (stop < text.size() && WordByte(text[stop])) ++stop;
    const std::string_view word = text.substr(from, stop - from);
    if (word.empty() ||
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
    const std::string_view line = text.substr(from, LineEnd(text, from) - from);
    return ReadBannerTail(word, false, false) != BannerTail::kKnown &&
           ReadBannerTail(line, false, false) != BannerTail::kKnown;
  }
  const char next = text[end + 1];
  if (!IsAlpha(next) && static_cast<unsigned char>(next) < 0x80) return false;
  std::size_t stop = end + 1;
  while (stop < text.size() && WordByte(text[stop])) ++stop;
  const std::string_view word = text.substr(end + 1, stop - end - 1);
  // "SECRET/Santa": a slash glued as the hyphen is, before a word in lower
  // or title case only. After a slash the register writes its controls,
  // SCI systems and code words in capitals ("SECRET/NOFORN", "SECRET/SI",
  // "TOP SECRET/HUSKY"), a banner's tail (round 58c's tester 13, finding 5).
  if (text[end] == '/' &&
      std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  // "SBU-NF", "S-REL": a control's abbreviation in capitals, as the
  // registers write them (three letters at most; "GEHEIM-TIPP" is a word).
  if (word.size() <= 3 && std::all_of(word.begin(), word.end(), [](char c) { return IsUpper(c); })) {
    return false;
  }
  // "SECRET-NOFORN", "SECRET-REL TO GBR": a control read as a banner's tail.
  return ReadBannerTail(word, false, false) != BannerTail::kKnown;
}

bool HyphenatedAdjective(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view matched = text.substr(begin, end - begin);
  const std::size_t hyphen = matched.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || !IsAlpha(matched[hyphen - 1]) ||
      hyphen + 1 >= matched.size() || !IsAlpha(matched[hyphen + 1])) {
    return false;
  }
  return end + 1 < text.size() && text[end] == ' ' && text[end + 1] >= 'a' && text[end + 1] <= 'z';
}

}  // namespace nearmiss::content

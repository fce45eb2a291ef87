// Positions in a body: banner lines, labelled lines, page edges, legal
// legends and markings described rather than applied (position.h).
#include "content/position.h"

#include <array>

#include "base/ascii.h"
#include "content/banner_zone.h"
#include "content/legend_words.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Verbs that describe a marking rather than apply it.
constexpr std::array<std::string_view, 7> kDescribingWords = {
    "marked", "labelled", "labeled", "stamped", "headed", "reading", "titled"};

// The keys of the labelled lines of Purview's content marking (the tenant
// writes them: Microsoft Learn, "Learn about sensitivity labels") and of
// published data-classification policies' document headers and footers.
constexpr std::array<std::string_view, 10> kLabelledLines = {
    "classification:",          "security classification:",
    "data classification:",     "information classification:",
    "document classification:", "classification level:",
    "protective marking:",      "marking:",
    "sensitivity:",             "sensitivity label:"};

}  // namespace

bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  std::string_view before = text.substr(line_begin, begin - line_begin);
  std::string_view after = text.substr(end, line_end - end);
  std::size_t lead = 0;
  while (lead < before.size() && IsBlank(before[lead])) ++lead;
  for (std::string_view label : kLabelledLines) {
    std::size_t i = lead;
    if (StartsWithNoCaseAt(before, i, label) &&
        OnlyDecoration(before.substr(i + label.size()))) {
      return true;
    }
  }
  // Framed on either side by rules, box edges or symbols and padding
  // ("│   SECRET   │", "■■■ SECRET ■■■", "~~~ SECRET ~~~").
  if (!OnlyFrame(before) || !OnlyFrame(after)) return false;
  if (DisclaimerFollows(text, line_end)) return false;
  return InBannerZone(text, begin, end);
}

bool IsLabelledLine(std::string_view text, std::size_t begin,
                    std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::string_view before = text.substr(line_begin, begin - line_begin);
  std::string_view after = text.substr(end, LineEnd(text, end) - end);
  if (!OnlyDecoration(after)) return false;
  std::size_t lead = 0;
  while (lead < before.size() && IsBlank(before[lead])) ++lead;
  for (std::string_view label : kLabelledLines) {
    if (StartsWithNoCaseAt(before, lead, label) &&
        OnlyDecoration(before.substr(lead + label.size()))) {
      return true;
    }
  }
  return false;
}

bool InBannerZone(std::string_view text, std::size_t begin, std::size_t end) {
  return ZoneLinesBefore(text, LineStart(text, begin), kBannerLines) <
             kBannerLines ||
         ZoneLinesAfter(text, LineEnd(text, end), kBannerLines) < kBannerLines;
}

bool IsBareHeading(std::string_view text, std::size_t begin, std::size_t end) {
  // The match may take the blanks or the line break after the word.
  while (end > begin && (IsBlank(text[end - 1]) || text[end - 1] == '\n')) --end;
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, begin);
  if (end > line_end) return false;  // "TOP\nSECRET": a wrapped banner
  if (!IsBlankLine(text, line_begin, begin) || !IsBlankLine(text, end, line_end)) {
    return false;
  }
  if (line_begin > 0) {
    std::size_t above = LineStart(text, line_begin - 1);
    if (IsRuleLine(text.substr(above, line_begin - 1 - above))) return false;
  }
  if (line_end < text.size()) {
    std::size_t below_end = LineEnd(text, line_end + 1);
    if (IsRuleLine(text.substr(line_end + 1, below_end - line_end - 1))) {
      return false;
    }
  }
  return ZoneLinesBefore(text, line_begin, 1) == 0 &&
         NonBlankLinesAfter(text, line_end, 1) > 0;
}

bool IsEdgeLine(std::string_view text, std::size_t begin, std::size_t end) {
  return ZoneLinesBefore(text, LineStart(text, begin), 1) == 0 ||
         ZoneLinesAfter(text, LineEnd(text, end), 1) == 0;
}

bool NearLegalLegend(std::string_view text, std::size_t begin,
                     std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  return HasLegalLegend(text.substr(line_begin, line_end - line_begin)) ||
         HasLegalLegend(NeighbourLine(text, line_begin, line_end, false)) ||
         HasLegalLegend(NeighbourLine(text, line_begin, line_end, true));
}

bool DescribedInProse(std::string_view text, std::size_t begin) {
  // At most one line break: a sentence wrapped before the marking
  // ("stamped\nTOP SECRET"), not a banner under a closing line ("Thanks
  // for reading\n\nSECRET//NOFORN").
  std::size_t i = begin;
  int breaks = 0;
  auto skip_back = [&] {
    while (i > 0 && (IsBlank(text[i - 1]) || text[i - 1] == '"' ||
                     text[i - 1] == '\'' ||
                     (text[i - 1] == '\n' && breaks++ == 0))) {
      --i;
    }
  };
  skip_back();
  // UTF-8 curly quotes (U+201C, U+2018) end in 0x9C or 0x98 after E2 80.
  while (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
         static_cast<unsigned char>(text[i - 2]) == 0x80) {
    i -= 3;
    skip_back();
  }
  std::size_t word_end = i;
  while (i > 0 && IsAlpha(text[i - 1])) --i;
  std::string_view word = text.substr(i, word_end - i);
  for (std::string_view w : kDescribingWords) {
    if (word.size() == w.size() && StartsWithNoCase(word, w)) return true;
  }
  return false;
}

bool InsideSentence(std::string_view text, std::size_t begin,
                    std::size_t end) {
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  std::size_t e = end;
  while (e < text.size() && IsBlank(text[e])) ++e;
  // Blanks on both sides (the match may end on one): words, not a glued
  // "re-SECRET//NOFORN" or a path.
  bool spaced_before = b < begin, spaced_after = e > end ||
                                                 (end > begin && IsBlank(text[end - 1]));
  return spaced_before && spaced_after && b > 0 && e < text.size() &&
         text[b - 1] >= 'a' && text[b - 1] <= 'z' && text[e] >= 'a' &&
         text[e] <= 'z';
}

}  // namespace nearmiss::content

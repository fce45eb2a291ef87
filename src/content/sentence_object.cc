// A bare level word finishing the sentence of the line above
// (sentence_object.h).
#include "content/sentence_object.h"

#include <array>

#include "base/ascii.h"
#include "content/line_text.h"
#include "content/subject_complement.h"

namespace nearmiss::content {
namespace {

// Pronouns and determiners that leave a sentence open before its object
// ("so keep it", "the answer is the", "my").
constexpr std::array<std::string_view, 16> kOpenEnders = {
    "it", "the", "a", "an", "my", "our", "your", "their", "his", "her",
    "its", "this", "that", "so", "very", "totally"};

// A sentence's word, in lower case: a title's last word in capitals
// ("ANNEX A", "PLAN A") over a banner stays a title.
bool LeavesSentenceOpen(std::string_view word) {
  if (word.empty() || IsUpper(word.back())) return false;
  if (MakesClosingTierComplement(word)) return true;
  for (std::string_view w : kOpenEnders) {
    if (word == w) return true;
  }
  return false;
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view LastWord(std::string_view line) {
  std::size_t e = line.size();
  std::size_t b = e;
  while (b > 0 && (IsAlpha(line[b - 1]) || line[b - 1] == '\'')) --b;
  return line.substr(b, e - b);
}

}  // namespace

bool EndsSentenceAbove(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && (IsBlank(text[end - 1]) || text[end - 1] == '\n')) --end;
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, begin);
  if (end > line_end || !IsBlankLine(text, line_begin, begin) ||
      !IsBlankLine(text, end, line_end)) {
    return false;
  }
  // The line right above, with no blank line between.
  if (line_begin > 0) {
    const std::size_t above_begin = LineStart(text, line_begin - 1);
    std::string_view above = TrimBlanks(text.substr(above_begin, line_begin - 1 - above_begin));
    if (!above.empty() && IsAlpha(above.back()) && LeavesSentenceOpen(LastWord(above))) {
      return true;
    }
  }
  // The nearest line with words above, ending in ':' after a word that
  // takes the tier as its complement.
  std::string_view above = TrimBlanks(NeighbourLine(text, line_begin, line_end, false));
  if (!above.empty() && above.back() == ':') {
    above.remove_suffix(1);
    above = TrimBlanks(above);
    if (!above.empty() && LeavesSentenceOpen(LastWord(above))) return true;
  }
  // A credit line under it: "by Madonna".
  std::string_view below = TrimBlanks(NeighbourLine(text, line_begin, line_end, true));
  return below.size() > 3 && below.starts_with("by ") && IsUpper(below[3]);
}

}  // namespace nearmiss::content

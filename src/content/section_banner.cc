// FramesSection (section_banner.h).
#include "content/section_banner.h"

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// The line [line_begin, line_end) without its frame: the words of a cell
// standing alone in it (blanks, frame characters and empty cells around),
// or empty when the line holds more than one cell of words or none.
std::string_view LoneCell(std::string_view text, std::size_t line_begin,
                          std::size_t line_end) {
  std::string_view line = text.substr(line_begin, line_end - line_begin);
  std::size_t first = 0;
  while (first < line.size() && (IsBlank(line[first]) || IsDecoration(line[first]))) {
    ++first;
  }
  std::size_t last = line.size();
  while (last > first &&
         (IsBlank(line[last - 1]) || IsDecoration(line[last - 1]) || line[last - 1] == '\r')) {
    --last;
  }
  std::string_view words = line.substr(first, last - first);
  if (words.empty() || FirstCellBreak(words) != words.size()) return {};
  if (!OnlyFrame(line.substr(0, first)) || !OnlyFrame(line.substr(last))) return {};
  return words;
}

// Going down (`down`) from the line [line_begin, line_end), or up, on its
// page, through kSectionLines lines and kSectionBytes at most: the first
// line that is `own` alone comes after a line of other words.
bool SameLineBeyondWords(std::string_view text, std::string_view own,
                         std::size_t line_begin, std::size_t line_end, bool down,
                         std::size_t* work) {
  bool words_between = false;
  std::size_t at = down ? line_end : line_begin;
  for (int seen = 0; seen < kSectionLines; ++seen) {
    std::size_t b = 0;
    std::size_t e = 0;
    if (down) {
      if (at >= text.size() || text[at] != '\n' || at - line_end >= kSectionBytes) break;
      b = at + 1;
      e = LineEnd(text, b);
      at = e;
    } else {
      if (at == 0 || text[at - 1] != '\n' || line_begin - at >= kSectionBytes) break;
      e = at - 1;
      b = LineStart(text, e);
      at = b;
    }
    *work += e - b + 1;
    if (IsBlankLine(text, b, e)) continue;
    if (LoneCell(text, b, e) != own) {
      words_between = true;
    } else {
      return words_between;
    }
  }
  return false;
}

}  // namespace

bool FramesSection(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t* work) {
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, begin);
  if (end > line_end) return false;
  std::string_view own = LoneCell(text, line_begin, line_end);
  // The match is the line's words: "UK SECRET", not "UK SECRET plan".
  if (own.empty() || own.data() != text.data() + begin ||
      own.size() != end - begin) {
    return false;
  }
  return SameLineBeyondWords(text, own, line_begin, line_end, true, work) ||
         SameLineBeyondWords(text, own, line_begin, line_end, false, work);
}

}  // namespace nearmiss::content

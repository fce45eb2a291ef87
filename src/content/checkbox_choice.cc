// UncheckedChoice and RowListsLevels: see checkbox_choice.h.
#include "content/checkbox_choice.h"

#include <algorithm>
#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

constexpr std::array<std::string_view, 5> kEmptyBoxes = {
    "\xE2\x98\x90", "\xE2\x96\xA1", "[ ]", "[]", "( )"};
constexpr std::array<std::string_view, 7> kAnyBoxes = {
    "\xE2\x98\x90", "\xE2\x96\xA1", "\xE2\x98\x91", "\xE2\x98\x92",
    "[ ]", "[X]", "[x]"};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// What may join level names in one cell: "OFFICIAL / OFFICIAL-SENSITIVE",
// "CONFIDENTIAL & SECRET", "* SECRET *".
bool IsNameJoiner(char c) {
  return IsBlank(c) || c == '/' || c == ',' || c == '&' || c == '-' ||
         c == '.' || c == '*';
}

bool OnlyJoiners(std::string_view s) {
  for (char c : s) {
    if (!IsNameJoiner(c)) return false;
  }
  return true;
}

// Where the cell starting at `at` ends in `line`: a tab, a '|' or a gap of
// kCellGap blanks (line_text.h).
std::size_t CellEnd(std::string_view line, std::size_t at) {
  std::size_t run = 0;
  for (std::size_t j = at; j < line.size(); ++j) {
    char c = line[j];
    if (c == '\t' || c == '|') return j;
    run = c == ' ' ? run + 1 : 0;
    if (run >= kCellGap) return j + 1 - run;
  }
  return line.size();
}

}  // namespace

bool RowListsLevels(std::string_view text, std::size_t line_begin,
                    std::size_t line_end, std::span<const NamedLevel> names) {
  if (names.size() < 2 || line_end > text.size() || line_begin > line_end) {
    return false;
  }
  std::string_view line = text.substr(line_begin, line_end - line_begin);
  std::size_t next = 0;  // the first name not yet placed in a cell
  int cells = 0;
  unsigned levels = 0;  // a bit per Level named
  for (std::size_t at = 0; at <= line.size();) {
    std::size_t end = CellEnd(line, at);
    std::size_t covered = at;  // the cell read up to here
    bool named = false;
    while (next < names.size() && names[next].begin < line_begin + end) {
      const NamedLevel& n = names[next++];
      if (n.begin < line_begin + at || n.end > line_begin + end) return false;
      std::size_t b = n.begin - line_begin, e = n.end - line_begin;
      // "SECRET" inside "TOP SECRET", "OFFICIAL" inside
      // "OFFICIAL-SENSITIVE": the longer name is the cell's.
      if (named && e <= covered) continue;
      if (b > covered && !OnlyJoiners(line.substr(covered, b - covered))) {
        return false;
      }
      covered = std::max(covered, e);
      named = true;
      levels |= 1u << static_cast<unsigned>(n.level);
    }
    std::string_view rest = line.substr(covered, end - covered);
    if (named) {
      if (!OnlyJoiners(rest)) return false;
      ++cells;
    } else if (!OnlyJoiners(rest)) {
      return false;  // a cell of other words: a banner line's page number
    }
    // Past the break: a tab or '|' is one byte, a gap its blanks.
    if (end == line.size()) break;
    at = end + 1;
    while (at < line.size() && line[at] == ' ') ++at;
  }
  return cells >= 2 && (levels & (levels - 1)) != 0;
}

bool UncheckedChoice(std::string_view text, std::size_t begin) {
  if (begin > text.size()) return false;
  std::size_t line_begin = begin == 0 ? std::string_view::npos
                                      : text.rfind('\n', begin - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  std::size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view before = text.substr(line_begin, begin - line_begin);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t' ||
                             EndsWith(before, "\xC2\xA0"))) {
    before.remove_suffix(before.back() == ' ' || before.back() == '\t' ? 1 : 2);
  }
  std::string_view box;
  for (std::string_view b : kEmptyBoxes) {
    if (EndsWith(before, b)) box = b;
  }
  if (box.empty()) return false;
  // Another box on the line: the row of choices, not one struck-out word.
  std::string_view line = text.substr(line_begin, line_end - line_begin);
  std::size_t own = before.size() - box.size();
  for (std::string_view b : kAnyBoxes) {
    for (std::size_t at = line.find(b); at != std::string_view::npos;
         at = line.find(b, at + 1)) {
      if (at != own) return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content

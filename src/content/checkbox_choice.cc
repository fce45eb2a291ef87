// UncheckedChoice: see checkbox_choice.h.
#include "content/checkbox_choice.h"

#include <array>

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

}  // namespace

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

#include "content/cui_label.h"

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A code holding a digit opens `s` ("RO12345678", "12345678 SRL").
bool OpensWithCode(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  for (char c : s) {
    if (IsBlank(c) || c == '\n') break;
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

bool IsCuiLabelForCode(std::string_view text, std::size_t begin, std::size_t end,
                       std::string_view after, std::size_t line_end) {
  std::string_view marking = text.substr(begin, end - begin);
  while (!marking.empty() && IsBlank(marking.back())) marking.remove_suffix(1);
  if (marking != "CUI") return false;
  const std::size_t cell_end = FirstCellBreak(after);
  if (!OnlyFrame(after.substr(0, cell_end))) return false;
  if (cell_end < after.size()) return OpensWithCode(after.substr(cell_end));
  if (line_end >= text.size()) return false;
  // On the next line, the code alone: "RO12345678", not "1. Purpose".
  std::string_view next = text.substr(line_end + 1);
  next = next.substr(0, next.find('\n'));
  while (!next.empty() && IsBlank(next.back())) next.remove_suffix(1);
  constexpr std::size_t kShortestCode = 6;
  return next.size() >= kShortestCode && next.find(' ') == std::string_view::npos &&
         OpensWithCode(next);
}

}  // namespace nearmiss::content

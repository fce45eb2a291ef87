// InMidTableDataRow (table_row.h).
#include "content/table_row.h"

#include "content/labelled_line.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

bool HasWords(std::string_view s) { return s.find_first_not_of(" \t\r\f") != std::string_view::npos; }

std::string_view Trimmed(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\f");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\f") + 1 - first);
}

// The cells of a row (tabs or kCellGap blanks between them).
std::size_t CellCount(std::string_view line) {
  line = Trimmed(line);
  std::size_t cells = 1;
  for (std::size_t at = FirstCellBreak(line); at < line.size(); at = FirstCellBreak(line)) {
    ++cells;
    line = line.substr(at);
    line = Trimmed(line);
  }
  return cells;
}

// The nearest line above `line_begin` with words ('\n' and '\f' end lines).
std::string_view RowAbove(std::string_view text, std::size_t line_begin) {
  std::size_t end = line_begin;
  while (end > 0) {
    std::size_t start = end - 1;
    while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\f') --start;
    std::string_view line = text.substr(start, end - 1 - start);
    if (HasWords(line)) return line;
    end = start;
  }
  return {};
}

}  // namespace

bool InMidTableDataRow(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, end);
  const std::string_view line = text.substr(line_begin, line_end - line_begin);
  if (!IsCellRow(line)) return false;
  const std::string_view before = text.substr(line_begin, begin - line_begin);
  const std::size_t cell_begin = LastCellBreak(before);
  const std::string_view after = text.substr(end, line_end - end);
  if (HasWords(before.substr(cell_begin)) || HasWords(after.substr(0, FirstCellBreak(after)))) {
    return false;
  }
  // "Classification<tab>SECRET": the key's value, as "Classification:
  // SECRET" is; also the key in the cell before ("Doc 7<tab>Classification
  // <tab>SECRET").
  if (LabelBefore(text, line_begin, begin) != LineLabel::kNone) return false;
  const std::string_view head = Trimmed(before.substr(0, cell_begin));
  if (!head.empty()) {
    const std::size_t key_begin =
        line_begin + static_cast<std::size_t>(head.data() - line.data()) + LastCellBreak(head);
    if (LabelBefore(text, key_begin, begin) != LineLabel::kNone) return false;
  }
  const std::string_view above = RowAbove(text, line_begin);
  if (above.empty() || !IsCellRow(above) || CellCount(above) != CellCount(line)) return false;
  return HasWords(text.substr(line_end));
}

}  // namespace nearmiss::content

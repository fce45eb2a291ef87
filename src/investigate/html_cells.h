// Table cells of the HTML report (html_report.cc, html_read.cc): every
// text escaped with Html (render.h), numbers with their thousands
// separators and their value in data-v for the sorting script
// (html_style.h kReportJs).
#ifndef NEARMISS_INVESTIGATE_HTML_CELLS_H_
#define NEARMISS_INVESTIGATE_HTML_CELLS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "investigate/render.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {

// The day of `s` ("2025-11-03"); "" for 0 (no time).
inline std::string Day(int64_t s) { return s == 0 ? "" : maillog::FormatTime(s).substr(0, 10); }

// "<td class=\"CLS\">text</td>"; no class attribute when `cls` is null.
inline std::string Td(const std::string& text, const char* cls = nullptr) {
  std::string out = "<td";
  if (cls != nullptr) {
    out += " class=\"";
    out += cls;
    out += '"';
  }
  out += '>';
  out += Html(text);
  return out + "</td>";
}

// `text` escaped (Html), with a line break allowed (<wbr>) after each of
// `after`'s characters and nowhere else but where the cell's CSS allows
// (a file name after '/', '.', '-', '_'; an address after '@' and '.').
inline std::string BreakableAfter(std::string_view text, std::string_view after) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (after.find(text[i]) == std::string_view::npos) continue;
    out += Html(text.substr(start, i + 1 - start));
    out += "<wbr>";
    start = i + 1;
  }
  out += Html(text.substr(start));
  return out;
}

// A sender's address in a cell that breaks it only after its '@' or a
// '.' (html_style.h td.sender), never inside a label or a word of its
// local part: "alice.smith@<wbr>mod.<wbr>gov.<wbr>uk".
inline std::string TdSender(const std::string& address) {
  return "<td class=\"sender\">" + BreakableAfter(address, "@.") + "</td>";
}

// A count: "1,234", sorted by its value.
inline std::string TdNum(int64_t n) {
  return "<td class=\"n\" data-v=\"" + std::to_string(n) + "\">" + Thousands(n) + "</td>";
}

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_HTML_CELLS_H_

// Table cells of the HTML report (html_report.cc, html_read.cc): every
// text escaped with Html (render.h), numbers with their thousands
// separators and their value in data-v for the sorting script
// (html_style.h kReportJs).
#ifndef NEARMISS_INVESTIGATE_HTML_CELLS_H_
#define NEARMISS_INVESTIGATE_HTML_CELLS_H_

#include <cstdint>
#include <string>

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

// A count: "1,234", sorted by its value.
inline std::string TdNum(int64_t n) {
  return "<td class=\"n\" data-v=\"" + std::to_string(n) + "\">" + Thousands(n) + "</td>";
}

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_HTML_CELLS_H_

// Table cells of the HTML report (html_report.cc, html_read.cc): every
// text escaped with Html (render.h), numbers with their thousands
// separators and their value in data-v for the sorting script
// (html_style.h kReportJs).
#ifndef NEARMISS_INVESTIGATE_HTML_CELLS_H_
#define NEARMISS_INVESTIGATE_HTML_CELLS_H_

#include <cstdint>
#include <string>

#include "investigate/render.h"

namespace nearmiss::investigate {

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

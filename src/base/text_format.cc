#include "base/text_format.h"

#include <ctime>

namespace nearmiss {

std::string HtmlEscape(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (char c : t) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string FormatUtc(int64_t unix_seconds, const char* format) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[128];
  size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string Noun(uint64_t n, std::string_view one, std::string_view many) {
  if (n == 1) return std::string(one);
  if (!many.empty()) return std::string(many);
  std::string out(one);
  out += 's';
  return out;
}

std::string Counted(uint64_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out += ' ';
  out += Noun(n, one, many);
  return out;
}

}  // namespace nearmiss

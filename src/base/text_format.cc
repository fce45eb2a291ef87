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

std::string Thousands(int64_t n) {
  // Digits of |n| without overflow at INT64_MIN.
  uint64_t u = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string s = std::to_string(u), out;
  if (n < 0) out += '-';
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

std::string Noun(uint64_t n, std::string_view one, std::string_view many) {
  if (n == 1) return std::string(one);
  if (!many.empty()) return std::string(many);
  std::string out(one);
  // English: a consonant before a final 'y' makes "-ies" ("delivery",
  // "deliveries"; "day", "days"); "-s", "-x", "-ch", "-sh" take "-es"
  // ("address", "addresses"; "mailbox", "mailboxes").
  const size_t n_chars = out.size();
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (n_chars >= 2 && out.back() == 'y' && !vowel(out[n_chars - 2])) {
    out.back() = 'i';
    out += "es";
  } else if (out.ends_with('s') || out.ends_with('x') || out.ends_with("ch") || out.ends_with("sh")) {
    out += "es";
  } else {
    out += 's';
  }
  return out;
}

std::string Counted(uint64_t n, std::string_view one, std::string_view many) {
  std::string out = Thousands(static_cast<int64_t>(n));
  out += ' ';
  out += Noun(n, one, many);
  return out;
}

}  // namespace nearmiss

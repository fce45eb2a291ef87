#include "address/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace nearmiss::address {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

constexpr std::string_view kNbsp = "\xC2\xA0";

// Controls could forge log lines: they become '?'.
bool IsControl(int32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Format characters (joiners, bidi overrides, soft hyphen) are invisible or
// reorder the message, yet are often the very thing wrong: name them.
bool IsFormat(int32_t c) { return u_charType(c) == U_FORMAT_CHAR; }

}  // namespace

std::string_view TrimSpace(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kNbsp)) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kNbsp)) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    int32_t c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Echo(std::string_view s, std::size_t max) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // Inputs are bounded by the callers; the cast cannot overflow past them,
  // and a longer view is cut anyway.
  const auto n = static_cast<int32_t>(std::min<std::size_t>(s.size(), 1 << 20));
  std::string out;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    int32_t c;
    U8_NEXT(p, i, n, c);
    std::string piece;
    if (c < 0 || IsControl(c)) {
      piece = "?";
    } else if (IsFormat(c)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
      piece = buf;
    } else {
      piece = s.substr(start, i - start);
    }
    if (out.size() + piece.size() > max) {
      out += "…";
      break;
    }
    out += piece;
  }
  return out;
}

std::string DescribeByte(unsigned char c) {
  if (c >= 0x20 && c < 0x7F) {
    // Built by hand, not "'" + std::string(1, c): GCC 12 at -O3 reports a
    // false -Wrestrict on operator+(const char*, string&&) (GCC bug 105329).
    return c == '\'' ? std::string("\"'\"") : std::string{'\'', static_cast<char>(c), '\''};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, c < 0x80 ? "U+%04X" : "byte 0x%02X", c);
  return buf;
}


}  // namespace nearmiss::address

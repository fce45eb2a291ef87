#include "base/line_text.h"

namespace nearmiss {

bool IsLineControl(std::string_view c) {
  const auto b = [&c](std::size_t i) { return static_cast<unsigned char>(c[i]); };
  if (c.size() == 1) return b(0) < 0x20 || b(0) == 0x7F;
  if (c.size() == 2) return b(0) == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F;
  if (c.size() != 3 || b(0) != 0xE2) return false;
  // U+2028, U+2029, U+202A..U+202E: E2 80 A8..AE; U+2066..U+2069: E2 81 A6..A9.
  if (b(1) == 0x80) return b(2) >= 0xA8 && b(2) <= 0xAE;
  return b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9;
}

std::size_t Utf8SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                     : (lead >> 3) == 0x1E ? 4 : 0;
}

std::size_t ControlCharacterAt(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = Utf8SequenceLength(static_cast<unsigned char>(s[i]));
    if (len == 0 || i + len > s.size()) len = 1;
    if (IsLineControl(s.substr(i, len))) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t ValidUtf8Sequence(std::string_view s) {
  if (s.empty()) return 0;
  const std::size_t len = Utf8SequenceLength(static_cast<unsigned char>(s[0]));
  if (len == 0 || len > s.size()) return 0;
  const auto b = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 1; i < len; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
  }
  if (len == 2 && b(0) < 0xC2) return 0;
  if (len == 3 && ((b(0) == 0xE0 && b(1) < 0xA0) || (b(0) == 0xED && b(1) >= 0xA0))) return 0;
  if (len == 4 && ((b(0) == 0xF0 && b(1) < 0x90) || b(0) > 0xF4 || (b(0) == 0xF4 && b(1) >= 0x90))) {
    return 0;
  }
  return len;
}

std::string TerminalText(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = ValidUtf8Sequence(s.substr(i));
    if (len != 0 && !IsLineControl(s.substr(i, len))) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    const std::size_t bad = len == 0 ? 1 : len;
    for (std::size_t k = 0; k < bad; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
    i += bad;
  }
  return out;
}

}  // namespace nearmiss

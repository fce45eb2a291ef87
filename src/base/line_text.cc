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

}  // namespace nearmiss

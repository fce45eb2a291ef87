#include "address/display_width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nearmiss::address {

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {  // an invalid sequence: one replacement character
      ++width;
      continue;
    }
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) {
      continue;
    }
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string PadToWidth(std::string_view utf8, size_t width) {
  std::string out(utf8);
  const size_t w = DisplayWidth(utf8);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace nearmiss::address

// The invisible code points (invisible_code_point.h).
#include "content/invisible_code_point.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>

namespace nearmiss::content {

bool IsDefaultIgnorable(std::uint32_t cp) {
  return cp <= 0x10FFFF &&
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool IsInvisibleCodePoint(std::uint32_t cp) {
  return IsDefaultIgnorable(cp) ||
         (cp <= 0x10FFFF && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_BIDI_CONTROL));
}

std::string WithoutInvisibleCodePoints(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return {};
  }
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  std::string out;
  bool dropped = false;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && IsInvisibleCodePoint(static_cast<std::uint32_t>(c))) {
      dropped = true;
    } else {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return dropped ? out : std::string();
}

}  // namespace nearmiss::content

// The invisible code points (invisible_code_point.h).
#include "content/invisible_code_point.h"

#include <unicode/uchar.h>

namespace nearmiss::content {

bool IsDefaultIgnorable(std::uint32_t cp) {
  return cp <= 0x10FFFF &&
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool IsInvisibleCodePoint(std::uint32_t cp) {
  return IsDefaultIgnorable(cp) ||
         (cp <= 0x10FFFF && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_BIDI_CONTROL));
}

}  // namespace nearmiss::content

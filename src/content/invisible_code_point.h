// The code points a reader cannot see, one set for every reader of typed
// text: Unicode's Default_Ignorable_Code_Point (Unicode Standard 5.21;
// DerivedCoreProperties.txt: U+00AD soft hyphen, U+034F combining grapheme
// joiner, U+115F/U+1160/U+3164/U+FFA0 Hangul fillers, U+17B4/U+17B5,
// U+180B..U+180F, U+200B..U+200F, U+202A..U+202E, U+2060..U+206F,
// U+FE00..U+FE0F variation selectors, U+FEFF, U+1BCA0..U+1BCA3,
// U+1D173..U+1D17A, U+E0000..U+E0FFF tags and selectors) and Bidi_Control
// (UAX #9; PropList.txt), read through ICU's u_hasBinaryProperty. The
// address checker flags them in a typed address (engine/invisible_characters.h)
// and the content normaliser drops them from a marking word, so that
// "UK SEC<U+FE0F>RET" reads as it shows (round 55's tester 13-b, finding 6).
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_INVISIBLE_CODE_POINT_H_
#define NEARMISS_CONTENT_INVISIBLE_CODE_POINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss::content {

// Whether `cp` is Default_Ignorable_Code_Point.
bool IsDefaultIgnorable(std::uint32_t cp);

// Whether `cp` is Default_Ignorable_Code_Point or Bidi_Control.
bool IsInvisibleCodePoint(std::uint32_t cp);

// `utf8` without its invisible code points (IsInvisibleCodePoint); "" when
// it has none (then there is nothing to drop). Invalid UTF-8 bytes are kept
// as they are. The engine judges a typed address by it, and learn reads an
// address by it (history/learn.h), so both see one address.
std::string WithoutInvisibleCodePoints(std::string_view utf8);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_INVISIBLE_CODE_POINT_H_

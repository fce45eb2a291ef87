#include "address/typed_case.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace nearmiss::address {

std::string CapitalsAsTyped(std::string_view typed, std::string_view unicode) {
  bool capital = false;
  icu::UnicodeString t = icu::UnicodeString::fromUTF8(typed);
  for (int32_t i = 0; i < t.length();) {
    const UChar32 c = t.char32At(i);
    i += U16_LENGTH(c);
    if (c >= 0x80 && u_foldCase(c, U_FOLD_CASE_DEFAULT) != c) capital = true;
  }
  if (!capital) return {};
  // UTS #46 ends in NFC: a capital typed as a base letter and a combining
  // mark lines up with its composed small letter only after NFC.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) return {};
  t = nfc->normalize(t, status);
  if (U_FAILURE(status)) return {};
  // The root dot ("ΝAVY.MIL.") is not in `unicode`.
  if (t.endsWith(icu::UnicodeString(u'.'))) t.truncate(t.length() - 1);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(unicode);
  if (t.countChar32() != u.countChar32()) return {};
  icu::UnicodeString out;
  bool kept = false;
  for (int32_t i = 0, j = 0; j < u.length();) {
    const UChar32 tc = t.char32At(i), uc = u.char32At(j);
    i += U16_LENGTH(tc);
    j += U16_LENGTH(uc);
    // Only a capital whose own small letter is what UTS #46 gave: any
    // other difference is a mapping of its own, and the U-label keeps it.
    if (tc >= 0x80 && tc != uc && u_foldCase(tc, U_FOLD_CASE_DEFAULT) == uc) {
      out.append(tc);
      kept = true;
    } else {
      out.append(uc);
    }
  }
  if (!kept) return {};
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace nearmiss::address

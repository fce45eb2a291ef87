#include "lookalike/visual_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <memory>

namespace nearmiss::lookalike {
namespace {

// One spoof checker for the process: ICU documents uspoof_getSkeleton as
// thread-safe on a checker that is no longer being configured.
const USpoofChecker* SpoofChecker() {
  static const USpoofChecker* checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    return U_SUCCESS(status) ? sc : nullptr;
  }();
  return checker;
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  return nfd;
}

// NFD, drop combining marks, lower-case: "Á" -> "a".
icu::UnicodeString StripMarks(const icu::UnicodeString& in) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = Nfd() ? Nfd()->normalize(in, status) : in;
  if (U_FAILURE(status)) decomposed = in;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

bool IsAscii(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); ++i) {
    if (s.charAt(i) > 0x7f) return false;
  }
  return true;
}

std::string Describe(UChar32 c, const std::string& replacement) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  std::string utf8;
  icu::UnicodeString(c).toUTF8String(utf8);
  std::array<char, 16> code{};
  std::snprintf(code.data(), code.size(), "U+%04X", static_cast<unsigned>(c));
  std::string name = U_SUCCESS(status) && script != USCRIPT_COMMON &&
                             script != USCRIPT_INHERITED
                         ? std::string(uscript_getName(script)) + " "
                         : "";
  return name + "'" + utf8 + "' (" + code.data() + ") for '" + replacement + "'";
}

}  // namespace

AsciiForm AsciiLookalike(std::string_view utf8) {
  AsciiForm out;
  out.text.reserve(utf8.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, c);
    if (c < 0) {  // malformed UTF-8: keep the byte, it cannot be a look-alike
      out.text.push_back(utf8[i - 1]);
      out.all_ascii = false;
      continue;
    }
    if (c < 0x80) {
      out.text.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    icu::UnicodeString plain = StripMarks(icu::UnicodeString(c));
    if (!IsAscii(plain) && SpoofChecker() != nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString skeleton;
      uspoof_getSkeletonUnicodeString(SpoofChecker(), 0, plain, skeleton, &status);
      if (U_SUCCESS(status)) {
        icu::UnicodeString folded = StripMarks(skeleton);
        if (IsAscii(folded)) plain = folded;
      }
    }
    std::string piece;
    plain.toUTF8String(piece);
    if (IsAscii(plain) && !piece.empty()) {
      for (char& ch : piece) ch = static_cast<char>(std::tolower(ch));
      if (!out.changed) out.first_change = Describe(c, piece);
      out.changed = true;
    } else {
      out.all_ascii = false;
      piece.clear();
      icu::UnicodeString(u_foldCase(c, U_FOLD_CASE_DEFAULT)).toUTF8String(piece);
    }
    out.text += piece;
  }
  return out;
}

std::string VisualKey(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    // Pairs first: they read as one letter.
    if ((c == 'r' && (next == 'n' || next == 'r')) || (c == 'n' && next == 'n')) {
      key.push_back('m');
      ++i;
      continue;
    }
    if (c == 'v' && next == 'v') { key.push_back('w'); ++i; continue; }
    if (c == 'c' && next == 'l') { key.push_back('d'); ++i; continue; }
    switch (c) {
      case '1': case 'i': case '|': key.push_back('l'); break;
      case '0': key.push_back('o'); break;
      case 'q': key.push_back('g'); break;
      default: key.push_back(c);
    }
  }
  return key;
}

}  // namespace nearmiss::lookalike

#include "lookalike/visual_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <vector>

#include "lookalike/latin_lookalikes.h"

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

// The ASCII letters a capital of another script reads as, from its own
// UTS #39 skeleton ("N" for Greek "Ν", "H" for Cyrillic "Н"), lower-cased;
// "" when that is not ASCII letters and digits. Not its small letter's:
// Greek "ν" is a v, Cyrillic "н" no Latin letter. The skeleton's
// prototype of a capital I is "l" (I and l are confusable); read as a
// capital, it is an i (Greek "Ι", Cyrillic "І").
std::string CapitalReading(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status) || script == USCRIPT_LATIN || script == USCRIPT_COMMON ||
      script == USCRIPT_INHERITED || SpoofChecker() == nullptr) {
    return "";
  }
  icu::UnicodeString skeleton;
  uspoof_getSkeletonUnicodeString(SpoofChecker(), 0, icu::UnicodeString(c), skeleton, &status);
  if (U_FAILURE(status) || skeleton.isEmpty()) return "";
  std::string out;
  for (int32_t i = 0; i < skeleton.length(); ++i) {
    const char16_t ch = skeleton.charAt(i);
    if (ch >= 0x80 || !std::isalnum(ch)) return "";
    out.push_back(static_cast<char>(std::tolower(ch)));
  }
  return out == "l" ? "i" : out;
}

}  // namespace

AsciiForm AsciiLookalike(std::string_view utf8) {
  AsciiForm out;
  out.text.reserve(utf8.size());
  // Every letter changed is named, each once (аrmу.mil: its Cyrillic 'а'
  // and its Cyrillic 'у'; round 53's tester, finding 4): a reason naming
  // the first only tells the sender to fix one of two.
  std::vector<std::string> changes;
  auto add = [&changes](std::string change) {
    if (std::find(changes.begin(), changes.end(), change) == changes.end()) {
      changes.push_back(std::move(change));
    }
  };
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
    // A combining mark on its own code point: what UTS #46 makes of a
    // capital Turkish "İ" (i + U+0307, so "GMAİL" is gmai\u0307l), and
    // marks with no precomposed letter ("l" + U+0332). The base letter has
    // already been read as ASCII; the mark only decorates it. Marks on
    // other scripts' letters (Devanagari vowel signs) are part of the word.
    const int8_t type = u_charType(c);
    if ((type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) && !out.text.empty() &&
        static_cast<unsigned char>(out.text.back()) < 0x80) {
      std::array<char, 16> code{};
      std::snprintf(code.data(), code.size(), "U+%04X", static_cast<unsigned>(c));
      std::string change("a combining mark (");
      change.append(code.data()).append(") on '").append(1, out.text.back()).append("'");
      add(std::move(change));
      out.changed = true;
      continue;
    }
    // A capital (ParseDomain's typed_capitals, display names) is read as
    // itself before it is read as its small letter.
    if (u_foldCase(c, U_FOLD_CASE_DEFAULT) != c) {
      if (std::string piece = CapitalReading(c); !piece.empty()) {
        add(Describe(c, piece));
        out.changed = true;
        out.text += piece;
        continue;
      }
    }
    if (char twin = AsciiTwin(u_foldCase(c, U_FOLD_CASE_DEFAULT))) {
      add(Describe(c, std::string(1, twin)));
      out.changed = true;
      out.text.push_back(twin);
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
      add(Describe(c, piece));
      out.changed = true;
    } else {
      out.all_ascii = false;
      piece.clear();
      icu::UnicodeString(u_foldCase(c, U_FOLD_CASE_DEFAULT)).toUTF8String(piece);
    }
    out.text += piece;
  }
  for (size_t k = 0; k < changes.size(); ++k) {
    if (k > 0) out.first_change.append(k + 1 == changes.size() ? " and " : ", ");
    out.first_change.append(changes[k]);
  }
  return out;
}

namespace {

// Single letters drawn alike in common mail-client fonts. 'b'/'d' and
// 'c'/'e' are mirror or near images at small sizes; '3'/'8' and '6'/'9'
// differ by one stroke.
constexpr char FoldLetter(char c) {
  switch (c) {
    case '1': case 'i': case '|': return 'l';
    case '0': return 'o';
    case 'q': return 'g';
    case 'b': return 'd';
    case 'e': return 'c';
    case '3': return '8';
    case '6': return '9';
    default: return c;
  }
}

constexpr bool LLike(char c) { return c == 'l' || c == '1' || c == 'i' || c == '|'; }

// The letter that the pair `a` `b` (as typed) reads as, or '\0'. Only pairs
// that really render as one glyph; matched on the typed letters, not the
// folded ones, so that common digraphs ("le", "ci") stay themselves.
constexpr char FoldPair(char a, char b) {
  if ((a == 'r' && (b == 'n' || b == 'r')) || (a == 'n' && b == 'n')) return 'm';
  if (a == 'v' && b == 'v') return 'w';
  if ((a == 'c' || a == 'd') && (b == 'l' || b == '1')) return 'd';  // cl, dl
  if ((a == 'l' || a == '1') && b == 'b') return 'd';  // lb, folded like b
  if ((a == 'l' || a == '1') && b == 'h') return 'h';
  if (LLike(a) && b == 'k') return 'k';  // lk, ik
  if ((a == 'l' || a == '1') && b == 'c') return 'k';  // lc
  return '\0';
}

// FoldLetter of every byte, and whether a byte can begin a pair FoldPair
// folds, made at compile time: VisualKey runs for every near candidate of a
// check (several with a million names), and the tests per letter were most
// of its cost.
struct FoldTables {
  std::array<char, 256> letter{};
  std::array<bool, 256> pair_lead{};
};

constexpr FoldTables MakeFoldTables() {
  FoldTables t;
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(i);
    t.letter[i] = FoldLetter(c);
    for (int j = 0; j < 256; ++j) t.pair_lead[i] = t.pair_lead[i] || FoldPair(c, static_cast<char>(j)) != '\0';
  }
  return t;
}

constexpr FoldTables kFold = MakeFoldTables();

}  // namespace

std::string FoldLetters(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = kFold.letter[static_cast<unsigned char>(c)];
  return out;
}

std::string VisualKey(std::string_view s) {
  std::string key;
  key.resize(s.size());
  size_t k = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (kFold.pair_lead[c] && i + 1 < s.size()) {
      if (char pair = FoldPair(s[i], s[i + 1])) {
        key[k++] = pair;
        ++i;
        continue;
      }
    }
    key[k++] = kFold.letter[c];
  }
  key.resize(k);
  return key;
}

}  // namespace nearmiss::lookalike

#include "http/token_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "content/normalize.h"

namespace nearmiss::http {
namespace {

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The scripts a name's letters may mix (UTS #39, section 5.2, "highly
// restrictive"): one writing system's, each with Latin.
bool AllowedMix(const std::set<UScriptCode>& scripts) {
  static const std::set<UScriptCode> kJapanese = {USCRIPT_HAN, USCRIPT_HIRAGANA,
                                                  USCRIPT_KATAKANA, USCRIPT_LATIN};
  static const std::set<UScriptCode> kChinese = {USCRIPT_HAN, USCRIPT_BOPOMOFO, USCRIPT_LATIN};
  static const std::set<UScriptCode> kKorean = {USCRIPT_HAN, USCRIPT_HANGUL, USCRIPT_LATIN};
  for (const std::set<UScriptCode>* allowed : {&kJapanese, &kChinese, &kKorean}) {
    bool inside = true;
    for (UScriptCode s : scripts) inside = inside && allowed->count(s) > 0;
    if (inside) return true;
  }
  return false;
}

}  // namespace

std::string KeptTokenName(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString text = FromUtf8(name);
  if (U_SUCCESS(status) && nfkc != nullptr) {
    icu::UnicodeString normal = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = normal;
  }
  icu::UnicodeString out;
  bool blank = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c == '\t' || u_charType(c) == U_SPACE_SEPARATOR) {
      blank = !out.isEmpty();
      continue;
    }
    if (blank) out.append(static_cast<UChar32>(' '));
    blank = false;
    out.append(c);
  }
  return ToUtf8(out);
}

std::string TokenNameKey(std::string_view name) {
  std::string normal;
  content::NormalizeText(KeptTokenName(name), &normal);
  return ToUtf8(FromUtf8(normal).foldCase());
}

std::string MixedScriptProblem(std::string_view name) {
  std::map<UScriptCode, int> letters;
  std::map<UScriptCode, UChar32> first;
  std::vector<UScriptCode> order;
  for (size_t i = 0; i < name.size();) {
    UChar32 c;
    U8_NEXT(name.data(), i, name.size(), c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED ||
        script == USCRIPT_UNKNOWN) {
      continue;
    }
    if (letters[script]++ == 0) {
      first[script] = c;
      order.push_back(script);
    }
  }
  if (order.size() < 2) return "";
  std::set<UScriptCode> scripts(order.begin(), order.end());
  if (AllowedMix(scripts)) return "";
  // The odd one out: the script with fewest letters (the first such).
  UScriptCode odd = order.front();
  UScriptCode main = order.front();
  for (UScriptCode s : order) {
    if (letters[s] < letters[odd]) odd = s;
    if (letters[s] > letters[main]) main = s;
  }
  if (odd == main) odd = order.back();
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first[odd]));
  std::string out = "the name '";
  out += name;
  out += "' mixes scripts: ";
  out += code;
  out += " (";
  out += uscript_getName(odd);
  out += ") among ";
  out += uscript_getName(main);
  out += " letters; a name is written in one script, so it cannot pass for another "
         "person's name that looks the same";
  return out;
}

}  // namespace nearmiss::http

#include "lookalike/homoglyph_table.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <cctype>

#include "lookalike/visual_key.h"

namespace nearmiss::lookalike {
namespace {

using Table = std::array<std::vector<std::string>, 128>;

// Scripts with no letter read as a Latin one: skipped, for speed only
// (tens of thousands of ideographs and syllables).
bool NoLatinLookalikes(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_FAILURE(status) || script == USCRIPT_HAN || script == USCRIPT_HANGUL ||
         script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_YI;
}

Table Build() {
  Table t;
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates
    // Capitals and symbols too: check reads a typed capital as itself
    // (Greek Μ is an m) and a sign as its letter (¥ is a y); IDNA then
    // writes the capital's small letter, which the caller's filter judges.
    if (u_charType(c) == U_UNASSIGNED || NoLatinLookalikes(c)) continue;
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    const AsciiForm form = AsciiLookalike(utf8);
    if (!form.changed || !form.all_ascii || form.text.size() != 1) continue;
    const auto ascii = static_cast<unsigned char>(form.text[0]);
    if (ascii >= 128 || !std::isalnum(ascii)) continue;
    t[ascii].push_back(std::move(utf8));
  }
  return t;
}

}  // namespace

const std::vector<std::string>& HomoglyphsOf(char ascii) {
  static const Table table = Build();
  static const std::vector<std::string> none;
  const auto a = static_cast<unsigned char>(ascii);
  return a < 128 ? table[a] : none;
}

}  // namespace nearmiss::lookalike

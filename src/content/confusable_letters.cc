#include "content/confusable_letters.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Scripts whose letters are drawn like Latin ones (TR39 mixed-script
// confusables in practice).
constexpr std::array<std::pair<UChar32, UChar32>, 4> kScripts = {{
    {0x0370, 0x03FF},  // Greek
    {0x0400, 0x052F},  // Cyrillic and its supplement
    {0x0530, 0x058F},  // Armenian
    {0x13A0, 0x13FF},  // Cherokee
}};

icu::UnicodeString Skeleton(const USpoofChecker* checker, UChar32 c) {
  icu::UnicodeString in(c), out;
  UErrorCode status = U_ZERO_ERROR;
  uspoof_getSkeletonUnicodeString(checker, 0, in, out, &status);
  return U_SUCCESS(status) ? out : icu::UnicodeString();
}

// Look-alike code point -> ASCII letter. Built from ICU's data: a letter of
// kScripts maps to the ASCII letter with the same skeleton and the same
// case ("I" and "l" share a skeleton; the case picks one).
const std::unordered_map<UChar32, char>& Table() {
  static const std::unordered_map<UChar32, char> table = [] {
    std::unordered_map<UChar32, char> t;
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* checker = uspoof_open(&status);
    if (U_FAILURE(status)) return t;  // no ICU data: nothing folds
    std::unordered_map<std::u16string, std::string> latin;
    for (char c = 'A'; c <= 'z'; ++c) {
      if (!IsAlpha(c)) continue;
      icu::UnicodeString k = Skeleton(checker, c);
      latin[std::u16string(k.getBuffer(), k.length())].push_back(c);
    }
    for (auto [from, to] : kScripts) {
      for (UChar32 c = from; c <= to; ++c) {
        if (!u_isalpha(c)) continue;
        icu::UnicodeString k = Skeleton(checker, c);
        auto it = latin.find(std::u16string(k.getBuffer(), k.length()));
        if (it == latin.end()) continue;
        bool upper = u_isupper(c);
        for (char l : it->second) {
          if (IsUpper(l) == upper) {
            t[c] = l;
            break;
          }
        }
      }
    }
    uspoof_close(checker);
    return t;
  }();
  return table;
}

// One UTF-8 sequence at s[i]: its code point and length (0 if invalid).
std::size_t Decode(std::string_view s, std::size_t i, UChar32* cp) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3
                    : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  UChar32 c = len == 1 ? b : b & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  *cp = c;
  return len;
}

struct Word {
  std::size_t begin = 0, end = 0;
  int ascii = 0, lookalike = 0, other = 0;
  bool ascii_capitals = false;  // all its ASCII letters are capitals
};

// The next word (letters of any script) at or after `i`, within its line.
bool NextWord(std::string_view s, std::size_t i, Word* w) {
  const auto& table = Table();
  *w = Word{};
  while (i < s.size()) {
    UChar32 c = 0;
    std::size_t len = Decode(s, i, &c);
    if (len == 0) return false;
    if (len == 1 ? IsAlpha(s[i]) : u_isalpha(c)) break;
    i += len;
  }
  if (i >= s.size()) return false;
  w->begin = i;
  w->ascii_capitals = true;
  while (i < s.size()) {
    UChar32 c = 0;
    std::size_t len = Decode(s, i, &c);
    if (len == 0) break;
    if (len == 1) {
      if (!IsAlpha(s[i])) break;
      ++w->ascii;
      w->ascii_capitals = w->ascii_capitals && IsUpper(s[i]);
    } else if (!u_isalpha(c)) {
      break;
    } else if (table.count(c) > 0) {
      ++w->lookalike;
    } else {
      ++w->other;
    }
    i += len;
  }
  w->end = i;
  return true;
}

}  // namespace

bool FoldConfusableLetters(std::string* text, std::string* spare) {
  std::string_view s = *text;
  const auto& table = Table();
  if (table.empty()) return false;
  // Words to fold, found first; the text is rewritten only if there are any.
  spare->clear();
  bool changed = false;
  std::size_t copied = 0;
  Word previous, w;
  bool have_previous = false;
  for (std::size_t i = 0; NextWord(s, i, &w); i = w.end) {
    bool same_line = have_previous &&
                     s.substr(previous.end, w.begin - previous.end).find('\n') ==
                         std::string_view::npos;
    bool latin_capitals_near =
        same_line && previous.ascii > 1 && previous.lookalike == 0 &&
        previous.other == 0 && previous.ascii_capitals;
    // "ТОР SECRET": the look-alike word before a Latin one is seen when
    // that one comes; a look-alike word after one ("TOP SЕCRЕT") is mixed.
    Word next;
    bool next_latin = false;
    if (w.ascii == 0 && w.other == 0 && w.lookalike > 0 &&
        NextWord(s, w.end, &next)) {
      next_latin = next.ascii > 1 && next.lookalike == 0 && next.other == 0 &&
                   next.ascii_capitals &&
                   s.substr(w.end, next.begin - w.end).find('\n') ==
                       std::string_view::npos;
    }
    bool fold = w.lookalike > 0 && w.other == 0 &&
                (w.ascii > 0 || latin_capitals_near || next_latin);
    previous = w;
    have_previous = true;
    if (!fold) continue;
    spare->append(s.substr(copied, w.begin - copied));
    for (std::size_t k = w.begin; k < w.end;) {
      UChar32 c = 0;
      std::size_t len = Decode(s, k, &c);
      auto it = len > 1 ? table.find(c) : table.end();
      if (it != table.end()) {
        spare->push_back(it->second);
      } else {
        spare->append(s.substr(k, len));
      }
      k += len;
    }
    copied = w.end;
    changed = true;
  }
  if (!changed) return false;
  spare->append(s.substr(copied));
  text->swap(*spare);
  return true;
}

}  // namespace nearmiss::content

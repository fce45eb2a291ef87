#include "content/line_text.h"

#include <algorithm>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/ascii.h"

namespace nearmiss::content {

bool StartsWithNoCaseAt(std::string_view s, std::size_t at, std::string_view prefix) {
  return at <= s.size() && StartsWithNoCase(s.substr(at), prefix);
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (StartsWithNoCase(haystack.substr(i), needle)) return true;
  }
  return false;
}

std::size_t LineStart(std::string_view s, std::size_t at) {
  while (at > 0 && s[at - 1] != '\n' && s[at - 1] != '\f') --at;
  return at;
}

std::size_t LineEnd(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] != '\n' && s[at] != '\f') ++at;
  return at;
}

bool IsDecoration(char c) {
  return IsBlank(c) || c == '*' || c == '=' || c == '-' || c == '_' ||
         c == '#' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' ||
         c == '>' || c == '|';
}

bool OnlyDecoration(std::string_view s) {
  for (char c : s) {
    if (!IsDecoration(c)) return false;
  }
  return true;
}

namespace {

// Unicode general categories P* (punctuation) and S* (symbols).
constexpr std::uint32_t kFrameCategories =
    U_GC_P_MASK | U_GC_S_MASK;

}  // namespace

bool OnlyFrame(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;  // invalid UTF-8 is not decoration
    if (c == ' ' || c == '\t') continue;
    if ((U_GET_GC_MASK(c) & kFrameCategories) == 0) return false;
  }
  return true;
}

std::size_t SkipListBullet(std::string_view s, std::size_t at, std::size_t limit) {
  limit = std::min(limit, s.size());
  if (at >= limit) return at;
  if (s[at] == '-' || s[at] == '*') return at + 1;
  auto blank_after = [&](std::size_t end) {
    return end < limit && IsBlank(s[end]) ? end : at;
  };
  // Outlook's plain-text letters for its bullet fonts.
  if (s[at] == 'o' || s[at] == 'v' || s[at] == 'q' || s[at] == 'n' || s[at] == 'l') {
    return blank_after(at + 1);
  }
  if (static_cast<unsigned char>(s[at]) < 0x80) return at;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(limit), c);
  if (c < 0) return at;
  const std::size_t end = static_cast<std::size_t>(i);
  if (c == 0x00FC || c == 0x00D8) return blank_after(end);  // Wingdings 'ü', 'Ø'
  if (c >= 0xF000 && c <= 0xF0FF) return end;
  constexpr std::uint32_t kBulletCategories = U_GC_PC_MASK | U_GC_PD_MASK | U_GC_PO_MASK |
                                              U_GC_SC_MASK | U_GC_SK_MASK | U_GC_SM_MASK |
                                              U_GC_SO_MASK;
  return (U_GET_GC_MASK(c) & kBulletCategories) != 0 ? end : at;
}

bool IsRuleLine(std::string_view raw) {
  std::size_t b = 0, e = raw.size();
  while (b < e && IsBlank(raw[b])) ++b;
  while (e > b && IsBlank(raw[e - 1])) --e;
  return e - b >= 3 && OnlyFrame(raw.substr(b, e - b));
}

bool IsBlankLine(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (!IsBlank(s[i])) return false;
  }
  return true;
}

int NonBlankLinesBefore(std::string_view s, std::size_t line_begin, int limit) {
  int count = 0;
  std::size_t end = line_begin;
  while (end > 0 && s[end - 1] == '\n' && count < limit) {
    std::size_t start = LineStart(s, end - 1);
    if (!IsBlankLine(s, start, end - 1)) ++count;
    end = start;
    if (start > 0 && s[start - 1] == '\f') break;
  }
  return count;
}

int NonBlankLinesAfter(std::string_view s, std::size_t line_end, int limit) {
  int count = 0;
  std::size_t begin = line_end;
  while (begin < s.size() && s[begin] == '\n' && count < limit) {
    std::size_t stop = LineEnd(s, begin + 1);
    if (!IsBlankLine(s, begin + 1, stop)) ++count;
    begin = stop;
  }
  return count;
}

std::string_view NeighbourLine(std::string_view s, std::size_t line_begin,
                               std::size_t line_end, bool forward) {
  if (forward) {
    std::size_t at = line_end;
    while (at < s.size() && s[at] == '\n') {
      std::size_t stop = LineEnd(s, at + 1);
      std::string_view line = s.substr(at + 1, stop - at - 1);
      if (!OnlyFrame(line)) return line;
      at = stop;
    }
    return {};
  }
  std::size_t end = line_begin;
  while (end > 0 && s[end - 1] == '\n') {
    std::size_t start = LineStart(s, end - 1);
    std::string_view line = s.substr(start, end - 1 - start);
    if (!OnlyFrame(line)) return line;
    end = start;
  }
  return {};
}

// Where the last cell of `s` starts (0 when `s` is one cell): after its
// last tab or gap of kCellGap blanks, the gap right before the match
// included.
std::size_t LastCellBreak(std::string_view s) {
  std::size_t run = 0;
  for (std::size_t j = s.size(); j > 0; --j) {
    char c = s[j - 1];
    if (c == '\t') return j;
    run = c == ' ' ? run + 1 : 0;
    if (run >= kCellGap) return j - 1 + run;
  }
  return 0;
}

// Where the first cell of `s` ends (s.size() when `s` is one cell).
std::size_t FirstCellBreak(std::string_view s) {
  std::size_t run = 0;
  for (std::size_t j = 0; j < s.size(); ++j) {
    char c = s[j];
    if (c == '\t') return j;
    run = c == ' ' ? run + 1 : 0;
    if (run >= kCellGap) return j + 1 - run;
  }
  return s.size();
}

bool IsCellRow(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t\r\f");
  if (first == std::string_view::npos) return false;
  line = line.substr(first, line.find_last_not_of(" \t\r\f") + 1 - first);
  return FirstCellBreak(line) < line.size();
}

std::size_t OpeningQuoteBefore(std::string_view text, std::size_t at) {
  if (at >= 1 && (text[at - 1] == '"' || text[at - 1] == '\'' || text[at - 1] == '`')) return 1;
  for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x9E",  // “ ‘ „
                             "\xE3\x80\x8C", "\xE3\x80\x8E",                   // 「 『
                             "\xC2\xAB"}) {                                       // «
    if (at >= q.size() && text.compare(at - q.size(), q.size(), q) == 0) return q.size();
  }
  return 0;
}

std::size_t ClosingQuoteAt(std::string_view text, std::size_t at) {
  if (at < text.size() && (text[at] == '"' || text[at] == '\'' || text[at] == '`')) return 1;
  for (std::string_view q : {"\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x9C",  // ” ’ “
                             "\xE3\x80\x8D", "\xE3\x80\x8F",                   // 」 』
                             "\xC2\xBB"}) {                                       // »
    if (at <= text.size() && text.size() - at >= q.size() && text.compare(at, q.size(), q) == 0) {
      return q.size();
    }
  }
  return 0;
}

}  // namespace nearmiss::content

// LoneWordAtEdge: see lone_word.h.
#include "content/lone_word.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// Decoration around a typed word: sentence punctuation after it, the
// emphasis of plain-text mail (*bold*, _underline_; an HTML part's text
// alternative writes <b> so), brackets and dashes.
bool IsDecoration(char c) {
  switch (c) {
    case '*': case '_': case '[': case ']': case '(': case ')':
    case '{': case '}': case '<': case '>': case '.': case ':':
    case ';': case '!': case '-': case '~': case '=': case '#':
    case '"': case '\'':
      return true;
    default:
      return false;
  }
}

// The length of a no-break space (U+00A0, UTF-8 C2 A0) or a zero-width
// space (U+200B, E2 80 8B) at `i`, else 0.
std::size_t InvisibleSpace(std::string_view s, std::size_t i) {
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\x8B") return 3;
  return 0;
}

// Whether [from, to) holds only blanks, invisible spaces and decoration,
// with no "//" (a banner's control separator).
bool DecorationWithoutSeparator(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to;) {
    if (std::size_t n = InvisibleSpace(s, i); n > 0) {
      i += n;
      continue;
    }
    char c = s[i];
    if (c == '/') return false;
    if (!IsSpaceByte(c) && !IsDecoration(c)) return false;
    ++i;
  }
  return true;
}

bool OnlySpace(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to;) {
    if (std::size_t n = InvisibleSpace(s, i); n > 0) {
      i += n;
      continue;
    }
    if (!IsSpaceByte(s[i])) return false;
    ++i;
  }
  return true;
}

// The company legal forms of lone_word.h, upper case, dots dropped.
constexpr std::array<std::string_view, 13> kLegalForms = {
    "LTD", "LIMITED", "PLC", "LLP", "LLC", "INC", "INCORPORATED",
    "CORP", "CORPORATION", "GMBH", "AG", "SA", "CO"};

bool IsLegalForm(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (c != '.' && c != ',') {
      w.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  for (std::string_view f : kLegalForms) {
    if (w == f) return true;
  }
  return false;
}

// The blanks at the end of `s`: three or more are a cell break, as the
// normaliser writes a tab between a line's cells.
std::size_t TrailingBlanks(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[s.size() - 1 - n] == ' ') ++n;
  return n;
}

bool Digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A footer's page-number cell: "Page 1", "Page 1 of 3", "p. 2", "1", "1/3",
// "1 of 3" (blanks between words; what Word's PAGE and NUMPAGES fields give).
bool PageNumberCell(std::string_view s) {
  while (!s.empty() && IsSpaceByte(s.back())) s.remove_suffix(1);
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  std::size_t k = 0;
  if (k < words.size() && (EqualsNoCase(words[k], "page") || EqualsNoCase(words[k], "p.") ||
                           EqualsNoCase(words[k], "pg"))) {
    ++k;
  }
  if (k == words.size()) return false;
  std::string_view n = words[k++];
  std::size_t slash = n.find('/');
  if (slash != std::string_view::npos) {
    return k == words.size() && Digits(n.substr(0, slash)) && Digits(n.substr(slash + 1));
  }
  if (!Digits(n)) return false;
  if (k == words.size()) return true;
  return k + 2 == words.size() && EqualsNoCase(words[k], "of") && Digits(words[k + 1]);
}

}  // namespace

bool ClosesCompanyFooter(std::string_view text, std::size_t begin,
                         std::size_t end) {
  if (begin >= end || end > text.size()) return false;
  std::size_t line_begin = text.rfind('\n', begin);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  std::size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  while (end > begin && IsSpaceByte(text[end - 1])) --end;
  if (end > line_end || !OnlySpace(text, line_end, text.size()) ||
      OnlySpace(text, 0, line_begin)) {
    return false;
  }
  // After the word: decoration, or a cell holding the page number
  // ("Acme Ltd<tab>CONFIDENTIAL<tab>Page 1", a Word footer's three cells;
  // round 41 item 8).
  std::string_view after = text.substr(end, line_end - end);
  std::size_t cell_at = after.find_first_not_of(' ');
  bool page_cell = cell_at != std::string_view::npos && cell_at >= 3 &&
                   PageNumberCell(after.substr(cell_at));
  if (!page_cell && !DecorationWithoutSeparator(text, end, line_end)) return false;
  // Before the word: the separator (a dash, bar or colon, or a cell
  // break), then the name's last word.
  std::string_view before = text.substr(line_begin, begin - line_begin);
  bool cell = TrailingBlanks(before) >= 3;
  while (!before.empty() && IsSpaceByte(before.back())) before.remove_suffix(1);
  if (before.empty()) return false;
  char sep = before.back();
  if (!cell && sep != '-' && sep != '|' && sep != ':') return false;
  if (!cell) before.remove_suffix(1);
  while (!before.empty() && IsSpaceByte(before.back())) before.remove_suffix(1);
  std::size_t word = before.find_last_of(" \t");
  word = word == std::string_view::npos ? 0 : word + 1;
  // A name before the form: "LTD - CONFIDENTIAL" alone is no company.
  return word > 0 && IsLegalForm(before.substr(word));
}

LoneEdge LoneWordAtEdge(std::string_view text, std::size_t begin,
                        std::size_t end) {
  if (begin >= end || end > text.size()) return LoneEdge::kNone;
  std::size_t line_begin = text.rfind('\n', begin);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  std::size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  // The match may take the blanks or the line break after the word.
  while (end > begin && IsSpaceByte(text[end - 1])) --end;
  if (end > line_end) return LoneEdge::kNone;  // wrapped over two lines
  if (!DecorationWithoutSeparator(text, line_begin, begin) ||
      !DecorationWithoutSeparator(text, end, line_end)) {
    return LoneEdge::kNone;
  }
  bool first = OnlySpace(text, 0, line_begin);
  bool last = OnlySpace(text, line_end, text.size());
  // A text that is the word alone is not ordinary mail's shape.
  if (first == last) return LoneEdge::kNone;
  return first ? LoneEdge::kFirst : LoneEdge::kLast;
}

}  // namespace nearmiss::content

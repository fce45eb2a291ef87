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

// The words of `s`, split at blanks.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// A footer's page-number cell: "Page 1", "Page 1 of 3", "p. 2", "1", "1/3",
// "1 of 3" (blanks between words; what Word's PAGE and NUMPAGES fields give).
bool PageNumberCell(std::string_view s) {
  while (!s.empty() && IsSpaceByte(s.back())) s.remove_suffix(1);
  std::vector<std::string_view> words = Words(s);
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

// A month's name or its abbreviation, any case ("March", "Mar", "Sept").
bool MonthName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
  for (std::string_view m : kMonths) {
    if (EqualsNoCase(w, m)) return true;
  }
  return false;
}

// A date as a footer prints it: "12 March 2026", "March 2026", "2026-03-12",
// "12/03/2026", "12.03.26", "1st May 2026", "Q3 2026": numbers, month
// names and ordinals only, a digit among them.
bool DateCell(std::string_view s) {
  std::vector<std::string_view> words = Words(s);
  if (words.empty() || words.size() > 4) return false;
  bool digit = false;
  for (std::string_view w : words) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (MonthName(w)) continue;
    if (w.size() == 2 && (w[0] == 'Q' || w[0] == 'q') && w[1] >= '1' && w[1] <= '4') {
      digit = true;
      continue;
    }
    std::size_t d = w.find_first_not_of("0123456789/.-");
    if (d == 0) return false;
    if (d != std::string_view::npos) {
      // "1st", "22nd", "3rd", "4th"
      std::string_view suffix = w.substr(d);
      if (!EqualsNoCase(suffix, "st") && !EqualsNoCase(suffix, "nd") &&
          !EqualsNoCase(suffix, "rd") && !EqualsNoCase(suffix, "th")) {
        return false;
      }
    }
    digit = true;
  }
  return digit;
}

// A document's status or version, or a distribution note, as a template's
// footer prints beside the word: "Draft", "Final", "v2", "Version 3",
// "Rev 1.2", "Do not distribute", "Not for distribution", "Do not copy",
// "Internal".
bool StatusCell(std::string_view s) {
  static constexpr std::string_view kWhole[] = {
      "draft", "final", "do not distribute", "not for distribution",
      "do not copy", "do not forward", "internal", "internal use only",
      "for internal use only", "not for circulation"};
  for (std::string_view w : kWhole) {
    if (EqualsNoCase(s, w)) return true;
  }
  std::vector<std::string_view> words = Words(s);
  auto version_number = [](std::string_view n) {
    return !n.empty() && n.find_first_not_of("0123456789.") == std::string_view::npos &&
           n.front() != '.';
  };
  if (words.size() == 1 && words[0].size() > 1 && (words[0][0] == 'v' || words[0][0] == 'V')) {
    return version_number(words[0].substr(1));
  }
  if (words.size() == 2 && (EqualsNoCase(words[0], "version") || EqualsNoCase(words[0], "rev") ||
                            EqualsNoCase(words[0], "rev.") || EqualsNoCase(words[0], "issue"))) {
    return version_number(words[1]);
  }
  return false;
}

// A company's name: words ending in a legal form ("Acme Ltd", "Initech,
// Inc.", "(c) 2026 Acme Holdings plc"), more than the form alone.
bool CompanyCell(std::string_view s) {
  std::vector<std::string_view> words = Words(s);
  return words.size() >= 2 && words.size() <= 6 && IsLegalForm(words.back());
}

// `piece` (one cell of a footer line, decoration trimmed) is furniture a
// document template prints beside its marking word: a page number, a
// date, a status or version, a distribution note or the company's name.
bool FurnitureCell(std::string_view piece) {
  return piece.empty() || PageNumberCell(piece) || DateCell(piece) || StatusCell(piece) ||
         CompanyCell(piece);
}

// Whether [from, to) is decoration (DecorationWithoutSeparator) or cells
// of document furniture split by a bar, a blank-set dash, a colon, a
// comma or a cell break: "| Page 1", " - Page 1 of 2", "Page 1 of 2 - ",
// "Acme Ltd | ", " - 12 March 2026 - Do not distribute". A "//" (a
// banner's control separator) or any other word makes it something else.
bool DecorationOrFurniture(std::string_view s, std::size_t from, std::size_t to) {
  if (DecorationWithoutSeparator(s, from, to)) return true;
  std::string_view line = s.substr(from, to - from);
  if (line.find("//") != std::string_view::npos) return false;
  std::string cells;  // the line with each separator made a '|'
  for (std::size_t i = 0; i < line.size();) {
    if (std::size_t n = InvisibleSpace(line, i); n > 0) {
      cells.push_back(' ');
      i += n;
      continue;
    }
    char c = line[i];
    bool blank_before = i == 0 || line[i - 1] == ' ';
    bool blank_after = i + 1 == line.size() || line[i + 1] == ' ';
    if (c == '|' || c == '\t' || c == ':' || c == ',' ||
        (c == '-' && (blank_before || blank_after)) ||
        (c == ' ' && i + 2 < line.size() && line[i + 1] == ' ' && line[i + 2] == ' ')) {
      cells.push_back('|');
    } else if (line.substr(i, 3) == "\xE2\x80\x93" || line.substr(i, 3) == "\xE2\x80\x94" ||
               line.substr(i, 2) == "\xC2\xB7" || line.substr(i, 3) == "\xE2\x80\xA2") {
      cells.push_back('|');  // en and em dashes, middle dot, bullet
      i += line[i] == '\xC2' ? 2 : 3;
      continue;
    } else {
      cells.push_back(IsSpaceByte(c) ? ' ' : c);
    }
    ++i;
  }
  std::string_view rest = cells;
  while (!rest.empty()) {
    std::size_t bar = rest.find('|');
    std::string_view piece = rest.substr(0, bar);
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    std::size_t b = 0, e = piece.size();
    while (b < e && (piece[b] == ' ' || IsDecoration(piece[b]))) ++b;
    while (e > b && (piece[e - 1] == ' ' || (IsDecoration(piece[e - 1]) && piece[e - 1] != '.'))) --e;
    if (!FurnitureCell(piece.substr(b, e - b))) return false;
  }
  return true;
}

// Whether [from, to) holds only blank lines and lines of furniture
// (DecorationOrFurniture): "Page 1" printed on its own line under a
// footer's word, a date above a header's.
bool OnlyFurnitureLines(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to;) {
    std::size_t e = s.find_first_of("\n\f", i);
    if (e == std::string_view::npos || e > to) e = to;
    if (!OnlySpace(s, i, e) && !DecorationOrFurniture(s, i, e)) return false;
    i = e + 1;
  }
  return true;
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
  if (!DecorationOrFurniture(text, line_begin, begin) ||
      !DecorationOrFurniture(text, end, line_end)) {
    return LoneEdge::kNone;
  }
  // The edge of its page first (a PDF's pages, a document's page breaks:
  // the form feeds of the extracted text), where a template's running
  // header and footer stand on every page.
  std::size_t page_begin = line_begin == 0 ? std::string_view::npos : text.rfind('\f', line_begin - 1);
  page_begin = page_begin == std::string_view::npos ? 0 : page_begin + 1;
  std::size_t page_end = text.find('\f', line_end);
  if (page_end == std::string_view::npos) page_end = text.size();
  if (page_begin > 0 || page_end < text.size()) {
    bool page_first = OnlyFurnitureLines(text, page_begin, line_begin);
    bool page_last = OnlyFurnitureLines(text, line_end, page_end);
    // A page that is the word alone (a header or footer part of its own)
    // is read at the whole text's edge below.
    if (page_first != page_last) {
      return page_first ? LoneEdge::kPageFirst : LoneEdge::kPageLast;
    }
  }
  bool first = OnlyFurnitureLines(text, 0, line_begin);
  bool last = OnlyFurnitureLines(text, line_end, text.size());
  // A text that is the word alone is not ordinary mail's shape.
  if (first == last) return LoneEdge::kNone;
  return first ? LoneEdge::kFirst : LoneEdge::kLast;
}

}  // namespace nearmiss::content

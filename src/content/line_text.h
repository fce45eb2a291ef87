// Line helpers of the position rules (position_*.cc): ASCII classes, where
// a line starts and ends in the normalised text (lines end at '\n'; pages at
// '\f'), decoration such as "***" or "---", and counting lines with words.
// Offsets are byte offsets into that text; nothing allocates.
#ifndef NEARMISS_CONTENT_LINE_TEXT_H_
#define NEARMISS_CONTENT_LINE_TEXT_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

// `prefix` at `s[at]`, ASCII case folded.
bool StartsWithNoCaseAt(std::string_view s, std::size_t at, std::string_view prefix);
// `needle` anywhere in `haystack`, ASCII case folded.
bool ContainsNoCase(std::string_view haystack, std::string_view needle);
// The offset of the first byte of the line holding `at`.
std::size_t LineStart(std::string_view s, std::size_t at);
// The offset of the line break (or text end) ending the line at `at`.
std::size_t LineEnd(std::string_view s, std::size_t at);
// Blanks and the rule and bracket characters banners are drawn with.
bool IsDecoration(char c);
bool OnlyDecoration(std::string_view s);
// Blanks and the characters a banner may be framed or ruled with, in any
// script: Unicode punctuation and symbols (general categories P* and S*,
// which hold box drawing U+2500..U+257F, block elements U+2580..U+259F and
// geometric shapes U+25A0..U+25FF), so "────", "║ UK SECRET ║", "■■■",
// "~~~", "......" and "+-----+" frame a banner as "=====" does (issue 13).
// Letters, digits and invalid UTF-8 are not frame. UTF-8 input.
bool OnlyFrame(std::string_view s);
// A line of frame characters only, three at least after trimming blanks
// ("--" alone is the signature delimiter): a rule above, below or around a
// banner, or a box's edge.
bool IsRuleLine(std::string_view raw);
// A list bullet at s[at], as mail clients write one before a list item:
// '-', '*', or one code point of Unicode punctuation or symbols other than
// brackets and quotes (general categories Pc, Pd, Po, Sc, Sk, Sm, So: U+2022
// '•', U+25E6 '◦', U+25AA '▪', U+25CF, U+2023, U+2043, U+27A2, and
// Outlook's plain text for its Symbol and Wingdings bullets, U+00B7 '·' and
// U+00A7 '§'); a private-use code point U+F000..U+F0FF (a Symbol or Wingdings
// glyph as Word's HTML writes it, "&#61623;"); or a letter Outlook writes
// for a Courier New or Wingdings bullet in plain text ('o', and Wingdings'
// 'v' diamond, 'q' box, 'n' square, 'l' disc, 'ü' check, 'Ø' arrowhead),
// which must be followed by a blank. ASCII '>' (a quote marker), '#', '.',
// '(' and digits are not bullets. Returns the offset after the bullet
// (before its blanks), or `at` when there is none; nothing past `limit`
// is read. UTF-8 input.
std::size_t SkipListBullet(std::string_view s, std::size_t at, std::size_t limit);
// Whether s[from, to) holds blanks only.
bool IsBlankLine(std::string_view s, std::size_t from, std::size_t to);
// Counts non-blank lines strictly before `line_begin` on the same page,
// stopping once `limit` is reached.
int NonBlankLinesBefore(std::string_view s, std::size_t line_begin, int limit);
// Counts non-blank lines after `line_end` on the same page, stopping once
// `limit` is reached.
int NonBlankLinesAfter(std::string_view s, std::size_t line_end, int limit);
// The nearest line with words on it before `line_begin` (or after
// `line_end` when `forward`), rules such as "---" skipped; not past a form
// feed. Empty when there is none.
std::string_view NeighbourLine(std::string_view s, std::size_t line_begin,
                               std::size_t line_end, bool forward);

// A break between cells of a line: a tab, or a gap of kCellGap blanks or
// more (text laid out in columns, a header's left, centre and right parts;
// one or two blanks are a sentence's). The normaliser writes a tab as
// kCellGap blanks (normalize.h).
inline constexpr std::size_t kCellGap = 3;
// Where the last cell of `s` starts (0 when `s` is one cell): after its last
// tab or gap, the gap at its end included.
std::size_t LastCellBreak(std::string_view s);
// Where the first cell of `s` ends (s.size() when `s` is one cell).
std::size_t FirstCellBreak(std::string_view s);
// `line` is a row of cells: a cell break with words on each side of it
// ("Recipe\tsecret\tServes 4", "MOD/2026/114   UK SECRET"), blanks at its
// ends aside.
bool IsCellRow(std::string_view line);

// The opening quotation mark ending at `at` in `text`: its length in bytes,
// or 0. ASCII " ' and `; “ ‘ „ « and the CJK corner brackets 「 『 (UTF-8).
std::size_t OpeningQuoteBefore(std::string_view text, std::size_t at);

// The closing quotation mark starting at `at`: its length in bytes, or 0.
// ASCII " ' and `; ” ’ “ » and 」 』.
std::size_t ClosingQuoteAt(std::string_view text, std::size_t at);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LINE_TEXT_H_

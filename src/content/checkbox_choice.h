// UncheckedChoice and RowListsLevels: a level word offered as a choice in a
// form (an unticked box of its classification row, a column header naming
// the levels), not applied to the text, for marking_strength.cc and
// scan_emit.cc. Internal to Scanner::Scan.
#ifndef NEARMISS_CONTENT_CHECKBOX_CHOICE_H_
#define NEARMISS_CONTENT_CHECKBOX_CHOICE_H_

#include <cstddef>
#include <span>
#include <string_view>

#include "nearmiss/content_sensitivity.h"

namespace nearmiss::content {

// Whether the match starting at `begin` stands right after an empty box
// (U+2610 BALLOT BOX, U+25A1 WHITE SQUARE, "[ ]", "[]", "( )") with only
// blanks between, and its line holds another box, ticked or not (U+2611,
// U+2612, "[X]", "[x]", "(X)"): "☒ PUBLIC ☐ INTERNAL ☐ CONFIDENTIAL ☐
// SECRET" offers the levels to choose from and marks the document with
// the ticked one only (issue 13, round 36 item 4; tester r13 repros
// 37-39). A ticked level is left to the other rules.
bool UncheckedChoice(std::string_view text, std::size_t begin);

// A level's name the scan matched: [begin, end) in the text, and the level
// its marking places (a classification word or a label's name).
struct NamedLevel {
  std::size_t begin = 0;
  std::size_t end = 0;
  Level level = Level::kNone;
};

// Whether the line [line_begin, line_end) of `text` is a row of cells that
// lists levels: two cells or more (split at tabs, '|' and gaps of kCellGap
// blanks, as Word's, ODF's and HTML's rows and plain-text tables are
// written), each holding level names only (`names`, the classification and
// label matches on the line in order of start, may be joined by blanks and
// "/ , & - . *": "OFFICIAL / OFFICIAL-SENSITIVE"), naming two levels or
// more. "UNCLASSIFIED | CONFIDENTIAL | SECRET" is a form's column header,
// where each level heads a column of choices, not a marking; "MOD/2026/114
// | SECRET | Page 1 of 3" and "SECRET | SECRET" stay banners, and "SECRET |
// UK EYES ONLY" (a caveat, no classification word) too. Issue 13, round 37
// item 2.
bool RowListsLevels(std::string_view text, std::size_t line_begin,
                    std::size_t line_end, std::span<const NamedLevel> names);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CHECKBOX_CHOICE_H_

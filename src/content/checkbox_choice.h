// UncheckedChoice: a level word offered as an unticked box of a form's
// classification row, for marking_strength.cc. Internal to Scanner::Scan.
#ifndef NEARMISS_CONTENT_CHECKBOX_CHOICE_H_
#define NEARMISS_CONTENT_CHECKBOX_CHOICE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Whether the match starting at `begin` stands right after an empty box
// (U+2610 BALLOT BOX, U+25A1 WHITE SQUARE, "[ ]", "[]", "( )") with only
// blanks between, and its line holds another box, ticked or not (U+2611,
// U+2612, "[X]", "[x]", "(X)"): "☒ PUBLIC ☐ INTERNAL ☐ CONFIDENTIAL ☐
// SECRET" offers the levels to choose from and marks the document with
// the ticked one only (issue 13, round 36 item 4; tester r13 repros
// 37-39). A ticked level is left to the other rules.
bool UncheckedChoice(std::string_view text, std::size_t begin);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CHECKBOX_CHOICE_H_

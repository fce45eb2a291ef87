// The list enumerator a portion mark may follow ("1.", "a)", "(iv)",
// "Para 2", a bullet): position_portion.cc reads past it to the mark.
// Internal to src/content.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_PORTION_ENUMERATOR_H_
#define NEARMISS_CONTENT_PORTION_ENUMERATOR_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// A list enumerator before a portion mark: "1.", "1.2", "a.", "b)", "(1)",
// "(iv)", "iv.", "[1]", "[a]", "<1>", "#1", "1:", "1/", a bullet ("-",
// "*", "•", and Outlook's plain-text "·", "o", "§": SkipListBullet),
// "Para 2", "Paragraph 3a.", "Item 1", "Serial 4", a transcript's "Q:",
// "A:", "Q1." (DoDM 5200.01 Vol
// 2 and the CAPCO manual mark numbered and lettered paragraphs and bullets
// the same way: the portion mark follows the number). The mark may follow
// with or without a blank ("1.(S)", "a.(C)": typed in a hurry). Returns the
// position after it and its blanks (at most `limit`, where the mark
// starts), or `at` when there is none.
std::size_t SkipEnumerator(std::string_view s, std::size_t at,
                           std::size_t limit);

// A dash or colon between an enumerator and its text, a blank after it:
// "1 - (S)", "1 – (C)" (en dash), "1 — (S)" (em dash), "1 -- (S)", "Para 1
// : (S)" (round 47's tester 13, finding 6); the same separator between a
// portion mark and its sentence ("(S) - The convoy ...", position_portion.cc).
// Returns the position after the blanks that follow it, or `i`.
std::size_t SkipEnumeratorDash(std::string_view s, std::size_t i, std::size_t limit);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PORTION_ENUMERATOR_H_

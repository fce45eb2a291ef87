// Whether a bare one- or two-letter bracketed mark ("(S)", "(TS)") is an
// item of a list of options rather than a portion mark (DoDM 5200.01 Vol 2
// and the CAPCO manual: "(S)", "(C)", "(TS)" open each paragraph): sizes
// ("(S) 36-38 / (M) 40-42 / (L) 44-46"), quiz and vote answers ("(A) London
// (B) Berlin (C) Paris"). position.h, PortionMarkPlace, asks it of a bare
// mark.
//
// Only labels that stand where a list's items stand are read: opening a
// line of the mark's block of labelled lines (blank lines and lines opened
// by a bracketed group, after a paragraph number or a bullet, continue the
// block; any other line ends it), or on the mark's own line with at most a
// short value between them. A capital in brackets inside a sentence ("see
// Annex (A).", "COA (A) is preferred", "UK (O)"), glued to a word
// ("Microsoft(R)"), or in a signature block under the text ("(T) 020 ...",
// "(M) 07700 ...") is no option of the mark's list (issue 13, tester 13
// item 1: each of these cancelled agreeing portion marks).
//
// Offsets are byte offsets into the normalised text; [begin, end) is the
// mark, brackets included. Reads at most kOptionLines lines each way. Pure,
// thread-safe, allocates nothing.
#ifndef NEARMISS_CONTENT_PORTION_OPTIONS_H_
#define NEARMISS_CONTENT_PORTION_OPTIONS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

inline constexpr int kOptionLines = 6;

// The labels in list places (above) make a list of options when one is a
// clothing size ("(M)", "(L)", "(XL)"), when two or more are single
// capitals other than U, C, S and O (the portion marks of CAPCO and of the
// UK GSC's "(O)" OFFICIAL), or when one such capital is next in the
// alphabet to a one-letter mark ("(C) The Crown Inn.\n(D) The Old Bell.",
// a vote). A lone "(A)" beside "1. (S) ..." is a mislabelled paragraph, not
// a list.
bool InOptionList(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PORTION_OPTIONS_H_

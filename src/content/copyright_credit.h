// Whether the words after a bracketed "(C)" are a copyright credit: the
// owner's name typed after "(C)", as people type the copyright sign when
// their keyboard has none ("(C) John Smith. Not for commercial use.",
// "(C) Jane Smith, 2026. Please don't share it yet.", "(C) Grandma Kim.").
// 17 U.S.C. 401(b) gives a notice as the sign, the year and the owner's
// name; a credit under a photo, a poem or a recipe often names only the
// owner. A CONFIDENTIAL portion mark (DoDM 5200.01 Vol 2) opens a
// paragraph's sentence ("(C) The convoy leaves at 0600."), whose words
// after the first are not all capitalised names (issue 13, tester round 59
// finding 1).
//
// position_portion.cc asks it of an unnumbered "(C)" opening a line: a
// credit counts only if the message agrees (another CONFIDENTIAL mark or
// banner). Pure function over ASCII-folded text; allocates nothing.
#ifndef NEARMISS_CONTENT_COPYRIGHT_CREDIT_H_
#define NEARMISS_CONTENT_COPYRIGHT_CREDIT_H_

#include <string_view>

namespace nearmiss::content {

// `rest` (the line after the mark) is, after blanks, a name and then a
// full stop or the line's end, whatever follows the stop (a usage
// sentence: "Not for commercial use."):
// - the name is one to six words, each capitalised ("John", "O'Neil",
//   "Smith-Jones"), an initial ("J."), a year (19xx, 20xx), or a joining
//   word of names ("and", "&", "de", "van", "von");
// - it holds two capitalised words, or one and a year ("Acme, 2026");
// - its first word is no determiner or pronoun that opens a sentence
//   ("The", "This", "Our", "We": "(C) The Route Is Closed." stays a
//   portion).
bool ReadsAsCopyrightCredit(std::string_view rest);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_COPYRIGHT_CREDIT_H_

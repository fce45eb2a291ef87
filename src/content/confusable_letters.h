// Letters of other scripts that look like Latin letters, folded inside words
// that mix them with Latin: "SЕCRET" (U+0415 CYRILLIC CAPITAL IE) reads
// "SECRET", "ΤOP SECRET" (U+03A4 GREEK CAPITAL TAU) reads "TOP SECRET"
// (issue 13, breaker defect 9). Which letters look like which comes from
// ICU's confusable skeletons (Unicode TR39, confusables.txt): a letter of
// Cyrillic, Greek, Armenian or Cherokee whose skeleton is that of one
// ASCII letter folds onto it, keeping its case. A word counts as mixed when
// it holds ASCII letters and such look-alikes only, at least one of each,
// or look-alikes only next to a word of Latin capitals on the same line
// ("ТОР SECRET"); Russian or Greek prose is left as written.
//
// Thread-safe: the table is built once, on first use.
#ifndef NEARMISS_CONTENT_CONFUSABLE_LETTERS_H_
#define NEARMISS_CONTENT_CONFUSABLE_LETTERS_H_

#include <string>

namespace nearmiss::content {

// Rewrites valid UTF-8 `*text` in place with the look-alikes of mixed words
// folded; returns whether anything changed. `*spare` is scratch space.
bool FoldConfusableLetters(std::string* text, std::string* spare);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CONFUSABLE_LETTERS_H_

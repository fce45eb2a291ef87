// A bare level word alone on a line that finishes the sentence of the line
// above: "Sam's party is Saturday, so keep it" / "SECRET", "P.S. Mum's
// recipe is" / "TOP SECRET", "Today's word was:" / "SECRET", "The wifi
// password is:" / "SECRET". The word is that sentence's object or
// complement, hard-wrapped or set off under it, not a banner: a banner line
// stands under a title, a reference or a field's key ("Classification:" /
// "SECRET", README's labelled lines), never under a sentence left open on
// a verb, a preposition or a determiner (round 59b's tester 13, finding 4;
// the subject's form of the same rule is subject_complement.h).
// A title's credit under it ("SECRET" / "by Madonna") makes it a work's
// name the same way.
#ifndef NEARMISS_CONTENT_SENTENCE_OBJECT_H_
#define NEARMISS_CONTENT_SENTENCE_OBJECT_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Whether the match [begin, end) of `text`, alone on its line (blanks
// aside), is
// - right under a line (no blank line between) that ends with no closing
//   punctuation in a word that leaves its sentence open: a copular verb, a
//   preposition or a gerund (subject_complement.h), a pronoun or a
//   determiner ("keep it", "recipe is", "it's the");
// - under a line ending in ':' whose last word before the ':' is such a
//   word ("Today's word was:", "The answer is:"): a sentence, where a
//   field's key is a noun ("Classification:", "Brief follows:" ends in a
//   verb that introduces, not one that takes the word as complement);
// - or over a credit line, "by" and a capitalised name ("by Madonna").
bool EndsSentenceAbove(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SENTENCE_OBJECT_H_

// Everyday English words, to tell an acronym or a name in capitals after a
// level word ("SECRET MOD position paper", "SECRET NOFORN brief") from an
// everyday word shouted in capitals ("TOP SECRET BBQ at mine", "SECRET
// SUPPER club", "SECRET CINEMA tickets"; round 56's tester 13, finding 4).
// Source: the lower-case words of four letters or more of Debian's
// wamerican and wbritish word lists (/usr/share/dict/american-english,
// /usr/share/dict/british-english, SCOWL size 50), embedded at build time;
// a word whose plural only is listed ("pyjama") counts. Words of three
// letters or fewer are too often also acronyms ("MOD", "OP"), so only
// kEverydayShortWords count among them.
#ifndef NEARMISS_CONTENT_EVERYDAY_WORDS_H_
#define NEARMISS_CONTENT_EVERYDAY_WORDS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Whether `word` (letters only, any case) is an everyday word: in the word
// list (four letters or more) or a short everyday abbreviation ("BBQ",
// "DIY"). False for anything with a character other than a letter.
bool IsEverydayWord(std::string_view word);

// Whether `words` (blank-separated) are one to kMaxEverydayNameWords words
// all in capitals, each an everyday word, and at most one number:
// "COMEDY CLUB", "COCKTAIL BAR", "COLOUR RUN 2026".
// After a bare level word on a body's line they name a venue or a product
// ("TOP SECRET COMEDY CLUB"), where a banner's tail is a caveat, a control
// or a code word ("TOP SECRET NOFORN", "TOP SECRET UMBRA"; round 57b's
// tester 13, finding 4).
inline constexpr std::size_t kMaxEverydayNameWords = 3;
// The reason such a line counts only where the message agrees; the same
// name at a newsletter's top and foot is one name, not two markings
// (sensitivity.cc).
inline constexpr char kEverydayNameWhy[] = "everyday words in capitals after it: a name (a club, a bar)";
bool OnlyEverydayWordsInCapitals(std::string_view words);

// The words after a match [begin, end) of `text` that the test above reads:
// the rest of its line, or, where the match ends its line and the next
// line is not blank, that next line. A wordmark is often set one word a
// line ("SECRET" over "ESCAPES", two <div>s or the plain part of an HTML
// receipt), and a banner wrapped over two lines is read joined ("UK TOP"
// over "SECRET"); the joined line gets the same test as one line (round
// 59's tester 13, finding 3).
std::string_view NameTailAfter(std::string_view text, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_EVERYDAY_WORDS_H_

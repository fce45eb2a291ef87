// Everyday English words, to tell an acronym or a name in capitals after a
// level word ("SECRET MOD position paper", "SECRET NOFORN brief") from an
// everyday word shouted in capitals ("TOP SECRET BBQ at mine", "SECRET
// SUPPER club", "SECRET CINEMA tickets"; round 56's tester 13, finding 4).
// Source: the lower-case words of four letters or more of Debian's
// wamerican word list (/usr/share/dict/american-english, SCOWL size 50),
// embedded at build time; words of three letters or fewer are too often
// also acronyms ("MOD", "OP"), so only kEverydayShortWords count among them.
#ifndef NEARMISS_CONTENT_EVERYDAY_WORDS_H_
#define NEARMISS_CONTENT_EVERYDAY_WORDS_H_

#include <string_view>

namespace nearmiss::content {

// Whether `word` (letters only, any case) is an everyday word: in the word
// list (four letters or more) or a short everyday abbreviation ("BBQ",
// "DIY"). False for anything with a character other than a letter.
bool IsEverydayWord(std::string_view word);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_EVERYDAY_WORDS_H_

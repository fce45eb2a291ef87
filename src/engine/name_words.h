// A display name read as the set of its name words, for the one match the
// (given, family) readings (display_name.h) cannot make: a name with a
// middle name or patronymic written in another order, with initials for
// some words, or without its family name. "Petrov Ivan Sergeyevich" (the
// official Family Given Patronymic order), "I. S. Petrov", "Petrov I.S.",
// "Петров И.С." and "Ivan Sergeyevich" all name the contact learned as
// "Ivan Sergeyevich Petrov" (issue 14, tester 14 round 56, finding 1), and
// "Liu Xiao-Ming", "K.-T. zu Guttenberg" name "Liu Xiaoming" and
// "Karl-Theodor zu Guttenberg" (finding 2: a hyphen joins or splits a
// given name; "K.-T." is two initials).
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_NAME_WORDS_H_
#define NEARMISS_ENGINE_NAME_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::engine {

// The ways `display` (a display name as written, RFC 2047 words allowed)
// reads as a list of name words, each a list of lower-case words: in its
// ASCII forms (DisplayNameForms) and in its own script case folded without
// marks; each with hyphenated words apart and joined ("xiao" "ming" and
// "xiaoming"). A name with a role word ("Accounts Payable") has none.
// Leading honorifics (honorifics.h) and trailing suffixes are
// dropped when two words are left; bracketed remarks are skipped. Empty
// when the name is no name (an address, or more than six words).
std::vector<std::vector<std::string>> NameWordLists(std::string_view display);

// Whether the typed name words `typed` name the person whose learned name
// has the words `learned`: each typed word is a distinct learned word,
// whole or as its initial (one letter), in any order; at least two typed
// words are no family particle, and `min_whole` of those (one at least)
// are whole words of two letters or more. A single given name ("Ivan") or
// another family name ("Ivan Smirnov") is not the contact.
bool WordsNameLearned(const std::vector<std::string>& typed,
                      const std::vector<std::string>& learned, size_t min_whole);

// Whether some reading of `typed_display` names `learned_display` so.
bool DisplayWordsName(std::string_view typed_display, std::string_view learned_display);

// The whole words (two letters or more, no particle) `display` is indexed
// by: those of every reading (NameWordLists).
std::vector<std::string> NameIndexWords(std::string_view display);

// The runs of words `display` joins by hyphens ("Okonkwo-Adeyemi": okonkwo
// and adeyemi), two words or more each, in the forms NameWordLists reads.
std::vector<std::vector<std::string>> HyphenedGroups(std::string_view display);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_WORDS_H_

// A token's NAME (auth.h: the person every act made with the token is
// recorded under), as it is kept and compared.
//
// Two names a reader cannot tell apart must be one person's, and a name
// must not pass for another's (the issue-14 tester, round 43, finding 12):
// - kept: Unicode NFKC (ICU), every space separator (category Zs: U+00A0
//   no-break space, U+2007, U+3000 ...) and tab as a blank, runs of blanks
//   as one, trimmed: `Ann<U+00A0>Admin` is recorded as `Ann Admin`;
// - compared: that, with look-alike letters of Cyrillic, Greek, Armenian or
//   Cherokee inside a Latin word read as the Latin letters
//   (content/normalize.h) and case folded (Unicode full case folding):
//   `Ann Admin`, `ann  admin` and `<U+0410>nn Admin` are one name;
// - refused: a name whose letters mix scripts (Unicode Script property,
//   UAX #24; ICU's uscript_getScript), but the mixes a name in one writing
//   system needs (Han with Hiragana and Katakana, with Bopomofo, or with
//   Hangul, each also with Latin: UTS #39's "highly restrictive" sets).
//
// Thread safety: pure functions.
#ifndef NEARMISS_HTTP_TOKEN_NAME_H_
#define NEARMISS_HTTP_TOKEN_NAME_H_

#include <string>
#include <string_view>

namespace nearmiss::http {

// The name as kept and shown (NFKC, blanks folded, trimmed); UTF-8 in,
// UTF-8 out.
std::string KeptTokenName(std::string_view name);

// The key two names are one person's by: equal keys, one name.
std::string TokenNameKey(std::string_view name);

// "" when `name` is written in one script (or an allowed mix, above); else
// why, naming the first letter of the script with fewest letters by code
// point and script: "the name '...' mixes scripts: U+0410 (Cyrillic) among
// Latin letters; ...".
std::string MixedScriptProblem(std::string_view name);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_TOKEN_NAME_H_

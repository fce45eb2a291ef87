// The initial forms of one name: a given name's initial and a family name,
// in either order, with a separator or run together. Directories and
// partners use each of them (smith.j, smithj, jsmith, j.smith, smith_j,
// j-smith), and a sender who writes to smith.j@ at one partner types
// jsmith@ out of habit from another, so each is a near miss of every other
// (engine/address_typo.h; issue 14 breaker, round 5, item 3).
//
// Thread safety: pure function.
#ifndef NEARMISS_ENGINE_INITIAL_FORMS_H_
#define NEARMISS_ENGINE_INITIAL_FORMS_H_

#include <string_view>

namespace nearmiss::engine {

// Whether `typed` and `known` (lower-case local parts as compared, at most
// 64 octets) read as one initial and one family name, in other initial
// forms: two parts split by '.', '_', '-' or ' ' with one a single letter
// and the other a family name of two letters or more ("smith.j",
// "j_smith"), or one word of letters, read as its first letter and the
// rest or as the rest and its last letter, whose family name then has
// three letters or more ("jsmith", "smithj"; "jli" is j + li only when
// written "j.li"). Equal strings are no other form: false.
bool OtherInitialForm(std::string_view typed, std::string_view known);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_INITIAL_FORMS_H_

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

#include <cstdint>
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

// How `typed` writes the two names of `known` in another form.
enum class NameForm : uint8_t {
  kNone,
  kOtherOrder,         // the names swapped and run together: alvarezdaniel, smithjohn
  kOtherOrderInitial,  // swapped, one cut to its initial: dalvarez, d_alvarez for alvarez.daniel
  kSameOrderInitial,   // in order, one cut to its initial: d.alvarez for danielalvarez
};

// Whether `typed` writes the two names of `known` (lower-case local parts as
// compared, at most 64 octets) in another of the forms directories use:
// either order, separated by '.', '_' or '-' or run together, one of the
// two (not both) cut to its initial (the other then three letters or
// more: liw is no form of li.wei). `known` reads as two names when it has
// exactly two parts of two letters or more (alvarez.daniel, the
// family-first convention as much as daniel.alvarez), or, as one word of
// letters, at every cut leaving three letters or more on each side
// (danielalvarez: dalvarez, alvarez.d, alvarezdaniel). This is the family of
// issue 14 breaker round 6 item 3 with the order changed: the initial
// forms of a family-first address, which OtherInitialForm and
// local_part_rules.h's Shortened read in the given-first order only. The
// same names whole in the same order (another separator) are kNone: an
// edit. kNone too for `typed` == `known`, digits, or another shape.
NameForm OtherNameForm(std::string_view typed, std::string_view known);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_INITIAL_FORMS_H_

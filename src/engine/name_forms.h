// Families of local parts that name one person in other words: a given
// name and its familiar or shortened form (alex.petrov for
// alexander.petrov, bob.brown for robert.brown), and a family name whose
// particles (van der, de la, von) or second half of a double name are
// dropped or run together (jan.berg, p.devries, s.oconnell). AddressIndex
// (address_typo.h) asks these after its edit and initial rules; the shapes
// here are the wrong person at the right domain that those rules miss
// (issue 14 breaker, round 6, items 1 and 2).
//
// Thread safety: pure functions over an immutable table built on first
// use (a function-local static: thread-safe in C++11 and later).
#ifndef NEARMISS_ENGINE_NAME_FORMS_H_
#define NEARMISS_ENGINE_NAME_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/local_part_rules.h"
#include "engine/name_order.h"
#include "nearmiss/status.h"

namespace nearmiss::engine {

// One line of data/names/given-name-forms.txt: a given name and its forms.
struct GivenNameForms {
  std::string name;
  std::vector<std::string> forms;
};

// Parses the given-name table ("NAME FORM [FORM...]" lines of lower-case
// ASCII letters, '#' comments). Errors are kInvalidArgument naming
// `source`:LINE and the word (a non-letter, a NAME with no form).
Result<std::vector<GivenNameForms>> ParseGivenNameForms(std::string_view text,
                                                        std::string_view source);

// Whether two different given names (lower case, as compared) are one
// person's: a NAME and one of its forms in the table, or two forms of one
// NAME (bob and rob, robert's); or, with `prefixes`, one a prefix of three
// letters or more of the other (alex / alexander, max / maximilian). Two
// table NAMEs sharing a form (katherine, kathleen) stay different; equal
// strings are false (no other form).
bool SameGivenName(std::string_view a, std::string_view b, bool prefixes);

// The same name parts, in the same order, but for one given name written
// in another form (SameGivenName): chris.lee for christopher.lee,
// petrov.alex for petrov.alexander, bob_brown for robert_brown. A prefix
// counts in the first part (given.family, the usual order) or where the
// longer part is a table NAME (petrov.alexander); elsewhere a prefix is
// another family name (smith.john and smithson.john are two people).
// `prefixes` false: the table's forms only.
bool OtherGivenForm(const Parts& typed, const Parts& known, bool prefixes);

// `known_key` names the person "given family" with the given name in
// another form (known robert.brown for "Bob Brown"; rbrown for "Rob
// Brown"): the family name a whole part, or the run-together rest after
// the given name's initial, and the given name (or its initial, when the
// two forms share it) SameGivenName of a part. `prefixes` as for
// SameGivenName: false when asking whether a display name names ANOTHER
// (frequent) address, where a name only starting another is another
// person ("Janet Smith" is not jane.smith, nor "John Smithson" read family
// first smith.john's John Smith: docs/policy.md, display-name, "whole
// words only"); true when asking whether it is the typed address's own.
bool NamesPersonByForm(std::string_view known_key, std::string_view given,
                       std::string_view family, bool prefixes = true);

// A family-name group shortened: the frequent local part holds a given name
// and a family name of several parts (particles: van.der.berg, de.la.cruz,
// von.mises; or a double name: oconnell-byrne), given first or last; the
// typed one keeps the given name (whole, as its initial, or in another
// form) and writes the family as one of its name parts of three letters or
// more, or all its parts run together (vanderberg, delacruz), or that within
// one edit when it is 7 letters or more (vandenberg for van der berg):
// jan.berg, maria.cruz, j.vanderberg, p.devries, s.oconnell. Parts are
// compared as Split gives them (lower case); `typed` is the whole typed
// local part, `t` its parts.
// `given_last` false reads `k` given name first only.
bool FamilyGroupShortened(std::string_view typed, const Parts& t, const Parts& k,
                          bool given_last = true);

// FamilyGroupShortened against `k` with its run-together particles read
// apart (jan.vanderberg as jan.van.der.berg, maria.delacruz as
// maria.de.la.cruz; data/names/family-particles.txt): jan.berg, jan.vdberg
// and j.berg for the frequent jan.vanderberg (issue 14, round 53's tester,
// finding 1). False when `k` has no such part.
bool RunTogetherParticlesShortened(std::string_view typed, const Parts& t, const Parts& k);

// The same given name with another family name that starts alike: two
// parts on each side, the given name (two letters or more) the same, the
// family name another that the frequent one's first four letters begin,
// or a prefix of three letters or more of it, or that holds it so
// (john.smithson, john.castro for john.smith, john.castillo; the entry
// next to the meant one when autocomplete completes what was typed). The
// given name is the first part, or the last at a family-first domain
// (`order`, name_order.h: castillo.john for castro.john); both are tried
// when the order is unknown. Another family name that starts otherwise
// (john.jones for john.smith) is another John, a new colleague as often as
// a slip: on the generated partner domains (bench/relationships) every
// one of the new contacts the rule used to flag (4.6% of them) was such,
// and none of the slips. Equal parts are false.
bool FamilyNameStartsAlike(const Parts& typed, const Parts& known, NameOrder order);

// The same, run together: `known` (one word) starts with a given name of
// name_order.h's lists and `typed` with the same one, and the rest (the
// family names, three letters or more) start alike as above:
// johnsmitley, johnsmithy for the frequent johnsmith. Equal words are
// false.
bool RunTogetherFamilyStartsAlike(std::string_view typed, std::string_view known);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_FORMS_H_

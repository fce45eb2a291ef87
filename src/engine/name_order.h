// Which name a domain's addresses put first, learned from the addresses
// people here write to at that domain: castro.john@, lancaster_ella@ are
// family-first; john.castro@, j.castro@ given-first. The address-typo rules
// that keep one name and compare the other (FamilyNameStartsAlike) read
// the parts in the domain's order (issue 14 breaker, item 1: castillo.john
// for castro.john was missed at family-first domains).
//
// A part is read as a given name when it is on data/names/given-names.txt
// or is a name or form of data/names/given-name-forms.txt; a one-letter
// part is an initial, which stands for the given name.
//
// Thread safety: NameOrderVotes is a value built by one thread; the free
// functions are pure over tables built on first use (function-local statics).
#ifndef NEARMISS_ENGINE_NAME_ORDER_H_
#define NEARMISS_ENGINE_NAME_ORDER_H_

#include <cstdint>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::engine {

enum class NameOrder : uint8_t {
  kUnknown,      // no address told, or as many each way: compare both ways
  kGivenFirst,   // john.castro, j.castro, john_castro
  kFamilyFirst,  // castro.john, castro.j, castro_john
};

// Whether `word` (lower-case ASCII) is a given name of the lists above.
bool IsGivenName(std::string_view word);

// Checks the embedded given-name list: kInvalidArgument naming
// data/names/given-names.txt:LINE and the word that is not lower-case a-z.
Status CheckGivenNameList();

// Counts the addresses of one domain by the order their two outer name
// parts tell: one a given name (or an initial) and the other not.
class NameOrderVotes {
 public:
  // `local`: a local part as compared (lower case, name parts separated by
  // '.', '_' or '-'); one that is a single word, or whose outer parts are
  // both or neither given names, tells nothing.
  void Add(std::string_view local);
  // The majority; kUnknown on a tie.
  NameOrder Order() const;

 private:
  int64_t given_first_ = 0;
  int64_t family_first_ = 0;
};

// Whether a one-word local part reads as an initial and a family name run
// together (pmacdonald, jsmith): two letters or more after the first, and
// not a given name of three letters or more followed by three letters or
// more (johnsmith, annalee are a whole given name and a family name).
bool ReadsAsInitialAndFamily(std::string_view local);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_ORDER_H_

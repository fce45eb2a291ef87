// Real given names, as data: the common US given names of the Social
// Security Administration's baby-name files (data/names/ssa-given-names.txt
// says which and why), and the address-typo rule they give: an edit that
// turns one real given name into another is as often a different person as
// a slip (mark.jones beside the frequent mary.jones, jade.doe beside
// jane.doe, tim.davies beside tom.davies: issue 14 tester round 42, finding
// 6), so AddressIndex (address_typo.h) gives it the kind other-given-name
// and a lower score than an edit that yields no name (jhon.smith).
//
// Thread safety: pure functions over an immutable table built on first use
// (a function-local static).
#ifndef NEARMISS_ENGINE_GIVEN_NAME_LIST_H_
#define NEARMISS_ENGINE_GIVEN_NAME_LIST_H_

#include <string_view>

#include "engine/local_part_rules.h"
#include "engine/name_order.h"
#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `word` (lower-case ASCII) is on data/names/ssa-given-names.txt.
bool IsCommonGivenName(std::string_view word);

// Checks the embedded list: kInvalidArgument naming
// data/names/ssa-given-names.txt:LINE and the word that is not lower-case
// a-z.
Status CheckCommonGivenNames();

// Whether `typed` differs from the frequent `known` (parts as Split gives
// them, lower case) in its given name alone, and both given names are real
// ones (IsCommonGivenName) that are not one person's (SameGivenName, the
// table's forms only: jon for jonathan) nor the same letters with two
// neighbours swapped (micheal for michael: the classic typing slip, whatever
// parents also write) nor spelled alike (a silent 'h' or a doubled letter
// more: jon for john, sara for sarah, mathew for matthew). The given name is the only part of a one-part local
// part (mark for mary), the first part (given-first `order`), the last
// (family-first), or either when the order is unknown; every other part is
// equal. The caller has found the two within one or two edits.
bool OtherRealGivenName(const Parts& typed, const Parts& known, NameOrder order);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_GIVEN_NAME_LIST_H_

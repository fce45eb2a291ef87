// Which part of a frequent two-part local part is the family name, as the
// display name it was learned under tells: "Wang Wei" on wei.wang@ writes
// the family name first (the native order of Chinese, Korean, Japanese,
// Vietnamese and Hungarian names) and the address given name first, so
// `wang` is the family name both share and lei.wang is a slip of the given
// name, not "another common family name" (issue 14, tester 14 round 56b,
// finding 2).
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_LEARNED_FAMILY_H_
#define NEARMISS_ENGINE_LEARNED_FAMILY_H_

#include <cstddef>
#include <string_view>

#include "engine/local_part_rules.h"

namespace nearmiss::engine {

// The index into `known` (two parts) of the family name by the learned
// display name `learned`, whose two words must be the two parts:
//   - "Wang, Wei" (a comma after the family name, RFC 5322 leaves the
//     phrase free; directories write it): the word before the comma;
//   - else, in either order, the one word on a common-family-name list
//     (family_name_list.h), or of two the commoner (the lists are ranked
//     by frequency: "Wang Wei" and "Wei Wang" both read family wang, as
//     the order alone does not tell: a Chinese name is written family
//     first at home and often given first abroad).
// known.n when the learned name does not tell.
size_t LearnedFamilyPart(std::string_view learned, const Parts& known);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_LEARNED_FAMILY_H_

// A frequent address whose name parts are run together (mariajose,
// garcialopez for "María José García López"): split by the display name it
// was learned under, or, for a given name with no display name, by the
// common given names (data/names/given-names.txt), so the shape rules
// (address_typo_shape.h) see two given names to cut to initials
// (mj.garcialopez) and two family names to swap (mariajose.lopezgarcia),
// as they do for jp.dubois and smith.john (issue 14, tester 14-b,
// finding 2). Internal to src/engine.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_ADDRESS_TYPO_SPLIT_NAME_H_
#define NEARMISS_ENGINE_ADDRESS_TYPO_SPLIT_NAME_H_

#include <string_view>

#include "engine/address_typo_shape.h"
#include "engine/local_part_rules.h"

namespace nearmiss::engine {

// The shape of the typed local part's `typed` parts against a frequent
// address's `known` parts once a run-together known part is split by
// the words of `learned_display` (empty: none learned) and a typed part
// made of the same words is split alike. Score 0 when no known part
// splits, or when the split parts give no shape.
Shape SplitNameShapeOf(const Parts& typed, const Parts& known, std::string_view learned_display,
                       bool crowded);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_TYPO_SPLIT_NAME_H_

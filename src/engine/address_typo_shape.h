// The shape rules of AddressIndex::Best (address_typo.h): how a typed local
// part's name parts differ from a frequent one's (swapped, shortened, an
// initial after the family name, another given-name form, a family group
// shortened, a long form), the same with a number added or dropped, and the
// sentence each kind gives. Internal to src/engine; the rules themselves
// are in local_part_rules.h, initial_forms.h and name_forms.h.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_ADDRESS_TYPO_SHAPE_H_
#define NEARMISS_ENGINE_ADDRESS_TYPO_SHAPE_H_

#include <string>
#include <string_view>

#include "engine/address_typo.h"
#include "engine/local_part_rules.h"

namespace nearmiss::engine {

// A slip's shape: its kind and score in [0, 1], or score 0 for none.
struct Shape {
  SlipKind kind = SlipKind::kEdit;
  double score = 0;
};

// The shape of `local` (typed, split into `typed`) against the frequent
// `key` (split into `known`), both lower case as compared. The order is the
// rules' priority for one frequent address. `crowded`: the domain is
// crowded (address_typo.h), where only the strong shapes count.
Shape ShapeOf(std::string_view local, const Parts& typed, std::string_view key,
              const Parts& known, bool crowded);

// Two kinds at once: a number added to (or dropped from) a name in another
// ShapeOf shape (rbrown1, brown.robert2 for robert.brown); one side
// numbered, the other not. Score 0 for none, and always on a crowded
// domain.
Shape NumberedShapeOf(std::string_view local, std::string_view key, bool crowded);

// The address-typo reason's clause for `kind` (`edits` for kEdit; `known`
// and `display` for the display-name kinds; the typed `local` part and the
// frequent address's `key` to tell a separator changed from an order).
std::string KindDetail(SlipKind kind, int edits, const std::string& known,
                       std::string_view display, std::string_view local = {},
                       std::string_view key = {});

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_TYPO_SHAPE_H_

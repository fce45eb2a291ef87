// A typed local part that writes the name a frequent address was learned
// under in another shape than the address does: a given name written out
// where the address shortens it, or shortened where it writes it out
// (karl-theodor.guttenberg or karltheodor.guttenberg for kt.guttenberg
// learned as "Karl-Theodor zu Guttenberg"; s.jaidee for somchai.j learned
// as "Somchai Jaidee"). The address's own parts give no such reading, the
// learned name does (round 56's tester 14, finding 5). Internal to
// src/engine.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_ADDRESS_TYPO_LEARNED_SHAPE_H_
#define NEARMISS_ENGINE_ADDRESS_TYPO_LEARNED_SHAPE_H_

#include <string_view>

#include "engine/address_typo_shape.h"
#include "engine/local_part_rules.h"

namespace nearmiss::engine {

// The shape of `typed` (the typed local part's parts) against the frequent
// `known` parts when both write the words of `learned_display`: each part
// one learned word or a run of them together, whole or as their initials
// ("kt" for Karl-Theodor), no word twice, one typed part whole (two
// letters or more) and two learned words written at least, the same words
// on both sides (maria.rossi for anna.rossi, both of "Anna Maria Rossi",
// may be another person). kLongForm
// (0.65) when the typed part writes more letters, else kShortenedParts
// (0.7); score 0 otherwise, for the same parts, on a crowded domain, or
// with no learned name.
Shape LearnedNameShapeOf(const Parts& typed, const Parts& known,
                         std::string_view learned_display, bool crowded);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_TYPO_LEARNED_SHAPE_H_

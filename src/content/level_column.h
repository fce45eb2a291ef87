// LevelColumns: the levels listed one a line under a line that introduces
// them, for scan_emit.cc and word_strength.cc. Internal to Scanner::Scan.
#ifndef NEARMISS_CONTENT_LEVEL_COLUMN_H_
#define NEARMISS_CONTENT_LEVEL_COLUMN_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "content/checkbox_choice.h"

namespace nearmiss::content {

// The byte ranges of `text` that are lists of levels, one item a line:
// "The UK scheme has three tiers:\n\nOFFICIAL\nSECRET\nTOP SECRET", the
// same with "- ", "* " or "• " bullets, "die Stufen sind:\n\nVS-NfD\n
// GEHEIM". A run of two lines or more, each holding one level name alone
// (`names`: the classification, label and banner-form matches in order of
// start), the run naming two levels or more, whose first line has just
// above it (one blank line between allowed) a line ending in ':'. In a
// bulleted run other short items count among the lines ("Values:\n\n-
// Public\n- Internal\n- SECRET"). The column form of a form's row of
// levels (RowListsLevels, corpus README): a training note's or a form
// spec's list, not a marking, even where a sign-off skipped makes its last
// item the page's foot (round 58c's tester 13, finding 1). A real banner
// names one level ("SECRET\nUK EYES ONLY", "SECRET\nNOFORN") and has no
// introducing line, and stays one. Appends to `out`.
void LevelColumns(std::string_view text, std::span<const NamedLevel> names,
                  std::vector<std::pair<std::size_t, std::size_t>>* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LEVEL_COLUMN_H_

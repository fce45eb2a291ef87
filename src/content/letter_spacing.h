// Letter-spaced markings, as typed on old systems and in some banners:
// "S E C R E T", "U K   T O P   S E C R E T", "S E C R E T // N O F O R N"
// (DESIGN.md, forms seen in practice; issue 13). Rather than a spaced twin
// of every pattern, the scanner compiles one trigger pattern (the packs'
// level words, letter-spaced) into its database; a text that fires it is
// collapsed (CollapseLetterSpacing) and scanned again, so every pack's
// grammar reads the collapsed words. Texts without the trigger, nearly all,
// pay a few more literals in the same Vectorscan pass.
//
// Thread-safe (pure functions and a compile-time step).
#ifndef NEARMISS_CONTENT_LETTER_SPACING_H_
#define NEARMISS_CONTENT_LETTER_SPACING_H_

#include <string>
#include <string_view>

#include "content/scanner_rep.h"

namespace nearmiss::content {

// Adds the trigger pattern (PatternSource::kLetterSpaced).
void AddLetterSpacedPattern(Scanner::Rep* rep);

// Writes `in` to `*out` with every letter-spaced run joined: a run is at
// least kMinSpacedLetters one-character tokens (capitals, '-', '/') on one
// line separated by blanks, not glued to a word before it; one blank
// inside a run joins the letters, two or more separate words ("U K   T O P"
// -> "UK TOP"). Everything else is copied as it is.
void CollapseLetterSpacing(std::string_view in, std::string* out);

inline constexpr int kMinSpacedLetters = 4;

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LETTER_SPACING_H_

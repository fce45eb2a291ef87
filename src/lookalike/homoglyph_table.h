// The single letters check reads as an ASCII letter or digit: permute's
// homoglyph class writes exactly these, one letter at a time.
//
// Made from the detector's own reading (visual_key.h, AsciiLookalike: the
// UTS #39 confusable skeleton, accents stripped by NFD, and
// latin_lookalikes.h's hooked and small-capital letters), so what permute
// writes for one letter is what check flags for it (issue 15, tester 15
// round 56, finding 3).
//
// Thread safety: the table is built once, on first use (a function-local
// static), and read-only after.
#ifndef NEARMISS_LOOKALIKE_HOMOGLYPH_TABLE_H_
#define NEARMISS_LOOKALIKE_HOMOGLYPH_TABLE_H_

#include <string>
#include <vector>

namespace nearmiss::lookalike {

// The code points (UTF-8, one each) that AsciiLookalike reads as `ascii`
// (a lower-case letter or digit): letters, capitals and signs of the Basic
// Multilingual Plane outside ASCII, not the Han, Hangul, kana and Yi
// scripts (none reads as a Latin letter). Some UTS #46 maps to ASCII
// themselves (fullwidth ｇ: IDNA makes it g, the same domain): the caller
// drops those. Empty for any other `ascii`.
const std::vector<std::string>& HomoglyphsOf(char ascii);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_HOMOGLYPH_TABLE_H_

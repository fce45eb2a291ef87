// Letters that read as an ASCII letter but that UTS #39 leaves alone.
//
// ICU's confusable skeletons fold Cyrillic "а" to "a", but not small
// capitals ("ᴍ"), letters with hooks or strokes ("ƈ", "ƫ", "ɇ") or IPA
// letters ("ɑ", "ɾ"): their skeletons are themselves, and NFD cannot strip a
// hook. Phishing kits and dnstwist's homoglyph table use exactly these, so
// the detector needs their ASCII twin.
//
// Thread safety: a constant table.
#ifndef NEARMISS_LOOKALIKE_LATIN_LOOKALIKES_H_
#define NEARMISS_LOOKALIKE_LATIN_LOOKALIKES_H_

#include <cstdint>

namespace nearmiss::lookalike {

// The ASCII character `c` (a lower-case code point) passes for, or '\0'.
char AsciiTwin(uint32_t c);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_LATIN_LOOKALIKES_H_

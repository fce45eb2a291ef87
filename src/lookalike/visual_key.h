// Visual keys: strings that look alike on screen map to the same key.
//
// Two steps. AsciiLookalike takes a Unicode domain (or label) to the ASCII
// string a reader would think it is: case folded, accents stripped, and each
// remaining non-ASCII character replaced by its UTS #39 confusable skeleton
// (ICU) when that is ASCII: Cyrillic "аrmy" -> "army", "gmáil" -> "gmail".
// VisualKey then folds ASCII look-alikes that survive UTS #39 as separate
// letters: "rn", "rr", "nn" -> "m"; "vv" -> "w"; "cl" -> "d"; "1", "i",
// "l" -> "l"; "0" -> "o"; "q" -> "g"; so "rnicrosoft" and "microsoft" share
// a key. The detector indexes keys, so homoglyphs become exact or one-edit
// matches.
//
// Thread safety: all functions may run concurrently.
#ifndef NEARMISS_LOOKALIKE_VISUAL_KEY_H_
#define NEARMISS_LOOKALIKE_VISUAL_KEY_H_

#include <string>
#include <string_view>

namespace nearmiss::lookalike {

struct AsciiForm {
  std::string text;  // lower-case; ASCII where a look-alike exists
  bool all_ascii = true;
  bool changed = false;  // differs from the simple lower-casing of the input
  std::string first_change;  // "Cyrillic 'а' (U+0430) for 'a'" when changed
};

// `utf8` is a domain or label in U-label form.
AsciiForm AsciiLookalike(std::string_view utf8);

// ASCII folding of look-alike letters and letter pairs (see file comment).
std::string VisualKey(std::string_view ascii);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_VISUAL_KEY_H_

// Visual keys: strings that look alike on screen map to the same key.
//
// Two steps. AsciiLookalike takes a Unicode domain (or label) to the ASCII
// string a reader would think it is: case folded, accents stripped, letters
// with hooks, strokes or small capitals mapped by a table (latin_lookalikes.h),
// and each remaining non-ASCII character replaced by its UTS #39 confusable
// skeleton (ICU) when that is ASCII: Cyrillic "аrmy" -> "army", "gmáil" ->
// "gmail", "ᴍicrosoft" -> "microsoft". VisualKey then folds ASCII look-alikes
// that survive UTS #39 as separate letters: pairs "rn", "rr", "nn" -> "m";
// "vv" -> "w"; "cl", "dl" -> "d"; "lb" -> "b"; "lh" -> "h"; "lk", "ik", "lc"
// -> "k"; letters "1", "i" -> "l"; "0" -> "o"; "q" -> "g"; "b" -> "d";
// "e" -> "c"; "3" -> "8"; "6" -> "9". So "rnicrosoft" and "microsoft" share a
// key. The detector indexes keys, so homoglyphs become exact or one-edit
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

// The single-letter half of VisualKey: each letter folded on its own, pairs
// left as typed, so the result has the length of `ascii`. Being a map of
// letter to letter it never moves two strings further apart in edit
// distance, which lets the typo index stand it in for the plain spelling:
// it equals VisualKey for any name without a folded pair, so most names
// need one deletion neighbourhood instead of two.
std::string FoldLetters(std::string_view ascii);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_VISUAL_KEY_H_

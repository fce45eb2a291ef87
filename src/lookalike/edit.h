// Edit distance and a plain-words description of a single typing slip.
#ifndef NEARMISS_LOOKALIKE_EDIT_H_
#define NEARMISS_LOOKALIKE_EDIT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::lookalike {

// Optimal-string-alignment (restricted Damerau-Levenshtein) distance between
// UTF-8 strings counted in code points ("яндекс" and "янлекс" are one edit
// apart, not one byte), or `limit + 1` as soon as it must exceed `limit`.
// A malformed sequence counts as one character equal only to itself.
int BoundedDamerau(std::string_view a, std::string_view b, int limit);

// BoundedDamerau for strings the caller knows to be ASCII (a byte is a
// character): the same answer without scanning both for UTF-8 first. The
// typo finder verifies every candidate of a query with it (several a check
// with a million names), and trusted entries are ASCII by construction
// (A-labels, TrustedSet::Build). Undefined for other input.
int BoundedDamerauAscii(std::string_view a, std::string_view b, int limit);

// Code points in UTF-8 `utf8` (its bytes that are not continuation bytes):
// the length the typo limits (DeletionDepth, the five-letter floors) read.
size_t CharCount(std::string_view utf8);

// What one edit turned `intended` into `typed`.
enum class EditKind {
  kNone,           // equal
  kOmission,       // a character left out
  kRepetition,     // a character typed twice
  kInsertion,      // an extra character
  kTransposition,  // two neighbours swapped
  kReplacement,    // one character for another
  kVowelSwap,      // one vowel for another
  kBitFlip,        // one character differing in a single bit
  kHyphenAdded,    // an extra hyphen
  kHyphenDropped,  // a hyphen left out
  kPlural,         // an "s" added at the end
  kDotDropped,     // a dot left out (usbank for us.bank)
  kDotAdded,       // an extra dot (g.mail for gmail)
  kDotAsHyphen,    // a hyphen where a dot belongs
  kOther,          // more than one edit
};

struct Edit {
  EditKind kind = EditKind::kOther;
  bool adjacent_keys = false;  // the characters involved are keyboard neighbours
  std::string detail;          // "is missing an 'i'", "has 'ia' for 'ai'"
};

// Describes how `typed` differs from `intended` (UTF-8) when they are at
// most one edit of a code point apart, quoting whole characters ("has 'л'
// where 'д' belongs"); kind kOther ("differs in two places") otherwise.
// Keyboard neighbours and bit flips are ASCII facts only.
Edit DescribeEdit(std::string_view typed, std::string_view intended);

// DescribeEdit's kind and adjacent_keys without its detail (left empty):
// for ranking an edit before deciding to tell it. The same kind as
// DescribeEdit for every pair; no allocation for ASCII strings.
Edit ClassifyEdit(std::string_view typed, std::string_view intended);
// ClassifyEdit for strings the caller knows to be ASCII (as
// BoundedDamerauAscii): the same result without the UTF-8 scans.
Edit ClassifyEditAscii(std::string_view typed, std::string_view intended);

// A plain slip: a neighbouring key struck instead or as well, two swapped,
// one left out or doubled, and with `any_vowel` a vowel for another. Not
// any letter for any other: every two-letter ending is one letter from a
// dozen real ones.
bool PlainKeySlip(const Edit& e, bool any_vowel = false);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_EDIT_H_

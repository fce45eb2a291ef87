// The U-label form of a domain with its capitals as typed.
//
// UTS #46 lower-cases every letter ("ΝAVY.MIL" -> "νavy.mil"), and for the
// mail that is right: the A-label is what Postfix delivers to. But what a
// reader saw is the capital, and in Greek and Cyrillic a capital can look
// like another Latin letter than its small form does: Greek "Ν" (U+039D)
// is an N, its small "ν" a v; Cyrillic "Н" is an H, "н" no Latin letter at
// all. The look-alike detector reads this form (issue 15 breaker, round 7,
// item 6: "ΝAVY.MIL" suggested vavy.mil).
//
// Thread safety: a pure function.
#ifndef NEARMISS_ADDRESS_TYPED_CASE_H_
#define NEARMISS_ADDRESS_TYPED_CASE_H_

#include <string>
#include <string_view>

namespace nearmiss::address {

// `unicode` (the U-label form UTS #46 made of `typed`, root dot dropped)
// with each non-ASCII letter that `typed` has as a capital of it put back
// as that capital ("Νavy.mil" for typed "ΝAVY.MIL"); ASCII letters stay
// lower-case. Empty when no non-ASCII capital was typed, or when the two
// do not line up code point for code point after NFC (UTS #46 mapped
// something else as well: full-width letters, "ß" to "ss"); the detector
// then reads `unicode`, as it always did.
std::string CapitalsAsTyped(std::string_view typed, std::string_view unicode);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_TYPED_CASE_H_

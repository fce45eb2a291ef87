// A marking set out as an example in a marking guide or a training note:
// "Example banner:\n\nSECRET//NOFORN\n\nPut it at the top and bottom of
// each page.", "Correct: SECRET//NOFORN\nWrong: SECRET/NOFORN". The line
// above introduces it, as the corpus README's "in one word:\n\nSECRET"
// rule reads a line ending in ':' (position_banner.cc, AtTop), and names
// it an example; or a key on its own line does. The marking guides (ISOO
// "Marking Classified National Security Information", DoDM 5200.01 Vol 2,
// the CAPCO manual) print their banners so: named, not applied (round 58c's
// tester 13, finding 4). It counts only where the message agrees (the
// subject or a real banner at the text's edge), and agrees with no other
// example: a note shows several.
//
// Offsets are byte offsets into normalised text; pure functions.
#ifndef NEARMISS_CONTENT_EXAMPLE_LINE_H_
#define NEARMISS_CONTENT_EXAMPLE_LINE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The reason such a marking counts only where the message agrees
// (marking_strength.cc); sensitivity.cc lets it agree with nothing.
inline constexpr char kExampleWhy[] = "an example set out by the line above or a key (Example:, Correct:)";

// The match starting at `begin` of `text` is set out as an example:
// - after a key on its line: "Correct:", "Incorrect:", "Wrong:", "Right:",
//   "Also correct:", "Example:", "Examples:", "For example:", "e.g." (a list bullet before
//   the key allowed), the match first after it; or
// - opening its line (a list bullet aside), in the first lines under an
//   introducing line: one that ends in ':' and holds the word "example",
//   "examples", "e.g." or "instance" ("Example banner:", "Example portion
//   mark:", "for example:", "A correctly marked subject, e.g.:"), or one
//   that is a key and its ':' ("Incorrect:", "Right:", "Also correct:";
//   round 59b's tester 13, finding 5), one blank line between allowed.
bool SetOutAsExample(std::string_view text, std::size_t begin);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_EXAMPLE_LINE_H_

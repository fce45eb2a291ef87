// Text in the order a reader sees it where explicit bidirectional
// formatting reorders it.
//
// A right-to-left override (U+202E RLO ... U+202C PDF) draws the letters
// it holds right to left: "<p>&#x202E;NROFON//TERCES&#x202C;</p>" is shown
// as SECRET//NOFORN, so a banner typed backwards inside one was read as
// nothing (round 53's tester 13, finding 6). The explicit formatting
// characters of UAX #9 section 2 (the embeddings LRE/RLE U+202A/U+202B, the
// overrides LRO/RLO U+202D/U+202E, the isolates LRI/RLI/FSI
// U+2066..U+2068, with PDF U+202C and PDI U+2069 closing them) are resolved
// by ICU's implementation of the algorithm (ubidi, UAX #9), never our own:
// each line that holds an initiator is rewritten in visual order, left to
// right as drawn, with mirrored brackets as shown ("(S//NF)" under an
// override). A line break ends every embedding (UAX #9, rule P1: a
// paragraph separator), so lines are resolved one at a time. Every
// Bidi_Control character (LRM, RLM, ALM too) is then dropped, as
// normalize.h always did: they draw nothing.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_BIDI_DISPLAY_H_
#define NEARMISS_CONTENT_BIDI_DISPLAY_H_

#include <cstdint>
#include <string>

namespace nearmiss::content {

// A Bidi_Control character (UAX #9, Table 4: the explicit formatting
// characters and the implicit marks LRM, RLM, ALM).
bool IsBidiControl(std::uint32_t cp);

// An initiator of explicit formatting that can reorder what follows it
// (an embedding, an override or an isolate).
bool IsBidiInitiator(std::uint32_t cp);

// Rewrites `*text` (valid UTF-8) so that each line holding an initiator
// is in display order, and drops every Bidi_Control character. `*spare` is
// scratch. A line ICU cannot resolve keeps its order (controls dropped).
void ApplyDisplayOrder(std::string* text, std::string* spare);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BIDI_DISPLAY_H_

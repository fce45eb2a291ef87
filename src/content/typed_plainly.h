// TypedPlainly: whether a marking match's line reads as the sender typed
// it, for the bare-heading and bare-footer rules (marking_strength.cc).
// Internal to Scanner::Scan.
//
// Thread safety: moves the scratch's line cursor (one scratch per thread).
#ifndef NEARMISS_CONTENT_TYPED_PLAINLY_H_
#define NEARMISS_CONTENT_TYPED_PLAINLY_H_

#include <string_view>

#include "content/scanner_rep.h"

namespace nearmiss::content {

// Whether the line of `text` holding `at` is, blanks trimmed, the same as
// that line of `input`, what the sender wrote: a word typed plainly.
// Letter-spaced ("S E C R E T"), underlined ("S̲E̲C̲R̲E̲T̲"), full-width or
// mathematical letters are a drawn banner's typography, not a heading's
// (marking corpus README, seventh round). Normalisation and joining keep
// line breaks (CR LF and a lone CR become LF), so line numbers agree; when
// they do not, the lines differ, and the word stays a banner.
bool TypedPlainly(const Scratch::Rep& s, std::string_view text, const RawMatch& m);

// Whether the matched word itself stands in that line of `input` as in
// `text`, whatever else the line holds: a decorated word typed plainly
// ("CONFIDENTIAL" + no-break space, "*PROTECTED*"), not letter-spaced,
// underlined, full-width or mathematical (LoneWordAtEdge's rule).
bool WordTypedPlainly(const Scratch::Rep& s, std::string_view text,
                      const RawMatch& m);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TYPED_PLAINLY_H_

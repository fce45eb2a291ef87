// MarkingStrength: one marking match of a scan judged by its place: not
// counted, counted (strong or weak), or counted only if the message agrees.
// Internal to Scanner::Scan (scan.cc, scan_emit.cc).
//
// Thread safety: reads the scratch's text; TypedPlainly's line cursor in
// the scratch is the only state it moves (one scratch per thread).
#ifndef NEARMISS_CONTENT_MARKING_STRENGTH_H_
#define NEARMISS_CONTENT_MARKING_STRENGTH_H_

#include <string_view>

#include "content/scanner_rep.h"

namespace nearmiss::content {

// Whether a marking match counts: not at all, as found, or (a doubtful mark:
// position.h) only if another marking in the same message agrees
// (Sensitivity::Corroborate). kIfCorroboratedBanner: as kIfCorroborated, for
// a level word alone in the banner's own place (a mail body's first or last
// line); left uncorroborated it is a "doubted-marking" finding a policy rule
// acts on, never silence (issue 13, breaker round 14 D1).
enum class Counts { kNo, kYes, kIfCorroborated, kIfCorroboratedBanner };

// The Finding::marking and pack of a kIfCorroboratedBanner word left
// uncorroborated: a policy condition (`finding = ["doubted-marking"]`),
// level the word's, strength weak (the message's level stays as it was);
// one per message, the first such word (sensitivity.cc).
inline constexpr std::string_view kDoubtedMarking = "doubted-marking";
inline constexpr std::string_view kDoubtPack = "doubt";

// `m` in s.text, a match of pattern `p` in a text of `kind`: whether it
// counts, and in `strength` how strongly when it does; `s.why` names the
// place rule that decided (Finding::why). In a body, a match
// in the "Subject:" field of a quoted header block is also read as a
// subject (position.h, QuotedSubjectField).
Counts MarkingStrength(const PatternEntry& p, TextKind kind,
                       const Scratch::Rep& s, const RawMatch& m,
                       Strength* strength);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MARKING_STRENGTH_H_

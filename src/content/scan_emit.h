// The findings of one scan pass, from the raw matches in a Scratch::Rep
// (scanner_rep.h) into a Sensitivity. Internal to Scanner::Scan (scan.cc);
// each reuses s.kept, so they run one after another on one scratch.
//
// Thread safety: one scratch per thread, as for Scanner::Scan.
#ifndef NEARMISS_CONTENT_SCAN_EMIT_H_
#define NEARMISS_CONTENT_SCAN_EMIT_H_

#include <string_view>

#include "content/scanner_rep.h"

namespace nearmiss::content {

// Sorts s.label_spans and fills s.label_reach (the furthest end among the
// first i + 1 spans), for the label-span lookups of EmitMarkings.
void SortLabelSpans(Scratch::Rep& s);

// Marking matches outside label spans, longest first at one start, placed
// within kMaxPositionWork (s.over_budget when spent); doubtful ones become
// weak findings with needs_corroboration set.
void EmitMarkings(const Scanner::Rep& scanner, Scratch::Rep& s, TextKind kind,
                  std::string_view where, Sensitivity* out);

// Policy patterns: the longest of overlapping matches of one pattern, once.
void EmitCustom(const Scanner::Rep& scanner, Scratch::Rep& s,
                std::string_view where, Sensitivity* out);

// Detector candidates confirmed by their validators (detectors.h), IBANs
// first so their digit groups are not also card numbers; masked text.
void EmitDetectors(const Scanner::Rep& scanner, Scratch::Rep& s,
                   std::string_view where, Sensitivity* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SCAN_EMIT_H_

// The audit report's own protective marking against the data it shows.
//
// A report is at least as sensitive as the most sensitive message it
// describes (the UK Government Security Classifications' aggregation rule:
// a document carries the highest marking of what it contains). So a
// --marking below the highest level among the flagged mailbox messages is
// refused (exit 2, nothing written) unless --marking-below-data says the
// investigator means it; then it is written with a warning on stderr and
// under the report's banner. The marking's level is what the policy's
// marking packs read in it, as in a subject line ("OFFICIAL-SENSITIVE
// COMMERCIAL" is OFFICIAL-SENSITIVE); text they do not know is level none.
// A marking at the level yet without a caveat of the data (SECRET for
// SECRET//NOFORN data: ReportMarking::Caveats) is below the data too: the report
// would read as releasable where its data is not. Caveats are compared by
// category as the packs read the flag (ReportMarking::Carries), not as
// text: a REL TO naming a country the data's does not, or "NOT REL TO",
// is refused; "SECRET UK EYES ONLY" carries "SECRET [UK EYES ONLY]"'s.
// A marking of several schemes is read scheme by scheme, split at " / " as
// the report writes its own (ReportMarking::Banner): the data's own marking
// is always accepted, and a refusal for a missing caveat names it.
//
// Thread safety: a free function over an immutable Engine.
#ifndef NEARMISS_CLI_AUDIT_MARKING_H_
#define NEARMISS_CLI_AUDIT_MARKING_H_

#include <string>

#include "investigate/report.h"
#include "nearmiss/engine.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

// "" when `marking` is empty, the report has no level, or the marking is at
// or above it with every caveat of the data; else the warning sentence
// ("--marking OFFICIAL is below OFFICIAL-SENSITIVE, the level of
// Sent.mbox:2 ...", "--marking SECRET lacks NOFORN, a caveat of the data
// (SECRET//NOFORN, Sent.mbox:1)"). IoError when the
// marking scratch cannot be made. `*unknown` (when given) is set when the
// packs read the marking as no level at all ("SECERT//NOFRON", a typo):
// the caller warns, whatever the data (round 49's tester 16, finding 4).
Result<std::string> MarkingBelowData(const Engine& engine, const std::string& marking,
                                     const investigate::Report& report, bool* unknown = nullptr);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_MARKING_H_

// The holes inside one log file's lines (maillog/line_holes.h) that the
// coverage judges as gaps: the span of every line a file holds is split at
// each hole longer than kMinGapSeconds, so a window inside the hole holds
// no line and is a gap however short, and the notice names the hole by its
// lines (docs/mail-logs.md "What the inputs prove missing"; issue-16 tester
// round 59b, findings 1 and 4). An Exchange
// tracking log's missing days are judged per server by its #Date: lines
// instead (server_coverage.h), so its holes are not said twice.
//
// Thread safety: pure functions.
#ifndef NEARMISS_INVESTIGATE_FILE_HOLES_H_
#define NEARMISS_INVESTIGATE_FILE_HOLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "maillog/line_counts.h"

namespace nearmiss::investigate {

// The file's holes longer than kMinGapSeconds (coverage.h), in time order.
std::vector<maillog::LineHoles::Hole> FileHoles(const maillog::LineCounts& counts);

// "a hole inside gapn.log, between line 3 (2026-11-01T09:00:02) and line 4
// (2026-11-29T09:00:00)" for the hole of any file given that holds the whole
// of `from` .. `to`; "" when none does (the gap is between files).
std::string HoleAroundText(const std::vector<maillog::LineCounts>& logs, int64_t from, int64_t to);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_FILE_HOLES_H_

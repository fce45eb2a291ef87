// The time axis of the "Deliveries by month" chart (HTML report and its
// PDF): linear, so a gap in the data shows as a gap and the trend and the
// "since when" are not misread.
//
// Input: one bar per month that has deliveries, labelled "YYYY-MM", in
// label order, and possibly one labelled "unknown" (no date). Output: every
// month from the first to the last, the empty ones as bars of zero (same
// number of parts), labelled; "unknown" kept, last. A span longer than
// `max_months` months is grouped by quarter ("2025-Q4"), and when that
// still gives more than `max_months` bars, by year ("2025"), and the
// chart says so (TimeAxis::note): hundreds of thin bars are unreadable.
//
// Thread safety: pure function.
#ifndef NEARMISS_INVESTIGATE_TIME_AXIS_H_
#define NEARMISS_INVESTIGATE_TIME_AXIS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "investigate/render.h"

namespace nearmiss::investigate {

struct TimeAxis {
  std::string unit;  // "month", "quarter" or "year": the chart's title says "by <unit>"
  // "" for months; else why grouped: "38 months, 2023-01 to 2026-02:
  // grouped by quarter".
  std::string note;
  std::vector<Bar> bars;
};

TimeAxis MonthAxis(const std::vector<Bar>& months, size_t max_months = 36);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_TIME_AXIS_H_

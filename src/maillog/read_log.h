// ReadLog: one log file (plain or gzip) through a PostfixLog, with the
// check that the file was a mail log at all. The investigation (`nearmiss
// audit`) and learning (`nearmiss learn`) read logs the same way through it.
//
// Thread safety: as PostfixLog (one per thread).
#ifndef NEARMISS_MAILLOG_READ_LOG_H_
#define NEARMISS_MAILLOG_READ_LOG_H_

#include <cstdint>
#include <functional>
#include <string>

#include "maillog/line_counts.h"
#include "maillog/postfix_log.h"
#include "maillog/trace_log.h"
#include "maillog/year_plan.h"
#include "nearmiss/status.h"

namespace nearmiss::maillog {

struct ReadLogOptions {
  // --year: the year of the first timestamp without one of a file, or of
  // a rotated set's oldest file (the set planned with it, `years`); 0:
  // from the file's bound (its modification time, or the date in a dateext
  // name), read in a first pass over the file (year_anchor.h). Within a
  // file and across a rotated set read in order, years only go forward
  // (log_line.h, PostfixLog).
  int year = 0;
  // The years of whole rotated sets, planned before any of their files is
  // read (year_plan.h, PlanYears over every log given, with `year` as its
  // anchor); a file in it is not read twice here (the plan's pass read it)
  // and takes the plan's year over `year`. Not owned; may be null.
  const YearPlan* years = nullptr;
  // The order of day and month in a trace's slash dates (trace_log.h).
  DateOrder date_order = DateOrder::kUnstated;
  // Below this share of recognised non-empty lines the file is an error
  // (line_counts.h); a file with none recognised always is.
  int min_recognised_percent = kDefaultMinRecognisedPercent;
  // The work done on this file so far, in bytes read (as stored: a gzip
  // file's compressed bytes), after each chunk: a file read twice here
  // (the year's first pass, not planned) counts its bytes twice, the
  // pass's first.
  std::function<void(uint64_t bytes)> on_bytes;
};

// Feeds every line of `path` to `log` and sets *counts to what was made of
// them (also on error). IoError when the file cannot be read; ParseError
// naming FILE:LINE when it is not a mail log this reader knows. Deliveries
// from the lines that were recognised reach the sink either way.
Status ReadLog(const std::string& path, PostfixLog& log, const ReadLogOptions& options,
               LineCounts* counts);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_READ_LOG_H_

// `nearmiss learn`: reading the mail logs (Postfix logs, Exchange and
// Microsoft 365 traces) into a history::Learner, as audit reads them: a
// rotated set dated as a whole before any of it is read (year_plan.h),
// the logs of separate writers in time order (set_order.h), the bar on a
// terminal (progress.h), a "read FILE: ..." line per file on stdout and a
// warning per empty log on stderr.
//
// Thread safety: none (prints; the learner and the bar are the caller's).
#ifndef NEARMISS_CLI_LEARN_LOGS_H_
#define NEARMISS_CLI_LEARN_LOGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cli/progress.h"
#include "history/learn.h"
#include "maillog/line_counts.h"
#include "maillog/read_log.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

// What the logs' readers skipped as nothing to learn, summed over files,
// each with the first one's place (FILE:LINE).
struct LogSkips {
  uint64_t domains = 0, inbound = 0, direction_unknown = 0, bounces = 0, forwards = 0;
  std::string first_domain, first_inbound, first_direction_unknown, first_bounce, first_forward;
  void Add(const maillog::LineCounts& c);
};

// What reading the logs found beside what the learner counts.
struct LearnLogsRead {
  std::vector<std::string> ordered;  // the logs in the order they were read
  uint64_t lines = 0;                // lines read, over every log
  uint64_t empty = 0;                // logs with no line of text
  // Delivery lines not understood: their deliveries are not learned, and
  // learn exits 2 after the rest is (as audit's).
  uint64_t not_understood = 0;
  std::string first_not_understood;  // FILE:LINE; "" when none
  LogSkips skips;
  // Each log's counts, in reading order: what they cover (LearnCoverage).
  std::vector<maillog::LineCounts> counts;
};

// Reads `logs` (any order: they are ordered here, oldest first) into
// `learner` with `read` (its `years` and `on_bytes` are set here; its
// `year` is --year), then FinishLogs, and says each hand-off followed into
// a later file. `progress` draws the bar. Errors: the first log that
// cannot be read or is no mail log (maillog::ReadLog), FinishLogs's.
Status ReadLearnLogs(const std::vector<std::string>& logs, maillog::ReadLogOptions read,
                     history::Learner& learner, ByteProgress& progress, LearnLogsRead* out);

// The gaps in the time the logs read cover and what their names prove
// missing, as audit says them in its INCOMPLETE notice (investigate/
// coverage.h): a warning each on stderr. Not an error: what was learned is
// true, there is only less of it, and learn's exit status is documented as
// 0 for "learned" (learn --help); audit over the same logs exits 2.
void WarnLearnCoverage(const LearnLogsRead& read);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_LEARN_LOGS_H_

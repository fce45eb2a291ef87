// Gaps in the time the logs read cover: a rotated set with a file missing
// (mail.log-20260201 and mail.log-20260401 given, February's not), or a
// window (audit --since, --until) the logs barely reach. A gap's
// deliveries are in no log given, so a report over it must say so, never
// show "0 deliveries" for a month nobody read (issue-16 tester round 43,
// finding 3). Fail closed: the report is incomplete and audit exits 2.
//
// A gap is a span of more than kMinGapSeconds (4 days: longer than a long
// weekend, when a gateway still logs bounces and notices) with no line of
// any log read: between the spans of the files (each file's first to last
// line, LineCounts::first_time .. last_time, merged), and between the
// window's ends and the logs when a window is set. Within one file only its
// ends are known for the lines in the window, so a gap inside a file is
// not seen there; but a window no line reaches is judged on every line
// read split at the holes inside each file (file_holes.h), so a window
// inside such a hole is a gap however short.
//
// Also per host (issue-16 tester round 44, finding 3): each host's own
// Postfix lines (LineCounts::host_spans), when the logs name two or more,
// against the span of all the logs: a gateway whose log stops while the
// other's runs on is a gap of that host (the mail it sent then is in no log
// given), said with the host. And a trace export's own window (its
// StartDate and EndDate columns, LineCounts::asked_from, asked_to) is
// judged as --since and --until are: rows that do not reach the window it
// asked for leave a gap (finding 1).
//
// MissingFileTexts (coverage_names.cc) says what the inputs' own names and
// sizes prove missing, whatever the time: a hole in a rotated set's
// numbers (maillog.1 and maillog.3.gz without maillog.2), days of a
// dateext set whose lines do not reach back to the previous file's
// rotation, an Exchange tracking log's instance numbers (MSGTRK...-1.LOG
// and -3.LOG without -2), and a trace export of exactly one cmdlet page
// (finding 2, finding 1).
//
// Thread safety: pure functions.
#ifndef NEARMISS_INVESTIGATE_COVERAGE_H_
#define NEARMISS_INVESTIGATE_COVERAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "investigate/report.h"
#include "maillog/shown_time.h"

namespace nearmiss::investigate {

inline constexpr int64_t kMinGapSeconds = 4 * 24 * 3600;

struct CoverageGap {
  int64_t from = 0, to = 0;  // seconds: the last line before it, the first after it
  // The file whose last line starts it and the one whose first line ends
  // it; "--since" / "--until" for a window's end no log reaches.
  std::string before, after;
  // For a gap of one host's lines (the others' run on): that host.
  std::string host;
  // For a window a trace asked for ("StartDate" / "EndDate" in before /
  // after): the file that asked.
  std::string asked;
  // Where each one's zone came from: a time whose UTC is known is said with
  // its Z, a Postfix wall clock read in a zone nobody named as written
  // (maillog/shown_time.h). A window's end (--since, --until, StartDate,
  // EndDate) is UTC.
  maillog::ZoneSource from_zone = maillog::ZoneSource::kInput,
                      to_zone = maillog::ZoneSource::kInput;
};

// The gaps, in time order; none when fewer than one file has a time.
std::vector<CoverageGap> CoverageGaps(const Report& report);

// "no log line for 29 days, from 2026-01-31T23:50:00 to 2026-03-01T00:05:00
// (after the last line of mail.log-20260201, before the first line of
// mail.log-20260401; ...)"; for a window's end "... from the window's start
// (--since 2026-01-01) to 2026-12-01T09:00:00 (before the first line of
// p2.log; ...)". Each gap one such phrase. A window ending in the future
// ends now.
std::vector<std::string> CoverageGapTexts(const Report& report);

// What the inputs themselves prove missing (above), each in words:
// "maillog.2 (or maillog.2.gz) is not among the files given (between
// maillog.3.gz and maillog.1: logrotate numbers a set's files .1, .2, .3
// without a hole)"; "m365/v1page.csv holds exactly 1,000 rows, the default
// page of Get-MessageTrace ...". CoverageGapTexts includes them.
std::vector<std::string> MissingFileTexts(const Report& report);

// The days the logs cover, gaps left out: "2026-01-01 to 2026-01-31 and
// 2026-03-01 to 2026-03-31"; "" when no file has a time.
std::string CoveredDays(const Report& report);

// The same for every line read, the window aside: what the logs cover when
// a window (--since, --until) leaves them out whole.
std::string ReadDays(const Report& report);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_COVERAGE_H_

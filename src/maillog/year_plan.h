// The years of a rotated set's timestamps that carry none (BSD syslog,
// RFC 3164 4.1.2), decided for the whole set at once.
//
// Why: year_anchor.h dates one file from its own bound (modification time,
// dateext name). A set copied without `cp -p` has the copy's time as every
// file's modification time, so each file alone reads as late as that
// allows, and the years went back between files (maillog.2.gz's October
// read as the copy's year, maillog.1's November a year earlier).
//
// The rule (issue 16): the files of a set (RotationBase), oldest first as
// OrderRotated puts them, are one log read forward. Within a file the year
// moves as LineParser moves it. At a file boundary the next file's first
// line steps to the next year when it falls before the previous file's last
// line by more than kRotationOverlap (a month step back, December ->
// January, or a same-month step back that rotation cannot explain: a gap),
// and to the year before when it is the previous year's last moments
// written after the new year's first (LineParser's New Year rule). Each
// file's bound is only an upper bound on its last line: the whole reading is
// shifted by whole years to the latest that puts no file's last line after
// its own bound (and every 29 February in a leap year). So the dates are
// monotone across the set and none is after its file's bound.
//
// Overlapping files (issue 14): two files that hold the same deliveries
// where they meet (a copy taken before rotation, two collectors) have the
// next file's first line before the previous one's last by days or weeks.
// Carried on, that reads as a step to the next year, a year missing
// between them, and the shift above then dates the older file a year
// early. So where carrying on would start the next file more than half a
// year after the previous one's last line, the set is read as overlapping
// instead (the next file a year earlier than carried, before that last
// line) when either says so: the previous file's last line is one of the
// next file's, byte for byte; or each file dated by its own bound alone
// (FirstYear) gives that reading, and the previous file's bound is before
// the next file's last line (so it was written while the next one was: not
// one copy time for all). A genuine gap (the next file's bound a year
// later, and no line shared) is still read as a gap.
//
// With --year (`anchor_year`): the same reading of each set, not shifted by
// the bounds but so that the first line without a year of the set's oldest
// file is in the year given (its later files follow as above: an overlap
// across New Year stays in one year, issue 14). A set of one file is not
// planned (ReadLog starts it in that year), nor is a set with dated stamps
// (the year given, carried on from the dated lines). So --year means the
// same in audit and learn, for a lone file and a rotated set.
//
// A set one of whose files has stamps that carry a year (RFC 3339, journal
// short-full) is not planned as one: each of its files gets its own bound's
// year (year_anchor.h's FirstYear), and PostfixLog::BeginFile carries the
// year on from the dated lines, as when files were dated one at a time.
//
// Thread safety: pure functions over the file system.
#ifndef NEARMISS_MAILLOG_YEAR_PLAN_H_
#define NEARMISS_MAILLOG_YEAR_PLAN_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "maillog/year_anchor.h"

namespace nearmiss::maillog {

// How far a rotated file's first line may fall before the previous file's
// last and still continue it (lines at the turn written out of order).
constexpr int64_t kRotationOverlap = 86400;
// Carried on further than this past the previous file's last line, a
// file's start is a gap or an overlap, never rotation.
constexpr int64_t kHalfYear = 183 * 86400;

struct PlannedYear {
  int first_year = 0;       // the year of the file's first BSD line
  std::string first_line;   // that line, as read (PostfixLog::BeginFile)
  std::string bound;        // what bounds the file ("modification time ...")
  // Why the file is read as overlapping the previous one of its set (the
  // note PostfixLog::BeginFile gives); "" when it follows it.
  std::string overlap;
  int year_given = 0;  // --year, when the set was anchored at it; else 0
  size_t set_files = 1;  // the files of its rotated set planned together
  // The file's bound (YearBound::wall) when its year was inferred from it
  // (no --year, no dated line): LineCounts::year_bound. 0 otherwise.
  int64_t bound_wall = 0;
};

// Path -> its planned year; files not in it are dated alone (ReadLog). A
// file without a line lacking a year has an empty first_line (the year is
// never used, and the set's carries on through it).
using YearPlan = std::map<std::string, PlannedYear>;

// The logs of `paths` PlanYears reads (so a progress bar counts them twice):
// every one that is not a trace nor StartsDated (year_anchor.h); with
// `anchor_year` (--year), only those of a rotated set (RotationBase) of two
// or more.
std::set<std::string> YearPassPaths(const std::vector<std::string>& paths, int anchor_year);

// Plans the files of `paths` (in reading order, OrderRotated's): every log
// of YearPassPaths read once here, so ReadLog reads each only once more.
// Traces and files that cannot be read are left out (ReadLog says why it
// cannot). `progress` gets the bytes of the current file read so far, as
// ForEachLine's, and `next_file` is called before each file is scanned (so
// a caller sums the bytes). `anchor_year`: --year (0: none; see above).
YearPlan PlanYears(const std::vector<std::string>& paths,
                   const std::function<void(uint64_t)>& progress = nullptr,
                   const std::function<void(const std::string&)>& next_file = nullptr,
                   int anchor_year = 0);

// The same plan from scans already made (one per file of one set, oldest
// first, each with its bound; each scanned seeking the previous one's last
// line): the first year of each, and in `overlaps` (when given) why each
// file is read as overlapping the one before ("" when it follows it);
// `anchor_year` (--year): the oldest file's first year. Exposed for tests.
std::vector<int> PlanSetYears(const std::vector<YearScan>& scans,
                              const std::vector<YearBound>& bounds,
                              std::vector<std::string>* overlaps = nullptr, int anchor_year = 0);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_YEAR_PLAN_H_

// A date that steps back between consecutive lines of one file (breaker
// round 3 §3): files of a rotated set concatenated out of order (`cat
// mail.log mail.log.1`, as a shell glob orders them) are read as earlier,
// said with the line, never as the next year's; the year anchor applies the
// file's bound to its latest line, not its last.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/timestamp.h"
#include "maillog/year_anchor.h"

namespace nearmiss::maillog {
namespace {

struct Read {
  std::vector<std::string> times;
  std::vector<int64_t> backs;  // TakeStepBack after each line, in days
};

Read Dates(int year, const std::vector<std::string>& stamps) {
  LineParser parser(year);
  Read r;
  for (const std::string& s : stamps) {
    std::string line = s + " mail postfix/qmgr[2]: 4A01: removed";
    LogLine l;
    EXPECT_TRUE(parser.Parse(line, &l)) << line;
    r.times.push_back(FormatTime(l.time).substr(0, 10));
    r.backs.push_back(parser.TakeStepBack() / 86400);
  }
  return r;
}

using Strings = std::vector<std::string>;
using Days = std::vector<int64_t>;

TEST(StepBack, NewestFileFirstAcrossNewYear) {
  Read r = Dates(2026, {"Jan  2 10:00:00", "Jan  3 10:00:00", "Dec 28 10:00:00",
                        "Dec 31 10:00:00"});
  EXPECT_EQ(r.times, (Strings{"2026-01-02", "2026-01-03", "2025-12-28", "2025-12-31"}));
  EXPECT_EQ(r.backs, (Days{0, 0, 6, 0}));
}

TEST(StepBack, NewestFileFirstWithinAYearAndThreeFiles) {
  Read r = Dates(2025, {"Mar 10 10:00:00", "Mar 12 10:00:00", "Feb  5 10:00:00",
                        "Feb 28 10:00:00", "Jan 20 10:00:00", "Jan 30 10:00:00"});
  EXPECT_EQ(r.times, (Strings{"2025-03-10", "2025-03-12", "2025-02-05", "2025-02-28",
                              "2025-01-20", "2025-01-30"}));
  EXPECT_EQ(r.backs, (Days{0, 0, 35, 0, 39, 0}));
}

TEST(StepBack, BackWithinAMonthIsDatedAsWrittenAndSaid) {
  Read r = Dates(2025, {"Nov 20 10:00:00", "Nov  5 10:00:00", "Nov  6 10:00:00"});
  EXPECT_EQ(r.times, (Strings{"2025-11-20", "2025-11-05", "2025-11-06"}));
  EXPECT_EQ(r.backs, (Days{0, 15, 0}));
}

// What stays as it was: the turn of the year, lines out of order by
// moments, and a step back of more than kMaxStepBack (a log in time order
// with months between lines).
TEST(StepBack, TheYearStillMovesForward) {
  Read r = Dates(2025, {"Dec 31 23:59:00", "Jan  1 00:01:00", "Dec 31 23:59:30",
                        "Jan  1 00:02:00"});
  EXPECT_EQ(r.times, (Strings{"2025-12-31", "2026-01-01", "2025-12-31", "2026-01-01"}));
  EXPECT_EQ(r.backs, (Days{0, 0, 0, 0}));
  Read far = Dates(2025, {"Nov 20 10:00:00", "Jun  1 10:00:00"});
  EXPECT_EQ(far.times, (Strings{"2025-11-20", "2026-06-01"}));
  EXPECT_EQ(far.backs, (Days{0, 0}));
}

// The bound is the latest line's: January's, not December's, is at most
// the file's modification time.
TEST(StepBack, FirstYearFromTheLatestLine) {
  YearScan scan;
  scan.any = true;
  LineParser parser(YearScan::kScanYear);
  bool first = true;
  for (const char* s : {"Jan  2 10:00:00", "Jan  3 10:00:00", "Dec 28 10:00:00",
                        "Dec 31 10:00:00"}) {
    std::string line = std::string(s) + " mail postfix/qmgr[2]: 4A01: removed";
    LogLine l;
    ASSERT_TRUE(parser.Parse(line, &l));
    Stamp st;
    SecondsToCivil(l.time, &st);
    if (first) scan.first_year = st.year;
    first = false;
    scan.last_time = l.time;
    scan.latest_time = std::max(scan.latest_time, l.time);
  }
  YearBound bound;
  bound.wall = CivilToSeconds(2026, 1, 3, 12, 0, 0) + 26 * 3600;
  EXPECT_EQ(FirstYear(scan, bound), 2026);
}

}  // namespace
}  // namespace nearmiss::maillog

#include "maillog/year_plan.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <utime.h>

#include <cstdlib>
#include <ctime>
#include <fstream>

namespace nearmiss::maillog {
namespace {

class YearPlanTest : public ::testing::Test {
 protected:
  // Writes DIR/name holding one line per stamp ("Nov 20 10:00:02"), its
  // modification time `mtime` ("YYYY-MM-DD", local noon).
  // `id` is the lines' queue id: files written with different ids share
  // no line.
  std::string Write(const std::string& name, const std::vector<std::string>& stamps,
                    const char* mtime, const std::string& id = "AAA111") {
    std::string path = dir_ + "/" + name;
    std::ofstream out(path);
    for (const std::string& s : stamps) {
      out << s << " mail postfix/smtp[1]: " << id << ": to=<a@army.ml>, status=sent (ok)\n";
    }
    out.close();
    Touch(path, mtime);
    return path;
  }
  void Touch(const std::string& path, const char* mtime) {
    struct tm tm = {};
    ::strptime(mtime, "%Y-%m-%d", &tm);
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    struct utimbuf t = {::mktime(&tm), ::mktime(&tm)};
    ::utime(path.c_str(), &t);
  }
  // DIR/maillog.2.gz: 10 December - 7 January in two gzip members,
  // modified `mtime`; "" when gzip failed.
  std::string NewYearGz(const char* mtime) {
    std::string part1 = Write("p1", {"Dec 10 10:00:00", "Dec 31 10:00:00"}, mtime);
    std::string part2 = Write("p2", {"Jan  2 10:00:00", "Jan  7 10:00:00"}, mtime);
    std::string gz = dir_ + "/maillog.2.gz";
    if (std::system(("gzip -c " + part1 + " > " + gz + " && gzip -c " + part2 + " >> " + gz)
                        .c_str()) != 0) {
      return "";
    }
    Touch(gz, mtime);
    return gz;
  }
  // The planned first year of each of `paths`; 0 for one left out.
  std::vector<int> Years(const std::vector<std::string>& paths) {
    YearPlan plan = PlanYears(paths);
    std::vector<int> out;
    for (const std::string& p : paths) out.push_back(plan.count(p) ? plan[p].first_year : 0);
    return out;
  }
  // Whether each of `paths` is read as overlapping the one before.
  std::vector<bool> Overlaps(const std::vector<std::string>& paths) {
    YearPlan plan = PlanYears(paths);
    std::vector<bool> out;
    for (const std::string& p : paths) out.push_back(!plan[p].overlap.empty());
    return out;
  }
  void SetUp() override {
    char d[] = "/tmp/nearmiss-year-plan-XXXXXX";
    dir_ = ::mkdtemp(d);
  }
  void TearDown() override { (void)std::system(("rm -rf " + dir_).c_str()); }
  std::string dir_;
};

// Issue 16 (round three, 1): a set copied without -p, every file's
// modification time the copy's. Alone, each file reads as late as that
// allows: maillog.2 (October) in 2026, maillog.1 (November into January)
// from 2025: the years went back between them. As one reading they run
// forward: October 2025 to March 2026.
TEST_F(YearPlanTest, ASetCopiedWithoutTimesReadsForwardAsOne) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Oct 14 09:00:02"}, "2026-12-01"),
      Write("maillog.1", {"Nov 20 10:00:02", "Dec 31 23:59:02", "Jan  2 08:00:02"}, "2026-12-01"),
      Write("maillog", {"Jan  5 09:30:02", "Mar  3 11:00:02"}, "2026-12-01"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2025, 2026}));
}

// Times kept (cp -p): each bound is near its last line; the plan agrees
// with each file's own.
TEST_F(YearPlanTest, TimesKeptGiveEachFileItsOwnYear) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Oct 14 09:00:02"}, "2025-10-15"),
      Write("maillog.1", {"Nov 20 10:00:02", "Jan  2 08:00:02"}, "2026-01-03"),
      Write("maillog", {"Jan  5 09:30:02"}, "2026-01-06"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2025, 2026}));
}

// No line after its own file's bound: an older file whose bound is earlier
// than the copy time pulls the whole set back with it.
TEST_F(YearPlanTest, TheEarliestBoundHoldsTheWholeSet) {
  std::vector<std::string> set = {
      Write("maillog.1", {"Nov 20 10:00:02"}, "2024-11-21"),
      Write("maillog", {"Dec  5 09:30:02"}, "2026-12-10"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2024, 2024}));
}

// A same-month step back of a week at a file boundary is not rotation: the
// next file is the next year's (AGapInTheSet..., postfix_years_test.cc).
TEST_F(YearPlanTest, AStepBackWithinAMonthAcrossFilesIsAYear) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Nov  9 10:00:01"}, "2026-12-01"),
      Write("maillog.1", {"Nov  2 10:00:01"}, "2026-12-01"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2026}));
}

// The old year's last moment written after the new year's first line, at
// the boundary: the next file starts in the year before the previous one's
// last line, and the year moves within it.
TEST_F(YearPlanTest, NewYearsEveWrittenLateAtTheBoundary) {
  std::vector<std::string> set = {
      Write("maillog.1", {"Dec 31 23:50:00", "Jan  1 00:00:05"}, "2026-12-01"),
      Write("maillog", {"Dec 31 23:59:59", "Jan  1 00:01:00"}, "2026-12-01"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2025}));
}

// Issue 14 (breaker round 5, 2): maillog.2 (2-10 November, modified 10
// November 2026) and maillog.1 (4-12 November, modified 12 November) hold
// the same deliveries from 4 to 10 November. Carried on, maillog.1 would
// start a year later and pull maillog.2 back to 2025; they overlap, and
// both are 2026.
TEST_F(YearPlanTest, FilesThatOverlapByDaysKeepTheirOwnYear) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Nov  2 10:00:00", "Nov  4 10:00:00", "Nov 10 10:00:00"}, "2026-11-10"),
      Write("maillog.1", {"Nov  4 10:00:00", "Nov 10 10:00:00", "Nov 12 10:00:00"}, "2026-11-12"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2026, 2026}));
  EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, true}));
  EXPECT_EQ(PlanYears(set)[set[1]].overlap, "the previous file's last line is in this one too");
}

// The same without a shared line (two collectors, lines written apart):
// each file's own modification time, the older one's before the newer
// one's last line, says they overlap.
TEST_F(YearPlanTest, ModificationTimesAloneShowAnOverlap) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Nov  2 10:00:00", "Nov 10 10:00:00"}, "2026-11-10", "BBB222"),
      Write("maillog.1", {"Nov  4 10:00:00", "Nov 12 10:00:00"}, "2026-11-12"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2026, 2026}));
  EXPECT_NE(PlanYears(set)[set[1]].overlap.find("each file dated by its own bound says so, the "
                                                "previous one's modification time 2026-11-10T"),
            std::string::npos);
}

// Copied without -p (one modification time for both): only the shared
// line tells the overlap from a gap.
TEST_F(YearPlanTest, ACopiedOverlapIsToldByItsSharedLine) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Nov  2 10:00:00", "Nov 10 10:00:00"}, "2026-12-01"),
      Write("maillog.1", {"Nov 10 10:00:00", "Nov 12 10:00:00"}, "2026-12-01"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2026, 2026}));
  // Not the same line (another queue id): a year missing, as before.
  set[1] = Write("maillog.1", {"Nov  4 10:00:00", "Nov 12 10:00:00"}, "2026-12-01", "CCC333");
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2026}));
  EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, false}));
}

// One line in both, at the same time: rotation as usual, no overlap said.
TEST_F(YearPlanTest, AOneLineOverlapContinues) {
  std::vector<std::string> set = {
      Write("maillog.1", {"Nov  2 10:00:00", "Nov 10 10:00:00"}, "2026-11-10"),
      Write("maillog", {"Nov 10 10:00:00", "Nov 12 10:00:00"}, "2026-11-12"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2026, 2026}));
  EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, false}));
}

// Across New Year: maillog.2.gz (10 December - 7 January, two gzip
// members, modified 7 January 2026) and maillog.1 (31 December - 21
// January, modified 21 January). Carried on, maillog.1's 31 December is a
// year after maillog.2's; it is the same New Year's Eve, and maillog.2
// starts in December 2025, not 2024.
TEST_F(YearPlanTest, AnOverlapAcrossNewYearInAGzipFile) {
  std::string gz = NewYearGz("2026-01-07");
  ASSERT_FALSE(gz.empty());
  for (const char* id : {"AAA111", "DDD444"}) {  // a shared line, then none
    std::vector<std::string> set = {
        gz, Write("maillog.1", {"Dec 31 10:00:00", "Jan  7 10:00:00", "Jan 21 10:00:00"},
                  "2026-01-21", id)};
    EXPECT_EQ(Years(set), (std::vector<int>{2025, 2025})) << id;
    EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, true})) << id;
  }
}

// --year anchors the same reading (issue 14, b14e left open): the set's
// oldest file's first line is in the year given, and maillog.1 overlaps it
// across New Year in that year, not a year later as carrying the year on
// line by line gave (last seen 2027-01-21). Modification times copied (all
// one day): --year is what one gives when they say nothing.
TEST_F(YearPlanTest, YearGivenAnchorsAnOverlapAcrossNewYear) {
  std::string gz = NewYearGz("2026-12-01");
  ASSERT_FALSE(gz.empty());
  // A shared line: maillog.2.gz's last ("Jan  7 10:00:00 ... AAA111").
  std::vector<std::string> set = {
      gz, Write("maillog.1", {"Dec 31 10:00:00", "Jan  7 10:00:00", "Jan 21 10:00:00"},
                "2026-12-01")};
  YearPlan plan = PlanYears(set, nullptr, nullptr, 2025);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[set[0]].first_year, 2025);
  EXPECT_EQ(plan[set[1]].first_year, 2025);
  EXPECT_EQ(plan[set[1]].overlap, "the previous file's last line is in this one too");
  // The year given, not the bounds, places the reading.
  plan = PlanYears(set, nullptr, nullptr, 2022);
  EXPECT_EQ(plan[set[0]].first_year, 2022);
  EXPECT_EQ(plan[set[1]].first_year, 2022);
}

// --year and a set that follows on across New Year: the later file is the
// next year; a lone file is not planned (read once, in the year given);
// the files read twice are the set's only.
TEST_F(YearPlanTest, YearGivenPlansSetsNotLoneFiles) {
  std::vector<std::string> paths = {
      Write("maillog.1", {"Nov 20 10:00:00", "Dec 31 23:00:00"}, "2026-12-01"),
      Write("maillog", {"Jan  1 00:10:00", "Feb  3 10:00:00"}, "2026-12-01"),
      Write("mail.err", {"Mar  1 10:00:00"}, "2026-12-01"),
  };
  YearPlan plan = PlanYears(paths, nullptr, nullptr, 2019);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[paths[0]].first_year, 2019);
  EXPECT_EQ(plan[paths[1]].first_year, 2020);
  EXPECT_EQ(plan.count(paths[2]), 0u);
  EXPECT_EQ(YearPassPaths(paths, 2019), (std::set<std::string>{paths[0], paths[1]}));
  EXPECT_EQ(YearPassPaths(paths, 0), (std::set<std::string>(paths.begin(), paths.end())));
}

// Three files, each overlapping the one before by a week: one year, and
// every boundary said.
TEST_F(YearPlanTest, ThreeOverlappingFiles) {
  std::vector<std::string> set = {
      Write("maillog.3", {"Oct  1 10:00:00", "Oct 20 10:00:00"}, "2026-10-20"),
      Write("maillog.2", {"Oct 13 10:00:00", "Oct 20 10:00:00", "Nov  9 10:00:00"}, "2026-11-09"),
      Write("maillog.1", {"Nov  2 10:00:00", "Nov  9 10:00:00", "Nov 30 10:00:00"}, "2026-11-30"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2026, 2026, 2026}));
  EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, true, true}));
}

// The genuine gap (AGapInTheSet..., postfix_years_test.cc): maillog.2
// modified November 2025, maillog.1 November 2026, no line shared. Its own
// bound says a year later: still a gap, not an overlap.
TEST_F(YearPlanTest, AYearGapIsStillAGap) {
  std::vector<std::string> set = {
      Write("maillog.2", {"Nov  3 10:00:01", "Nov  9 10:00:01"}, "2025-11-10"),
      Write("maillog.1", {"Nov  2 10:00:01", "Nov  8 10:00:01"}, "2026-11-09", "EEE555"),
  };
  EXPECT_EQ(Years(set), (std::vector<int>{2025, 2026}));
  EXPECT_EQ(Overlaps(set), (std::vector<bool>{false, false}));
}

// Two sets are planned apart; a 29 February puts its set in a leap year.
TEST_F(YearPlanTest, SetsApartAndLeapDays) {
  std::vector<std::string> paths = {
      Write("maillog.1", {"Feb 28 10:00:00"}, "2026-12-01"),
      Write("maillog", {"Feb 29 10:00:00"}, "2026-12-01"),
      Write("mail.err", {"Mar  1 10:00:00"}, "2026-12-01"),
  };
  EXPECT_EQ(Years(paths), (std::vector<int>{2024, 2024, 2026}));
}

// A file whose stamps carry their year: its set is dated file by file
// (each by its own bound), and the dated file carries no first line.
TEST_F(YearPlanTest, ADatedFileLeavesItsSetToEachFilesBound) {
  std::string dated = dir_ + "/maillog.1";
  std::ofstream(dated) << "2024-12-31T23:00:01+00:00 mail postfix/smtp[1]: AAA111: "
                          "to=<a@army.ml>, status=sent (ok)\n";
  std::vector<std::string> set = {dated, Write("maillog", {"Jan  1 10:00:01"}, "2026-11-09")};
  YearPlan plan = PlanYears(set);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[set[0]].first_line, "");
  EXPECT_EQ(plan[set[1]].first_year, 2026);
}

}  // namespace
}  // namespace nearmiss::maillog

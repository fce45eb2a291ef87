#include "maillog/year_anchor.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <cstdio>
#include <fstream>

#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

constexpr char kDecToJan[] =
    "Dec 30 23:50:01 mail postfix/smtp[103]: AAA111: to=<a@army.ml>, status=sent (ok)\n"
    "Dec 31 23:59:59 mail postfix/smtp[103]: AAA112: to=<b@army.ml>, status=sent (ok)\n"
    "Jan  2 10:00:00 mail postfix/smtp[103]: AAA114: to=<d@army.ml>, status=sent (ok)\n"
    "Jan  9 10:00:00 mail postfix/smtp[103]: AAA115: to=<e@army.ml>, status=sent (ok)\n";

class YearAnchorTest : public ::testing::Test {
 protected:
  // Writes `text` as DIR/name with the modification time `mtime` (local
  // wall clock "YYYY-MM-DD", at noon).
  std::string Write(const std::string& name, const std::string& text, const char* mtime) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    struct tm tm = {};
    ::strptime(mtime, "%Y-%m-%d", &tm);
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    struct utimbuf t = {::mktime(&tm), ::mktime(&tm)};
    ::utime(path.c_str(), &t);
    return path;
  }
  void SetUp() override {
    char d[] = "/tmp/nearmiss-year-anchor-XXXXXX";
    dir_ = ::mkdtemp(d);
  }
  void TearDown() override { (void)std::system(("rm -rf " + dir_).c_str()); }
  int Year(const std::string& path) {
    Result<YearScan> scan = ScanYears(path);
    EXPECT_TRUE(scan.ok());
    return FirstYear(*scan, FileYearBound(path));
  }
  std::string dir_;
};

// Issue 16, round 53's tester, finding 1: a modification time after now
// (a copy from a host whose clock ran ahead) dated the lines a year or two
// ahead. Now bounds them, and the bound's source says the file time was
// in the future.
TEST_F(YearAnchorTest, AModificationTimeAfterNowBoundsNothing) {
  const time_t now = ::time(nullptr);
  struct tm tm;
  ::localtime_r(&now, &tm);
  char ahead[48];
  std::snprintf(ahead, sizeof ahead, "%04d-%02d-%02d", tm.tm_year + 1900 + 2, tm.tm_mon + 1,
                tm.tm_mday > 28 ? 28 : tm.tm_mday);
  const std::string path = Write("maillog", kDecToJan, ahead);
  const YearBound b = FileYearBound(path);
  EXPECT_NE(b.source.find("is after now"), std::string::npos) << b.source;
  // The January lines are this year's at the latest: never a future year.
  const int year = Year(path);
  EXPECT_LE(year + 1, tm.tm_year + 1900) << b.source;
}

// Issue 16 (fresh tester, 1): a log from December into January copied with
// cp (its modification time the copy's) was read as December 2026 into
// January 2027: after the copy, so in the future. Whatever month the
// modification time falls in, the last line is not after it.
TEST_F(YearAnchorTest, DecemberIntoJanuaryWhateverMonthTheModificationTime) {
  for (const char* mtime : {"2026-01-09", "2026-03-15", "2026-06-30", "2026-11-30", "2026-12-01",
                            "2026-12-31"}) {
    EXPECT_EQ(Year(Write("maillog", kDecToJan, mtime)), 2025) << mtime;
  }
  // Last written before its own January lines could be 2026's: 2024 into 2025.
  EXPECT_EQ(Year(Write("maillog", kDecToJan, "2026-01-05")), 2024);
}

TEST_F(YearAnchorTest, AFileWithinOneYear) {
  std::string nov = "Nov  3 09:12:03 mail postfix/smtp[1]: AAA1: to=<a@army.ml>, status=sent (ok)\n";
  EXPECT_EQ(Year(Write("maillog", nov, "2026-11-03")), 2026);
  EXPECT_EQ(Year(Write("maillog", nov, "2026-11-01")), 2025);  // before it, past the zone slack
  EXPECT_EQ(Year(Write("maillog", nov, "2027-02-01")), 2026);
}

// The date in a dateext name bounds the lines even when the copy's
// modification time is later; the day after it is allowed (dateyesterday).
TEST_F(YearAnchorTest, DateextNameBoundsTheLines) {
  EXPECT_EQ(Year(Write("maillog-20260101", kDecToJan, "2026-12-01")), 2024);
  EXPECT_EQ(Year(Write("maillog-20260110", kDecToJan, "2026-12-01")), 2025);
  EXPECT_EQ(Year(Write("mail.log-20260110.gz", kDecToJan, "2026-12-01")), 2025);
  int month = 0, day = 0;
  EXPECT_EQ(NameDate("/var/log/mail.log-20260101.gz", &month, &day), 2026);
  EXPECT_EQ(month, 1);
  EXPECT_EQ(day, 1);
  EXPECT_EQ(NameDate("/var/log/maillog.1", &month, &day), 0);
  EXPECT_EQ(NameDate("/var/log/maillog-20261399", &month, &day), 0);
  YearBound b = FileYearBound(Write("maillog-20260110", kDecToJan, "2026-12-01"));
  EXPECT_EQ(b.source, "name date 2026-01-10");
  EXPECT_EQ(b.wall, CivilToSeconds(2026, 1, 11, 23, 59, 59));
}

// Issue 16 (second round, 4): 28 February, 29 February, 1 March copied
// in 2026 read as 2026, so the 29th became a second 1 March. The year is
// the latest leap year whose dates are not after the bound.
TEST_F(YearAnchorTest, A29FebruaryLineGetsALeapYear) {
  std::string leap =
      "Feb 28 10:00:00 mail postfix/qmgr[2]: C100: removed\n"
      "Feb 29 10:00:00 mail postfix/qmgr[2]: C101: removed\n"
      "Mar  1 10:00:00 mail postfix/qmgr[2]: C102: removed\n";
  EXPECT_EQ(Year(Write("maillog", leap, "2026-12-01")), 2024);
  // Written just after a leap February (a time after now bounds nothing:
  // AModificationTimeAfterNowBoundsNothing).
  EXPECT_EQ(Year(Write("maillog", leap, "2024-03-02")), 2024);
  EXPECT_EQ(Year(Write("maillog", "<22>Feb 29 10:00:00 mail postfix/qmgr[2]: C101: removed\n",
                      "2027-03-02")),
            2024);
  // December into a leap February: the 29th is in the second year.
  std::string across =
      "Dec 30 10:00:00 mail postfix/qmgr[2]: C100: removed\n"
      "Feb 29 10:00:00 mail postfix/qmgr[2]: C101: removed\n";
  EXPECT_EQ(Year(Write("maillog", across, "2026-12-01")), 2023);
}

TEST_F(YearAnchorTest, ScanCountsTheMovesAndFindsTheFirstLine) {
  Result<YearScan> scan = ScanYears(Write("maillog", std::string("junk\n") + kDecToJan, "2026-02-01"));
  ASSERT_TRUE(scan.ok());
  EXPECT_TRUE(scan->any);
  EXPECT_EQ(scan->moves, 1);
  EXPECT_EQ(scan->first_line.substr(0, 15), "Dec 30 23:50:01");
  EXPECT_EQ(FormatTime(scan->last_time), "2001-01-09T10:00:00");
  Result<YearScan> none = ScanYears(Write("other", "2026-11-30T09:12:03+00:00 mail x: y\n", "2026-02-01"));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->any);
  EXPECT_FALSE(ScanYears(dir_ + "/missing").ok());
}

}  // namespace
}  // namespace nearmiss::maillog

// The "dates may be ambiguous" note for lines without a year that run
// twelve months or more: given once, where the span is reached, and not at
// all where a rotated set's dateext names fix every file's year (tester
// round 7 item 10: 35 notes on a 13-month daily dateext set).
#include <gtest/gtest.h>
#include <unistd.h>
#include <utime.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "maillog/line_counts_text.h"
#include "maillog/log_files.h"
#include "maillog/log_line.h"
#include "maillog/read_log.h"
#include "maillog/timestamp.h"
#include "maillog/year_anchor.h"
#include "maillog/year_plan.h"

namespace nearmiss::maillog {
namespace {

TEST(LogLineYear, SpanOverYearIsTakenOnceAtTheLineThatReachesIt) {
  LineParser parser(2025);
  LogLine l;
  int taken = 0;
  for (const char* m : {"Jan", "Apr", "Jul", "Oct", "Jan", "Feb", "Mar", "Apr"}) {
    ASSERT_TRUE(parser.Parse(std::string(m) + "  1 10:00:00 h p: x", &l));
    if (parser.TakeSpanOverYear()) {
      ++taken;
      // January 2025 to January 2026: twelve months.
      EXPECT_EQ(FormatTime(l.time), "2026-01-01T10:00:00");
    }
  }
  EXPECT_EQ(taken, 1);
  EXPECT_TRUE(parser.span_over_year());
}

TEST(LogLineYear, RestartSpanCountsTwelveMonthsAgainFromTheNextLine) {
  LineParser parser(2025);
  LogLine l;
  for (const char* m : {"Jan", "Jun", "Nov"}) {
    ASSERT_TRUE(parser.Parse(std::string(m) + "  1 10:00:00 h p: x", &l));
  }
  parser.RestartSpan();
  for (const char* m : {"Dec", "Jan", "Feb", "Mar"}) {
    ASSERT_TRUE(parser.Parse(std::string(m) + "  1 10:00:00 h p: x", &l));
    EXPECT_FALSE(parser.TakeSpanOverYear()) << m;
  }
  // The year still moves as before: the restart is of the count only.
  EXPECT_EQ(FormatTime(l.time), "2026-03-01T10:00:00");
  EXPECT_FALSE(parser.span_over_year());
}

class YearSpanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/nm_year_span_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  // DIR/name with one delivery line a day from `from` (seconds, as
  // CivilToSeconds counts them) for `days` days; modified at `mtime`
  // (local noon of that day, seconds as above).
  std::string Write(const std::string& name, int64_t from, int days, int64_t mtime) {
    std::string path = dir_ + "/" + name;
    std::ofstream out(path);
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int d = 0; d < days; ++d) {
      Stamp s;
      SecondsToCivil(from + d * 86400, &s);
      char line[200];
      std::snprintf(line, sizeof line,
                    "%s %2d 10:00:00 mail postfix/smtp[1]: A%04X: to=<a@partner.example>, "
                    "relay=mx[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent "
                    "(250 ok)\n",
                    kMonths[s.month - 1], s.day, static_cast<unsigned>(++serial_));
      out << line;
    }
    out.close();
    Stamp m;
    SecondsToCivil(mtime, &m);
    struct tm tm = {};
    tm.tm_year = m.year - 1900;
    tm.tm_mon = m.month - 1;
    tm.tm_mday = m.day;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    struct utimbuf t = {::mktime(&tm), ::mktime(&tm)};
    ::utime(path.c_str(), &t);
    return path;
  }

  struct Read {
    std::vector<LineCounts> counts;  // per file, in reading order
    std::string first, last;         // the first and last delivery's time
  };
  // Plans and reads `paths` as audit does (OrderRotated, PlanYears,
  // ReadLog), counting what each file says.
  Read ReadAll(std::vector<std::string> paths) {
    class Times final : public DeliverySink {
     public:
      void OnAttempt(const Attempt& a) override {
        if (first.empty()) first = FormatTime(a.time);
        last = FormatTime(a.time);
      }
      std::string first, last;
    } sink;
    paths = OrderRotated(std::move(paths));
    YearPlan plan = PlanYears(paths);
    PostfixLog log(PostfixLogOptions{}, &sink);
    ReadLogOptions o;
    o.years = &plan;
    Read r;
    for (const std::string& p : paths) {
      LineCounts c;
      EXPECT_TRUE(ReadLog(p, log, o, &c).ok()) << p;
      r.counts.push_back(std::move(c));
    }
    log.Finish();
    r.first = sink.first;
    r.last = sink.last;
    return r;
  }

  std::string dir_;
  unsigned serial_ = 0;
};

int64_t Day(int y, int m, int d) { return CivilToSeconds(y, m, d, 0, 0, 0); }

TEST_F(YearSpanTest, NamesFixTheYearWhenThePreviousNameIsLessThanAYearBefore) {
  std::string a = Write("maillog-20250115", Day(2025, 1, 1), 14, Day(2025, 1, 15));
  std::string b = Write("maillog-20250129", Day(2025, 1, 15), 14, Day(2025, 1, 29));
  std::string live = Write("maillog", Day(2025, 1, 29), 3, Day(2026, 6, 1));
  EXPECT_TRUE(NamesFixYear(a, b));
  // The live file's bound is its modification time, over a year after
  // the previous file's name date: its lines' year is not fixed by names.
  EXPECT_FALSE(NamesFixYear(b, live));
  // A previous file without a name date bounds nothing below.
  EXPECT_FALSE(NamesFixYear(live, b));
}

// Fourteen-day dateext files from January 2025 to February 2026, as
// logrotate names them: every file's dates fixed, so no note at all, and
// the dates run through the whole set.
TEST_F(YearSpanTest, DateextSetOverAYearGivesNoNote) {
  std::vector<std::string> paths;
  for (int k = 0; k < 30; ++k) {
    int64_t from = Day(2025, 1, 1) + int64_t{k} * 14 * 86400;
    Stamp named;
    SecondsToCivil(from + 14 * 86400, &named);
    char name[40];
    std::snprintf(name, sizeof name, "maillog-%04d%02d%02d", named.year, named.month, named.day);
    paths.push_back(Write(name, from, 14, from + 14 * 86400));
  }
  Read r = ReadAll(paths);
  ASSERT_EQ(r.counts.size(), 30u);
  for (const LineCounts& c : r.counts) {
    EXPECT_EQ(c.year_span_line, 0u) << c.file;
    EXPECT_EQ(YearSpanWarning(c), "") << c.file;
  }
  EXPECT_EQ(r.first, "2025-01-01T10:00:00");
  EXPECT_EQ(r.last, "2026-02-24T10:00:00");
}

// The same lines in numbered files (maillog.29 ... maillog.1, maillog):
// nothing but the reading order fixes the years, so the note is given, once,
// at the line where the set reaches twelve months, naming its file.
TEST_F(YearSpanTest, NumberedSetOverAYearIsNotedOnceWhereItReachesTwelveMonths) {
  std::vector<std::string> paths;
  for (int k = 0; k < 30; ++k) {
    int64_t from = Day(2025, 1, 1) + int64_t{k} * 14 * 86400;
    std::string name = k == 29 ? "maillog" : "maillog." + std::to_string(29 - k);
    paths.push_back(Write(name, from, 14, from + 14 * 86400));
  }
  Read r = ReadAll(paths);
  std::vector<std::string> noted;
  for (const LineCounts& c : r.counts) {
    if (c.year_span_line != 0) noted.push_back(c.file + ":" + std::to_string(c.year_span_line));
  }
  // 2025-01-01 + 26 * 14 days = 2025-12-31; its file's second line is
  // 2026-01-01, twelve months after the first line's January.
  EXPECT_EQ(noted, std::vector<std::string>{dir_ + "/maillog.3:2"});
  EXPECT_EQ(r.last, "2026-02-24T10:00:00");
}

}  // namespace
}  // namespace nearmiss::maillog

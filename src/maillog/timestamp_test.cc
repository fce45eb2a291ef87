// Impossible dates in every timestamp form (issue-16 tester, item 8): a day
// the month does not have was rolled over into the next month ("Feb 30"
// read as 2 March); it is no date, and its line is not recognised.
#include "maillog/timestamp.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "maillog/log_line.h"

namespace nearmiss::maillog {
namespace {

TEST(Timestamp, BsdDaysTheMonthNeverHasAreNoDate) {
  Stamp st;
  for (std::string_view s : {"Feb 30 09:12:06 mail", "Feb 31 09:12:06 mail",
                             "Apr 31 09:12:06 mail", "Jun 31 09:12:06 mail",
                             "Sep 31 09:12:06 mail", "Nov 31 09:12:06 mail",
                             "Jan 32 09:12:06 mail", "Mar  0 09:12:06 mail",
                             "Apr 31 09:12:06.123456 mail"}) {
    EXPECT_EQ(ReadBsdStamp(s, &st), 0u) << s;
  }
  // The last day of each month is a date; Feb 29 waits for its year.
  for (std::string_view s : {"Jan 31 09:12:06 mail", "Feb 29 09:12:06 mail",
                             "Apr 30 09:12:06 mail", "Dec 31 23:59:59 mail",
                             "Feb  1 00:00:00 mail"}) {
    EXPECT_EQ(ReadBsdStamp(s, &st), 15u) << s;
  }
}

TEST(Timestamp, Rfc3339AndFullFormsRefuseImpossibleDates) {
  Stamp st;
  EXPECT_EQ(ReadRfc3339Stamp("2025-02-30T09:12:06Z mail", &st), 0u);
  EXPECT_EQ(ReadRfc3339Stamp("2025-04-31T09:12:06+00:00 mail", &st), 0u);
  EXPECT_EQ(ReadRfc3339Stamp("2025-02-29T09:12:06Z mail", &st), 0u);
  EXPECT_EQ(ReadRfc3339Stamp("2024-02-29T09:12:06Z mail", &st), 20u);
  EXPECT_EQ(ReadFullStamp("Sun 2025-11-31 09:12:03 UTC mail", &st), 0u);
  EXPECT_GT(ReadFullStamp("Sun 2025-11-30 09:12:03 UTC mail", &st), 0u);
}

// The whole line, as the reader meets it: not recognised, never dated in
// the next month.
TEST(Timestamp, PostfixLinesWithImpossibleDatesAreNotRecognised) {
  LineParser parser(2025);
  LogLine l;
  for (std::string_view line : {
           "Feb 30 09:12:06 mail postfix/smtp[3]: 4F2A1B3C: to=<bob@army.ml>, status=sent (ok)",
           "Apr 31 09:12:06 mail postfix/smtp[3]: 4F2A1B3C: to=<bob@army.ml>, status=sent (ok)",
           "<22>1 2025-06-31T09:12:06Z mail postfix/smtp 3 - - 4F2A1B3C: removed",
       }) {
    EXPECT_FALSE(parser.Parse(line, &l)) << line;
  }
  // Feb 29 in a year without one is judged once the year is known, and
  // named so (breaker16 #13): never read as 1 March either.
  parser.Parse("Feb 29 09:12:06 mail postfix/smtp[3]: 4F2A1B3C: to=<bob@army.ml>, status=sent (ok)",
               &l);
  EXPECT_EQ(parser.TakeImpossibleDate(), 2025);
  LineParser leap(2024);
  EXPECT_TRUE(leap.Parse(
      "Feb 29 09:12:06 mail postfix/smtp[3]: 4F2A1B3C: to=<bob@army.ml>, status=sent (ok)", &l));
}

TEST(Timestamp, LeapSecondStaysInItsDay) {
  // RFC 3339 5.7: 23:59:60 is the last second of its own day, so --until
  // that day keeps it (issue-16 tester round 58, finding 3).
  EXPECT_EQ(FormatTime(CivilToSeconds(2025, 12, 31, 23, 59, 60)), "2025-12-31T23:59:59");
  LineParser parser(2025);
  LogLine l;
  ASSERT_TRUE(parser.Parse("<22>1 2025-12-31T23:59:60Z mail postfix/smtp 1 - - x", &l));
  EXPECT_EQ(FormatTime(l.time), "2025-12-31T23:59:59");
  ASSERT_TRUE(parser.Parse("2026-06-30T23:59:60+02:00 mail postfix/smtp[1]: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2026-06-30T21:59:59");
}

TEST(Timestamp, ClockAheadHasNoTime) {
  // A stamp with its year after the clock ceiling (clock_step.h
  // kClockAllowance) was written by a clock set wrong: no time, and the
  // time later lines carry on from does not move (issue-16 tester round
  // 59, finding 3).
  LineParser parser(2026);
  parser.SetClockCeiling(CivilToSeconds(2026, 12, 8, 0, 0, 0));
  LogLine l;
  ASSERT_TRUE(parser.Parse("2026-12-01T09:00:00+00:00 mail postfix/smtp[1]: x", &l));
  EXPECT_FALSE(l.clock_unset);
  ASSERT_TRUE(parser.Parse("2036-12-01T09:00:00+00:00 mail postfix/smtp[1]: x", &l));
  EXPECT_TRUE(l.clock_unset);
  EXPECT_TRUE(l.clock_ahead);
  EXPECT_EQ(l.time, 0);
  EXPECT_EQ(FormatTime(parser.last_time()), "2026-12-01T09:00:00");
  ASSERT_TRUE(parser.Parse("1970-01-01T00:00:05+00:00 mail postfix/smtp[1]: x", &l));
  EXPECT_TRUE(l.clock_unset);
  EXPECT_FALSE(l.clock_ahead);
}

}  // namespace
}  // namespace nearmiss::maillog

// The Postfix reader's years (syslog stamps have none): carried across a
// rotated set from December into January, never past a file's own bound,
// and a gap or an overlap between files said.
#include "maillog/postfix_log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

TEST(PostfixLog, YearCarriesAcrossARotatedSetFromDecemberIntoJanuary) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  // maillog.1's first line is in 2025 (year_anchor.h found it from its bound).
  log.BeginFile("maillog.1", LineParser(2025));
  log.Feed("Dec 31 23:59:00 mx postfix/qmgr[2]: AAAAA1: from=<a@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  log.Feed("Dec 31 23:59:01 mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  log.Feed("Jan  1 00:00:01 mx postfix/smtp[3]: AAAAA1: to=<c@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  // The live file's own bound would allow 2027 (a copy made later); its
  // year carries on from the set instead of restarting.
  constexpr const char* kLive =
      "Jan  2 00:00:01 mx postfix/smtp[3]: AAAAA1: to=<d@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile("maillog", LineParser(2027), kLive, "modification time 2027-06-01T00:00:00");
  log.Feed(kLive);
  // Issue 16: the two disagree, so it is said which was taken.
  EXPECT_EQ(log.counts().year_not_carried,
            "the year carries on from maillog.1 (2026), though this file's modification time "
            "2027-06-01T00:00:00 alone would put its first line in 2027: check their dates, or "
            "give --year");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 3u);
  EXPECT_EQ(c.attempts[0].time, "2025-12-31T23:59:01");
  EXPECT_EQ(c.attempts[1].time, "2026-01-01T00:00:01");
  EXPECT_EQ(c.attempts[2].time, "2026-01-02T00:00:01");
}

// A rotated set whose later file's bound is before where the carried year
// would put it: the bound wins (no date after it), and the file says so.
TEST(PostfixLog, YearNeverCarriesPastTheFilesBound) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog.1", LineParser(2026));
  log.Feed("Dec 31 23:59:01 mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  constexpr const char* kLive =
      "Jan  2 00:00:01 mx postfix/smtp[3]: AAAAA2: to=<d@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile("maillog", LineParser(2026), kLive, "modification time 2026-01-09T10:00:00");
  log.Feed(kLive);
  EXPECT_EQ(log.counts().year_not_carried,
            "the year does not carry on from maillog.1 (2027) as that would put this file's "
            "lines after its modification time 2026-01-09T10:00:00; its first line is read as "
            "2026, so the years go back between the two files: check their dates, or give "
            "--year");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 2u);
  EXPECT_EQ(c.attempts[1].time, "2026-01-02T00:00:01");
}

// Two files of one rotated set, one line each: `first` read in `year`, then
// `next` whose own bound (`bound`) gives `own_year` (`overlap`: why
// year_plan.h read it as overlapping `first`). The times of both lines,
// and what the second file's counts say of its year.
struct RotatedPair {
  std::vector<std::string> times;
  std::string year_note;
};
RotatedPair ReadPair(const std::string& first_name, int year, const std::string& first,
                     const std::string& next_name, int own_year, const std::string& next,
                     const std::string& bound, const std::string& overlap = "") {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  const std::string tail =
      " mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, "
      "delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile(first_name, LineParser(year));
  log.Feed(first + tail);
  std::string next_tail = tail;
  next_tail.replace(next_tail.find("AAAAA1"), 6, "AAAAA2");
  const std::string line = next + next_tail;
  log.BeginFile(next_name, LineParser(own_year), line, bound, overlap);
  log.Feed(line);
  RotatedPair out{{}, log.counts().year_not_carried};
  log.Finish();
  for (const Seen& a : c.attempts) out.times.push_back(a.time);
  return out;
}

// Issue 16 (second round, 3): maillog.2 (3-9 November, modified 2025-11-10)
// then maillog.1 (2-8 November, modified 2026-11-09): carried on, maillog.1
// would start a week before maillog.2 ended, which rotation never does; a
// year is missing between them. Its own bound decides, and it is said.
TEST(PostfixLog, AGapInTheSetLeavesEachFileInItsOwnBoundsYear) {
  RotatedPair r = ReadPair("maillog.2", 2025, "Nov  9 10:00:01", "maillog.1", 2026,
                           "Nov  2 10:00:01", "modification time 2026-11-09T00:00:00");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2025-11-09T10:00:01", "2026-11-02T10:00:01"}));
  EXPECT_EQ(r.year_note,
            "the year does not carry on from maillog.2 (2025) as that would start this file "
            "before that one's last line; its modification time 2026-11-09T00:00:00 puts its "
            "first line in 2026, so a year or more is missing between the two files: check "
            "their dates, or give --year");
  // dateext names, both 28-31 December: 2024 and 2025, not both 2024.
  r = ReadPair("mail.log-20250101", 2024, "Dec 31 10:00:01", "mail.log-20260101", 2025,
               "Dec 28 10:00:01", "name date 2026-01-01");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2024-12-31T10:00:01", "2025-12-28T10:00:01"}));
  EXPECT_NE(r.year_note, "");
}

// Issue 14 (breaker round 5, 2): year_plan.h read maillog.1 as overlapping
// maillog.2 (the same deliveries from 4 to 10 November). Carried on, its 4
// November would be a year later; the plan's year wins, and the note says
// the files overlap, not that a year is missing.
TEST(PostfixLog, AnOverlapKeepsThePlannedYearAndSaysSo) {
  RotatedPair r = ReadPair("maillog.2", 2026, "Nov 10 10:00:00", "maillog.1", 2026,
                           "Nov  4 10:00:00", "modification time 2026-11-12T12:00:00",
                           "the previous file's last line is in this one too");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2026-11-10T10:00:00", "2026-11-04T10:00:00"}));
  EXPECT_EQ(r.year_note,
            "this file overlaps maillog.2 (2026): its first line is 6 days before that one's "
            "last, and the previous file's last line is in this one too; both are read with no "
            "year between them, a delivery in both is the same one: check for a copy taken "
            "twice, or give --year");
}

// An RSYSLOG_FileFormat file (stamps with their year) and then a
// traditional one of its set: the year carries on from the dated lines,
// and that the second file's own bound says otherwise is said.
TEST(PostfixLog, YearCarriesOnFromAFileWhoseStampsHaveIt) {
  RotatedPair r = ReadPair("maillog.1", 2026, "2024-12-31T23:00:01+00:00", "maillog", 2026,
                           "Jan  1 10:00:01", "modification time 2026-11-09T00:00:00");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2024-12-31T23:00:01", "2025-01-01T10:00:01"}));
  EXPECT_NE(r.year_note, "");
}

}  // namespace
}  // namespace nearmiss::maillog

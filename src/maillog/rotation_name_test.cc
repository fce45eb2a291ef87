#include "maillog/rotation_name.h"

#include <gtest/gtest.h>

#include "maillog/log_files.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

// Issue-16 tester §3: rotation names other than logrotate's daily dateext
// were not read as a set (copied, the oldest file was dated a year late).
TEST(RotationName, EveryRotationsNamesAreOneSetWithTheirTime) {
  struct Case {
    const char* path;
    const char* base;
    const char* named;  // "" when the name carries no time
  } cases[] = {
      {"/l/postfix.log.20251201-000001.gz", "/l/postfix.log", "2025-12-01T00:00:01"},
      {"/l/maillog.20260101-000002", "/l/maillog", "2026-01-01T00:00:02"},
      {"/l/maillog-2025120100.gz", "/l/maillog", "2025-12-01T00:00:00"},
      {"/l/maillog-2026010113", "/l/maillog", "2026-01-01T13:00:00"},
      {"/l/maillog.2025-12-01", "/l/maillog", "2025-12-01T00:00:00"},
      {"/l/maillog-2025-12-01.gz", "/l/maillog", "2025-12-01T00:00:00"},
      {"/l/maillog-20251201", "/l/maillog", "2025-12-01T00:00:00"},
      // dateformat -%Y%m%d-%s (issue-16 tester round 45, finding 0): the
      // seconds give the time (the test's zone is UTC); seconds that fall
      // on no day near the date make no rotation name.
      {"/l/maillog-20261201-1796106300.gz", "/l/maillog", "2026-12-01T06:25:00"},
      {"/l/maillog-20261202-1796192700", "/l/maillog", "2026-12-02T06:25:00"},
      {"/l/maillog-20261201-1764547200", "/l/maillog-20261201-1764547200", ""},
      {"/l/mail.log.20251201", "/l/mail.log", "2025-12-01T00:00:00"},
      {"/l/mail.log.0", "/l/mail.log", ""},
      {"/l/mail.log.1.gz", "/l/mail.log", ""},
      {"/l/mail.log", "/l/mail.log", ""},
      {"mail-2025.log", "mail-2025.log", ""},
      {"/l/maillog-20251399", "/l/maillog-20251399", ""},  // no such date
      {"/l/maillog-2025120", "/l/maillog-2025120", ""},
  };
  for (const Case& c : cases) {
    RotationName r = ReadRotationName(c.path);
    EXPECT_EQ(r.base, c.base) << c.path;
    EXPECT_EQ(r.named == 0 ? std::string() : FormatTime(r.named), c.named) << c.path;
  }
}

// Round 51's tester 16, finding 4: logrotate's `extension .log` names, and
// the dated and numbered names collectors give, are a set with their date
// (read as 2026 from a copy's modification time before) and number.
TEST(RotationName, DatesAndNumbersAnywhereInTheName) {
  struct Case {
    const char* path;
    const char* base;
    const char* named;  // "" when the name carries no time
    int64_t number;     // NAME.N's N; -1 when none
  } cases[] = {
      {"/l/mail-20251103.log", "/l/mail.log", "2025-11-03T00:00:00", -1},
      {"/l/maillog-20251103.log", "/l/maillog.log", "2025-11-03T00:00:00", -1},
      {"/l/maillog_20251103", "/l/maillog", "2025-11-03T00:00:00", -1},
      {"/l/mx1_maillog_20251103.log", "/l/mx1_maillog.log", "2025-11-03T00:00:00", -1},
      {"/l/postfix-2025-11-03.log", "/l/postfix.log", "2025-11-03T00:00:00", -1},
      {"/l/maillog.2025-11-03.gz.txt", "/l/maillog.txt", "2025-11-03T00:00:00", -1},
      {"/l/maillog.2025_11_03", "/l/maillog", "2025-11-03T00:00:00", -1},
      {"/l/mail-20251103.log.gz", "/l/mail.log", "2025-11-03T00:00:00", -1},
      {"/l/mail-20251103.log.bz2", "/l/mail.log", "2025-11-03T00:00:00", -1},
      {"/l/mx1-maillog-20251103", "/l/mx1-maillog", "2025-11-03T00:00:00", -1},
      {"/l/maillog-mx1-20251103", "/l/maillog-mx1", "2025-11-03T00:00:00", -1},
      {"/l/20251103-maillog.log", "/l/maillog.log", "2025-11-03T00:00:00", -1},
      {"/l/EX01-2025-11-03.log", "/l/EX01.log", "2025-11-03T00:00:00", -1},
      {"/l/maillog_20251103T101500.log", "/l/maillog.log", "2025-11-03T10:15:00", -1},
      {"/l/mail-20251103_10.log", "/l/mail.log", "2025-11-03T10:00:00", -1},
      {"/l/mail.1.log", "/l/mail.log", "", 1},
      {"/l/mail.2.log.gz", "/l/mail.log", "", 2},
      {"/l/maillog.2.gz", "/l/maillog", "", 2},
      {"/l/mail.log.3.xz", "/l/mail.log", "", 3},
      // Not dates nor rotation numbers: a name's own digits.
      {"/l/MSGTRK20251103-1.LOG", "/l/MSGTRK20251103-1.LOG", "", -1},
      {"/l/mx20251103.log", "/l/mx20251103.log", "", -1},
      {"/l/mail-202511031.log", "/l/mail-202511031.log", "", -1},
      {"/l/mail-2025-11-3.log", "/l/mail-2025-11-3.log", "", -1},
      {"/l/mail-2025-11_03.log", "/l/mail-2025-11_03.log", "", -1},
      {"/l/mail.1234.log", "/l/mail.1234.log", "", -1},
      {"/l/mail.log", "/l/mail.log", "", -1},
  };
  for (const Case& c : cases) {
    RotationName r = ReadRotationName(c.path);
    EXPECT_EQ(r.base, c.base) << c.path;
    EXPECT_EQ(r.named == 0 ? std::string() : FormatTime(r.named), c.named) << c.path;
    EXPECT_EQ(r.named == 0 && r.age_rank < 0 ? -r.age_rank - 1 : -1, c.number) << c.path;
  }
}

TEST(RotationName, OldestFirstWhateverTheNames) {
  EXPECT_EQ(OrderRotated({"/l/mail.log", "/l/mail.log.0", "/l/mail.log.1.gz"}),
            (std::vector<std::string>{"/l/mail.log.1.gz", "/l/mail.log.0", "/l/mail.log"}));
  EXPECT_EQ(OrderRotated({"/l/postfix.log", "/l/postfix.log.20260101-000002.gz",
                          "/l/postfix.log.20251201-000001.gz"}),
            (std::vector<std::string>{"/l/postfix.log.20251201-000001.gz",
                                      "/l/postfix.log.20260101-000002.gz", "/l/postfix.log"}));
  EXPECT_EQ(OrderRotated({"/l/maillog", "/l/maillog-2026010100", "/l/maillog-2025120100.gz"}),
            (std::vector<std::string>{"/l/maillog-2025120100.gz", "/l/maillog-2026010100",
                                      "/l/maillog"}));
  EXPECT_EQ(OrderRotated({"/l/maillog", "/l/maillog-20261202-1796192700",
                          "/l/maillog-20261201-1796106300.gz"}),
            (std::vector<std::string>{"/l/maillog-20261201-1796106300.gz",
                                      "/l/maillog-20261202-1796192700", "/l/maillog"}));
  EXPECT_EQ(OrderRotated({"/l/maillog.2026-01-01", "/l/maillog", "/l/maillog.2025-12-01"}),
            (std::vector<std::string>{"/l/maillog.2025-12-01", "/l/maillog.2026-01-01",
                                      "/l/maillog"}));
  // logrotate's `extension .log`, numbered and dated (round 51's tester
  // 16, finding 4).
  EXPECT_EQ(OrderRotated({"/l/mail.log", "/l/mail.1.log", "/l/mail.2.log.gz"}),
            (std::vector<std::string>{"/l/mail.2.log.gz", "/l/mail.1.log", "/l/mail.log"}));
  EXPECT_EQ(OrderRotated({"/l/mail.log", "/l/mail-20260101.log", "/l/mail-20251201.log.gz"}),
            (std::vector<std::string>{"/l/mail-20251201.log.gz", "/l/mail-20260101.log",
                                      "/l/mail.log"}));
}

}  // namespace
}  // namespace nearmiss::maillog

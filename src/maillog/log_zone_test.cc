#include "maillog/log_zone.h"

#include <gtest/gtest.h>

#include <string_view>

#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

int64_t At(int y, int mo, int d, int h, int mi) { return CivilToSeconds(y, mo, d, h, mi, 0); }

// Issue-16 tester round 45, finding 0b: a time without a zone is the log
// host's wall clock, put on UTC in the zone given (daylight saving too).
TEST(LogZone, NamedZoneFollowsDaylightSaving) {
  ASSERT_TRUE(SetLogZone("Europe/Paris", "--log-zone").ok());
  EXPECT_FALSE(LogZoneIsUtc());
  EXPECT_EQ(LogZoneName(), "Europe/Paris (--log-zone)");
  EXPECT_EQ(ZonelessToUtc(At(2026, 12, 1, 23, 30)), At(2026, 12, 1, 22, 30));
  EXPECT_EQ(ZonelessToUtc(At(2026, 7, 1, 12, 0)), At(2026, 7, 1, 10, 0));
  EXPECT_EQ(LogZoneOffsetAt(At(2026, 12, 1, 22, 45)), 3600);
  EXPECT_EQ(LogZoneOffsetAt(At(2026, 7, 1, 10, 0)), 7200);
  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
  EXPECT_TRUE(LogZoneIsUtc());
}

// Issue-16 tester round 47, finding 7: journalctl -o short-full writes the
// zone's abbreviation, which tells the autumn change's repeated hour apart;
// one the zone does not write then is said, not silently read.
TEST(LogZone, AbbreviationChoosesTheOffset) {
  ASSERT_TRUE(SetLogZone("Europe/Paris", "--log-zone").ok());
  int64_t utc = 0;
  // 26 October 2025: 03:00 CEST became 02:00 CET; 02:50 came twice.
  EXPECT_TRUE(AbbreviatedToUtc(At(2025, 10, 26, 2, 50), "CEST", &utc));
  EXPECT_EQ(utc, At(2025, 10, 26, 0, 50));
  EXPECT_TRUE(AbbreviatedToUtc(At(2025, 10, 26, 2, 20), "CET", &utc));
  EXPECT_EQ(utc, At(2025, 10, 26, 1, 20));
  EXPECT_TRUE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "CEST", &utc));
  EXPECT_EQ(utc, At(2025, 7, 7, 8, 0));
  // Not Paris's abbreviation in July: read as Paris's wall clock, and false.
  EXPECT_FALSE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "EDT", &utc));
  EXPECT_EQ(utc, At(2025, 7, 7, 8, 0));
  EXPECT_FALSE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "CET", &utc));
  ASSERT_TRUE(SetLogZone("America/New_York", "--log-zone").ok());
  EXPECT_FALSE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "CEST", &utc));
  EXPECT_TRUE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "EDT", &utc));
  EXPECT_EQ(utc, At(2025, 7, 7, 14, 0));
  // UTC writes no abbreviation but its own (read as zoned by the stamp).
  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
  EXPECT_FALSE(AbbreviatedToUtc(At(2025, 7, 7, 10, 0), "BST", &utc));
  EXPECT_EQ(utc, At(2025, 7, 7, 10, 0));
}

// Round 52's tester 16, finding 7: the hour a change repeats or skips is
// told apart, to be counted and said.
TEST(LogZone, ClassifiesWallTimesAtTheChanges) {
  ASSERT_TRUE(SetLogZone("Europe/London", "--log-zone").ok());
  // 29 March 2026: 01:00 GMT became 02:00 BST; 01:30 never came.
  EXPECT_EQ(ClassifyWall(At(2026, 3, 29, 1, 30)), WallTime::kSkipped);
  EXPECT_EQ(ClassifyWall(At(2026, 3, 29, 0, 59)), WallTime::kOne);
  EXPECT_EQ(ClassifyWall(At(2026, 3, 29, 2, 0)), WallTime::kOne);
  // 25 October 2026: 02:00 BST became 01:00 GMT; 01:30 came twice.
  EXPECT_EQ(ClassifyWall(At(2026, 10, 25, 1, 30)), WallTime::kRepeated);
  EXPECT_EQ(ClassifyWall(At(2026, 10, 25, 0, 30)), WallTime::kOne);
  EXPECT_EQ(ClassifyWall(At(2026, 10, 25, 2, 0)), WallTime::kOne);
  EXPECT_EQ(ClassifyWall(At(2026, 7, 1, 1, 30)), WallTime::kOne);
  ASSERT_TRUE(SetLogZone("+01:00", "--log-zone").ok());
  EXPECT_EQ(ClassifyWall(At(2026, 10, 25, 1, 30)), WallTime::kOne);
  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
}

// Round 58c's tester 16, finding 1: a wall time the autumn change repeats
// is read as its earlier instant (the offset before the change) in every
// zone, east of UTC as west; one the spring change skips with the offset
// before it too.
TEST(LogZone, RepeatedAndSkippedTimesTakeTheOffsetBefore) {
  struct Case {
    const char* zone;
    int64_t wall, utc;
  };
  const Case cases[] = {
      // 25 October 2026: 03:00 CEST became 02:00 CET; 29 March: 02:00 CET
      // became 03:00 CEST.
      {"Europe/Paris", At(2026, 10, 25, 2, 40), At(2026, 10, 25, 0, 40)},
      {"Europe/Paris", At(2026, 10, 25, 2, 10), At(2026, 10, 25, 0, 10)},
      {"Europe/Paris", At(2026, 10, 25, 1, 30), At(2026, 10, 24, 23, 30)},
      {"Europe/Paris", At(2026, 10, 25, 3, 30), At(2026, 10, 25, 2, 30)},
      {"Europe/Paris", At(2026, 3, 29, 2, 30), At(2026, 3, 29, 1, 30)},
      {"Europe/Paris", At(2026, 3, 29, 3, 30), At(2026, 3, 29, 1, 30)},
      {"Europe/London", At(2026, 10, 25, 1, 30), At(2026, 10, 25, 0, 30)},
      {"Europe/London", At(2026, 10, 25, 2, 30), At(2026, 10, 25, 2, 30)},
      {"Europe/London", At(2026, 3, 29, 1, 30), At(2026, 3, 29, 1, 30)},
      // 5 April 2026: 03:00 AEDT became 02:00 AEST; 4 October: 02:00 AEST
      // became 03:00 AEDT.
      {"Australia/Sydney", At(2026, 4, 5, 2, 30), At(2026, 4, 4, 15, 30)},
      {"Australia/Sydney", At(2026, 4, 5, 3, 30), At(2026, 4, 4, 17, 30)},
      {"Australia/Sydney", At(2026, 4, 5, 1, 30), At(2026, 4, 4, 14, 30)},
      {"Australia/Sydney", At(2026, 10, 4, 2, 30), At(2026, 10, 3, 16, 30)},
      {"America/New_York", At(2026, 11, 1, 1, 40), At(2026, 11, 1, 5, 40)},
      {"America/New_York", At(2026, 11, 1, 2, 10), At(2026, 11, 1, 7, 10)},
      {"America/New_York", At(2026, 3, 8, 2, 30), At(2026, 3, 8, 7, 30)},
      {"America/New_York", At(2026, 3, 8, 3, 30), At(2026, 3, 8, 7, 30)},
      // Lord Howe changes by half an hour: within one hour, 02:15 (skipped,
      // +10:30) and 02:45 (+11:00) on 4 October 2026; 01:45 repeated on 5
      // April.
      {"Australia/Lord_Howe", At(2026, 10, 4, 2, 15), At(2026, 10, 3, 15, 45)},
      {"Australia/Lord_Howe", At(2026, 10, 4, 2, 45), At(2026, 10, 3, 15, 45)},
      {"Australia/Lord_Howe", At(2026, 4, 5, 1, 45), At(2026, 4, 4, 14, 45)},
  };
  // One zone set for its cases in turn, as a run reads its lines: the
  // offset kept for a quarter hour is no other's.
  std::string_view zone;
  for (const Case& c : cases) {
    if (zone != c.zone) {
      zone = c.zone;
      ASSERT_TRUE(SetLogZone(zone, "--log-zone").ok());
    }
    EXPECT_EQ(ZonelessToUtc(c.wall), c.utc) << c.zone << " " << c.wall;
  }
  ASSERT_TRUE(SetLogZone("Australia/Sydney", "--log-zone").ok());
  EXPECT_EQ(ClassifyWall(At(2026, 10, 4, 2, 30)), WallTime::kSkipped);
  ASSERT_TRUE(SetLogZone("Australia/Lord_Howe", "--log-zone").ok());
  EXPECT_EQ(ClassifyWall(At(2026, 4, 5, 1, 45)), WallTime::kRepeated);
  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
}

TEST(LogZone, FixedOffsets) {
  ASSERT_TRUE(SetLogZone("+01:00", "--log-zone").ok());
  EXPECT_EQ(LogZoneName(), "+01:00 (--log-zone)");
  EXPECT_EQ(ZonelessToUtc(At(2026, 12, 1, 23, 30)), At(2026, 12, 1, 22, 30));
  ASSERT_TRUE(SetLogZone("-0530", "TZ").ok());
  EXPECT_EQ(LogZoneOffsetAt(0), -(5 * 3600 + 30 * 60));
  EXPECT_EQ(FormatOffset(-(5 * 3600 + 30 * 60)), "-05:30");
  ASSERT_TRUE(SetLogZone("+0", "TZ").ok());
  EXPECT_TRUE(LogZoneIsUtc());
  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
}

TEST(LogZone, RefusesWhatIsNoZone) {
  for (const char* bad : {"Europe/Nowhere", "+25:00", "+1:00", "../../etc/passwd", "/etc/localtime",
                          "+01:60"}) {
    EXPECT_EQ(SetLogZone(bad, "--log-zone").code(), StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace nearmiss::maillog

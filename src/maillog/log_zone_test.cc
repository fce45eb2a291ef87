#include "maillog/log_zone.h"

#include <gtest/gtest.h>

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

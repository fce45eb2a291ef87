// ShownTime: "Z" where a time's UTC is known, the wall clock as read where
// it is a guess (issue 16: "2026-11-03T18:30:00" read as local time by an
// RFC 3339 consumer, whatever the log said).
#include "maillog/shown_time.h"

#include <gtest/gtest.h>

#include "maillog/log_line.h"
#include "maillog/log_zone.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

const int64_t k0900Utc = CivilToSeconds(2026, 11, 3, 9, 0, 0);

TEST(ShownTime, ZoneFromTheInputIsUtc) {
  ASSERT_TRUE(SetLogZone("Europe/Paris", "TZ").ok());
  EXPECT_EQ(ShownTime(k0900Utc, ZoneSource::kInput), "2026-11-03T09:00:00Z");
  // An mbox From_ line's time, read as if UTC: as written, no "Z".
  EXPECT_EQ(ShownTime(k0900Utc, ZoneSource::kReadAsUtc), "2026-11-03T09:00:00");
}

TEST(ShownTime, ReadersOwnZoneIsShownAsWritten) {
  // No --log-zone: read in the reader's zone (Paris, UTC+1 in November)
  // to order the lines, shown as the log wrote it, never as UTC.
  ASSERT_TRUE(SetLogZone("Europe/Paris", "TZ").ok());
  EXPECT_FALSE(UtcKnown(ZoneSource::kRunZone));
  EXPECT_EQ(ShownTime(k0900Utc, ZoneSource::kRunZone), "2026-11-03T10:00:00");
  LineParser p(2026);
  p.InLogZone();
  LogLine l;
  ASSERT_TRUE(p.Parse("Nov  3 10:00:00 mx postfix/smtp[1]: 1A2B3C: to=<b@army.ml>", &l));
  EXPECT_EQ(l.zone, ZoneSource::kRunZone);
  EXPECT_EQ(l.time, k0900Utc);
  EXPECT_EQ(ShownTime(l.time, l.zone), "2026-11-03T10:00:00");
  ASSERT_TRUE(p.Parse("2026-11-03T10:00:00+01:00 mx postfix/smtp[1]: 1A2B3C: x", &l));
  EXPECT_EQ(l.zone, ZoneSource::kInput);
  EXPECT_EQ(ShownTime(l.time, l.zone), "2026-11-03T09:00:00Z");
}

TEST(ShownTime, StatedZoneIsConvertedToUtc) {
  ASSERT_TRUE(SetLogZone("Europe/Paris", "--log-zone").ok());
  EXPECT_TRUE(UtcKnown(ZoneSource::kRunZone));
  LineParser p(2026);
  p.InLogZone();
  LogLine l;
  ASSERT_TRUE(p.Parse("Nov  3 10:00:00 mx postfix/smtp[1]: 1A2B3C: to=<b@army.ml>", &l));
  EXPECT_EQ(ShownTime(l.time, l.zone), "2026-11-03T09:00:00Z");
}

}  // namespace
}  // namespace nearmiss::maillog

// TraceLog on Get-MessageTrackingLog | Export-Csv's Timestamp, a wall
// clock of a zone the file does not name (round 51's tester 16, finding
// 5): read in --log-zone's zone; with none stated, rows the window leaves
// out by less than 14 hours are counted.
#include <gtest/gtest.h>

#include <string>

#include "maillog/line_counts_text.h"
#include "maillog/log_zone.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"

namespace nearmiss::maillog {
namespace {

constexpr const char* kHeader =
    "\"Timestamp\",\"EventId\",\"Source\",\"ConnectorId\",\"Sender\",\"Recipients\",\"MessageId\"";

void FeedExport(TraceLog& t) {
  FeedAll(t, {"#TYPE Selected.Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent",
              kHeader,
              "\"11/30/2025 8:00:03 PM\",\"SEND\",\"SMTP\",\"Internet\",\"alice@army.mil\","
              "\"bob@army.ml\",\"<a1@army.mil>\"",
              // A Timestamp with its zone is read by it, whatever the run's.
              "\"2025-11-29T20:00:03Z\",\"SEND\",\"SMTP\",\"Internet\",\"alice@army.mil\","
              "\"eve@army.ml\",\"<a2@army.mil>\""});
}

TEST(TraceLocalTime, ReadInTheZoneStated) {
  ASSERT_TRUE(SetLogZone("America/New_York", "--log-zone").ok());
  TraceCollect c;
  TraceLog t("te.csv", &c);
  t.set_window(CivilToSeconds(2025, 12, 1, 0, 0, 0), 0);
  FeedExport(t);
  ASSERT_EQ(c.seen.size(), 2u);
  EXPECT_EQ(c.seen[0].time, "2025-12-01T01:00:03");  // 8 PM EST is 01:00 UTC
  EXPECT_EQ(c.seen[1].time, "2025-11-29T20:00:03");
  EXPECT_EQ(t.counts().local_time_rows, 1u);
  EXPECT_EQ(t.counts().zone_edge_rows, 0u);  // stated: no doubt left
  EXPECT_NE(LocalTimes(t.counts()).find("read in America/New_York (--log-zone)"),
            std::string::npos)
      << LocalTimes(t.counts());
}

TEST(TraceLocalTime, AZoneNotStatedNearTheWindowIsCounted) {
  ASSERT_TRUE(SetLogZone("UTC", "TZ").ok());  // the reader's, not stated
  TraceCollect c;
  TraceLog t("te.csv", &c);
  t.set_window(CivilToSeconds(2025, 12, 1, 0, 0, 0), 0);
  FeedExport(t);
  // Read as UTC (the system's zone here), 8 PM on 30 November is 4 hours
  // before --since: in New York's zone it is inside the window.
  EXPECT_EQ(c.seen[0].time, "2025-11-30T20:00:03");
  EXPECT_EQ(t.counts().local_time_rows, 1u);
  EXPECT_EQ(t.counts().zone_edge_rows, 1u);
  EXPECT_EQ(t.counts().first_zone_edge_line, 3u);
  const std::string said = LocalTimes(t.counts());
  EXPECT_NE(said.find("give --log-zone"), std::string::npos) << said;
  EXPECT_NE(said.find("1 row the window leaves out by less than 14 hours (first at te.csv:3)"),
            std::string::npos)
      << said;

  // A row more than 14 hours outside the window is outside it in any zone.
  TraceCollect far;
  TraceLog t2("te.csv", &far);
  t2.set_window(CivilToSeconds(2025, 12, 2, 0, 0, 0), 0);
  FeedExport(t2);
  EXPECT_EQ(t2.counts().zone_edge_rows, 0u);
  // --until's edge likewise: the end of 30 November (UTC).
  TraceCollect until;
  TraceLog t3("te.csv", &until);
  t3.set_window(0, CivilToSeconds(2025, 11, 30, 12, 0, 0));
  FeedExport(t3);
  EXPECT_EQ(t3.counts().zone_edge_rows, 1u);
}

TEST(TraceLocalTime, OtherTraceFormsAreUtcAsWritten) {
  ASSERT_TRUE(SetLogZone("America/New_York", "--log-zone").ok());
  TraceCollect c;
  TraceLog t("mt.csv", &c);
  FeedAll(t, {"Received,SenderAddress,RecipientAddress,Status,MessageId",
              "11/30/2025 8:00:03 PM,alice@army.mil,bob@army.ml,Delivered,<m1@army.mil>"});
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].time, "2025-11-30T20:00:03");
  EXPECT_EQ(t.counts().local_time_rows, 0u);
}

}  // namespace
}  // namespace nearmiss::maillog

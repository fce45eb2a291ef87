// TraceLog's page count: an export of exactly the cmdlet's default page
// (1,000 rows: Get-MessageTrace -PageSize, Get-MessageTraceV2 and
// Get-MessageTrackingLog -ResultSize) is noted (LineCounts::page_rows), and
// a Get-MessageTrace export's StartDate and EndDate are kept (asked_from,
// asked_to): issue-16 tester round 44, finding 1.
#include <gtest/gtest.h>

#include <string>

#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"

namespace nearmiss::maillog {
namespace {

constexpr const char* kV1Header =
    "\"Organization\",\"MessageId\",\"Received\",\"SenderAddress\",\"RecipientAddress\","
    "\"Subject\",\"Status\",\"ToIP\",\"FromIP\",\"Size\",\"MessageTraceId\",\"StartDate\","
    "\"EndDate\",\"Index\"";

std::string V1Row(int i) {
  std::string row = "\"o\",\"<p" + std::to_string(i) + "@army.mil>\",\"11/2/2026 11:59:00 PM\",";
  row += "\"fox@army.mil\",\"r" + std::to_string(i) + "@partner.example\",\"x\",\"Delivered\",";
  row += "\"203.0.113.5\",\"10.0.0.1\",\"100\",\"g" + std::to_string(i) + "\",";
  row += "\"10/24/2026 12:00:00 AM\",\"11/3/2026 12:00:00 AM\",\"" + std::to_string(i) + "\"";
  return row;
}

LineCounts Read(int rows, int again = 0) {
  TraceCollect c;
  TraceLog t("trace.csv", &c);
  t.Feed("#TYPE Deserialized.Microsoft.Exchange.Status.MessageTrace");
  t.Feed(kV1Header);
  for (int i = 0; i < rows; ++i) t.Feed(V1Row(i));
  if (again != 0) t.Feed(kV1Header);  // a second export joined with cat
  for (int i = 0; i < again; ++i) t.Feed(V1Row(rows + i));
  t.Finish();
  return t.counts();
}

TEST(TracePage, ExactlyTheDefaultPageIsNoted) {
  const LineCounts page = Read(1000);
  EXPECT_EQ(page.page_rows, 1000u);
  EXPECT_EQ(page.page_cmdlet, "Get-MessageTrace");
  EXPECT_EQ(FormatTime(page.asked_from), "2026-10-24T00:00:00");
  EXPECT_EQ(FormatTime(page.asked_to), "2026-11-03T00:00:00");
  EXPECT_EQ(Read(999).page_rows, 0u);
  EXPECT_EQ(Read(1001).page_rows, 0u);
  // Two exports joined: a full page the next page of the same export
  // continues is whole (round 46, tester 16's 0c: Microsoft pages at the
  // page size); a full last page is still noted.
  EXPECT_EQ(Read(1000, 3).page_rows, 0u);
  EXPECT_EQ(Read(3, 1000).page_rows, 1000u);
  EXPECT_EQ(Read(500, 500).page_rows, 0u);
}

TEST(TracePage, MessageTrackingExport) {
  TraceCollect c;
  TraceLog t("gmtl.csv", &c);
  t.Feed("\"Timestamp\",\"ServerHostname\",\"ConnectorId\",\"Source\",\"EventId\",\"MessageId\","
         "\"Recipients\",\"RecipientStatus\",\"MessageSubject\",\"Sender\"");
  for (int i = 0; i < 1000; ++i) {
    t.Feed("\"11/3/2026 8:00:00 AM\",\"mx.partner.example\",\"Internet\",\"SMTP\",\"SEND\",\"<g" +
           std::to_string(i) + "@army.mil>\",\"e" + std::to_string(i) +
           "@partner.example\",\"250 OK\",\"x\",\"fox@army.mil\"");
  }
  t.Finish();
  EXPECT_EQ(t.counts().page_rows, 1000u);
  EXPECT_EQ(t.counts().page_cmdlet, "Get-MessageTrackingLog");
  EXPECT_EQ(t.counts().asked_from, 0);
}

}  // namespace
}  // namespace nearmiss::maillog

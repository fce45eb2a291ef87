// TraceLog on exports joined with cat whose headers differ (round 51's
// tester 16, finding 1): each header maps the columns, and the zone, of
// the rows after it; a header of no form leaves its rows unread.
#include <gtest/gtest.h>

#include <string>

#include "maillog/line_counts_text.h"
#include "maillog/log_zone.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"
#include "maillog/trace_time.h"

namespace nearmiss::maillog {
namespace {

TEST(TraceJoined, AnotherColumnOrderIsReadByItsOwnHeader) {
  TraceCollect c;
  TraceLog t("ab.csv", &c);
  FeedAll(t, {"\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
              "\"MessageId\"",
              "\"11/3/2025 9:00:01 AM\",\"alice@army.mil\",\"bob@navy.mil\",\"x\",\"Delivered\","
              "\"<a1@army.mil>\"",
              // Select-Object in another order, and ToIP added.
              "\"Received\",\"RecipientAddress\",\"SenderAddress\",\"Subject\",\"Status\","
              "\"ToIP\",\"MessageId\"",
              "\"11/4/2025 9:00:01 AM\",\"carl@army.ml\",\"dave@army.mil\",\"SECRET\","
              "\"Delivered\",\"203.0.113.5\",\"<b1@army.mil>\"",
              // The first order again, without MessageId.
              "Received,SenderAddress,RecipientAddress,Status",
              "2025-11-05T09:00:01Z,erin@army.mil,fay@army.ml,Failed"});
  ASSERT_EQ(c.seen.size(), 3u);
  EXPECT_EQ(c.seen[1].sender, "dave@army.mil");
  EXPECT_EQ(c.seen[1].rcpt, "carl@army.ml");
  EXPECT_EQ(c.seen[1].relay, "203.0.113.5");
  EXPECT_EQ(c.seen[2].sender, "erin@army.mil");
  EXPECT_EQ(c.seen[2].rcpt, "fay@army.ml");
  EXPECT_EQ(c.seen[2].status, "bounced");
  EXPECT_EQ(t.counts().unrecognised, 0u);
  EXPECT_EQ(t.counts().not_understood, 0u);
  EXPECT_EQ(t.counts().recognised, 6u);
}

TEST(TraceJoined, AnotherZoneInTheHeadingShiftsTheRowsAfterIt) {
  TraceCollect c;
  TraceLog t("eac2.csv", &c, DateOrder::kDayMonth);
  FeedAll(t, {"\"Date (UTC+01:00)\",\"Sender\",\"Recipient\",\"Subject\",\"Status\","
              "\"Message ID\"",
              "\"03/11/2025 10:00:01\",\"alice@army.mil\",\"bob@navy.mil\",\"x\",\"Delivered\","
              "\"<z1@army.mil>\"",
              "\"Date (UTC-05:00)\",\"Sender\",\"Recipient\",\"Subject\",\"Status\","
              "\"Message ID\"",
              "\"30/11/2025 20:30:00\",\"alice@army.mil\",\"r0@army.ml\",\"x\",\"Delivered\","
              "\"<z10@army.mil>\"",
              // A download in UTC after both.
              "\"Date (UTC)\",\"Sender\",\"Recipient\",\"Subject\",\"Status\",\"Message ID\"",
              "\"01/12/2025 02:30:00\",\"alice@army.mil\",\"r1@army.ml\",\"x\",\"Delivered\","
              "\"<z11@army.mil>\""});
  ASSERT_EQ(c.seen.size(), 3u);
  EXPECT_EQ(c.seen[0].time, "2025-11-03T09:00:01");
  EXPECT_EQ(c.seen[1].time, "2025-12-01T01:30:00");
  EXPECT_EQ(c.seen[2].time, "2025-12-01T02:30:00");
  EXPECT_EQ(t.counts().not_understood, 0u);
}

TEST(TraceJoined, HistoricalSearchAndExportCsvFormsToo) {
  TraceCollect h;
  TraceLog hs("hs.csv", &h);
  FeedAll(hs, {"origin_timestamp_utc,sender_address,recipient_status,message_subject,message_id",
               "2025-11-03 09:12:06Z,alice@army.mil,\"bob@army.ml##Receive, Send\",x,<m1@army.mil>",
               "recipient_status,origin_timestamp_utc,message_id,sender_address",
               "\"eve@army.ml##Receive, Fail\",2025-11-04 09:12:06Z,<m2@army.mil>,carl@army.mil"});
  ASSERT_EQ(h.seen.size(), 2u);
  EXPECT_EQ(h.seen[1].rcpt, "eve@army.ml");
  EXPECT_EQ(h.seen[1].sender, "carl@army.mil");
  EXPECT_EQ(h.seen[1].time, "2025-11-04T09:12:06");

  ASSERT_TRUE(SetLogZone("UTC", "--log-zone").ok());
  TraceCollect e;
  TraceLog ex("te.csv", &e);
  FeedAll(ex, {"#TYPE Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent",
               "\"Timestamp\",\"EventId\",\"Source\",\"Sender\",\"Recipients\",\"MessageId\"",
               "\"11/3/2025 9:00:03 AM\",\"SEND\",\"SMTP\",\"alice@army.mil\",\"bob@army.ml\","
               "\"<e1@army.mil>\"",
               "#TYPE Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent",
               "\"Recipients\",\"Sender\",\"Timestamp\",\"EventId\",\"Source\",\"MessageId\"",
               "\"carl@army.ml\",\"dave@army.mil\",\"11/4/2025 9:00:03 AM\",\"SEND\",\"SMTP\","
               "\"<e2@army.mil>\""});
  ASSERT_EQ(e.seen.size(), 2u);
  EXPECT_EQ(e.seen[1].rcpt, "carl@army.ml");
  EXPECT_EQ(e.seen[1].sender, "dave@army.mil");
  EXPECT_EQ(ex.counts().unrecognised, 0u);
}

TEST(TraceJoined, AHeaderOfNoFormLeavesItsRowsUnread) {
  TraceCollect c;
  TraceLog t("ab.csv", &c);
  FeedAll(t, {"\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\"",
              "\"11/3/2025 9:00:01 AM\",\"alice@army.mil\",\"bob@navy.mil\",\"x\",\"Delivered\"",
              // No Status: which row is delivered cannot be read.
              "\"Received\",\"RecipientAddress\",\"SenderAddress\",\"Subject\",\"Size\"",
              "\"11/4/2025 9:00:01 AM\",\"carl@army.ml\",\"dave@army.mil\",\"x\",\"2048\"",
              "\"11/4/2025 9:00:02 AM\",\"eve@army.ml\",\"dave@army.mil\",\"x\",\"2048\"",
              // A good header again: its rows are read.
              "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\"",
              "\"11/5/2025 9:00:01 AM\",\"gil@army.mil\",\"hal@army.ml\",\"x\",\"Delivered\""});
  ASSERT_EQ(c.seen.size(), 2u);
  EXPECT_EQ(c.seen[1].rcpt, "hal@army.ml");
  const LineCounts& n = t.counts();
  EXPECT_EQ(n.rows_under_bad_header, 2u);
  EXPECT_EQ(n.bad_header_line, 3u);
  EXPECT_EQ(n.bad_header_lacks, "Status");
  EXPECT_EQ(n.unrecognised, 3u);  // the header and its two rows
  EXPECT_EQ(n.not_understood, 2u);
  // The rows' recipients are named as not read.
  ASSERT_EQ(n.unread_recipients.size(), 2u);
  EXPECT_EQ(n.unread_recipients[0].second, "carl@army.ml");
  EXPECT_NE(RecordsNotRead(n).find("2 rows under the header at ab.csv:3, which has no Status"),
            std::string::npos)
      << RecordsNotRead(n);
}

TEST(TraceJoined, AHeaderInTheOtherSeparatorSwitchesIt) {
  TraceCollect c;
  TraceLog t("mixed.csv", &c);
  FeedAll(t, {"Received,SenderAddress,RecipientAddress,Status,MessageId",
              "2025-11-03T09:00:01Z,alice@army.mil,bob@navy.mil,Delivered,<a1@army.mil>",
              // Export-Csv -UseCulture on a de-DE machine.
              "\"Received\";\"SenderAddress\";\"RecipientAddress\";\"Status\";\"MessageId\"",
              "\"03.11.2025 10:00:01\";\"carl@army.mil\";\"dan@army.ml\";\"Delivered\";"
              "\"<a2@army.mil>\""});
  ASSERT_EQ(c.seen.size(), 2u);
  EXPECT_EQ(c.seen[1].rcpt, "dan@army.ml");
  EXPECT_EQ(t.counts().not_understood, 0u);
}

TEST(TraceJoined, ARowWhoseCellsAreWordsIsNoHeader) {
  // A subject and a status that are heading words do not make a header.
  TraceCollect c;
  TraceLog t("w.csv", &c);
  FeedAll(t, {"Received,SenderAddress,RecipientAddress,Subject,Status,MessageId",
              "2025-11-03T09:00:01Z,alice@army.mil,bob@army.ml,Status,Delivered,<a1@army.mil>"});
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].rcpt, "bob@army.ml");
}

}  // namespace
}  // namespace nearmiss::maillog

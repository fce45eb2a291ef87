// TraceLog on Microsoft 365 message traces (the admin center's export,
// Get-MessageTraceV2, historical search) and their dates and times.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "maillog/line_counts_text.h"
#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"
#include "maillog/trace_time.h"

namespace nearmiss::maillog {
namespace {

TEST(TraceLog, M365TraceAndHistoricalSearch) {
  TraceCollect c;
  TraceLog t("trace.csv", &c);
  t.Feed("\xEF\xBB\xBF\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
         "\"ToIP\",\"FromIP\",\"Size\",\"MessageId\",\"MessageTraceId\"");
  t.Feed("\"11/3/2025 9:12:06 PM\",\"alice@mod.gov.uk\",\"bob@army.ml\",\"x\",\"Delivered\","
         "\"192.0.2.7\",\"10.0.4.12\",\"4821\",\"<m1@mod.gov.uk>\",\"g1\"");
  t.Feed("\"2025-11-03T21:12:07Z\",\"alice@mod.gov.uk\",\"dave@army.ml\",\"x\",\"Failed\","
         "\"\",\"10.0.4.12\",\"4821\",\"<m1@mod.gov.uk>\",\"g1\"");
  t.Feed("\"2025-11-03T21:12:07Z\",\"alice@mod.gov.uk\",\"team@mod.gov.uk\",\"x\",\"Expanded\","
         "\"\",\"10.0.4.12\",\"4821\",\"<m1@mod.gov.uk>\",\"g1\"");
  t.Finish();
  ASSERT_EQ(c.seen.size(), 2u);
  EXPECT_EQ(c.seen[0].time, "2025-11-03T21:12:06");
  EXPECT_EQ(c.seen[0].status, "sent");
  EXPECT_EQ(c.seen[1].status, "bounced");
  EXPECT_EQ(t.counts().main_format(), LineFormat::kM365Trace);

  TraceCollect h;
  TraceLog hs("historical.csv", &h);
  hs.Feed("origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,"
          "message_id,network_message_id,original_client_ip,directionality,connector_id,"
          "delivery_priority");
  hs.Feed("2025-11-03 09:12:06Z,alice@mod.gov.uk,\"bob@army.ml##Receive, Send;eve@army.ml##"
          "Receive, Fail\",x,4821,<m1@mod.gov.uk>,n1,10.0.4.12,Originating,,Normal");
  hs.Finish();
  ASSERT_EQ(h.seen.size(), 2u);
  EXPECT_EQ(h.seen[0].rcpt, "bob@army.ml");
  EXPECT_EQ(h.seen[0].status, "sent");
  EXPECT_EQ(h.seen[1].rcpt, "eve@army.ml");
  EXPECT_EQ(h.seen[1].status, "bounced");
  EXPECT_EQ(h.seen[1].id, "m1@mod.gov.uk");
  EXPECT_EQ(hs.counts().main_format(), LineFormat::kM365Historical);
}

// A slash date without AM/PM is day/month or month/day by a locale the file
// does not name: read only in the order stated, never guessed.
TEST(TraceLog, SlashDatesNeedAStatedOrder) {
  const char* header =
      "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"MessageId\"";
  const char* rows[] = {
      "\"11/4/2026 10:05:00 AM\",\"a@mod.gov.uk\",\"b@army.ml\",\"x\",\"Delivered\",\"<m1@x>\"",
      "\"04/11/2026 10:06:00\",\"a@mod.gov.uk\",\"c@army.ml\",\"x\",\"Delivered\",\"<m2@x>\"",
      "\"13/11/2026 22:06:00\",\"a@mod.gov.uk\",\"d@army.ml\",\"x\",\"Delivered\",\"<m3@x>\""};
  auto read = [&](DateOrder order, TraceCollect* c) {
    TraceLog t("trace.csv", c, order);
    t.Feed(header);
    for (const char* r : rows) t.Feed(r);
    t.Finish();
    return t.counts();
  };
  TraceCollect unstated;
  LineCounts n = read(DateOrder::kUnstated, &unstated);
  ASSERT_EQ(unstated.seen.size(), 1u);
  EXPECT_EQ(unstated.seen[0].time, "2026-11-04T10:05:00");
  EXPECT_EQ(n.unrecognised, 2u);
  EXPECT_EQ(n.ambiguous_dates, 2u);
  EXPECT_EQ(n.first_ambiguous_date_line, 3u);
  EXPECT_NE(Describe(n).find("2 with an ambiguous date"), std::string::npos) << Describe(n);
  EXPECT_NE(Describe(n).find("trace.csv:3"), std::string::npos) << Describe(n);

  TraceCollect dmy;
  n = read(DateOrder::kDayMonth, &dmy);
  ASSERT_EQ(dmy.seen.size(), 3u);
  EXPECT_EQ(dmy.seen[0].time, "2026-04-11T10:05:00");  // the stated order applies to AM/PM too
  EXPECT_EQ(dmy.seen[1].time, "2026-11-04T10:06:00");
  EXPECT_EQ(dmy.seen[2].time, "2026-11-13T22:06:00");
  EXPECT_EQ(n.ambiguous_dates, 0u);

  TraceCollect mdy;
  n = read(DateOrder::kMonthDay, &mdy);
  ASSERT_EQ(mdy.seen.size(), 2u);  // month 13 does not exist
  EXPECT_EQ(mdy.seen[1].time, "2026-04-11T10:06:00");
  EXPECT_EQ(n.unrecognised, 1u);
  EXPECT_EQ(n.ambiguous_dates, 0u);
  // Found by the issue-14 tester (round 3, item 10): a wrong --date-order
  // was reported as "not a mail log". The date and the order are named.
  EXPECT_EQ(n.wrong_order_dates, 1u);
  EXPECT_EQ(n.first_wrong_order_date_line, 4u);
  EXPECT_EQ(n.first_wrong_order_date, "13/11/2026 22:06:00");
  Status s = CheckRecognised(n, 90);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("trace.csv:4: 13/11/2026 22:06:00 is not a date in the stated "
                             "order mdy (month 13)"),
            std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find("not a mail log"), std::string::npos) << s.message();
  // Month 13 under dmy: the second number.
  EXPECT_EQ(TraceTime("11/13/2026 10:06:00", DateOrder::kDayMonth), kWrongOrderDate);
  EXPECT_EQ(TraceTime("17/09/2026 10:06:00", DateOrder::kMonthDay), kWrongOrderDate);
  EXPECT_EQ(TraceTime("17/19/2026 10:06:00", DateOrder::kMonthDay), kNoTime);  // no order reads it
  EXPECT_EQ(TraceTime("09/17/2026 10:06:00", DateOrder::kMonthDay) > 0, true);
}

// Breaker round 2 §9: a date that does not exist was rolled over into the
// next month (2025-02-30 read as 2 March). Every form TraceTime reads:
// ISO 8601 with and without a zone, en-US AM/PM, a stated slash order.
TEST(TraceTime, DatesThatDoNotExistAreNotRolledOver) {
  for (const char* bad : {"2025-02-30T10:00:00Z", "2025-02-29 10:00:00", "2025-04-31T00:00:00+01:00",
                          "2025-02-30T10:45:31.000Z", "11/31/2025 1:05:06 PM",
                          "2/29/2025 1:05:06 PM", "9/31/2025 12:00:00 AM"}) {
    EXPECT_EQ(TraceTime(bad, DateOrder::kUnstated), kNoTime) << bad;
  }
  EXPECT_EQ(TraceTime("31/11/2025 10:00:00", DateOrder::kDayMonth), kNoTime);
  EXPECT_EQ(TraceTime("06/31/2025 10:00:00", DateOrder::kMonthDay), kNoTime);
  // The days that do exist still read.
  EXPECT_EQ(FormatTime(TraceTime("2024-02-29T10:00:00Z", DateOrder::kUnstated)),
            "2024-02-29T10:00:00");
  EXPECT_EQ(FormatTime(TraceTime("2/29/2000 1:05:06 PM", DateOrder::kUnstated)),
            "2000-02-29T13:05:06");
  EXPECT_EQ(FormatTime(TraceTime("30/11/2025 10:00:00", DateOrder::kDayMonth)),
            "2025-11-30T10:00:00");
  EXPECT_EQ(ParseDate("2025-02-29"), -1);
  EXPECT_NE(ParseDate("2024-02-29"), -1);
}

// Breaker round 16 §11: an export from a non-US locale writes the short
// date of its culture; each is read, or needs --date-order where the
// culture does not settle which number is the day.
TEST(TraceTime, DatesOfOtherLocales) {
  auto at = [](const char* v, DateOrder o = DateOrder::kUnstated) {
    return FormatTime(TraceTime(v, o));
  };
  EXPECT_EQ(at("03.11.2025 09:12:06"), "2025-11-03T09:12:06");  // de-DE
  EXPECT_EQ(at("3.11.2025 09:12"), "2025-11-03T09:12:00");
  EXPECT_EQ(at("2025/11/03 09:12:06"), "2025-11-03T09:12:06");  // ja-JP
  EXPECT_EQ(at("2025/11/03 09:12:06", DateOrder::kDayMonth), "2025-11-03T09:12:06");
  EXPECT_EQ(at("2025.11.3 9:12:06"), "2025-11-03T09:12:06");
  EXPECT_EQ(at("03-11-2025 09:12:06", DateOrder::kDayMonth), "2025-11-03T09:12:06");  // nl-NL
  EXPECT_EQ(at("11-03-2025 09:12:06", DateOrder::kMonthDay), "2025-11-03T09:12:06");
  EXPECT_EQ(TraceTime("03-11-2025 09:12:06", DateOrder::kUnstated), kAmbiguousDate);
  for (const char* bad : {"31.02.2025 09:00:00", "2025/02/30 09:00:00", "03.11-2025 09:00:00",
                          "03.11.25 09:00:00", "2025/13/01 09:00:00", "0.11.2025 09:00:00"}) {
    EXPECT_LT(TraceTime(bad, DateOrder::kUnstated), 0) << bad;
  }
}

// Issue-16 tester §1: a dashed day-first date with AM/PM (en-IN's
// dd-MM-yyyy h:mm:ss tt) was read month first, silently. Every culture's
// form: read when the culture settles the order, ambiguous when it does
// not, and read in the order the file's rows decide.
TEST(TraceTime, CulturesWhoseOrderIsNotCertainAreAmbiguous) {
  auto at = [](const char* v, DateOrder o = DateOrder::kUnstated) {
    return FormatTime(TraceTime(v, o));
  };
  EXPECT_EQ(at("11/4/2025 3:02:11 PM"), "2025-11-04T15:02:11");   // en-US
  EXPECT_EQ(at("2025-11-04T15:02:11Z"), "2025-11-04T15:02:11");   // ISO
  EXPECT_EQ(at("04.11.2025 15:02:11"), "2025-11-04T15:02:11");    // de-DE
  EXPECT_EQ(at("04.11.2025 3:02:11 PM"), "2025-11-04T15:02:11");  // dots: day first
  for (const char* v : {"04-11-2025 3:02:11 PM",    // en-IN (NLS)
                        "04-11-2025 3:02:11 pm",
                        "4/11/2025 3:02:11 pm",     // en-AU
                        "04/11/2025 3:02:11 am",    // en-IN (ICU)
                        "04/11/2025 15:02:11",      // en-GB, fr-FR
                        "04-11-2025 15:02:11"}) {   // nl-NL
    EXPECT_EQ(TraceTime(v, DateOrder::kUnstated), kAmbiguousDate) << v;
    EXPECT_EQ(TraceTime(v, DateOrder::kMixed), kAmbiguousDate) << v;
  }
  EXPECT_EQ(TraceTime("11/4/2025 3:02:11 PM", DateOrder::kMixed), kAmbiguousDate);
  EXPECT_EQ(at("04-11-2025 3:02:11 PM", DateOrder::kDayMonth), "2025-11-04T15:02:11");
  EXPECT_EQ(at("4/11/2025 3:02:11 pm", DateOrder::kDayMonth), "2025-11-04T15:02:11");
  EXPECT_EQ(at("4/11/2025 12:02:11 am", DateOrder::kDayMonth), "2025-11-04T00:02:11");
  EXPECT_EQ(at("11/4/2025 3:02:11 PM", DateOrder::kDayMonth), "2025-04-11T15:02:11");
  EXPECT_EQ(at("04/04/2025 15:02:11"), "2025-04-04T15:02:11");  // either way the same
  // Other designators and forms are no time: the caller says so.
  EXPECT_EQ(at("4/11/2025 3:02:11 p.m.", DateOrder::kDayMonth), "2025-11-04T15:02:11");  // en-NZ
  EXPECT_EQ(TraceTime("4/11/2025 3:02:11 p.m.", DateOrder::kUnstated), kAmbiguousDate);
  EXPECT_EQ(at("2025-11-04 3:02:11 p.m."), "2025-11-04T15:02:11");  // en-CA
  for (const char* v : {"4/11/2025 3:02:11 P.M.", "4/11/2025 3:02:11 Pm", "4/11/2025 13:02:11 PM",
                        "4/11/2025 3:02:11 p"}) {
    EXPECT_EQ(TraceTime(v, DateOrder::kDayMonth), kNoTime) << v;
  }
  // What a row says of its file.
  EXPECT_EQ(DateOrderEvidence("13-11-2025 3:02:11 PM"), DateOrder::kDayMonth);
  EXPECT_EQ(DateOrderEvidence("13/11/2025 15:02:11"), DateOrder::kDayMonth);
  EXPECT_EQ(DateOrderEvidence("11/13/2025 3:02:11 PM"), DateOrder::kMonthDay);
  EXPECT_EQ(DateOrderEvidence("04-11-2025 3:02:11 PM"), DateOrder::kUnstated);
  EXPECT_EQ(DateOrderEvidence("13.11.2025 15:02:11"), DateOrder::kUnstated);  // dots: settled
  EXPECT_EQ(DateOrderEvidence("2025-11-13T15:02:11Z"), DateOrder::kUnstated);
  EXPECT_EQ(DecideDateOrder(true, false), DateOrder::kDayMonth);
  EXPECT_EQ(DecideDateOrder(false, true), DateOrder::kMonthDay);
  EXPECT_EQ(DecideDateOrder(true, true), DateOrder::kMixed);
  EXPECT_EQ(DecideDateOrder(false, false), DateOrder::kUnstated);
}

// Breaker round 2 §1: Status None ("rejected or redirected to a different
// recipient") is not delivered, never dropped; Expanded and Resolved are
// no deliveries, but counted (LineCounts::replaced) with their first line.
TEST(TraceLog, M365NoneIsNotDeliveredAndReplacedRowsAreCounted) {
  TraceCollect c;
  TraceLog t("trace.csv", &c);
  FeedAll(t, {
           "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
           "\"MessageId\"",
           "\"2025-11-03T09:12:06Z\",\"a@army.mil\",\"g@army.mil\",\"x\",\"Expanded\",\"<1@x>\"",
           "\"2025-11-03T09:12:06Z\",\"a@army.mil\",\"u9@army.ml\",\"x\",\"None\",\"<1@x>\"",
           "\"2025-11-03T09:12:06Z\",\"a@army.mil\",\"u8@army.ml\",\"x\",\"Resolved\",\"<1@x>\"",
           });
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].rcpt, "u9@army.ml");
  EXPECT_EQ(c.seen[0].status, "bounced");
  EXPECT_EQ(t.counts().delivery_lines, 1u);
  EXPECT_EQ(t.counts().replaced, 2u);
  EXPECT_EQ(t.counts().first_replaced_line, 2u);
  EXPECT_NE(Describe(t.counts()).find("2 rows whose recipient was replaced"), std::string::npos)
      << Describe(t.counts());
}

// Breaker round 2 §15: a SenderAddress in display-name form was read as
// "Alice <alice@army.mil" (one more sender than there is).
TEST(TraceLog, SenderInDisplayNameFormIsItsAddress) {
  TraceCollect c;
  TraceLog t("trace.csv", &c);
  FeedAll(t, {
           "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
           "\"MessageId\"",
           "\"2025-11-03T09:12:06Z\",\"Alice <alice@army.mil>\",\"a@army.ml\",\"x\","
           "\"Delivered\",\"<1@x>\"",
           "\"2025-11-03T09:12:07Z\",\"\"\"Smith, Bob\"\" <bob@army.mil>\",\"b@army.ml\",\"x\","
           "\"Delivered\",\"<2@x>\"",
           "\"2025-11-03T09:12:08Z\",\"<carol@army.mil>\",\"c@army.ml\",\"x\",\"Delivered\","
           "\"<3@x>\"",
           "\"2025-11-03T09:12:09Z\",\"dave@army.mil\",\"d@army.ml\",\"x\",\"Delivered\",\"<4@x>\"",
           });
  ASSERT_EQ(c.seen.size(), 4u);
  EXPECT_EQ(c.seen[0].sender, "alice@army.mil");
  EXPECT_EQ(c.seen[1].sender, "bob@army.mil");
  EXPECT_EQ(c.seen[2].sender, "carol@army.mil");
  EXPECT_EQ(c.seen[3].sender, "dave@army.mil");
}

// Breaker round 2 §10: the admin center's heading names the zone its times
// are in; the time was read as UTC. An offset is applied; a zone that is
// no offset refuses the file.
TEST(TraceLog, ZoneNamedInTheTimeHeading) {
  auto read = [](const char* heading, TraceCollect* c) {
    TraceLog t("eac.csv", c);
    std::string header = std::string("\"") + heading +
                         "\",\"Sender\",\"Recipient\",\"Subject\",\"Status\",\"Message ID\"";
    FeedAll(t, {header.c_str(),
                "\"11/3/2025 9:12:06 AM\",\"a@army.mil\",\"u1@army.ml\",\"hi\",\"Delivered\",\"<1@x>\""});
    return t.counts();
  };
  TraceCollect plus, minus, utc, named;
  read("Date (UTC+01:00)", &plus);
  ASSERT_EQ(plus.seen.size(), 1u);
  EXPECT_EQ(plus.seen[0].time, "2025-11-03T08:12:06");
  read("Date (UTC-05:30)", &minus);
  ASSERT_EQ(minus.seen.size(), 1u);
  EXPECT_EQ(minus.seen[0].time, "2025-11-03T14:42:06");
  read("Date (UTC)", &utc);
  ASSERT_EQ(utc.seen.size(), 1u);
  EXPECT_EQ(utc.seen[0].time, "2025-11-03T09:12:06");
  LineCounts n = read("Date (Pacific Standard Time)", &named);
  EXPECT_TRUE(named.seen.empty());
  EXPECT_NE(n.refused.find("eac.csv:1: the time column's heading names the zone 'Pacific Standard Time'"),
            std::string::npos)
      << n.refused;
}

// Issue 16, round three, 4: two exports joined with cat. The second
// header (after its byte order mark) is a header again; a row that does
// not fit is still counted, with its line.
TEST(TraceLog, RepeatedHeaderOfExportsJoinedWithCat) {
  TraceCollect c;
  TraceLog t("joined.csv", &c);
  const std::string header =
      "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"MessageId\"";
  t.Feed("\xEF\xBB\xBF" + header);
  t.Feed("\"2025-11-04T09:00:00Z\",\"a@mod.gov.uk\",\"b@army.ml\",\"s\",\"Delivered\",\"<1@x>\"");
  t.Feed("\xEF\xBB\xBF" + header);
  t.Feed("\"2025-11-05T09:00:00Z\",\"a@mod.gov.uk\",\"c@army.ml\",\"s\",\"Delivered\",\"<2@x>\"");
  t.Feed("\"2025-11-05T09:00:00Z\",\"a@mod.gov.uk\",\"c@army.ml\"");
  t.Finish();
  ASSERT_EQ(c.seen.size(), 2u);
  EXPECT_EQ(c.seen[1].rcpt, "c@army.ml");
  EXPECT_EQ(t.counts().recognised, 4u);
  EXPECT_EQ(t.counts().unrecognised, 1u);
  EXPECT_EQ(t.counts().first_unrecognised_line, 5u);
}

// Issue 16, round three, 3: reading to learn, rows of mail received are
// skipped and counted: by the direction column, else by the sender's
// domain; without either, every row, counted as of no telling direction.
TEST(TraceLog, LearningSkipsMailReceived) {
  auto own = [](std::string_view d) { return d == "mod.gov.uk"; };
  const char* header = "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Status\",\"MessageId\"";
  const char* out = "\"2025-11-04T09:00:00Z\",\"a@mod.gov.uk\",\"b@partner.example\",\"Delivered\",\"<1@x>\"";
  const char* in = "\"2025-11-04T09:10:00Z\",\"z@partner.example\",\"a@mod.gov.uk\",\"Delivered\",\"<2@x>\"";
  TraceCollect c;
  TraceLog t("trace.csv", &c, DateOrder::kUnstated, {}, /*learning=*/true, own);
  for (const char* l : {header, out, in}) t.Feed(l);
  t.Finish();
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].rcpt, "b@partner.example");
  EXPECT_EQ(t.counts().inbound_rows, 1u);
  EXPECT_EQ(t.counts().first_inbound_row_line, 3u);

  TraceCollect d;
  TraceLog u("trace.csv", &d, DateOrder::kUnstated, {}, /*learning=*/true, {});
  for (const char* l : {header, out, in}) u.Feed(l);
  u.Finish();
  EXPECT_TRUE(d.seen.empty());
  EXPECT_EQ(u.counts().direction_unknown_rows, 2u);

  TraceCollect e;
  TraceLog v("historical.csv", &e, DateOrder::kUnstated, {}, /*learning=*/true, {});
  v.Feed("origin_timestamp_utc,sender_address,recipient_status,message_id,directionality");
  v.Feed("2025-11-05 08:00:01Z,a@mod.gov.uk,\"b@partner.example##Receive, Send\",<3@x>,Originating");
  v.Feed("2025-11-05 08:10:01Z,z@partner.example,\"a@mod.gov.uk##Receive, Deliver\",<4@x>,Incoming");
  v.Finish();
  ASSERT_EQ(e.seen.size(), 1u);
  EXPECT_EQ(e.seen[0].rcpt, "b@partner.example");
  EXPECT_EQ(v.counts().inbound_rows, 1u);
}

}  // namespace
}  // namespace nearmiss::maillog

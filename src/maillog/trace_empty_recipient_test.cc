// TraceLog: a record whose recipient cell holds no address is counted,
// named and makes the audit incomplete, in every format (issue-16 tester
// round 35, item 1); and a next hop that is a smart host outside the
// organisation, by name, address or connector, in every format (item 2).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"

namespace nearmiss::maillog {
namespace {

constexpr const char* kFields =
    "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
    "connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
    "recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,"
    "reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,"
    "original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,"
    "schema-version";

// An Exchange event: TIME, server-ip, server-hostname, connector-id,
// event-id, recipient-address.
std::string Event(const std::string& time, const std::string& ip, const std::string& host,
                  const std::string& connector, const std::string& event,
                  const std::string& rcpt) {
  return "2025-11-03T" + time + ".000Z,10.0.4.20,EX1," + ip + "," + host + ",," + connector +
         ",SMTP," + event + ",2001,<e1@mod.gov.uk>,nm1," + rcpt +
         ",250 2.1.5 OK,4000,1,,,Plans,alice@mod.gov.uk,alice@mod.gov.uk,,Originating,,,,,Email,"
         "Transport,15.02.1544.004";
}

void ExpectEmpty(const LineCounts& c, uint64_t count, uint64_t first_line,
                 const std::string& heading) {
  EXPECT_EQ(c.empty_recipients, count);
  EXPECT_EQ(c.first_empty_recipient_line, first_line);
  EXPECT_EQ(c.first_empty_recipient_heading, heading);
  // Not read: unrecognised and not understood, as a record cut short is.
  EXPECT_GE(c.unrecognised, count);
  EXPECT_GE(c.not_understood, count);
  EXPECT_NE(RecordsNotRead(c).find(" holds no address (first at " + c.file + ":" +
                                   std::to_string(first_line)),
            std::string::npos)
      << RecordsNotRead(c);
}

TEST(TraceEmptyRecipient, ExchangeSendAndFail) {
  TraceCollect c;
  TraceLog t("MSGTRK.LOG", &c);
  t.Feed(kFields);
  t.Feed(Event("10:01:00", "192.0.2.7", "mx.army.ml", "EX1\\Internet", "SEND", ""));
  t.Feed(Event("10:02:00", "", "mx.army.ml", "EX1\\Internet", "FAIL", ";"));
  // An event that decides no outcome leaves its recipients to one that
  // does: no recipient there is not counted.
  t.Feed(Event("10:03:00", "", "", "", "NOTIFYMAPI", ""));
  t.Feed(Event("10:04:00", "192.0.2.7", "mx.army.ml", "EX1\\Internet", "SEND", "bob@army.ml"));
  t.Finish();
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].rcpt, "bob@army.ml");
  ExpectEmpty(t.counts(), 2, 2, "recipient-address");
  EXPECT_EQ(t.counts().unrecognised, 2u);
  EXPECT_EQ(t.counts().recognised, 3u);
}

TEST(TraceEmptyRecipient, MessageTrackingExport) {
  TraceCollect c;
  TraceLog t("tracking.csv", &c);
  t.Feed("\"Timestamp\",\"EventId\",\"ConnectorId\",\"ServerHostname\",\"Sender\","
         "\"Recipients\",\"MessageId\"");
  t.Feed("\"2025-11-03T11:00:00Z\",\"SEND\",\"Internet\",\"mx.army.ml\",\"alice@mod.gov.uk\","
         "\"\",\"<x1@mod.gov.uk>\"");
  t.Finish();
  EXPECT_TRUE(c.seen.empty());
  ExpectEmpty(t.counts(), 1, 2, "Recipients");
}

TEST(TraceEmptyRecipient, MessageTraceRow) {
  TraceCollect c;
  TraceLog t("MessageTrace.csv", &c);
  t.Feed("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\","
         "\"MessageId\"");
  t.Feed("\"2025-11-04T12:00:00Z\",\"alice@mod.gov.uk\",\"\",\"S\",\"Delivered\",\"192.0.2.11\","
         "\"<m1@x>\"");
  t.Feed("\"2025-11-04T12:01:00Z\",\"alice@mod.gov.uk\",\" \",\"S\",\"Pending\",\"\",\"<m2@x>\"");
  t.Feed("\"2025-11-04T12:02:00Z\",\"alice@mod.gov.uk\",\"{}\",\"S\",\"None\",\"\",\"<m3@x>\"");
  t.Finish();
  EXPECT_TRUE(c.seen.empty());
  ExpectEmpty(t.counts(), 3, 2, "RecipientAddress");
  // Not "a recipient that cannot be parsed": the cell names none.
  EXPECT_EQ(t.counts().unparsable_recipients, 0u);
}

TEST(TraceEmptyRecipient, HistoricalSearch) {
  TraceCollect c;
  TraceLog t("Hist.csv", &c);
  t.Feed("origin_timestamp_utc,sender_address,recipient_status,message_subject,message_id");
  t.Feed("2025-11-05 08:00:01Z,alice@mod.gov.uk,,Weekly,<h1@x>");
  t.Feed("2025-11-05 08:05:01Z,alice@mod.gov.uk,\"##Receive, Send\",Weekly,<h2@x>");
  t.Feed("2025-11-05 08:10:01Z,alice@mod.gov.uk,\"bob@army.ml##Receive, Send\",Weekly,<h3@x>");
  t.Finish();
  ASSERT_EQ(c.seen.size(), 1u);
  ExpectEmpty(t.counts(), 2, 2, "recipient_status");
}

// --smart-host for every format: an Exchange SEND's next hop by name, a
// Microsoft 365 row's ToIP by address; a gateway of the list by its name
// whatever the connector is called.
TEST(TraceSmartHost, NamedAndListedNextHops) {
  TraceCollect c;
  TraceLog t("MSGTRK.LOG", &c);
  t.set_smart_hosts({"relay1.modgov.example"});
  t.Feed(kFields);
  t.Feed(Event("12:01:00", "203.0.113.25", "relay1.modgov.example", "EX1\\Outbound", "SEND",
               "bob@army.ml"));
  t.Feed(Event("12:02:00", "68.232.140.10", "esa1.modgov.iphmx.com", "EX1\\Internet", "SEND",
               "carol@army.ml"));
  t.Feed(Event("12:03:00", "198.51.100.4", "gw.example", "EX1\\To Proofpoint", "SEND",
               "dan@army.ml"));
  t.Feed(Event("12:04:00", "192.0.2.7", "mx.army.ml", "EX1\\Internet", "SEND", "erin@army.ml"));
  t.Finish();
  ASSERT_EQ(c.seen.size(), 4u);
  EXPECT_EQ(c.seen[0].status, "unknown");
  EXPECT_EQ(c.seen[0].relay,
            "relay1.modgov.example (a smart host outside the organisation through "
            "EX1\\Outbound)");
  EXPECT_EQ(c.seen[1].status, "unknown");
  EXPECT_EQ(c.seen[2].status, "unknown");
  EXPECT_EQ(c.seen[3].status, "sent");

  TraceCollect d;
  TraceLog u("MessageTrace.csv", &d);
  u.set_smart_hosts({"203.0.113.25"});
  u.Feed("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\","
         "\"MessageId\"");
  u.Feed("\"2025-11-04T12:00:00Z\",\"alice@mod.gov.uk\",\"bob@army.ml\",\"S\",\"Delivered\","
         "\"203.0.113.25\",\"<m1@x>\"");
  u.Feed("\"2025-11-04T12:01:00Z\",\"alice@mod.gov.uk\",\"carol@army.ml\",\"S\",\"Delivered\","
         "\"192.0.2.7\",\"<m2@x>\"");
  u.Finish();
  ASSERT_EQ(d.seen.size(), 2u);
  EXPECT_EQ(d.seen[0].status, "unknown");
  EXPECT_EQ(d.seen[0].relay, "203.0.113.25 (a smart host outside the organisation)");
  EXPECT_EQ(d.seen[1].status, "sent");
}

}  // namespace
}  // namespace nearmiss::maillog

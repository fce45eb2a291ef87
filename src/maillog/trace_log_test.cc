// TraceLog on Exchange message tracking logs and their CSV exports, and
// what any trace file shares: records, line counts, detection.
#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "maillog/csv_records.h"
#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/trace_test_util.h"

namespace nearmiss::maillog {
namespace {

TEST(CsvRecords, QuotedCommasQuotesAndLineBreaks) {
  std::vector<std::pair<std::vector<std::string>, uint64_t>> got;
  std::vector<std::string> directives;
  CsvRecords r([&](const std::vector<std::string>& f, uint64_t line) { got.emplace_back(f, line); },
               [&](std::string_view d, uint64_t) { directives.emplace_back(d); });
  r.Feed("#Fields: a,b");
  r.Feed("1,\"x, \"\"y\"\"\"");
  r.Feed("2,\"first");
  r.Feed("#not a directive");
  r.Feed("last\"");
  EXPECT_FALSE(r.Finish());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].first, (std::vector<std::string>{"1", "x, \"y\""}));
  EXPECT_EQ(got[1].first, (std::vector<std::string>{"2", "first\n#not a directive\nlast"}));
  EXPECT_EQ(got[1].second, 3u);
  EXPECT_EQ(directives, (std::vector<std::string>{"#Fields: a,b"}));
}

TEST(TraceLog, ExchangeRecipientsAndEvents) {
  TraceCollect c;
  TraceLog t("MSGTRK2025110301-1.LOG", &c);
  for (const char* line : {
           "#Software: Microsoft Exchange Server",
           "#Version: 15.02.1544.004",
           "#Log-type: Message Tracking Log",
           "#Date: 2025-11-03T09:00:00.000Z",
           "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
           "connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
           "recipient-address,recipient-status,total-bytes,recipient-count,"
           "related-recipient-address,reference,message-subject,sender-address,return-path,"
           "message-info,directionality,tenant-id,original-client-ip,original-server-ip,"
           "custom-data",
           "2025-11-03T09:12:05.100Z,10.0.4.12,WS12,10.0.0.5,EX01,,,STOREDRIVER,RECEIVE,41,"
           "<m1@mod.gov.uk>,a-b,bob@army.ml;carol@army.mil,,4821,2,,,\"Plan, v2\","
           "alice@mod.gov.uk,alice@mod.gov.uk,,Originating,,,,",
           "2025-11-03T09:12:06.200Z,10.0.0.5,EX01,192.0.2.7,mx.army.ml,250 2.0.0 OK,"
           "Internet,SMTP,SEND,41,<m1@mod.gov.uk>,a-b,bob@army.ml;carol@army.mil,250 2.0.0 OK,"
           "4821,2,,,\"Plan, v2\",alice@mod.gov.uk,alice@mod.gov.uk,,Originating,,,,",
           "2025-11-03T09:12:07.000Z,,,,EX01,,,SMTP,FROBNICATE,41,<m1@mod.gov.uk>,a-b,"
           "bob@army.ml,,1,1,,,x,alice@mod.gov.uk,,,,,,,",
           "2025-11-03 short",
       }) {
    t.Feed(line);
  }
  t.Finish();
  // RECEIVE hands each recipient on as "unknown" (its outcome still to
  // come, breaker round 2 §2); the SEND's "sent" replaces it downstream.
  ASSERT_EQ(c.seen.size(), 4u);
  EXPECT_EQ(c.seen[0].rcpt, "bob@army.ml");
  EXPECT_EQ(c.seen[0].status, "unknown");
  EXPECT_EQ(c.seen[0].relay, "EX01 (RECEIVE; no later event in the logs given)");
  EXPECT_EQ(c.seen[2].time, "2025-11-03T09:12:06");
  EXPECT_EQ(c.seen[2].id, "m1@mod.gov.uk");
  EXPECT_EQ(c.seen[2].rcpt, "bob@army.ml");
  EXPECT_EQ(c.seen[3].rcpt, "carol@army.mil");
  EXPECT_EQ(c.seen[3].status, "sent");
  EXPECT_EQ(t.counts().delivery_lines, 2u);  // the RECEIVE's are no attempts
  const LineCounts& n = t.counts();
  EXPECT_EQ(n.recognised, 8u);
  // Line 9, a record cut short, is also a delivery line not understood
  // (breaker round 16 §2).
  EXPECT_EQ(n.not_understood, 2u);
  EXPECT_EQ(n.first_not_understood_line, 8u);
  EXPECT_EQ(n.unrecognised, 1u);
  EXPECT_EQ(n.first_unrecognised_line, 9u);
  EXPECT_EQ(n.main_format(), LineFormat::kExchangeTracking);
}

constexpr const char* kExchangeFields =
    "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,"
    "connector-id,source,event-id,internal-message-id,message-id,network-message-id,"
    "recipient-address,recipient-status,total-bytes,recipient-count,"
    "related-recipient-address,reference,message-subject,sender-address,return-path,"
    "message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data";

// Issue 16, finding 15: Exchange's hops inside the organisation (a SEND
// between its own servers, a DELIVER into its own mailbox) were counted as
// sent. Only what left is an attempt; the rest is counted as internal hops.
// A SEND between its servers still hands its recipients on as "unknown",
// with the next hop as relay: given the mailbox server's log alone, mail
// to a look-alike sent on to the Edge once vanished from the report.
TEST(TraceLog, ExchangeInternalHopsAreNotAttempts) {
  TraceCollect c;
  TraceLog t("MSGTRK2025110301-1.LOG", &c);
  for (const char* line : {
           kExchangeFields,
           // Mailbox server to the Edge through the implicit connector: inside.
           "2025-11-03T09:12:05.900Z,10.0.0.5,EX01,10.0.0.9,EDGE01,x,"
           "Intra-Organization SMTP Send Connector,SMTP,SEND,41,<m1@mod.gov.uk>,a-b,"
           "bob@army.ml,250 2.1.5 Recipient OK,4821,1,,,x,alice@mod.gov.uk,,,Originating,,,,",
           // The Edge subscription's connector into the organisation: inside.
           "2025-11-03T09:12:05.950Z,10.0.0.9,EDGE01,10.0.0.5,EX01,x,"
           "EdgeSync - Inbound to Default-First-Site-Name,SMTP,SEND,42,<m2@mod.gov.uk>,a-c,"
           "eve@army.ml,250 OK,4821,1,,,x,alice@mod.gov.uk,,,Incoming,,,,",
           // Delivered into one of its own mailboxes: inside.
           "2025-11-03T09:12:06.000Z,,,10.0.0.5,EX01,x,,STOREDRIVER,DELIVER,43,<m3@mod.gov.uk>,"
           "a-d,fay@army.ml,,900,1,,,x,alice@mod.gov.uk,,,Originating,,,,",
           // High availability and agents: not deliveries at all.
           "2025-11-03T09:12:06.100Z,,,10.0.0.5,EX01,x,,SMTP,HAREDIRECT,41,<m1@mod.gov.uk>,a-b,"
           "bob@army.ml,,4821,1,,,x,alice@mod.gov.uk,,,Originating,,,,",
           "2025-11-03T09:12:06.200Z,,,10.0.0.5,EX01,x,,AGENT,AGENTINFO,41,<m1@mod.gov.uk>,a-b,"
           "bob@army.ml,,4821,1,,,x,alice@mod.gov.uk,,,Originating,,,,",
           // Out through a Send connector to the internet: the attempt.
           "2025-11-03T09:12:06.733Z,10.0.0.9,EDGE01,192.0.2.7,mx.army.ml,x,Internet,SMTP,SEND,"
           "5201,<m1@mod.gov.uk>,a-b,bob@army.ml,250 2.1.5 Ok,4840,1,,,x,alice@mod.gov.uk,,,"
           "Originating,,,,",
           "2025-11-03T09:12:07.000Z,10.0.0.9,EDGE01,192.0.2.8,mx.navy.ml,x,Internet,SMTP,"
           "SENDEXTERNAL,5202,<m4@mod.gov.uk>,a-e,gus@navy.ml,250 2.1.5 Ok,4840,1,,,x,"
           "alice@mod.gov.uk,,,Originating,,,,",
       }) {
    t.Feed(line);
  }
  t.Finish();
  ASSERT_EQ(c.seen.size(), 7u);
  EXPECT_EQ(c.seen[0].rcpt, "bob@army.ml");
  EXPECT_EQ(c.seen[0].status, "unknown");
  EXPECT_EQ(c.seen[0].relay, "EDGE01");
  EXPECT_EQ(c.seen[1].rcpt, "eve@army.ml");
  EXPECT_EQ(c.seen[1].status, "unknown");
  EXPECT_EQ(c.seen[1].relay, "EX01");
  // DELIVER into its own mailbox settles the recipient: "internal".
  EXPECT_EQ(c.seen[2].rcpt, "fay@army.ml");
  EXPECT_EQ(c.seen[2].status, "internal");
  // HAREDIRECT and AGENTINFO: no deliveries, their recipient still on its
  // way (replaced by the SEND's outcome downstream).
  EXPECT_EQ(c.seen[3].status, "unknown");
  EXPECT_EQ(c.seen[3].relay, "EX01 (HAREDIRECT; no later event in the logs given)");
  EXPECT_EQ(c.seen[4].relay, "EX01 (AGENTINFO; no later event in the logs given)");
  EXPECT_EQ(c.seen[5].rcpt, "bob@army.ml");
  EXPECT_EQ(c.seen[5].time, "2025-11-03T09:12:06");
  EXPECT_EQ(c.seen[5].status, "sent");
  EXPECT_EQ(c.seen[6].rcpt, "gus@navy.ml");
  EXPECT_EQ(c.seen[6].status, "sent");
  EXPECT_EQ(t.counts().internal_hops, 3u);
  EXPECT_EQ(t.counts().delivery_lines, 2u);
  EXPECT_EQ(t.counts().not_understood, 0u);
}

// Issue 16, finding 8: a record with more fields than its header (an
// unquoted comma in a subject or a recipient list) is unrecognised with its
// line, never read with its fields shifted; so is one with fewer.
TEST(TraceLog, RecordsWithMoreOrFewerFieldsThanTheHeaderAreNotRead) {
  TraceCollect c;
  TraceLog t("MSGTRK2025110301-1.LOG", &c);
  t.Feed(kExchangeFields);
  // An unquoted comma in the subject: 28 fields for 27 names.
  t.Feed("2025-11-03T09:12:06.733Z,10.0.0.9,EDGE01,192.0.2.7,mx.army.ml,x,Internet,SMTP,SEND,"
         "5201,<m1@mod.gov.uk>,a-b,bob@army.ml,250 2.1.5 Ok,4840,1,,,Plan, v2,"
         "alice@mod.gov.uk,,,Originating,,,,");
  t.Feed("2025-11-03T09:12:07.000Z,10.0.0.9,EDGE01,192.0.2.7,mx.army.ml,x,Internet,SMTP,SEND");
  t.Feed("2025-11-03T09:12:08.000Z,10.0.0.9,EDGE01,192.0.2.7,mx.army.ml,x,Internet,SMTP,SEND,"
         "5203,<m3@mod.gov.uk>,a-b,dan@army.ml,250 2.1.5 Ok,4840,1,,,\"Plan, v2\","
         "alice@mod.gov.uk,,,Originating,,,,");
  t.Finish();
  ASSERT_EQ(c.seen.size(), 1u);
  EXPECT_EQ(c.seen[0].rcpt, "dan@army.ml");
  EXPECT_EQ(c.seen[0].sender, "alice@mod.gov.uk");
  EXPECT_EQ(t.counts().unrecognised, 2u);
  EXPECT_EQ(t.counts().first_unrecognised_line, 2u);

  TraceCollect m;
  TraceLog trace("trace.csv", &m);
  trace.Feed("Received,SenderAddress,RecipientAddress,Subject,Status,MessageId");
  trace.Feed("2025-11-03T21:12:06Z,alice@mod.gov.uk,bob@army.ml,Plan, v2,Delivered,<m1@x>");
  trace.Feed("2025-11-03T21:12:07Z,alice@mod.gov.uk,eve@army.ml,\"Plan, v2\",Delivered,<m2@x>");
  trace.Finish();
  ASSERT_EQ(m.seen.size(), 1u);
  EXPECT_EQ(m.seen[0].rcpt, "eve@army.ml");
  EXPECT_EQ(m.seen[0].status, "sent");
  EXPECT_EQ(trace.counts().unrecognised, 1u);
  EXPECT_EQ(trace.counts().first_unrecognised_line, 2u);
  // Breaker round 16 §2: and each is a delivery line not understood (audit
  // and learn exit 2), never passed over with exit 0.
  EXPECT_EQ(t.counts().not_understood, 2u);
  EXPECT_EQ(t.counts().first_not_understood_line, 2u);
  EXPECT_EQ(trace.counts().not_understood, 1u);
}

// Breaker round 16 §2: a trace record after the header that is not read
// (the last row cut while Exchange still wrote the file, a row whose date
// is in no form read, or in no stated order) was only "not recognised":
// exit 0 and nothing on stderr. Each is a delivery line not understood.
TEST(TraceLog, ARecordNotReadAfterTheHeaderIsADeliveryNotUnderstood) {
  struct Case {
    const char* header;
    const char* good;
    const char* bad;
    DateOrder order = DateOrder::kUnstated;
  };
  const char* m365 = "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
                     "\"MessageId\"";
  const char* good = "\"2025-11-04T12:00:00Z\",\"a@mod.gov.uk\",\"c@partner.example\",\"s\","
                     "\"Delivered\",\"<1@x>\"";
  for (const Case& k : std::initializer_list<Case>{
           // cut after the sixth field of eleven (no newline at the end)
           {m365, good, "\"2025-11-04T12:01:00Z\",\"a@mod.gov.uk\",\"bob@army.ml\""},
           // an unquoted comma in the subject: a field too many
           {m365, good, "2025-11-04T12:01:00Z,a@mod.gov.uk,bob@army.ml,plan, v2,Delivered,<2@x>"},
           // a date in words, an ISO date cut, no date at all
           {m365, good, "\"04 Nov 2025 12:01:00\",\"a@mod.gov.uk\",\"bob@army.ml\",\"s\","
                        "\"Delivered\",\"<2@x>\""},
           {m365, good, "\"2025-11-0\",\"a@mod.gov.uk\",\"bob@army.ml\",\"s\",\"Delivered\",\"<2@x>\""},
           {m365, good, "\"\",\"a@mod.gov.uk\",\"bob@army.ml\",\"s\",\"Delivered\",\"<2@x>\""},
           // day/month undecidable, and a month 13 in the order stated
           {m365, good, "\"04/11/2025 12:01:00\",\"a@mod.gov.uk\",\"bob@army.ml\",\"s\","
                        "\"Delivered\",\"<2@x>\""},
           {m365, good, "\"13/11/2025 12:01:00\",\"a@mod.gov.uk\",\"bob@army.ml\",\"s\","
                        "\"Delivered\",\"<2@x>\"", DateOrder::kMonthDay},
           // an Exchange event cut mid-record
           {"#Fields: date-time,event-id,recipient-address,sender-address,connector-id",
            "2025-11-03T09:12:06Z,SEND,c@partner.example,alice@mod.gov.uk,Internet",
            "2025-11-03T09:12:07Z,SEND,bob@army.ml"},
       }) {
    TraceCollect c;
    TraceLog t("trace.csv", &c, k.order);
    t.Feed(k.header);
    t.Feed(k.good);
    t.Feed(k.bad);
    t.Finish();
    EXPECT_EQ(t.counts().not_understood, 1u) << k.bad;
    EXPECT_EQ(t.counts().first_not_understood_line, 3u) << k.bad;
    EXPECT_EQ(c.seen.size(), 1u) << k.bad;
  }
}

TEST(TraceLog, LooksLikeTrace) {
  EXPECT_TRUE(LooksLikeTrace("#Software: Microsoft Exchange Server"));
  EXPECT_TRUE(LooksLikeTrace("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Status\""));
  EXPECT_TRUE(LooksLikeTrace("origin_timestamp_utc,sender_address,recipient_status"));
  EXPECT_FALSE(LooksLikeTrace("Nov  3 09:12:03 mail postfix/smtp[1]: x"));
  EXPECT_FALSE(LooksLikeTrace("sender,recipient,date"));
}

// Found by fuzz/maillog_read_fuzz.cc (fuzz/regressions/maillog_read/): libcsv
// ends a record at a bare CR as well, so a line "record\rrecord" gave two
// records and was counted twice, and the share of recognised lines that
// decides whether a file is a mail log was taken over more lines than the
// file had. Each line is counted once, as unrecognised if any part was.
TEST(TraceLog, ALineHoldingTwoRecordsIsCountedOnce) {
  TraceCollect c;
  TraceLog t("MSGTRK2025110301-1.LOG", &c);
  t.Feed("#Fields: date-time,event-id,recipient-address,sender-address");
  t.Feed("2025-11-03T09:12:06Z,SEND,bob@army.ml,alice@mod.gov.uk\r"
         "2025-11-03T09:12:07Z,SEND,carol@army.ml,alice@mod.gov.uk");
  t.Feed("2025-11-03T09:12:08Z,SEND,dan@army.ml,alice@mod.gov.uk\rnot,a,record");
  t.Feed("2025-11-03T09:12:09Z,SEND,erin@army.ml,alice@mod.gov.uk");
  t.Finish();
  const LineCounts& n = t.counts();
  EXPECT_EQ(n.lines, 4u);
  EXPECT_EQ(n.recognised + n.unrecognised, 4u);
  EXPECT_EQ(n.unrecognised, 1u);  // line 3: its second record has too few fields
  EXPECT_EQ(n.first_unrecognised_line, 3u);
  EXPECT_EQ(n.recognised, 3u);
}

TEST(TraceLog, FuzzFindingCountsAddUp) {
  // ctest runs the tests from the source tree (cmake/nearmiss.cmake).
  const std::string path =
      "fuzz/regressions/maillog_read/crash-9ccf94bee46cdf1ed1b86554cd3d97087ec8d415";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  TraceCollect c;
  TraceLog t("fuzz.LOG", &c);
  std::string_view text = std::string_view(bytes).substr(1);  // the fuzz target's option byte
  uint64_t lines = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    t.Feed(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++lines;
  }
  t.Finish();
  EXPECT_EQ(t.counts().lines, lines);
  EXPECT_LE(t.counts().recognised + t.counts().unrecognised, lines);
}

// Issue 16, round three, 5: Get-MessageTrackingLog | Export-Csv is its own
// form (not m365-trace); its #TYPE line counts as that form; a list joined
// by ';' or blanks is read per recipient; System.String[] refuses the file.
TEST(TraceLog, MessageTrackingExportCsv) {
  TraceCollect c;
  TraceLog t("tracking.csv", &c);
  t.Feed("#TYPE Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent");
  t.Feed("\"Timestamp\",\"EventId\",\"Source\",\"ConnectorId\",\"ServerHostname\",\"Sender\","
         "\"Recipients\",\"MessageId\",\"MessageSubject\"");
  t.Feed("\"11/3/2025 10:05:03 AM\",\"SEND\",\"SMTP\",\"Internet\",\"mx.army.ml\","
         "\"alice@mod.gov.uk\",\"bob@army.ml;carol@army.mil\",\"<a1@mod.gov.uk>\",\"Plan\"");
  t.Feed("\"11/3/2025 10:06:00 AM\",\"SEND\",\"SMTP\",\"Internet\",\"mx.gmial.com\","
         "\"hank@mod.gov.uk\",\"erin@gmial.com frank@partner.example\",\"<a3@mod.gov.uk>\",\"M\"");
  t.Finish();
  ASSERT_EQ(c.seen.size(), 4u);
  EXPECT_EQ(c.seen[1].rcpt, "carol@army.mil");
  EXPECT_EQ(c.seen[3].rcpt, "frank@partner.example");
  // No RecipientStatus column: a refusal of either recipient cannot be
  // seen, so neither is "sent" (round 57's tester 16, finding 1).
  EXPECT_EQ(c.seen[3].status, "unknown");
  EXPECT_NE(c.seen[3].relay.find(kNoReplyColumn), std::string::npos) << c.seen[3].relay;
  EXPECT_EQ(t.counts().sends_without_replies, 2u);
  EXPECT_EQ(t.counts().first_send_without_replies_line, 3u);
  EXPECT_EQ(t.counts().main_format(), LineFormat::kExchangeTrackingExport);
  EXPECT_EQ(t.counts().recognised, 4u);
  EXPECT_EQ(t.counts().by_format[static_cast<size_t>(LineFormat::kM365Trace)], 0u);
  EXPECT_TRUE(t.counts().refused.empty());

  TraceCollect d;
  TraceLog u("typed.csv", &d);
  u.Feed("\"Timestamp\",\"EventId\",\"Sender\",\"Recipients\",\"MessageId\"");
  u.Feed("\"11/3/2025 10:05:03 AM\",\"SEND\",\"alice@mod.gov.uk\",\"System.String[]\",\"<x@y>\"");
  u.Finish();
  EXPECT_TRUE(d.seen.empty());
  EXPECT_NE(u.counts().refused.find("typed.csv:2: the Recipients column holds 'System.String[]'"),
            std::string::npos)
      << u.counts().refused;
  EXPECT_NE(u.counts().refused.find("-join ';'"), std::string::npos);

  // With RecipientStatus joined, each recipient's reply decides it.
  TraceCollect e;
  TraceLog v("joined.csv", &e);
  v.Feed("\"Timestamp\",\"EventId\",\"ServerHostname\",\"Sender\",\"Recipients\","
         "\"RecipientStatus\",\"MessageId\"");
  v.Feed("\"11/3/2025 10:05:03 AM\",\"SEND\",\"mx.army.ml\",\"alice@mod.gov.uk\","
         "\"bob@army.ml;carol@army.ml\",\"250 2.0.0 OK;550 5.1.1 User unknown\",\"<x@y>\"");
  v.Finish();
  ASSERT_EQ(e.seen.size(), 2u);
  EXPECT_EQ(e.seen[0].status, "sent");
  EXPECT_EQ(e.seen[1].status, "bounced");
  EXPECT_EQ(v.counts().sends_without_replies, 0u);

  // RecipientStatus written as its type's name is refused as Recipients
  // is, naming its column, and the export given keeps both lists.
  TraceCollect g;
  TraceLog w("status.csv", &g);
  w.Feed("\"Timestamp\",\"EventId\",\"Sender\",\"Recipients\",\"RecipientStatus\",\"MessageId\"");
  w.Feed("\"11/3/2025 10:05:03 AM\",\"SEND\",\"alice@mod.gov.uk\",\"bob@army.ml\","
         "\"System.String[]\",\"<x@y>\"");
  w.Finish();
  EXPECT_TRUE(g.seen.empty());
  EXPECT_NE(w.counts().refused.find("status.csv:2: the RecipientStatus column holds 'System.String[]'"),
            std::string::npos)
      << w.counts().refused;
  EXPECT_NE(w.counts().refused.find("@{n='RecipientStatus';e={$_.RecipientStatus -join ';'}}"),
            std::string::npos);
  EXPECT_TRUE(LooksLikeTrace("\"Timestamp\",\"EventId\",\"Sender\",\"Recipients\""));
}

// issue-16 tester, round 8, defect 1: an Exchange log whose #Fields line
// cannot give a delivery (no event-id, no recipient-address), or whose
// records come before any #Fields line, is refused at that line: its
// directive lines counted as recognised must not pass it as read, whatever
// --min-recognised says.
TEST(TraceLog, ExchangeFieldsThatCannotGiveADeliveryRefuseTheFile) {
  const char* directives[] = {"#Software: Microsoft Exchange Server", "#Version: 15.02.1544.004",
                              "#Log-type: Message Tracking Log", "#Date: 2025-11-03T09:00:01Z"};
  struct Form {
    std::string fields;  // "" for none
    std::string row;
    std::string want;
  };
  const Form forms[] = {
      {"#Fields: date-time,recipient-address,sender-address,message-subject",
       "2025-11-03T09:12:01Z,bob@army.ml,alice@mod.gov.uk,Plans",
       "MSGTRK.LOG:5: the #Fields line has no event-id: "},
      {"#Fields: date-time,event-id", "2025-11-03T09:12:01Z,SEND",
       "MSGTRK.LOG:5: the #Fields line has no recipient-address: "},
      {"#Fields: event-id,recipient-address", "SEND,bob@army.ml",
       "MSGTRK.LOG:5: the #Fields line has no date-time: "},
      {"", "2025-11-03T09:12:01Z,10.0.0.5,EX01,SEND,bob@army.ml,alice@mod.gov.uk",
       "MSGTRK.LOG:5: an Exchange message tracking record before any #Fields line"},
  };
  for (const Form& form : forms) {
    TraceCollect c;
    TraceLog t("MSGTRK.LOG", &c);
    for (const char* d : directives) t.Feed(d);
    if (!form.fields.empty()) t.Feed(form.fields);
    for (int i = 0; i < 10; ++i) t.Feed(form.row);
    t.Finish();
    EXPECT_TRUE(c.seen.empty()) << form.fields;
    EXPECT_TRUE(t.counts().refused.starts_with(form.want)) << t.counts().refused;
    EXPECT_EQ(t.counts().refused.find("lower --min-recognised"), std::string::npos);
    EXPECT_GE(t.counts().not_understood, 10u) << form.fields;
  }
}

}  // namespace
}  // namespace nearmiss::maillog

#include "maillog/trace_address.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "maillog/postfix_log.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {
namespace {

std::vector<std::string> Split(std::string_view cell) {
  std::vector<std::string_view> v;
  SplitTraceAddresses(cell, &v);
  return {v.begin(), v.end()};
}

using Strings = std::vector<std::string>;

TEST(TraceAddress, ListsSplitAsExchangeExportsWriteThem) {
  EXPECT_EQ(Split("gina@army.ml;hank@partner.example"),
            (Strings{"gina@army.ml", "hank@partner.example"}));
  EXPECT_EQ(Split("ivan@army.ml,jane@partner.example"),
            (Strings{"ivan@army.ml", "jane@partner.example"}));
  EXPECT_EQ(Split("a@army.ml b@navy.ml\tc@x.example"),
            (Strings{"a@army.ml", "b@navy.ml", "c@x.example"}));
  EXPECT_EQ(Split(" a@army.ml ; ; b@navy.ml ;"), (Strings{"a@army.ml", "b@navy.ml"}));
  // Separators inside quotes are the local part's.
  EXPECT_EQ(Split("\"a;b, c\"@army.ml;d@x.example"),
            (Strings{"\"a;b, c\"@army.ml", "d@x.example"}));
  EXPECT_EQ(Split("\"x\\\";y\"@army.ml"), (Strings{"\"x\\\";y\"@army.ml"}));
  // Display-name forms, with a comma in a quoted name.
  EXPECT_EQ(Split("Frank <frank@army.ml>"), (Strings{"frank@army.ml"}));
  EXPECT_EQ(Split("\"Smith, Bob\" <bob@army.mil>; <c@army.ml>"),
            (Strings{"bob@army.mil", "c@army.ml"}));
  // A display name holding an address of its own: not one address.
  EXPECT_EQ(Split("a@army.ml <b@army.mil>"), (Strings{"a@army.ml <b@army.mil>"}));
  EXPECT_EQ(Split("<>"), Strings{});
  EXPECT_EQ(Split(""), Strings{});
}

// Issue-16 tester, item 7: a line break in a cell (Excel's Alt+Enter)
// separated nothing, so the cell was one address that is none, and the
// look-alike after the break left the report.
TEST(TraceAddress, LineBreaksInACellSeparateAsBlanks) {
  EXPECT_EQ(Split("bob@mod.gov.uk\r\ncarol@army.ml"),
            (Strings{"bob@mod.gov.uk", "carol@army.ml"}));
  EXPECT_EQ(Split("bob@mod.gov.uk\ncarol@army.ml\rdan@army.ml"),
            (Strings{"bob@mod.gov.uk", "carol@army.ml", "dan@army.ml"}));
  EXPECT_EQ(Split("\r\n bob@mod.gov.uk;\r\ncarol@army.ml\r\n"),
            (Strings{"bob@mod.gov.uk", "carol@army.ml"}));
  EXPECT_EQ(Split("Frank <frank@army.ml>\r\n"), (Strings{"frank@army.ml"}));
  // Inside quotes a break is the local part's, as ';' is.
  EXPECT_EQ(Split("\"a\nb\"@army.ml\nc@x.example"), (Strings{"\"a\nb\"@army.ml", "c@x.example"}));
  bool one = true;
  EXPECT_EQ(OneTraceAddress("alice@mod.gov.uk\r\n", &one), "alice@mod.gov.uk");
  EXPECT_TRUE(one);
  OneTraceAddress("alice@mod.gov.uk\nbob@army.ml", &one);
  EXPECT_FALSE(one);
}

TEST(TraceAddress, OnlyOneSmtpAddressIsValid) {
  for (const char* good : {"bob@army.ml", "Bob.Smith+x@army.ml", "\"x>y\"@army.ml",
                           "\"a;b\"@army.ml", "\"a@b\"@army.ml", "o'neil@army.ml",
                           "bob@army.ml.", "bob@[192.0.2.7]", "b\xC3\xA9@\xC3\xA9.fr"}) {
    EXPECT_TRUE(TraceAddressValid(good)) << good;
  }
  // Each of these would be judged by the text after its last '@'.
  for (const char* bad :
       {"gina@army.ml;hank@navy.ml", "ivan@army.ml,jane@partner.example", "a@b@army.ml",
        "a b@army.ml", "a<b@army.ml", "a(b)@army.ml", "a[b]@army.ml", "a:b@army.ml",
        "a\\b@army.ml", "\"open@army.ml", "\"\"@army.ml", "@army.ml", "bob@", "bob",
        "bob@army..ml", "Frank <frank@army.ml>"}) {
    EXPECT_FALSE(TraceAddressValid(bad)) << bad;
  }
}

TEST(TraceAddress, OneSender) {
  bool one = false;
  EXPECT_EQ(OneTraceAddress("Alice <alice@mod.gov.uk>", &one), "alice@mod.gov.uk");
  EXPECT_TRUE(one);
  EXPECT_EQ(OneTraceAddress("<>", &one), "");
  EXPECT_TRUE(one);
  EXPECT_EQ(OneTraceAddress("alice@mod.gov.uk;eve@mod.gov.uk", &one), "");
  EXPECT_FALSE(one);
  EXPECT_EQ(OneTraceAddress("alice@eve@mod.gov.uk", &one), "");
  EXPECT_FALSE(one);
}

struct Seen {
  std::string sender, rcpt, status;
};

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    seen.push_back({std::string(a.sender), std::string(a.recipient), std::string(a.status)});
  }
  std::vector<Seen> seen;
};

std::vector<std::string> Recipients(const Collect& c) {
  std::vector<std::string> out;
  for (const Seen& s : c.seen) out.push_back(s.rcpt);
  return out;
}

// Breaker round 3 §1: a cell holding two addresses was read as one address
// judged by its last domain; the look-alike before it vanished (exit 0).
TEST(TraceAddress, M365CellWithSeveralRecipientsGivesEach) {
  Collect c;
  TraceLog t("trace.csv", &c);
  for (const char* line : {
           "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
           "\"MessageId\"",
           "\"2025-11-03T09:12:11Z\",\"alice@mod.gov.uk\",\"gina@army.ml;hank@partner.example\","
           "\"x\",\"Delivered\",\"<b6@x>\"",
           "\"2025-11-03T09:12:12Z\",\"alice@mod.gov.uk\",\"ivan@army.ml,jane@partner.example\","
           "\"x\",\"Failed\",\"<b7@x>\"",
           "\"2025-11-03T09:12:13Z\",\"alice@mod.gov.uk\",\"Frank <frank@army.ml>\",\"x\","
           "\"None\",\"<b8@x>\"",
       }) {
    t.Feed(line);
  }
  t.Finish();
  EXPECT_EQ(Recipients(c), (Strings{"gina@army.ml", "hank@partner.example", "ivan@army.ml",
                                    "jane@partner.example", "frank@army.ml"}));
  EXPECT_EQ(c.seen[2].status, "bounced");
  EXPECT_EQ(c.seen[4].status, "bounced");
  EXPECT_EQ(t.counts().not_understood, 0u);
}

// The admin center's headings and historical search's recipient_status.
TEST(TraceAddress, AdminCenterAndHistoricalSearchCells) {
  Collect c;
  TraceLog t("eac.csv", &c);
  t.Feed("\"Date (UTC)\",\"Sender\",\"Recipient\",\"Subject\",\"Status\",\"Message ID\"");
  t.Feed("\"2025-11-03 09:12:06\",\"alice@mod.gov.uk\",\"u1@army.ml;x@partner.example\",\"hi\","
         "\"Delivered\",\"<e1@x>\"");
  t.Finish();
  EXPECT_EQ(Recipients(c), (Strings{"u1@army.ml", "x@partner.example"}));

  Collect h;
  TraceLog hs("hs.csv", &h);
  hs.Feed("origin_timestamp_utc,sender_address,recipient_status,message_subject,message_id");
  hs.Feed("2025-11-05 08:00:01Z,alice@mod.gov.uk,\"bob@army.ml,x@partner.example##Receive, "
          "Send;\"\"q;r\"\"@navy.ml##Receive, Fail\",s,<h1@x>");
  hs.Finish();
  ASSERT_EQ(Recipients(h), (Strings{"bob@army.ml", "x@partner.example", "\"q;r\"@navy.ml"}));
  EXPECT_EQ(h.seen[0].status, "sent");
  EXPECT_EQ(h.seen[2].status, "bounced");
}

// What is not one address is counted as not understood (an input error,
// exit 2), never judged by its last '@', in every trace form.
TEST(TraceAddress, InvalidAddressesAreNotUnderstood) {
  Collect c;
  TraceLog t("trace.csv", &c);
  for (const char* line : {
           "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
           "\"MessageId\"",
           "\"2025-11-03T09:12:11Z\",\"alice@mod.gov.uk\",\"gina@navy.ml@army.mil\",\"x\","
           "\"Delivered\",\"<1@x>\"",
           "\"2025-11-03T09:12:12Z\",\"alice@mod.gov.uk\",\"\",\"x\",\"Delivered\",\"<2@x>\"",
       }) {
    t.Feed(line);
  }
  t.Finish();
  EXPECT_TRUE(c.seen.empty());
  EXPECT_EQ(t.counts().not_understood, 2u);
  // The empty cell names no recipient at all: a record not read, said as
  // such (round 35, item 1), not a recipient that cannot be parsed.
  EXPECT_EQ(t.counts().unparsable_recipients, 1u);
  EXPECT_EQ(t.counts().first_unparsable_recipient_line, 2u);
  EXPECT_EQ(t.counts().empty_recipients, 1u);
  EXPECT_EQ(t.counts().first_empty_recipient_line, 3u);

  Collect e;
  TraceLog ex("MSGTRK2025110301-1.LOG", &e);
  ex.Feed("#Fields: date-time,event-id,message-id,recipient-address,sender-address");
  ex.Feed("2025-11-03T09:00:00.000Z,SEND,<m@x>,\"a@army.ml;b,c@navy.ml\",alice@mod.gov.uk");
  ex.Finish();
  // The unquoted ',' splits as an export's does: three pieces, "b" not an
  // address, counted.
  EXPECT_EQ(Recipients(e), (Strings{"a@army.ml", "c@navy.ml"}));
  EXPECT_EQ(ex.counts().unparsable_recipients, 1u);
}

// A sender cell holding a list names no sender: the row is not understood
// (its recipients still judged when auditing, nothing learned from it).
TEST(TraceAddress, SenderListIsNotUnderstood) {
  for (bool learning : {false, true}) {
    Collect c;
    TraceLog t("trace.csv", &c, DateOrder::kUnstated, {}, learning,
               [](std::string_view d) { return d == "mod.gov.uk"; });
    t.Feed("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\","
           "\"MessageId\",\"Direction\"");
    t.Feed("\"2025-11-03T09:12:07Z\",\"alice@mod.gov.uk;eve@mod.gov.uk\",\"u2@army.ml\",\"hi\","
           "\"Delivered\",\"<d2@x>\",\"Outbound\"");
    t.Finish();
    EXPECT_EQ(t.counts().not_understood, 1u);
    EXPECT_EQ(t.counts().first_not_understood_line, 2u);
    if (learning) {
      EXPECT_TRUE(c.seen.empty());
    } else {
      ASSERT_EQ(c.seen.size(), 1u);
      EXPECT_EQ(c.seen[0].sender, "");
      EXPECT_EQ(c.seen[0].rcpt, "u2@army.ml");
    }
  }
}

// A SEND whose recipient-status holds one reply per recipient: a refused
// recipient is not "sent" (breaker round 3 §12); one reply for several
// recipients is the message's.
TEST(TraceAddress, ExchangeSendRepliesPerRecipient) {
  Collect c;
  TraceLog ex("MSGTRK2025110311-1.LOG", &c);
  ex.Feed("#Fields: date-time,event-id,message-id,recipient-address,recipient-status,"
          "sender-address");
  ex.Feed("2025-11-03T11:00:00.000Z,SEND,<m@x>,bob@army.ml;carol@navy.ml;dan@x.example,"
          "550 5.1.1 User unknown;250 2.1.5 Recipient OK;452 4.2.2 Mailbox full,"
          "alice@mod.gov.uk");
  ex.Feed("2025-11-03T11:00:01.000Z,SEND,<n@x>,eve@army.ml;fay@navy.ml,250 2.0.0 OK,"
          "alice@mod.gov.uk");
  ex.Finish();
  ASSERT_EQ(c.seen.size(), 5u);
  EXPECT_EQ(c.seen[0].status, "bounced");
  EXPECT_EQ(c.seen[1].status, "sent");
  EXPECT_EQ(c.seen[2].status, "deferred");
  EXPECT_EQ(c.seen[3].status, "sent");
  EXPECT_EQ(c.seen[4].status, "sent");
}

// Issue-16 tester, item 4: a reply whose own text holds ';' (Postfix's RBL
// refusal "...; Client host [...] blocked using ...") was split into
// pieces that no longer matched the recipients: every recipient unknown.
// One recipient's reply is the whole field; several are split only where
// the next piece starts with a reply code.
TEST(TraceAddress, ExchangeSendReplyTextWithSemicolons) {
  Collect c;
  TraceLog ex("MSGTRK2025110311-1.LOG", &c);
  ex.Feed("#Fields: date-time,event-id,message-id,recipient-address,recipient-status,"
          "sender-address");
  ex.Feed("2025-11-03T11:00:00.000Z,SEND,<m1@x>,bob@army.ml,\"550 5.7.1 Service unavailable; "
          "Client host [192.0.2.1] blocked using zen.spamhaus.org\",alice@mod.gov.uk");
  ex.Feed("2025-11-03T11:00:01.000Z,SEND,<m2@x>,carol@army.ml;dan@army.ml,\"250 2.1.5 OK;550 "
          "5.7.1 Service unavailable; Client host blocked\",alice@mod.gov.uk");
  ex.Feed("2025-11-03T11:00:02.000Z,SEND,<m3@x>,eve@army.ml;fay@army.ml,\"451 4.7.1 Try again "
          "later; greylisted;250-2.0.0 queued; id=1\",alice@mod.gov.uk");
  // One reply for the message, with ';' in its text, for two recipients.
  ex.Feed("2025-11-03T11:00:03.000Z,SEND,<m4@x>,gus@army.ml;hal@army.ml,\"554 5.7.1 rejected; "
          "see https://example.net/x;y\",alice@mod.gov.uk");
  // One recipient whose reply says "250" after ';': still one reply, a refusal.
  ex.Feed("2025-11-03T11:00:04.000Z,SEND,<m5@x>,ida@army.ml,\"550 5.1.1 no such user; 250 "
          "would be nice\",alice@mod.gov.uk");
  ex.Finish();
  std::vector<std::string> got;
  for (const auto& s : c.seen) got.push_back(s.rcpt + " " + s.status);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "bob@army.ml bounced", "carol@army.ml sent", "dan@army.ml bounced",
                     "eve@army.ml deferred", "fay@army.ml sent", "gus@army.ml bounced",
                     "hal@army.ml bounced", "ida@army.ml bounced"}));
  EXPECT_EQ(ex.counts().not_understood, 0u);
}

// Issue-16 tester round 34, item 6: the list forms real exports write
// (PowerShell's "{a, b}" for a String[], ConvertTo-Json's ["a","b"], a
// bracketed element) are read as a whole: every address, never the first
// piece with its wrapper ("{bob@army.ml") and the rest dropped.
TEST(TraceAddress, WrappedListFormsAreReadWhole) {
  EXPECT_EQ(Split("{bob@army.ml, carol@navy.ml}"), (Strings{"bob@army.ml", "carol@navy.ml"}));
  EXPECT_EQ(Split("{bob@army.ml}"), (Strings{"bob@army.ml"}));
  EXPECT_EQ(Split("<dan@army.ml>; [eve@navy.ml]"), (Strings{"dan@army.ml", "eve@navy.ml"}));
  EXPECT_EQ(Split("[\"fay@army.ml\",\"gus@navy.ml\"]"), (Strings{"fay@army.ml", "gus@navy.ml"}));
  EXPECT_EQ(Split(" { hal@army.ml ; <ida@navy.ml> } "), (Strings{"hal@army.ml", "ida@navy.ml"}));
  // An address literal keeps its brackets; a quoted local part its quotes.
  EXPECT_EQ(Split("{jo@[192.0.2.1], \"k l\"@army.ml}"),
            (Strings{"jo@[192.0.2.1]", "\"k l\"@army.ml"}));
  for (const std::string& a : Split("{bob@army.ml, carol@navy.ml}")) {
    EXPECT_TRUE(TraceAddressValid(a)) << a;
  }
}

TEST(TraceAddress, ExchangeExportBracedRepliesPerRecipient) {
  Collect c;
  TraceLog ex("MSGTRK2025110311-1.LOG", &c);
  ex.Feed("#Fields: date-time,event-id,message-id,recipient-address,recipient-status,"
          "sender-address");
  ex.Feed("2025-11-03T11:00:00.000Z,SEND,<m@x>,\"{bob@army.ml, carol@navy.ml}\","
          "\"{550 5.1.1 User unknown, 250 2.1.5 Recipient OK}\",alice@mod.gov.uk");
  ex.Finish();
  std::vector<std::string> got;
  for (const auto& s : c.seen) got.push_back(s.rcpt + " " + s.status);
  EXPECT_EQ(got, (std::vector<std::string>{"bob@army.ml bounced", "carol@navy.ml sent"}));
  EXPECT_EQ(ex.counts().not_understood, 0u);
}

}  // namespace
}  // namespace nearmiss::maillog
